// The operator's reading roster: every radiologist with whether they are on shift now (in their own time zone), their
// capacity, what they read and their weekly shifts, and an editor for it. Saving reads the profile again, changes only
// what the operator edited on the form and PUTs the whole profile back with If-Match, so a change another operator made
// meanwhile to another field is kept, and one made to the same version is refused (412) with an offer to reload — the
// scheme of the contract editor (clinic-contracts.js). The API refuses everyone but operators; app.js shows it to them.
import { addText, t, esc, api, apiWithTag, readAll, changed, fill, knownTimeZone, timeZones } from "./core.js";
import { onVersionedSubmit } from "./versioned-form.js";

addText(
  { roster: "読影医の勤務表", rName: "氏名", onShiftNow: "現在", onShift: "勤務中", offShift: "勤務外", capacity: "処理能力",
    perHour: "件/時", rSubspecialties: "専門領域", rModalities: "モダリティ", shifts: "勤務時間", excluded: "担当しないクリニック",
    editRoster: "編集", profileOf: "読影医の設定", boardCertified: "放射線診断専門医", years: "経験年数", credentials: "資格（カンマ区切り）",
    languages: "言語（カンマ区切り）", timeZoneOfShifts: "勤務時間のタイムゾーン", day: "曜日", start: "開始", hours: "時間",
    addShift: "勤務を追加", removeShift: "削除", noShifts: "勤務時間なし", save: "保存", cancelEdit: "閉じる", saved: "保存しました",
    reload: "再読み込み", none: "なし",
    badCapacity: "処理能力は1以上の整数（件/時）で入力してください。", badYears: "経験年数は0以上の整数で入力してください。",
    badRosterZone: "タイムゾーン「{z}」は不明です。", badShift: "{n}行目の勤務：開始時刻と、0より長く24時間以内の時間を入力してください。",
    conflictProfile: "この読影医の設定は、開いている間に他の操作者が変更しました。変更は保存されていません。再読み込みして、もう一度変更してください。",
    General: "一般", Neuro: "神経", HeadNeck: "頭頸部", Chest: "胸部", Abdominal: "腹部", Musculoskeletal: "骨軟部", Breast: "乳腺",
    Cardiac: "心臓", Pediatric: "小児", CT: "CT", MR: "MRI", XRay: "X線", Mammography: "マンモグラフィ", Ultrasound: "超音波",
    NuclearMedicine: "核医学", Sunday: "日", Monday: "月", Tuesday: "火", Wednesday: "水", Thursday: "木", Friday: "金", Saturday: "土" },
  { roster: "Reading roster", rName: "Name", onShiftNow: "Now", onShift: "On shift", offShift: "Off shift", capacity: "Capacity",
    perHour: "/h", rSubspecialties: "Subspecialties", rModalities: "Modalities", shifts: "Shifts", excluded: "Not for clinics",
    editRoster: "Edit", profileOf: "Radiologist", boardCertified: "Board certified", years: "Years of experience",
    credentials: "Credentials (comma-separated)", languages: "Languages (comma-separated)", timeZoneOfShifts: "Time zone of the shifts",
    day: "Day", start: "Start", hours: "Hours", addShift: "Add a shift", removeShift: "Remove", noShifts: "No shifts", save: "Save",
    cancelEdit: "Close", saved: "Saved", reload: "Reload", none: "none",
    badCapacity: "The capacity must be a whole number of cases per hour, at least 1.", badYears: "Years of experience must be a whole number, 0 or more.",
    badRosterZone: "Unknown time zone '{z}'.", badShift: "Shift {n}: give a start time and a length of more than 0 and at most 24 hours.",
    conflictProfile: "Another operator changed this radiologist while you had it open. Your change was not saved: reload and make it again.",
    General: "General", Neuro: "Neuro", HeadNeck: "Head & neck", Chest: "Chest", Abdominal: "Abdominal", Musculoskeletal: "Musculoskeletal",
    Breast: "Breast", Cardiac: "Cardiac", Pediatric: "Paediatric", CT: "CT", MR: "MR", XRay: "X-ray", Mammography: "Mammography",
    Ultrasound: "Ultrasound", NuclearMedicine: "Nuclear medicine", Sunday: "Sun", Monday: "Mon", Tuesday: "Tue", Wednesday: "Wed",
    Thursday: "Thu", Friday: "Fri", Saturday: "Sat" });

