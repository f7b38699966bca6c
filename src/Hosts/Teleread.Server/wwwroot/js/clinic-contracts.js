// The operator's clinics table with each clinic's reading contract at a glance, and a form to edit the contract.
// Saving reads the clinic again, changes only the fields the operator edited and PUTs the whole clinic back, so the
// SLA terms, contacts and anything else the form does not show are sent back unchanged. The API refuses everyone but
// operators; app.js shows this table to operators only.
import { addText, t, esc, api, apiWithTag, priorityBadge } from "./core.js";

addText(
  { clinics: "契約クリニック", clinicName: "クリニック名", aeTitles: "AEタイトル", contractNumber: "契約番号", startsOn: "契約開始日", secondReading: "二次読影", qaCheck: "QA確認",
    fromImages: "画像から依頼作成", imageOnlyPriority: "画像のみの優先度", noContract: "読影契約なし", editContract: "契約を編集",
    contractOf: "読影契約", save: "保存", cancelEdit: "閉じる", saved: "保存しました", required: "要", notRequired: "不要", on: "オン",
    off: "オフ", slaTerms: "SLA（変更されません）", slaSummary: "緊急 {u}分 / 当日 {c}までに受付→{d} / 通常 {r}時間", timeZone: "タイムゾーン" },
  { clinics: "Clinics", clinicName: "Name", aeTitles: "AE titles", contractNumber: "Contract number", startsOn: "Starts on", secondReading: "Second reading", qaCheck: "QA check",
    fromImages: "Requests from images", imageOnlyPriority: "Image-only priority", noContract: "No reading contract", editContract: "Edit contract",
    contractOf: "Reading contract", save: "Save", cancelEdit: "Close", saved: "Saved", required: "Required", notRequired: "No", on: "On",
    off: "Off", slaTerms: "SLA (left unchanged)", slaSummary: "urgent {u} min / same day: received by {c}, due {d} / routine {r} h",
    timeZone: "Time zone" });

const Priorities = ["Urgent", "SameDay", "Routine"];
const hhmm = (time) => String(time ?? "").slice(0, 5);

/** The contract fields this form edits: name → how to read it from the form. */
const Fields = {
  contractNumber: (f) => f.elements.contractNumber.value.trim(),
  startsOn: (f) => f.elements.startsOn.value,
  requiresSecondReading: (f) => f.elements.requiresSecondReading.checked,
  requiresQaCheck: (f) => f.elements.requiresQaCheck.checked,
  createRequestsFromImages: (f) => f.elements.createRequestsFromImages.checked,
  imageOnlyPriority: (f) => f.elements.imageOnlyPriority.value,
};

function contractCells(contract) {
  if (!contract) return `<td colspan="5" class="muted" data-field="contract">${t("noContract")}</td>`;
  return `<td data-field="contractNumber">${esc(contract.contractNumber)}</td>
    <td data-field="requiresSecondReading">${t(contract.requiresSecondReading ? "required" : "notRequired")}</td>
    <td data-field="requiresQaCheck">${t(contract.requiresQaCheck ? "required" : "notRequired")}</td>
    <td data-field="createRequestsFromImages">${t(contract.createRequestsFromImages ? "on" : "off")}</td>
    <td data-field="imageOnlyPriority" data-value="${esc(contract.imageOnlyPriority)}">${priorityBadge(contract.imageOnlyPriority)}</td>`;
}

const row = (c, contract) => `<tr data-clinic="${esc(c.id)}"><td>${esc(c.id.slice(-8))}</td><td>${esc(c.name)}</td>
  <td>${c.aeTitles.map(esc).join(", ")}</td>${contractCells(contract)}
  <td>${contract ? `<button type="button" class="link" data-edit-contract="${esc(c.id)}">${t("editContract")}</button>` : ""}</td></tr>`;

