// The clinic's view: its reading requests with status and deadline, "images complete" for a waiting study, and a
// form to open a new request. The API scopes everything to the caller's clinic.
import { addText, t, esc, api, post, when, priorityBadge, stateBadge } from "./core.js";
import { countdown, startCountdowns } from "./sla.js";
import { thumbnail } from "./thumbnail.js";
import { openCase } from "./case-detail.js";

addText(
  { requests: "読影依頼", newRequest: "新規依頼", studyUid: "Study Instance UID", modality: "モダリティ", region: "部位", priority: "優先度",
    submit: "依頼する", received: "受付日時", noRequests: "依頼はまだありません", markComplete: "画像送信完了" },
  { requests: "Reading requests", newRequest: "New request", studyUid: "Study Instance UID", modality: "Modality", region: "Body region",
    priority: "Priority", submit: "Send request", received: "Received", noRequests: "No requests yet", markComplete: "Images complete" });

const select = (name, values) => `<select name="${name}">${values.map((v) => `<option value="${v}">${esc(t(v))}</option>`).join("")}</select>`;

export async function showClinicRequests(root, me, names) {
  const list = await api("/api/reading/requests");
  root.innerHTML = `
    <h2>${t("requests")}</h2>
    ${list.length ? `<table id="requests"><tr><th></th><th>${t("received")}</th><th>${t("patient")}</th><th>${t("modality")}</th><th></th><th></th><th>${t("deadline")}</th><th></th></tr>
      ${list.map((r) => `<tr data-id="${esc(r.id)}"><td>${thumbnail(r.studyReference, 48)}</td><td>${when(r.receivedAt)}</td><td>${esc(r.patientId)}</td>
        <td>${esc(r.details.modality)}</td><td>${priorityBadge(r.details.priority)}</td><td>${stateBadge(r.state)}</td>
        <td>${r.state === "Final" || r.state === "Delivered" || r.state === "Acknowledged" ? "" : countdown(r)}</td>
        <td>${r.state === "Received" ? `<button type="button" data-complete="${esc(r.id)}">${t("markComplete")}</button>` : ""}
            <button type="button" class="link" data-open="${esc(r.id)}">${t("details")}</button></td></tr>`).join("")}</table>`
      : `<p id="requests" class="muted">${t("noRequests")}</p>`}
    <h2>${t("newRequest")}</h2>
    <form id="new-request" class="wide">
      <label>${t("patient")} <input name="patientId" required></label>
      <label>${t("studyUid")} <input name="studyReference" required></label>
      <label>${t("question")} <input name="clinicalQuestion" required></label>
      <label>${t("doctor")} <input name="requestingDoctor" required></label>
      <label>${t("modality")} ${select("modality", ["CT", "MR", "XRay", "Mammography", "Ultrasound"])}</label>
      <label>${t("region")} ${select("bodyRegion", ["Head", "Neck", "Chest", "Abdomen", "Pelvis", "Spine", "Extremity", "Breast"])}</label>
      <label>${t("priority")} ${select("priority", ["Routine", "SameDay", "Urgent"])}</label>
      <button type="submit">${t("submit")}</button>
      <p class="error" role="alert" id="new-request-error"></p>
    </form>`;
  const reload = () => showClinicRequests(root, me, names);
  root.querySelectorAll("[data-open]").forEach((b) => b.addEventListener("click", () => openCase(b.dataset.open, me, names, reload)));
  root.querySelectorAll("[data-complete]").forEach((b) => b.addEventListener("click", async () => {
    try { await post(`/api/reading/requests/${b.dataset.complete}/complete`); } catch (e) { alert(e.message); }
    await reload();
  }));
  root.querySelector("#new-request").addEventListener("submit", async (e) => {
    e.preventDefault();
    const body = Object.fromEntries(new FormData(e.target));
    try {
      await api("/api/reading/requests", { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID?.() ?? `${Date.now()}-${Math.random()}` } });
      await reload();
    } catch (err) {
      root.querySelector("#new-request-error").textContent = err.message;
    }
  });
  startCountdowns();
}
