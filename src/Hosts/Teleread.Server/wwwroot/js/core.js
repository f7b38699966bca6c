// Shared by every view: translations (each module adds its own), the signed-in fetch helper, escaping, formatting.
const text = { ja: {}, en: {} };
let lang = localStorage.getItem("lang") || (navigator.language.startsWith("ja") ? "ja" : "en");

export const addText = (ja, en) => { Object.assign(text.ja, ja); Object.assign(text.en, en); };
export const t = (k) => text[lang][k] ?? k;
export const getLang = () => lang;
export const setLang = (l) => { lang = l; localStorage.setItem("lang", l); };
export const $ = (id) => document.getElementById(id);
export const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
export const when = (iso) => new Date(iso).toLocaleString(lang === "ja" ? "ja-JP" : "en-GB", { timeZone: "Asia/Tokyo", dateStyle: "short", timeStyle: "short" });

export async function api(path, options = {}) {
  return (await apiWithTag(path, options)).body;
}

// The answer and its ETag, for a later PUT with If-Match (saved only over the version read; 412 when it changed).
export async function apiWithTag(path, options = {}) {
  const response = await fetch(path, { credentials: "same-origin", ...options, headers: { "Content-Type": "application/json", ...options.headers } });
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail ?? detail; } catch { /* not JSON */ }
    throw Object.assign(new Error(detail), { status: response.status });
  }
  return { body: response.status === 204 ? null : await response.json(), etag: response.headers.get("ETag") };
}

export const post = (path, body) => api(path, { method: "POST", body: JSON.stringify(body ?? {}) });

// Editing forms (contracts, the roster): read every field by its reader, keep what differs from what was shown (values
// compared as JSON, so lists and objects too), fill "{name}" placeholders in a message, check a time zone id.
export const readAll = (fields, f) => Object.fromEntries(Object.entries(fields).map(([name, read]) => [name, read(f)]));
export const changed = (now, shown) => Object.fromEntries(Object.entries(now).filter(([name, v]) => JSON.stringify(v) !== JSON.stringify(shown[name])));
export const fill = (key, values) => Object.entries(values).reduce((s, [k, v]) => s.replace(`{${k}}`, v), t(key));
export const timeZones = () => (typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []);
export function knownTimeZone(zone) {
  if (!zone) return false;
  try { new Intl.DateTimeFormat("en", { timeZone: zone }); return true; } catch { return false; }
}

addText(
  { Urgent: "緊急", SameDay: "当日", Routine: "通常", Received: "受付", ImagesComplete: "画像完了", Queued: "待機", Assigned: "割当済",
    Reading: "読影中", Preliminary: "一次報告", SecondReading: "二次読影", QaCheck: "QA確認", Final: "確定", Delivered: "送付済",
    Acknowledged: "確認済", Cancelled: "取消" },
  { Urgent: "Urgent", SameDay: "Same day", Routine: "Routine", Received: "Received", ImagesComplete: "Images complete", Queued: "Queued",
    Assigned: "Assigned", Reading: "Reading", Preliminary: "Preliminary", SecondReading: "Second reading", QaCheck: "QA check", Final: "Final",
    Delivered: "Delivered", Acknowledged: "Acknowledged", Cancelled: "Cancelled" });

export const priorityBadge = (p) => `<span class="badge prio-${esc(p)}">${esc(t(p))}</span>`;
export const stateBadge = (s) => `<span class="badge state">${esc(t(s))}</span>`;