function form(clinic, name) {
  const k = clinic.contract;
  const sla = k.sla;
  const check = (field, label) => `<label class="check"><input type="checkbox" name="${field}"${k[field] ? " checked" : ""}> ${t(label)}</label>`;
  return `<h2>${t("contractOf")}: ${esc(name)}</h2>
    <form id="contract-form" class="wide" data-clinic="${esc(clinic.id)}">
      <label>${t("contractNumber")} <input name="contractNumber" value="${esc(k.contractNumber)}"></label>
      <label>${t("startsOn")} <input name="startsOn" type="date" value="${esc(k.startsOn)}" required></label>
      ${check("requiresSecondReading", "secondReading")}
      ${check("requiresQaCheck", "qaCheck")}
      ${check("createRequestsFromImages", "fromImages")}
      <label>${t("imageOnlyPriority")} <select name="imageOnlyPriority">${Priorities.map((p) =>
        `<option value="${p}"${p === k.imageOnlyPriority ? " selected" : ""}>${esc(t(p))}</option>`).join("")}</select></label>
      <p class="muted sla-summary">${t("slaTerms")}: ${t("timeZone")} ${esc(sla.timeZoneId)}, ${esc(t("slaSummary")
        .replace("{u}", sla.urgentMinutes).replace("{c}", hhmm(sla.sameDayCutoff)).replace("{d}", hhmm(sla.sameDayDue)).replace("{r}", sla.routineHours))}</p>
      <div class="actions"><button type="submit">${t("save")}</button><button type="button" class="link" data-close-contract>${t("cancelEdit")}</button></div>
      <p class="error" role="alert" id="contract-error"></p>
      <p class="ok" role="status" id="contract-saved"></p>
    </form>`;
}

const clinicUrl = (id) => `/api/reading/clinics/${encodeURIComponent(id)}`;

/** Renders the clinics table into root (operators only) and wires the contract editor. */
export async function showClinicContracts(root) {
  const [clinics, contracts] = await Promise.all([api("/api/clinics"), api("/api/reading/clinics")]);
  const contractOf = Object.fromEntries(contracts.map((c) => [c.id, c.contract]));
  root.innerHTML = `<h2>${t("clinics")}</h2>
    <table id="clinics"><tr><th>ID</th><th>${t("clinicName")}</th><th>${t("aeTitles")}</th><th>${t("contractNumber")}</th><th>${t("secondReading")}</th>
      <th>${t("qaCheck")}</th><th>${t("fromImages")}</th><th>${t("imageOnlyPriority")}</th><th></th></tr>
      ${clinics.map((c) => row(c, contractOf[c.id])).join("")}</table>
    <section class="panel" id="contract-editor" hidden></section>`;
  const editor = root.querySelector("#contract-editor");
  const byId = Object.fromEntries(clinics.map((c) => [c.id, c]));
  const onSaved = (saved) => { root.querySelector(`tr[data-clinic="${CSS.escape(saved.id)}"]`).outerHTML = row(byId[saved.id], saved.contract); };
  // Delegated, so a row re-rendered after a save keeps a working Edit button.
  root.querySelector("#clinics").addEventListener("click", async (e) => {
    const id = e.target.closest("[data-edit-contract]")?.dataset.editContract;
    if (!id) return;
    editor.hidden = false;
    try {
      openEditor(editor, await api(clinicUrl(id)), byId[id]?.name ?? id, onSaved);
    } catch (err) {
      editor.innerHTML = `<p class="error" role="alert" id="contract-error">${esc(err.message)}</p>`;
    }
  });
}

function openEditor(editor, clinic, name, onSaved) {
  editor.innerHTML = form(clinic, name);
  const f = editor.querySelector("#contract-form");
  const shown = Object.fromEntries(Object.entries(Fields).map(([name, read]) => [name, read(f)]));
  editor.querySelector("[data-close-contract]").addEventListener("click", () => { editor.hidden = true; editor.innerHTML = ""; });
  f.addEventListener("submit", async (e) => {
    e.preventDefault();
    const error = f.querySelector("#contract-error");
    const status = f.querySelector("#contract-saved");
    error.textContent = ""; status.textContent = "";
    const button = f.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      // Read the clinic again and apply only what the operator changed on this form, so a change made meanwhile
      // to anything else (SLA, contacts, a field not edited here) is kept; If-Match saves it only over the version just
      // read, so a save by someone else in between is refused (412, "reload") rather than undone.
      const { body: current, etag } = await apiWithTag(clinicUrl(clinic.id));
      const edited = Object.fromEntries(Object.entries(Fields).map(([name, read]) => [name, read(f)]).filter(([name, v]) => v !== shown[name]));
      const body = { ...current, contract: { ...current.contract, ...edited } };
      const saved = await api(clinicUrl(clinic.id), { method: "PUT", body: JSON.stringify(body), headers: etag ? { "If-Match": etag } : {} });
      Object.assign(shown, Object.fromEntries(Object.keys(Fields).map((name) => [name, saved.contract[name]])));
      status.textContent = t("saved");
      onSaved(saved);
    } catch (err) {
      // The form keeps what the operator typed; the API's problem detail says what to fix.
      error.textContent = err.message;
    } finally {
      button.disabled = false;
    }
  });
}
