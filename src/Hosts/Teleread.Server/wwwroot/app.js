// Teleread web app shell: sign-in, role-specific home, public radiologist directory. Japanese and English.
const text = {
  ja: { tagline: "遠隔画像診断プラットフォーム", signIn: "ログイン", login: "ログインID", password: "パスワード", logout: "ログアウト",
        directory: "読影医のご紹介", years: "経験年数", wrong: "ログインIDまたはパスワードが違います。",
        homeClinic: "クリニック", homeRadiologist: "読影医", homeOperator: "運用", clinics: "契約クリニック", audit: "監査ログ",
        when: "日時", action: "操作", resource: "対象", outcome: "結果", aeTitles: "AEタイトル" },
  en: { tagline: "Teleradiology platform", signIn: "Sign in", login: "Login", password: "Password", logout: "Sign out",
        directory: "Our radiologists", years: "Years of experience", wrong: "Wrong login or password.",
        homeClinic: "Clinic", homeRadiologist: "Radiologist", homeOperator: "Operations", clinics: "Clinics", audit: "Audit trail",
        when: "When", action: "Action", resource: "Resource", outcome: "Outcome", aeTitles: "AE titles" },
};
let lang = localStorage.getItem("lang") || (navigator.language.startsWith("ja") ? "ja" : "en");
const t = (k) => text[lang][k] ?? k;
const $ = (id) => document.getElementById(id);
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

function translate() {
  document.documentElement.lang = lang;
  document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
  $("lang").textContent = lang === "ja" ? "EN" : "日本語";
}

async function api(path, options = {}) {
  const response = await fetch(path, { credentials: "same-origin", headers: { "Content-Type": "application/json" }, ...options });
  if (!response.ok) throw Object.assign(new Error(response.statusText), { status: response.status });
  return response.status === 204 ? null : response.json();
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
}

async function showHome(me) {
  $("login-view").hidden = true; $("home-view").hidden = false; $("logout").hidden = false;
  $("who").textContent = me.login;
  const roleTitle = { ClinicUser: "homeClinic", Radiologist: "homeRadiologist", Operator: "homeOperator" }[me.role];
  $("home-title").textContent = t(roleTitle);
  let html = "";
  if (me.role === "Operator") {
    const clinics = await api("/api/clinics");
    html += `<h2>${t("clinics")}</h2><table id="clinics"><tr><th>ID</th><th>Name</th><th>${t("aeTitles")}</th></tr>` +
      clinics.map((c) => `<tr><td>${esc(c.id.slice(-8))}</td><td>${esc(c.name)}</td><td>${c.aeTitles.map(esc).join(", ")}</td></tr>`).join("") + "</table>";
  }
  if (me.role !== "Radiologist") {
    const events = await api("/api/audit?limit=20");
    html += `<h2>${t("audit")}</h2><table id="audit"><tr><th>${t("when")}</th><th>${t("action")}</th><th>${t("resource")}</th><th>${t("outcome")}</th></tr>` +
      events.map((e) => `<tr><td>${new Date(e.at).toLocaleString(lang)}</td><td>${esc(e.action)}</td><td>${esc(e.resource)}</td><td>${esc(e.outcome)}</td></tr>`).join("") + "</table>";
  }
  $("home-body").innerHTML = html;
}

function showLogin() {
  $("login-view").hidden = false; $("home-view").hidden = true; $("logout").hidden = true; $("who").textContent = "";
}

async function start() {
  translate();
  showDirectory();
  try { await showHome(await api("/api/auth/me")); } catch { showLogin(); }
}

$("login-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const form = new FormData(e.target);
  try {
    const me = await api("/api/auth/login", { method: "POST", body: JSON.stringify({ login: form.get("login"), password: form.get("password") }) });
    $("login-error").textContent = "";
    await showHome(me);
  } catch {
    $("login-error").textContent = t("wrong");
  }
});
$("logout").addEventListener("click", async () => { await api("/api/auth/logout", { method: "POST" }); showLogin(); });
$("lang").addEventListener("click", () => { lang = lang === "ja" ? "en" : "ja"; localStorage.setItem("lang", lang); start(); });
start();
