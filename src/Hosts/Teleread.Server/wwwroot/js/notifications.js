// Reading notifications (at risk, overdue, reassigned): the header badge with the unacknowledged count and the
// inbox list with an acknowledge button. The server decides whose inbox the caller sees.
import { addText, t, $, esc, api, post, when } from "./core.js";

addText(
  { notifications: "通知", acknowledge: "確認", noNotifications: "未確認の通知はありません", AtRisk: "期限接近", Overdue: "期限超過",
    Reassigned: "再割当", ReleasedToPool: "プールへ戻し" },
  { notifications: "Notifications", acknowledge: "Acknowledge", noNotifications: "No unacknowledged notifications", AtRisk: "At risk",
    Overdue: "Overdue", Reassigned: "Reassigned", ReleasedToPool: "Back to pool" });

let poll;

export async function refreshBadge() {
  const badge = $("notif-badge");
  try {
    const open = await api("/api/reading/notifications?unacknowledged=true");
    badge.hidden = false;
    badge.textContent = `${t("notifications")} ${open.length}`;
    badge.classList.toggle("alerting", open.length > 0);
  } catch {
    badge.hidden = true;
  }
}

export function startBadge() {
  refreshBadge();
  clearInterval(poll);
  poll = setInterval(refreshBadge, 15000);
}

export function stopBadge() { clearInterval(poll); $("notif-badge").hidden = true; }

/** Renders the inbox into root; onOpen(requestId) opens the case. */
export async function renderNotifications(root, onOpen) {
  const list = await api("/api/reading/notifications?unacknowledged=true");
  root.innerHTML = `<h2 id="notifications-title">${t("notifications")}</h2>` + (list.length === 0
    ? `<p class="muted">${t("noNotifications")}</p>`
    : `<ul id="notifications" class="notifications">${list.map((n) => `
        <li class="notice kind-${esc(n.kind)}">
          <span class="badge kind">${esc(t(n.kind))}</span>
          <span class="when">${when(n.at)}</span>
          <a href="#" data-open="${esc(n.requestId)}">${esc(n.message)}</a>
          <button type="button" data-ack="${esc(n.id)}">${t("acknowledge")}</button>
        </li>`).join("")}</ul>`);
  root.querySelectorAll("[data-ack]").forEach((b) => b.addEventListener("click", async () => {
    await post(`/api/reading/notifications/${b.dataset.ack}/acknowledge`);
    await renderNotifications(root, onOpen);
    refreshBadge();
  }));
  root.querySelectorAll("[data-open]").forEach((a) => a.addEventListener("click", (e) => { e.preventDefault(); onOpen(a.dataset.open); }));
}
