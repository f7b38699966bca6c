// The SLA terms of a contract as a small table of priority → turnaround target, for the contract form
// (clinic-contracts.js): render, read back in the API's form, and check before saving. The checks repeat the server's
// (SlaTerms.Problems in Teleread.Reading), which stays the authority: anything they miss is refused with a 400 there.
import { addText, t, esc, priorityBadge, fill, knownTimeZone, timeZones } from "./core.js";

addText(
  { slaTerms: "SLA（優先度ごとの目標）", priority: "優先度", target: "目標", within: "受付から", minutes: "分以内（昼夜を問わず）",
    hoursCounted: "時間以内、数え方", wallClock: "24時間", businessHours: "営業時間のみ", receivedBy: "受付締切", dueAt: "→ 当日の期限",
    businessDaysOnly: "営業日のみ", businessHoursLabel: "営業時間", closedOnHolidays: "祝日は休業", timeZone: "タイムゾーン",
    slaSummary: "緊急 {u}分 / 当日 {c}までに受付→{d} / 通常 {r}時間",
    badTimeZone: "タイムゾーン「{z}」は不明です。", badUrgent: "緊急の目標は1以上の整数（分）で入力してください。",
    badRoutine: "通常の目標は1〜{max}の整数（時間）で入力してください。", urgentLonger: "緊急の目標（{u}分）が通常の目標（{r}時間）より長くなっています。",
    badSameDay: "当日の期限は受付締切より後の時刻にしてください。", badBusinessHours: "営業時間は開始から1時間以上あとに終了してください。" },
  { slaTerms: "SLA (target per priority)", priority: "Priority", target: "Target", within: "within", minutes: "minutes, around the clock",
    hoursCounted: "hours, counted", wallClock: "around the clock", businessHours: "in business hours only", receivedBy: "received by",
    dueAt: "→ due the same day at", businessDaysOnly: "business days only", businessHoursLabel: "Business hours",
    closedOnHolidays: "closed on Japanese public holidays", timeZone: "Time zone",
    slaSummary: "urgent {u} min / same day: received by {c}, due {d} / routine {r} h",
    badTimeZone: "Unknown time zone '{z}'.", badUrgent: "The urgent target must be a whole number of minutes, at least 1.",
    badRoutine: "The routine target must be a whole number of hours between 1 and {max}.",
    urgentLonger: "The urgent target ({u} min) must not be longer than the routine target ({r} h).",
    badSameDay: "Same-day requests must be due after the cut-off.", badBusinessHours: "Business hours must open at least an hour before they close." });

/** SlaTerms.MaxRoutineHours on the server. */
const MaxRoutineHours = 720;
const hhmm = (time) => String(time ?? "").slice(0, 5);
const number = (input) => (input.value.trim() === "" ? NaN : Number(input.value));
const time = (input) => (input.value ? `${input.value}:00` : "");

/** The SLA fields: name → how to read it from the form, as the API writes it ("15:00:00", numbers, enum names). */
export const SlaFields = {
  timeZoneId: (f) => f.elements.timeZoneId.value.trim(),
  urgentMinutes: (f) => number(f.elements.urgentMinutes),
  sameDayCutoff: (f) => time(f.elements.sameDayCutoff),
  sameDayDue: (f) => time(f.elements.sameDayDue),
  sameDayOnBusinessDaysOnly: (f) => f.elements.sameDayOnBusinessDaysOnly.checked,
  routineHours: (f) => number(f.elements.routineHours),
  routineClock: (f) => f.elements.routineClock.value,
  businessOpens: (f) => time(f.elements.businessOpens),
  businessCloses: (f) => time(f.elements.businessCloses),
  observesJapaneseHolidays: (f) => f.elements.observesJapaneseHolidays.checked,
};

/** One line for the clinics table. */
export const slaSummary = (sla) => fill("slaSummary", { u: sla.urgentMinutes, c: hhmm(sla.sameDayCutoff), d: hhmm(sla.sameDayDue), r: sla.routineHours });

