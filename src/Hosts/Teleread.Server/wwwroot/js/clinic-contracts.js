// The operator's clinics table with each clinic's reading contract at a glance, a form to edit a contract and, for a
// clinic without one, to create it. Saving an edit reads the clinic again, changes only the fields (and SLA targets) the
// operator edited and PUTs the whole clinic back with If-Match, so the contacts, AE titles and anything else the form
// does not show are sent back unchanged; a creation is a PUT with If-None-Match: *, so it never overwrites a contract
// another operator created meanwhile. Either conflict (412) says so and offers to reload. The API refuses everyone but
// operators; app.js shows this table to operators only.
import { addText, t, esc, api, apiWithTag, priorityBadge, readAll, changed } from "./core.js";
import { SlaFields, slaFieldset, slaProblems, slaSummary } from "./sla-terms-form.js";
import { onVersionedSubmit } from "./versioned-form.js";

addText(
  { clinics: "契約クリニック", clinicName: "クリニック名", aeTitles: "AEタイトル", contractNumber: "契約番号", startsOn: "契約開始日", secondReading: "二次読影", qaCheck: "QA確認",
    fromImages: "画像から依頼作成", imageOnlyPriority: "画像のみの優先度", sla: "SLA", noContract: "読影契約なし", editContract: "契約を編集",
    createContract: "契約を作成", newContractOf: "読影契約の作成", contractOf: "読影契約", save: "保存", create: "作成", cancelEdit: "閉じる",
    saved: "保存しました", created: "作成しました", required: "要", notRequired: "不要", on: "オン", off: "オフ", noStartDate: "契約開始日を入力してください。",
    conflictEdit: "この契約は、開いている間に他の操作者が変更しました。変更は保存されていません。再読み込みして、もう一度変更してください。",
    conflictCreate: "このクリニックの契約は、他の操作者がすでに作成しました。入力内容は保存されていません。再読み込みして、その契約を編集してください。",
    reload: "再読み込み" },
  { clinics: "Clinics", clinicName: "Name", aeTitles: "AE titles", contractNumber: "Contract number", startsOn: "Starts on", secondReading: "Second reading", qaCheck: "QA check",
    fromImages: "Requests from images", imageOnlyPriority: "Image-only priority", sla: "SLA", noContract: "No reading contract", editContract: "Edit contract",
    createContract: "Create contract", newContractOf: "New reading contract", contractOf: "Reading contract", save: "Save", create: "Create", cancelEdit: "Close",
    saved: "Saved", created: "Created", required: "Required", notRequired: "No", on: "On", off: "Off", noStartDate: "Enter the start date.",
    conflictEdit: "Another operator changed this contract while you had it open. Your change was not saved: reload and make it again.",
    conflictCreate: "Another operator has created this clinic's contract meanwhile. What you typed was not saved: reload and edit that contract.",
    reload: "Reload" });

const Priorities = ["Urgent", "SameDay", "Routine"];

/** The contract fields this form edits besides the SLA terms: name → how to read it from the form. */
const Fields = {
  contractNumber: (f) => f.elements.contractNumber.value.trim(),
  startsOn: (f) => f.elements.startsOn.value,
  requiresSecondReading: (f) => f.elements.requiresSecondReading.checked,
  requiresQaCheck: (f) => f.elements.requiresQaCheck.checked,
  createRequestsFromImages: (f) => f.elements.createRequestsFromImages.checked,
  imageOnlyPriority: (f) => f.elements.imageOnlyPriority.value,
};


function contractCells(contract) {
  if (!contract) return `<td colspan="6" class="muted" data-field="contract">${t("noContract")}</td>`;
  return `<td data-field="contractNumber">${esc(contract.contractNumber)}</td>
    <td data-field="requiresSecondReading">${t(contract.requiresSecondReading ? "required" : "notRequired")}</td>
    <td data-field="requiresQaCheck">${t(contract.requiresQaCheck ? "required" : "notRequired")}</td>
    <td data-field="createRequestsFromImages">${t(contract.createRequestsFromImages ? "on" : "off")}</td>
    <td data-field="imageOnlyPriority" data-value="${esc(contract.imageOnlyPriority)}">${priorityBadge(contract.imageOnlyPriority)}</td>
    <td data-field="sla">${esc(slaSummary(contract.sla))}</td>`;
}

const row = (c, contract) => `<tr data-clinic="${esc(c.id)}"><td>${esc(c.id.slice(-8))}</td><td>${esc(c.name)}</td>
  <td>${c.aeTitles.map(esc).join(", ")}</td>${contractCells(contract)}
  <td>${contract ? `<button type="button" class="link" data-edit-contract="${esc(c.id)}">${t("editContract")}</button>`
    : `<button type="button" class="link" data-create-contract="${esc(c.id)}">${t("createContract")}</button>`}</td></tr>`;

