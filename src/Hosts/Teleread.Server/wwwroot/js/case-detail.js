// One case in a dialog: what was asked, the picture, the SLA countdown, the actions the caller may take and the
// lifecycle timeline (who moved it, when, from which state to which, and why).
import { addText, t, $, esc, api, post, when, priorityBadge, stateBadge } from "./core.js";
import { countdown, startCountdowns } from "./sla.js";
import { thumbnail } from "./thumbnail.js";

addText(
  { timeline: "経過", close: "閉じる", question: "依頼内容", doctor: "依頼医", patient: "患者ID", by: "実施者", reason: "理由", change: "状態",
    StartReading: "読影開始", SubmitPreliminary: "一次報告", Finalize: "確定", Release: "プールへ戻す", Claim: "引き受ける",
    CompleteImages: "画像完了", Enqueue: "待機列へ", Assign: "割当", Reassign: "再割当", LateImages: "追加画像", Cancel: "取消",
    SendToQaCheck: "QAへ", SendToSecondReading: "二次読影へ", ReturnForCorrection: "差戻し", Deliver: "送付", Acknowledge: "受領確認",
    AddAddendum: "追記" },
  { timeline: "Timeline", close: "Close", question: "Clinical question", doctor: "Requesting doctor", patient: "Patient ID", by: "By",
    reason: "Reason", change: "Change", StartReading: "Start reading", SubmitPreliminary: "Preliminary", Finalize: "Final",
    Release: "Back to pool", Claim: "Claim", CompleteImages: "Images complete", Enqueue: "Enqueue", Assign: "Assign", Reassign: "Reassign",
    LateImages: "Late images", Cancel: "Cancel", SendToQaCheck: "To QA", SendToSecondReading: "To second reading",
    ReturnForCorrection: "Return", Deliver: "Deliver", Acknowledge: "Acknowledge", AddAddendum: "Addendum" });

/** Commands each role gets buttons for (the API decides whether they are allowed). */
export const roleCommands = {
  Radiologist: ["StartReading", "SubmitPreliminary", "Finalize", "Release"],
  ClinicUser: ["Cancel"],
  Operator: ["Release", "Cancel"],
};

export const actionButtons = (r, role) => (roleCommands[role] ?? []).filter((c) => r.allowedCommands.includes(c))
  .map((c) => `<button type="button" class="action" data-command="${c}" data-id="${esc(r.id)}" data-version="${r.version}">${t(c)}</button>`).join("");

/** Wires data-command buttons inside root to the REST API; then calls done(). */
export function wireActions(root, done) {
  root.querySelectorAll("button[data-command]").forEach((b) => b.addEventListener("click", async () => {
    b.disabled = true;
    try {
      await post(`/api/reading/requests/${b.dataset.id}/commands/${b.dataset.command}`, { expectedVersion: Number(b.dataset.version) });
    } catch (e) {
      alert(e.message);
    }
    await done();
  }));
}

export async function openCase(id, me, names, onChanged) {
  const r = await api(`/api/reading/requests/${id}`);
  const dialog = $("case-dialog");
  dialog.innerHTML = `
    <div class="case-head">
      ${thumbnail(r.studyReference, 160)}
      <div>
        <h2>${priorityBadge(r.details.priority)} ${esc(r.details.modality)} · ${esc(names[r.clinicId] ?? r.clinicId)}</h2>
        <div>${stateBadge(r.state)} ${countdown(r)}</div>
        <dl>
          <dt>${t("question")}</dt><dd>${esc(r.details.clinicalQuestion)}</dd>
          <dt>${t("doctor")}</dt><dd>${esc(r.details.requestingDoctor)}</dd>
          <dt>${t("patient")}</dt><dd>${esc(r.patientId)}</dd>
        </dl>
        <div class="actions">${actionButtons(r, me.role)}</div>
      </div>
    </div>
    <h3>${t("timeline")}</h3>
    <table id="timeline"><tr><th>#</th><th>${t("when")}</th><th>${t("change")}</th><th>${t("by")}</th><th>${t("reason")}</th></tr>
      ${r.timeline.map((e) => `<tr><td>${e.sequence}</td><td>${when(e.at)}</td>
        <td>${esc(t(e.from))} → <strong>${esc(t(e.to))}</strong> <span class="muted">(${esc(t(e.command))})</span></td>
        <td>${esc(names[e.actorId] ?? (e.actorId === me.userId ? me.login : e.actorId === "system" ? "Teleread" : `…${e.actorId.slice(-6)}`))} <span class="muted">${esc(e.actorRole)}</span></td><td>${esc(e.reason)}</td></tr>`).join("")}
    </table>
    <form method="dialog"><button id="case-close">${t("close")}</button></form>`;
  wireActions(dialog, async () => { await onChanged(); await openCase(id, me, names, onChanged); });
  if (!dialog.open) dialog.showModal();
  startCountdowns();
}
