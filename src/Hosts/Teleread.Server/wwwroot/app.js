// Teleread web app shell: sign-in, the role's home view, public radiologist directory. Japanese and English.
// Each view is its own module under js/; the API decides what the caller may see and do.
import { addText, t, $, esc, api, when, getLang, setLang } from "./js/core.js";
import { showWorklist } from "./js/worklist.js";
import { showOperatorDashboard } from "./js/operator-dashboard.js";
import { showClinicRequests } from "./js/clinic-requests.js";
import { startBadge, stopBadge } from "./js/notifications.js";
import { showClinicContracts } from "./js/clinic-contracts.js";
import { showRadiologistRoster } from "./js/radiologist-roster.js";

addText(
  { tagline: "遠隔画像診断プラットフォーム", signIn: "ログイン", login: "ログインID", password: "パスワード", logout: "ログアウト",
    directory: "読影医のご紹介", years: "経験年数", wrong: "ログインIDまたはパスワードが違います。",
    homeClinic: "クリニック", homeRadiologist: "読影医", homeOperator: "運用", audit: "監査ログ",
    when: "日時", action: "操作", resource: "対象", outcome: "結果" },
  { tagline: "Teleradiology platform", signIn: "Sign in", login: "Login", password: "Password", logout: "Sign out",
    directory: "Our radiologists", years: "Years of experience", wrong: "Wrong login or password.",
    homeClinic: "Clinic", homeRadiologist: "Radiologist", homeOperator: "Operations", audit: "Audit trail",
    when: "When", action: "Action", resource: "Resource", outcome: "Outcome" });

function translate() {
  document.documentElement.lang = getLang();
  document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
  $("lang").textContent = getLang() === "ja" ? "EN" : "日本語";
}

async function showDirectory() {
  const list = await api("/api/public/radiologists");
  $("directory").innerHTML = list.map((r) => `
    <article class="card radiologist">
      <h3>${esc(r.displayName)}</h3>
      <div class="meta">${esc(r.boardCertification)}</div>
      <div class="meta">${t("years")}: ${r.yearsOfExperience}</div>
      <div>${r.subspecialties.map((s) => `<span class="tag">${esc(s)}</span>`).join("")}</div>
      <div>${r.modalities.map((s) => `<span class="tag">${esc(s)}</span>`).join("")}</div>
      <p>${esc(r.biography)}</p>
    </article>`).join("");
  return list;
}

/** Display names by id: clinics the caller may see and the public radiologist directory. */
async function names(directory) {
  const map = {};
  directory.forEach((r) => { map[r.userId] = r.displayName; });
  try { (await api("/api/reading/clinic-names")).forEach((c) => { map[c.id] = c.name; }); } catch { /* no reading contract visible */ }
  return map;
}

async function adminTables(me) {
  let html = "";
  // Operators only: the clinics with their reading contracts and the reading roster (js/clinic-contracts.js, js/radiologist-roster.js).
  if (me.role === "Operator") html += `<div id="clinic-contracts"></div><div id="radiologist-roster"></div>`;
  if (me.role !== "Radiologist") {
    const events = await api("/api/audit?limit=20");
    html += `<h2>${t("audit")}</h2><table id="audit"><tr><th>${t("when")}</th><th>${t("action")}</th><th>${t("resource")}</th><th>${t("outcome")}</th></tr>` +
      events.map((e) => `<tr><td>${when(e.at)}</td><td>${esc(e.action)}</td><td>${esc(e.resource)}</td><td>${esc(e.outcome)}</td></tr>`).join("") + "</table>";
  }
  return html;
}

async function showHome(me, directory) {
  $("login-view").hidden = true; $("home-view").hidden = false; $("logout").hidden = false; $("directory-view").hidden = true;
  $("who").textContent = me.login;
  const roleTitle = { ClinicUser: "homeClinic", Radiologist: "homeRadiologist", Operator: "homeOperator" }[me.role];
  $("home-title").textContent = t(roleTitle);
  const byId = await names(await directory);
  const view = { Radiologist: showWorklist, Operator: showOperatorDashboard, ClinicUser: showClinicRequests }[me.role];
  await view($("reading"), me, byId);
  if (me.role !== "ClinicUser") startBadge();
  $("home-body").innerHTML = await adminTables(me);
  if (me.role === "Operator") await Promise.all([showClinicContracts($("clinic-contracts")), showRadiologistRoster($("radiologist-roster"))]);
}

function showLogin() {
  $("login-view").hidden = false; $("home-view").hidden = true; $("logout").hidden = true; $("who").textContent = "";
  $("directory-view").hidden = false;
  stopBadge();
}

async function start() {
  translate();
  const directory = showDirectory();
  try { await showHome(await api("/api/auth/me"), directory); } catch (e) { if (e.status === 401) showLogin(); else throw e; }
}

$("login-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const form = new FormData(e.target);
  let me;
  try {
    me = await api("/api/auth/login", { method: "POST", body: JSON.stringify({ login: form.get("login"), password: form.get("password") }) });
  } catch {
    $("login-error").textContent = t("wrong");
    return;
  }
  $("login-error").textContent = "";
  await showHome(me, api("/api/public/radiologists"));
});
$("logout").addEventListener("click", async () => { await api("/api/auth/logout", { method: "POST" }); showLogin(); });
$("lang").addEventListener("click", () => { setLang(getLang() === "ja" ? "en" : "ja"); start(); });
$("notif-badge").addEventListener("click", () => $("notifications-panel")?.scrollIntoView() ?? $("notif-badge").blur());
start();
