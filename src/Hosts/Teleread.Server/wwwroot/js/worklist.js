// The radiologist's home: own cases by deadline (picture, priority, modality, clinic, live SLA countdown, actions)
// and the pool of queued cases they are qualified to claim.
import { addText, t, esc, api, post, priorityBadge, stateBadge } from "./core.js";
import { countdown, startCountdowns } from "./sla.js";
import { thumbnail } from "./thumbnail.js";
import { actionButtons, wireActions, openCase } from "./case-detail.js";

addText(
  { worklist: "担当症例", pool: "未割当 (引き受け可能)", emptyWorklist: "担当症例はありません", emptyPool: "引き受け可能な症例はありません", details: "詳細" },
  { worklist: "My worklist", pool: "Pool (you may claim)", emptyWorklist: "Nothing assigned to you", emptyPool: "Nothing to claim", details: "Details" });

const row = (r, names, role) => `
  <li class="case" data-id="${esc(r.id)}" data-priority="${esc(r.details.priority)}">
    ${thumbnail(r.studyReference)}
    <div class="case-main">
      <div>${priorityBadge(r.details.priority)} <strong class="modality">${esc(r.details.modality)}</strong> · <span class="clinic">${esc(names[r.clinicId] ?? r.clinicId)}</span></div>
      <div class="question">${esc(r.details.clinicalQuestion)}</div>
      <div>${stateBadge(r.state)} ${countdown(r)}</div>
    </div>
    <div class="case-actions">${actionButtons(r, role)}<button type="button" class="link" data-open="${esc(r.id)}">${t("details")}</button></div>
  </li>`;

export async function showWorklist(root, me, names) {
  const [mine, pool] = await Promise.all([api("/api/reading/worklist"), api("/api/reading/pool")]);
  root.innerHTML = `
    <h2>${t("worklist")}</h2>
    ${mine.length ? `<ul id="worklist" class="worklist">${mine.map((r) => row(r, names, me.role)).join("")}</ul>` : `<p id="worklist" class="muted">${t("emptyWorklist")}</p>`}
    <h2>${t("pool")}</h2>
    ${pool.length ? `<table id="pool">${pool.map((r) => `<tr><td>${priorityBadge(r.details.priority)}</td><td>${esc(r.details.modality)}</td>
        <td>${esc(names[r.clinicId] ?? r.clinicId)}</td><td>${esc(r.details.clinicalQuestion)}</td><td>${countdown(r)}</td>
        <td><button type="button" data-claim="${esc(r.id)}">${t("Claim")}</button></td></tr>`).join("")}</table>`
      : `<p id="pool" class="muted">${t("emptyPool")}</p>`}`;
  const reload = () => showWorklist(root, me, names);
  wireActions(root, reload);
  root.querySelectorAll("[data-open]").forEach((b) => b.addEventListener("click", () => openCase(b.dataset.open, me, names, reload)));
  root.querySelectorAll("[data-claim]").forEach((b) => b.addEventListener("click", async () => {
    try { await post(`/api/reading/requests/${b.dataset.claim}/claim`); } catch (e) { alert(e.message); }
    await reload();
  }));
  startCountdowns();
}