// The server's enums (Teleread.Reading.Domain): the API writes and reads their names.
const Subspecialties = ["General", "Neuro", "HeadNeck", "Chest", "Abdominal", "Musculoskeletal", "Breast", "Cardiac", "Pediatric"];
const Modalities = ["CT", "MR", "XRay", "Mammography", "Ultrasound", "NuclearMedicine"];
const Days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const WeekMinutes = 7 * 24 * 60;

const hhmm = (time) => String(time ?? "").slice(0, 5);
const minutesOf = (hm) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
/** A .NET TimeSpan as the API writes it ("12:00:00", "1.00:00:00") → hours. */
function hoursOf(span) {
  const [days, rest] = span.includes(".") && span.indexOf(".") < span.indexOf(":") ? span.split(".") : ["0", span];
  const [h, m] = rest.split(":").map(Number);
  return Number(days) * 24 + h + m / 60;
}
/** Hours → a TimeSpan the API reads. */
function spanOf(hours) {
  const total = Math.round(hours * 60);
  const days = Math.floor(total / 1440), h = Math.floor((total % 1440) / 60), m = total % 60;
  return `${days > 0 ? `${days}.` : ""}${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00`;
}

/** Whether the weekly windows (in their own zone, possibly past midnight) cover the instant `now`. */
export function onShiftAt(shifts, now) {
  if (!knownTimeZone(shifts.timeZoneId)) return false;
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-US", { timeZone: shifts.timeZoneId, weekday: "long", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
    .formatToParts(now).map((p) => [p.type, p.value]));
  const at = Days.indexOf(parts.weekday) * 1440 + Number(parts.hour) * 60 + Number(parts.minute);
  return shifts.windows.some((w) => {
    const from = Days.indexOf(w.day) * 1440 + minutesOf(w.start);
    return (at - from + WeekMinutes) % WeekMinutes < hoursOf(w.length) * 60;
  });
}

/** "月火水木金 08:00–20:00" per distinct time, days in week order. */
function shiftSummary(shifts) {
  if (shifts.windows.length === 0) return t("noShifts");
  const groups = new Map();
  for (const w of shifts.windows) {
    const end = (minutesOf(w.start) + Math.round(hoursOf(w.length) * 60)) % 1440;
    const key = `${hhmm(w.start)}–${String(Math.floor(end / 60)).padStart(2, "0")}:${String(end % 60).padStart(2, "0")}`;
    groups.set(key, [...(groups.get(key) ?? []), w.day]);
  }
  // Japanese day names are one character each and read run together (月火水); English ones take a space.
  const separator = t("Monday") === "月" ? "" : " ";
  const days = (list) => Days.filter((d) => list.includes(d)).map((d) => t(d)).join(separator);
  return [...groups].map(([time, list]) => `${days(list)} ${time}`).join(" / ");
}

const tags = (list) => (list.length ? list.map((x) => `<span class="tag">${esc(t(x))}</span>`).join("") : `<span class="muted">${t("none")}</span>`);

function row(p, clinicName) {
  const on = onShiftAt(p.shifts, new Date());
  return `<tr data-radiologist="${esc(p.id)}"><td data-field="name">${esc(p.name)}</td>
    <td data-field="onShift" data-value="${on}"><span class="badge ${on ? "on-shift" : "off-shift"}">${t(on ? "onShift" : "offShift")}</span></td>
    <td data-field="capacityPerHour">${esc(p.capacityPerHour)}${t("perHour")}</td>
    <td data-field="subspecialties">${tags(p.subspecialties)}</td><td data-field="modalities">${tags(p.modalities)}</td>
    <td data-field="shifts">${esc(shiftSummary(p.shifts))}<div class="muted">${esc(p.shifts.timeZoneId)}</div></td>
    <td data-field="excludedClinicIds">${p.excludedClinicIds.map((id) => esc(clinicName(id))).join(", ") || `<span class="muted">${t("none")}</span>`}</td>
    <td><button type="button" class="link" data-edit-radiologist="${esc(p.id)}">${t("editRoster")}</button></td></tr>`;
}

const shiftRow = (w) => `<tr data-shift>
  <td><select name="shiftDay">${Days.map((d) => `<option value="${d}"${d === w.day ? " selected" : ""}>${esc(t(d))}</option>`).join("")}</select></td>
  <td><input name="shiftStart" type="time" value="${esc(hhmm(w.start))}"></td>
  <td><input name="shiftHours" type="number" min="0.5" max="24" step="0.5" value="${esc(hoursOf(w.length))}"></td>
  <td><button type="button" class="link" data-remove-shift>${t("removeShift")}</button></td></tr>`;