/** The SLA part of the contract form. */
export function slaFieldset(sla) {
  const check = (field, label) => `<label class="check"><input type="checkbox" name="${field}"${sla[field] ? " checked" : ""}> ${t(label)}</label>`;
  const clocks = ["WallClock", "BusinessHours"].map((c) => `<option value="${c}"${c === sla.routineClock ? " selected" : ""}>${t(c === "WallClock" ? "wallClock" : "businessHours")}</option>`);
  const zones = timeZones();
  return `<fieldset class="sla"><legend>${t("slaTerms")}</legend>
      <label>${t("timeZone")} <input name="timeZoneId" list="time-zones" value="${esc(sla.timeZoneId)}"></label>
      <datalist id="time-zones">${zones.map((z) => `<option value="${esc(z)}">`).join("")}</datalist>
      <table id="sla-terms"><tr><th>${t("priority")}</th><th>${t("target")}</th></tr>
        <tr data-priority="Urgent"><td>${priorityBadge("Urgent")}</td><td>${t("within")}
          <input name="urgentMinutes" type="number" min="1" step="1" value="${esc(sla.urgentMinutes)}"> ${t("minutes")}</td></tr>
        <tr data-priority="SameDay"><td>${priorityBadge("SameDay")}</td><td>${t("receivedBy")}
          <input name="sameDayCutoff" type="time" value="${esc(hhmm(sla.sameDayCutoff))}"> ${t("dueAt")}
          <input name="sameDayDue" type="time" value="${esc(hhmm(sla.sameDayDue))}"> ${check("sameDayOnBusinessDaysOnly", "businessDaysOnly")}</td></tr>
        <tr data-priority="Routine"><td>${priorityBadge("Routine")}</td><td>${t("within")}
          <input name="routineHours" type="number" min="1" max="${MaxRoutineHours}" step="1" value="${esc(sla.routineHours)}"> ${t("hoursCounted")}
          <select name="routineClock">${clocks.join("")}</select></td></tr>
      </table>
      <label>${t("businessHoursLabel")} <span><input name="businessOpens" type="time" value="${esc(hhmm(sla.businessOpens))}"> –
        <input name="businessCloses" type="time" value="${esc(hhmm(sla.businessCloses))}"></span></label>
      ${check("observesJapaneseHolidays", "closedOnHolidays")}
    </fieldset>`;
}

const minutesOf = (hms) => Number(hms.slice(0, 2)) * 60 + Number(hms.slice(3, 5));

/** What is wrong with the terms on the form: [field, message] pairs, empty when they may be sent. */
export function slaProblems(sla) {
  const problems = [];
  if (!knownTimeZone(sla.timeZoneId)) problems.push(["timeZoneId", fill("badTimeZone", { z: sla.timeZoneId })]);
  const urgentOk = Number.isInteger(sla.urgentMinutes) && sla.urgentMinutes >= 1;
  const routineOk = Number.isInteger(sla.routineHours) && sla.routineHours >= 1 && sla.routineHours <= MaxRoutineHours;
  if (!urgentOk) problems.push(["urgentMinutes", t("badUrgent")]);
  if (!routineOk) problems.push(["routineHours", fill("badRoutine", { max: MaxRoutineHours })]);
  if (urgentOk && routineOk && sla.urgentMinutes > sla.routineHours * 60) {
    problems.push(["urgentMinutes", fill("urgentLonger", { u: sla.urgentMinutes, r: sla.routineHours })]);
  }
  if (!sla.sameDayCutoff || !sla.sameDayDue || sla.sameDayDue <= sla.sameDayCutoff) problems.push(["sameDayDue", t("badSameDay")]);
  if (!sla.businessOpens || !sla.businessCloses || minutesOf(sla.businessCloses) - minutesOf(sla.businessOpens) < 60) {
    problems.push(["businessCloses", t("badBusinessHours")]);
  }
  return problems;
}
