// What every page shares: the module, the language (Chinese first; `?lang=en` or the switch),
// the header with the navigation, and small helpers. Nothing here decides a rule: the pages
// show what the library computes.
import init, * as efficiency from "../pkg/efficiency_wasm.js";

export { efficiency };

export const PAGES = [
  ["index.html", "办事指南", "Service guides"],
  ["public.html", "结果公开与人员去向", "Results and whereabouts"],
  ["office.html", "电子监察", "Supervision board"],
  ["report.html", "年度总结验收", "Annual review"],
];

/** The page's language: "zh" (default) or "en". */
export function lang() {
  return new URLSearchParams(location.search).get("lang") === "en" ? "en" : "zh";
}

/** The text in the page's language. */
export function t(zh, en) {
  return lang() === "en" ? en : zh;
}

/** Escapes text for HTML. */
export function esc(s) {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/** A time as the pages show it: `2026-10-30 17:30`. */
export function when(s) {
  return s ? String(s).replace("T", " ").slice(0, 16) : "–";
}

/** A rate with its denominator: `97.4% (228/234)`; `–` without a denominator. */
export function rate(n, d) {
  return d ? `${((100 * n) / d).toFixed(1)}% (${n}/${d})` : "–";
}

/** The Chinese or English half of a bilingual name such as `Social affairs (社会事务科)`. */
export function named(name) {
  const m = /^(.*?)\s*[(（]([^()（）]*)[)）]$/.exec(name ?? "");
  if (!m) return name ?? "";
  const cjk = (s) => /[\u4e00-\u9fff]/.test(s);
  // Only an English name with its Chinese in brackets is split (`1号窗口（社会组织）` is one name).
  if (cjk(m[1])) return name;
  return cjk(m[2]) ? (lang() === "zh" ? m[2] : m[1]) : name;
}

/** Loads the module and draws the header; `page` is this page's file name. */
export async function start(page, title) {
  await init();
  document.documentElement.lang = lang() === "zh" ? "zh-CN" : "en";
  document.title = `${title} · ${t("市民政局", "Civil-affairs bureau")}`;
  const header = document.createElement("header");
  header.className = "top";
  const other = lang() === "zh" ? "en" : "zh";
  const query = (l) => (l === "zh" ? "" : "?lang=en");
  // What a person typed or chose survives the language switch: it rides in the address
  // (`?lang=en&item=…&accepted=…`) and is put back here (a list a page fills later reads it
  // from the address itself).
  const params = new URLSearchParams(location.search);
  for (const el of document.querySelectorAll("main input[id]:not([type=file]), main select[id]")) {
    if (params.has(el.id)) el.value = params.get(el.id);
  }
  const carried = (l) => {
    const q = new URLSearchParams(l === "zh" ? "" : "lang=en");
    for (const el of document.querySelectorAll("main input[id]:not([type=file]), main select[id]")) {
      if (el.value) q.set(el.id, el.value);
    }
    const text = q.toString();
    return text ? `?${text}` : "";
  };
  header.innerHTML = `<h1>${esc(title)}</h1><nav>${PAGES.map(([href, zh, en]) =>
    `<a href="${href}${query(lang())}"${href === page ? ' aria-current="page"' : ""}>${esc(t(zh, en))}</a>`).join("")}</nav>
    <button class="lang" type="button" lang="${other === "zh" ? "zh-CN" : "en"}">${other === "zh" ? "中文" : "English"}</button>`;
  header.querySelector(".lang").addEventListener("click", () => {
    location.search = carried(other);
  });
  document.body.prepend(header);
}

/** Marks the page ready for its tests (after the first drawing). */
export function ready() {
  document.body.dataset.ready = "true";
}

/** Shows a library error as the page's words, with its code kept for the curious. */
export function problem(e) {
  // The library's own sentence in Chinese (`text`), its message in English; the code is a detail.
  const said = e && (lang() === "zh" && e.text ? e.text : e.message);
  const code = e && e.code ? `${t("错误代码", "Error code")}: ${e.code}` : "";
  return `<p class="error">${esc(said || String(e))}<br><small class="muted">${esc(code)}</small></p>`;
}

/**
 * A table that reads on a phone: below 480 px each row becomes a block of "label: value" lines.
 * `columns` are [label, numeric?]; `rows` are {attrs, cells} with cells as HTML (already escaped).
 */
export function table(id, columns, rows) {
  const head = columns.map(([label, n]) => `<th${n ? ' class="n"' : ""}>${label}</th>`).join("");
  const body = rows.map((r) => `<tr ${r.attrs ?? ""}>${r.cells.map((c, i) =>
    `<td data-label="${esc(columns[i][0].replace(/<[^>]*>/g, ""))}"${columns[i][1] ? ' class="n"' : ""}>${c}</td>`).join("")}</tr>`).join("");
  return `<div class="scroll"><table id="${id}" class="stack"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}
