// The operators' SLA board: the open queue by state and priority (chart), cases at risk or overdue with a
// reassign action, and the operators' notifications inbox.
import { addText, t, esc, api, post, priorityBadge, stateBadge } from "./core.js";
import { countdown, startCountdowns } from "./sla.js";
import { queueChart } from "./queue-chart.js";
import { openCase } from "./case-detail.js";
import { renderNotifications, refreshBadge } from "./notifications.js";

addText(
  { queue: "読影キュー", atRisk: "期限リスク", noneAtRisk: "期限リスクのある症例はありません", clinic: "クリニック", radiologist: "読影医",
    deadline: "期限", reassignTo: "再割当先", open: "開く", unassigned: "未割当" },
  { queue: "Reading queue", atRisk: "At risk", noneAtRisk: "No case at risk", clinic: "Clinic", radiologist: "Radiologist",
    deadline: "Deadline", reassignTo: "Reassign to", open: "Open", unassigned: "unassigned" });

const Reassignable = ["Queued", "Assigned", "Reading"];

export async function showOperatorDashboard(root, me, names) {
  const [board, roster] = await Promise.all([api("/api/reading/sla-board"), api("/api/reading/radiologists")]);
  const risky = board.filter((e) => e.atRisk || e.overdue);
  // Everyone on the roster except the current reader (the API still checks the move).
  const options = (current) => roster.filter((r) => r.id !== current)
    .map((r) => `<option value="${esc(r.id)}">${esc(names[r.id] ?? r.name)}</option>`).join("");
  root.innerHTML = `
    <div class="dash">
      <section class="panel"><h2>${t("queue")} (${board.length})</h2>${queueChart(board)}</section>
      <section class="panel" id="notifications-panel"></section>
    </div>
    <section class="panel"><h2>${t("atRisk")} (${risky.length})</h2>
      ${risky.length ? `<table id="at-risk"><tr><th></th><th>${t("clinic")}</th><th></th><th>${t("radiologist")}</th><th>${t("deadline")}</th><th>${t("reassignTo")}</th><th></th></tr>
        ${risky.map((e) => `<tr data-id="${esc(e.id)}"><td>${priorityBadge(e.priority)}</td><td>${esc(names[e.clinicId] ?? e.clinicId)}</td><td>${stateBadge(e.state)}</td>
          <td>${esc(e.assignedRadiologistId ? names[e.assignedRadiologistId] ?? e.assignedRadiologistId : t("unassigned"))}</td>
          <td>${countdown({ deadline: e.deadline, alertAt: e.atRisk ? "1970-01-01T00:00:00Z" : null })}</td>
          <td>${Reassignable.includes(e.state) ? `<select data-reassign-to="${esc(e.id)}">${options(e.assignedRadiologistId)}</select>
              <button type="button" data-reassign="${esc(e.id)}" data-state="${esc(e.state)}">${t("Reassign")}</button>` : ""}</td>
          <td><button type="button" class="link" data-open="${esc(e.id)}">${t("open")}</button></td></tr>`).join("")}</table>`
        : `<p id="at-risk" class="muted">${t("noneAtRisk")}</p>`}
    </section>`;
  const reload = () => showOperatorDashboard(root, me, names);
  const open = (id) => openCase(id, me, names, reload);
  await renderNotifications(root.querySelector("#notifications-panel"), open);
  root.querySelectorAll("[data-open]").forEach((b) => b.addEventListener("click", () => open(b.dataset.open)));
  root.querySelectorAll("[data-reassign]").forEach((b) => b.addEventListener("click", async () => {
    const to = root.querySelector(`[data-reassign-to="${b.dataset.reassign}"]`).value;
    const command = b.dataset.state === "Queued" ? "Assign" : "Reassign";
    try { await post(`/api/reading/requests/${b.dataset.reassign}/commands/${command}`, { radiologistId: to, reason: `${command} by operator` }); }
    catch (e) { alert(e.message); }
    await reload();
    refreshBadge();
  }));
  startCountdowns();
}