const list = (text) => text.split(",").map((x) => x.trim()).filter((x) => x !== "");
const checked = (f, name) => [...f.querySelectorAll(`input[name=${name}]:checked`)].map((i) => i.value);

/** The profile fields this form edits: name → how to read it from the form, in the API's form. */
const Fields = {
  boardCertified: (f) => f.elements.boardCertified.checked,
  yearsOfExperience: (f) => (f.elements.yearsOfExperience.value.trim() === "" ? NaN : Number(f.elements.yearsOfExperience.value)),
  capacityPerHour: (f) => (f.elements.capacityPerHour.value.trim() === "" ? NaN : Number(f.elements.capacityPerHour.value)),
  subspecialties: (f) => checked(f, "subspecialty"),
  modalities: (f) => checked(f, "modality"),
  credentials: (f) => list(f.elements.credentials.value),
  languages: (f) => list(f.elements.languages.value),
  excludedClinicIds: (f) => checked(f, "excludedClinic"),
  shifts: (f) => ({
    timeZoneId: f.elements.shiftZone.value.trim(),
    windows: [...f.querySelectorAll("tr[data-shift]")].map((r) => ({
      day: r.querySelector("[name=shiftDay]").value,
      start: r.querySelector("[name=shiftStart]").value ? `${r.querySelector("[name=shiftStart]").value}:00` : "",
      hours: r.querySelector("[name=shiftHours]").value.trim() === "" ? NaN : Number(r.querySelector("[name=shiftHours]").value),
    })),
  }),
};

/** What is wrong on the form: [element, message] pairs, empty when it may be sent. The API checks again (400 with its detail). */
function problems(f, v) {
  const found = [];
  if (!Number.isInteger(v.capacityPerHour) || v.capacityPerHour < 1) found.push([f.elements.capacityPerHour, t("badCapacity")]);
  if (!Number.isInteger(v.yearsOfExperience) || v.yearsOfExperience < 0) found.push([f.elements.yearsOfExperience, t("badYears")]);
  if (!knownTimeZone(v.shifts.timeZoneId)) found.push([f.elements.shiftZone, fill("badRosterZone", { z: v.shifts.timeZoneId })]);
  const rows = f.querySelectorAll("tr[data-shift]");
  v.shifts.windows.forEach((w, i) => {
    if (!w.start || !(w.hours > 0 && w.hours <= 24)) found.push([rows[i].querySelector(w.start ? "[name=shiftHours]" : "[name=shiftStart]"), fill("badShift", { n: i + 1 })]);
  });
  return found;
}

/** The form's values in the API's form (shift lengths as TimeSpans). */
const toApi = (v) => ({ ...v, shifts: { timeZoneId: v.shifts.timeZoneId, windows: v.shifts.windows.map((w) => ({ day: w.day, start: w.start, length: spanOf(w.hours) })) } });

function form(p, clinics) {
  const boxes = (name, values, selected, label) => values.map((x) =>
    `<label class="check"><input type="checkbox" name="${name}" value="${esc(x)}"${selected.includes(x) ? " checked" : ""}> ${esc(label(x))}</label>`).join("");
  return `<h2>${t("profileOf")}: ${esc(p.name)}</h2>
    <form id="roster-form" class="wide" novalidate data-radiologist="${esc(p.id)}">
      <label>${t("capacity")} (${t("perHour")}) <input name="capacityPerHour" type="number" min="1" step="1" value="${esc(p.capacityPerHour)}"></label>
      <label>${t("years")} <input name="yearsOfExperience" type="number" min="0" step="1" value="${esc(p.yearsOfExperience)}"></label>
      <label class="check"><input type="checkbox" name="boardCertified"${p.boardCertified ? " checked" : ""}> ${t("boardCertified")}</label>
      <fieldset class="choices"><legend>${t("rSubspecialties")}</legend>${boxes("subspecialty", Subspecialties, p.subspecialties, t)}</fieldset>
      <fieldset class="choices"><legend>${t("rModalities")}</legend>${boxes("modality", Modalities, p.modalities, t)}</fieldset>
      <label>${t("credentials")} <input name="credentials" value="${esc(p.credentials.join(", "))}"></label>
      <label>${t("languages")} <input name="languages" value="${esc(p.languages.join(", "))}"></label>
      <fieldset class="shifts"><legend>${t("shifts")}</legend>
        <label>${t("timeZoneOfShifts")} <input name="shiftZone" list="roster-time-zones" value="${esc(p.shifts.timeZoneId)}"></label>
        <datalist id="roster-time-zones">${timeZones().map((z) => `<option value="${esc(z)}">`).join("")}</datalist>
        <table id="shift-rows"><tr><th>${t("day")}</th><th>${t("start")}</th><th>${t("hours")}</th><th></th></tr>${p.shifts.windows.map(shiftRow).join("")}</table>
        <button type="button" class="link" data-add-shift>${t("addShift")}</button>
      </fieldset>
      <fieldset class="choices"><legend>${t("excluded")}</legend>${boxes("excludedClinic", clinics.map((c) => c.id), p.excludedClinicIds,
        (id) => clinics.find((c) => c.id === id)?.name ?? id)}</fieldset>
      <div class="actions"><button type="submit">${t("save")}</button><button type="button" class="link" data-close-roster>${t("cancelEdit")}</button></div>
      <p class="error" role="alert" id="roster-error"></p>
      <div class="conflict" id="roster-conflict" hidden><span></span> <button type="button" data-reload-roster>${t("reload")}</button></div>
      <p class="ok" role="status" id="roster-saved"></p>
    </form>`;
}