function form(clinic, name, creating) {
  const k = clinic.contract;
  const check = (field, label) => `<label class="check"><input type="checkbox" name="${field}"${k[field] ? " checked" : ""}> ${t(label)}</label>`;
  return `<h2>${t(creating ? "newContractOf" : "contractOf")}: ${esc(name)}</h2>
    <form id="contract-form" class="wide" novalidate data-clinic="${esc(clinic.id)}" data-mode="${creating ? "create" : "edit"}">
      <label>${t("contractNumber")} <input name="contractNumber" value="${esc(k.contractNumber)}"></label>
      <label>${t("startsOn")} <input name="startsOn" type="date" value="${esc(k.startsOn)}"></label>
      ${check("requiresSecondReading", "secondReading")}
      ${check("requiresQaCheck", "qaCheck")}
      ${check("createRequestsFromImages", "fromImages")}
      <label>${t("imageOnlyPriority")} <select name="imageOnlyPriority">${Priorities.map((p) =>
        `<option value="${p}"${p === k.imageOnlyPriority ? " selected" : ""}>${esc(t(p))}</option>`).join("")}</select></label>
      ${slaFieldset(k.sla)}
      <div class="actions"><button type="submit">${t(creating ? "create" : "save")}</button><button type="button" class="link" data-close-contract>${t("cancelEdit")}</button></div>
      <p class="error" role="alert" id="contract-error"></p>
      <div class="conflict" id="contract-conflict" hidden><span></span> <button type="button" data-reload-contract>${t("reload")}</button></div>
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
      <th>${t("qaCheck")}</th><th>${t("fromImages")}</th><th>${t("imageOnlyPriority")}</th><th>${t("sla")}</th><th></th></tr>
      ${clinics.map((c) => row(c, contractOf[c.id])).join("")}</table>
    <section class="panel" id="contract-editor" hidden></section>`;
  const editor = root.querySelector("#contract-editor");
  const byId = Object.fromEntries(clinics.map((c) => [c.id, c]));
  const onSaved = (saved) => { root.querySelector(`tr[data-clinic="${CSS.escape(saved.id)}"]`).outerHTML = row(byId[saved.id], saved.contract); };

  /** Opens the editor on the stored contract, or the creation form (with the API's defaults) when there is none. */
  const open = async (id) => {
    editor.hidden = false;
    const name = byId[id]?.name ?? id;
    try {
      const clinic = await api(clinicUrl(id)).catch((err) => (err.status === 404 ? null : Promise.reject(err)));
      if (clinic) {
        onSaved(clinic);
        openEditor(editor, clinic, name, false, { onSaved, open });
      } else {
        const { name: clinicName, aeTitles } = byId[id];
        const blank = { id, name: clinicName, aeTitles, contacts: [], contract: await api("/api/reading/contract-template") };
        openEditor(editor, blank, name, true, { onSaved, open });
      }
    } catch (err) {
      editor.innerHTML = `<p class="error" role="alert" id="contract-error">${esc(err.message)}</p>`;
    }
  };
  // Delegated, so a row re-rendered after a save keeps a working button.
  root.querySelector("#clinics").addEventListener("click", (e) => {
    const button = e.target.closest("[data-edit-contract], [data-create-contract]");
    if (button) open(button.dataset.editContract ?? button.dataset.createContract);
  });
}

function openEditor(editor, clinic, name, creating, { onSaved, open }) {
  editor.innerHTML = form(clinic, name, creating);
  const f = editor.querySelector("#contract-form");
  const shown = readAll(Fields, f);
  const shownSla = readAll(SlaFields, f);
  editor.querySelector("[data-close-contract]").addEventListener("click", () => { editor.hidden = true; editor.innerHTML = ""; });
  f.querySelector("[data-reload-contract]").addEventListener("click", () => open(clinic.id));
  const problems = () => {
    const startsOn = readAll(Fields, f).startsOn;
    return [...slaProblems(readAll(SlaFields, f)), ...(startsOn ? [] : [["startsOn", t("noStartDate")]])].map(([field, message]) => [f.elements[field], message]);
  };
  onVersionedSubmit(f, {
    check: problems,
    conflictText: () => t(creating ? "conflictCreate" : "conflictEdit"),
    save: async () => {
      const fields = readAll(Fields, f);
      const sla = readAll(SlaFields, f);
      let saved;
      if (creating) {
        const body = { ...clinic, contract: { ...clinic.contract, ...fields, sla: { ...clinic.contract.sla, ...sla } } };
        saved = await api(clinicUrl(clinic.id), { method: "PUT", body: JSON.stringify(body), headers: { "If-None-Match": "*" } });
      } else {
        // Read the clinic again and apply only what the operator changed on this form, so a change made meanwhile
        // to anything else (contacts, an SLA target not edited here) is kept; If-Match saves it only over the version just
        // read, so a save by someone else in between is refused (412, "reload") rather than undone.
        const { body: current, etag } = await apiWithTag(clinicUrl(clinic.id));
        const contract = { ...current.contract, ...changed(fields, shown), sla: { ...current.contract.sla, ...changed(sla, shownSla) } };
        saved = await api(clinicUrl(clinic.id), { method: "PUT", body: JSON.stringify({ ...current, contract }), headers: etag ? { "If-Match": etag } : {} });
      }
      // The form starts again from what is stored now (which may include others' changes to fields not edited here).
      onSaved(saved);
      openEditor(editor, saved, name, false, { onSaved, open });
      editor.querySelector("#contract-saved").textContent = t(creating ? "created" : "saved");
    },
  });
}
