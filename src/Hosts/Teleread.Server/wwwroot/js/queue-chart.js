// The open queue as an inline SVG bar chart: one bar per state, stacked by priority (urgent at the bottom).
import { t, esc } from "./core.js";

const States = ["Received", "ImagesComplete", "Queued", "Assigned", "Reading", "Preliminary", "SecondReading", "QaCheck"];
const Priorities = [["Urgent", "#c62828"], ["SameDay", "#ef8f00"], ["Routine", "#0b6e99"]];

export function queueChart(entries) {
  const counts = States.map((s) => Priorities.map(([p]) => entries.filter((e) => e.state === s && e.priority === p).length));
  const max = Math.max(1, ...counts.map((c) => c.reduce((a, b) => a + b, 0)));
  const w = 720, h = 240, left = 30, bottom = 50, top = 12, bw = (w - left) / States.length;
  const scale = (n) => (n / max) * (h - bottom - top);
  const bars = counts.map((c, i) => {
    let y = h - bottom;
    const x = left + i * bw + bw * 0.2;
    const parts = c.map((n, j) => {
      if (n === 0) return "";
      y -= scale(n);
      return `<rect class="bar" x="${x}" y="${y}" width="${bw * 0.6}" height="${scale(n)}" fill="${Priorities[j][1]}" data-state="${States[i]}" data-priority="${Priorities[j][0]}"><title>${esc(t(States[i]))} · ${esc(t(Priorities[j][0]))}: ${n}</title></rect>`;
    }).join("");
    const total = c.reduce((a, b) => a + b, 0);
    return `${parts}<text x="${x + bw * 0.3}" y="${y - 3}" text-anchor="middle" class="count">${total || ""}</text>
      <text x="${x + bw * 0.3}" y="${h - bottom + 16}" text-anchor="middle" class="label">${esc(t(States[i]))}</text>`;
  }).join("");
  const ticks = [0, Math.ceil(max / 2), max].map((n) => `<text x="${left - 6}" y="${h - bottom - scale(n) + 4}" text-anchor="end" class="label">${n}</text>
      <line x1="${left}" x2="${w}" y1="${h - bottom - scale(n)}" y2="${h - bottom - scale(n)}" class="grid"/>`).join("");
  const legend = Priorities.map(([p, c], j) => `<rect x="${left + j * 110}" y="${h - 18}" width="12" height="12" fill="${c}"/><text x="${left + j * 110 + 16}" y="${h - 8}" class="label">${esc(t(p))}</text>`).join("");
  return `<svg id="queue-chart" class="chart" viewBox="0 0 ${w} ${h}" role="img" aria-label="queue">${ticks}${bars}${legend}</svg>`;
}