const profileUrl = (id) => `/api/reading/radiologists/${encodeURIComponent(id)}`;

/** Renders the roster into root (operators only) and wires its editor. */
export async function showRadiologistRoster(root) {
  const [profiles, clinics] = await Promise.all([api("/api/reading/radiologists"), api("/api/clinics")]);
  const clinicName = (id) => clinics.find((c) => c.id === id)?.name ?? id;
  profiles.sort((a, b) => a.name.localeCompare(b.name, "ja"));
  root.innerHTML = `<h2>${t("roster")}</h2>
    <table id="roster"><tr><th>${t("rName")}</th><th>${t("onShiftNow")}</th><th>${t("capacity")}</th><th>${t("rSubspecialties")}</th>
      <th>${t("rModalities")}</th><th>${t("shifts")}</th><th>${t("excluded")}</th><th></th></tr>
      ${profiles.map((p) => row(p, clinicName)).join("")}</table>
    <section class="panel" id="roster-editor" hidden></section>`;
  const editor = root.querySelector("#roster-editor");
  const onSaved = (saved) => { root.querySelector(`tr[data-radiologist="${CSS.escape(saved.id)}"]`).outerHTML = row(saved, clinicName); };
  const open = async (id) => {
    editor.hidden = false;
    try {
      const profile = await api(profileUrl(id));
      onSaved(profile);
      openEditor(editor, profile, clinics, { onSaved, open });
    } catch (err) {
      editor.innerHTML = `<p class="error" role="alert" id="roster-error">${esc(err.message)}</p>`;
    }
  };
  root.querySelector("#roster").addEventListener("click", (e) => {
    const button = e.target.closest("[data-edit-radiologist]");
    if (button) open(button.dataset.editRadiologist);
  });
}

function openEditor(editor, profile, clinics, { onSaved, open }) {
  editor.innerHTML = form(profile, clinics);
  const f = editor.querySelector("#roster-form");
  const shown = readAll(Fields, f);
  editor.querySelector("[data-close-roster]").addEventListener("click", () => { editor.hidden = true; editor.innerHTML = ""; });
  f.querySelector("[data-reload-roster]").addEventListener("click", () => open(profile.id));
  f.querySelector("[data-add-shift]").addEventListener("click", () => {
    f.querySelector("#shift-rows tbody").insertAdjacentHTML("beforeend", shiftRow({ day: "Monday", start: "09:00:00", length: "08:00:00" }));
  });
  f.querySelector("#shift-rows").addEventListener("click", (e) => { if (e.target.closest("[data-remove-shift]")) e.target.closest("tr").remove(); });
  onVersionedSubmit(f, {
    check: () => problems(f, readAll(Fields, f)),
    conflictText: () => t("conflictProfile"),
    save: async () => {
      // Only what was edited here goes over the profile as stored now; If-Match refuses it if that changed meanwhile.
      const values = readAll(Fields, f);
      const { body: current, etag } = await apiWithTag(profileUrl(profile.id));
      const edits = changed(values, shown);
      if (edits.shifts) edits.shifts = toApi(values).shifts;
      const saved = await api(profileUrl(profile.id), { method: "PUT", body: JSON.stringify({ ...current, ...edits }), headers: etag ? { "If-Match": etag } : {} });
      onSaved(saved);
      openEditor(editor, saved, clinics, { onSaved, open });
      editor.querySelector("#roster-saved").textContent = t("saved");
    },
  });
}
