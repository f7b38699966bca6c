// Live SLA countdown: every element with data-deadline (and data-alert-at) shows the time left and turns
// amber once the escalation alert time has passed, red once the deadline has.
import { addText, t } from "./core.js";

addText({ overdue: "超過", left: "残り" }, { overdue: "overdue", left: "left" });

function format(ms) {
  const m = Math.floor(Math.abs(ms) / 60000);
  const h = Math.floor(m / 60);
  const text = h >= 24 ? `${Math.floor(h / 24)}d ${h % 24}h` : h > 0 ? `${h}h ${String(m % 60).padStart(2, "0")}m` : `${m}m ${String(Math.floor(Math.abs(ms) / 1000) % 60).padStart(2, "0")}s`;
  return ms < 0 ? `${text} ${t("overdue")}` : `${t("left")} ${text}`;
}

export function slaClass(deadline, alertAt, now = Date.now()) {
  if (now > Date.parse(deadline)) return "sla-overdue";
  return alertAt && now >= Date.parse(alertAt) ? "sla-risk" : "sla-ok";
}

export const countdown = (r) => `<span class="sla ${slaClass(r.deadline, r.alertAt)}" data-deadline="${r.deadline}" data-alert-at="${r.alertAt ?? ""}"></span>`;

function tick() {
  const now = Date.now();
  document.querySelectorAll("[data-deadline]").forEach((el) => {
    el.textContent = format(Date.parse(el.dataset.deadline) - now);
    el.className = `sla ${slaClass(el.dataset.deadline, el.dataset.alertAt, now)}`;
  });
}

let timer;
export function startCountdowns() {
  tick();
  clearInterval(timer);
  timer = setInterval(tick, 1000);
}
