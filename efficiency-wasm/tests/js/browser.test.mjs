// The JS API in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core):
// the shared vectors on a test page, and the demo page as a person would see it.
import assert from "node:assert/strict";
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json", ".wasm": "application/wasm", ".css": "text/css" };
// Screenshots of the pages, kept as test artefacts.
const SHOTS = join(ROOT, "target", "screenshots");
let server, browser, base;

before(async () => {
  server = createServer((req, res) => {
    const path = normalize(join(ROOT, decodeURIComponent(new URL(req.url, "http://x").pathname)));
    if (!path.startsWith(ROOT) || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" });
    createReadStream(path).pipe(res);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function open(path, viewport) {
  const page = await browser.newPage(viewport ? { viewport } : {});
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  // The pages never reach the network: anything not served here is an error.
  await page.route("**/*", (route) => {
    if (route.request().url().startsWith(base)) return route.continue();
    errors.push(`network: ${route.request().url()}`);
    return route.abort();
  });
  await page.goto(`${base}/${path}`);
  return { page, errors };
}

async function shot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, name), fullPage: true });
}

test("calendar, clock, case, accountability, assessment, error, masking, supervision, guide vectors and every operation's call in Chromium", async () => {
  const { page, errors } = await open("efficiency-wasm/tests/js/browser.html");
  await page.waitForFunction(() => document.getElementById("result").textContent !== "pending", null, { timeout: 60_000 });
  const result = JSON.parse(await page.textContent("#result"));
  assert.deepEqual(errors, []);
  assert.ok(result.calendar >= 2000 && result.clock >= 300 && result.cases >= 60 && result.accountability >= 40 && result.assessment >= 30 && result.errors >= 150 && result.masking >= 100 && result.supervision >= 7 && result.guides >= 60 && result.parity >= 10 && result.calls >= 150,
    `ran ${result.calendar} calendar, ${result.clock} clock, ${result.cases} case, ${result.accountability} accountability ${result.assessment} assessment and ${result.errors} error vectors`);
  assert.deepEqual(result.failures, []);
  assert.equal(await page.evaluate(() => typeof window), "object");
});

const PHONE = { width: 390, height: 844 };

test("the guide page, as a citizen on a phone: the guide, both dues, the days skipped and why", async () => {
  const { page, errors } = await open("efficiency-wasm/www/index.html", PHONE);
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  await page.selectOption("#item", "civil.social_org_registration");
  await page.fill("#accepted", "2026-09-28T09:30");
  await page.click("#compute");
  assert.match(await page.textContent("#promised-due"), /承诺办结期限（10个工作日）\s*2026-10-16 17:30/);
  assert.match(await page.textContent("#statutory-due"), /法定办结期限（20个工作日）\s*2026-10-30 17:30/);
  assert.match(await page.textContent("tr.skipped"), /2026-10-01.*节假日.*国庆节（法定假日）/);
  assert.match(await page.textContent("article.guide"), /收费标准及依据\s*不收费/);
  assert.equal(await page.$("#provisional"), null);
  // Nothing is wider than the phone.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390));
  await shot(page, "guide-zh-390.png");
  // A date in a year whose holidays are not announced: a marked provisional answer, no code.
  await page.fill("#accepted", "2026-12-20T10:00");
  await page.click("#compute");
  assert.match(await page.textContent("#provisional"), /暂定结果/);
  assert.match(await page.textContent("#statutory-due"), /2027-01-15 17:30/);
  // The reasons come from the library in Chinese (reasonZh), the provisional year said so.
  assert.match(await page.textContent("#result"), /2027-01-02.*周末（暂定：该年节假日安排未公布）/);
  assert.doesNotMatch(await page.textContent("#result"), /calendar\.|year_not_covered/);
  await shot(page, "guide-provisional-zh-390.png");
  // The English switch.
  await page.click("button.lang");
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  // What the citizen chose and typed survives the switch, and the answer with it.
  assert.equal(await page.inputValue("#item"), "civil.social_org_registration");
  assert.equal(await page.inputValue("#accepted"), "2026-12-20T10:00");
  assert.match(await page.textContent("#statutory-due"), /2027-01-15 17:30/);
  assert.match(await page.textContent("#calc-title"), /When will it be done/);
  assert.match(await page.textContent("article.guide h1"), /[A-Za-z]/);
  await shot(page, "guide-en-390.png");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the public page: whereabouts at a moment (a leave's reason never shown), published decisions, ratings", async () => {
  const { page, errors } = await open("efficiency-wasm/www/public.html", PHONE);
  await page.waitForSelector("body[data-ready=true]");
  const head = await page.textContent('#whereabouts-table tr[data-person="soc-h"]');
  assert.match(head, /开会.*全市民政工作会议.*李娜/);
  const leave = await page.textContent('#whereabouts-table tr[data-person="off01"]');
  assert.match(leave, /请假/);
  assert.doesNotMatch(leave, /就医/);
  assert.match(await page.textContent('#results-table tr[data-id="P2"]'), /民社登字〔2026〕41号.*逾期/);
  // A penalty's display period (3 years from the decision) has ended: its content is down.
  const expired = await page.textContent('#results-table tr[data-id="P1"]');
  assert.match(expired, /公示期满.*内容已撤下/);
  assert.doesNotMatch(expired, /张/);
  assert.match(await page.textContent("#ratings-table"), /合计/);
  await shot(page, "public-zh-390.png");
  // While on display, a published record is masked and every field labelled: the party's name
  // to surname + 某, ID and phone numbers gone, no internal field names.
  await page.fill("#at", "2026-05-06T10:00");
  await page.click("#show");
  const p1 = await page.textContent('#results-table tr[data-id="P1"]');
  assert.match(p1, /当事人：张某/);
  assert.match(p1, /主要内容：/);
  assert.match(p1, /（当事人、当事人身份证号码）/);
  assert.doesNotMatch(p1, /张伟|110101199003077777|13800138000|party/);
  // On a Saturday and at night nobody without an entry is "at post".
  await page.fill("#at", "2026-11-07T10:00");
  await page.click("#show");
  const saturday = await page.$$eval("#whereabouts-table tbody tr", (rows) => rows.map((r) => r.dataset.status + ":" + r.textContent));
  assert.ok(saturday.length > 5 && saturday.every((r) => !/在岗/.test(r)), saturday.join("\n"));
  assert.ok(saturday.some((r) => /休息日/.test(r)));
  await page.fill("#at", "2026-11-04T20:00");
  await page.click("#show");
  assert.match(await page.textContent("#whereabouts-table"), /非工作时间/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the office board, as the supervision office: levels, rates with denominators, cards, a chart, a bureau's own files", async () => {
  const { page, errors } = await open("efficiency-wasm/www/office.html", { width: 1200, height: 900 });
  await page.waitForSelector("body[data-ready=true]");
  const all = await page.textContent('#board-table tr[data-group="all"]');
  assert.match(all, /合计\s*4\s*0\s*0\s*4\s*96\.3% \(366\/380\)\s*13\.7% \(52\/380\)\s*2 \/ 37/);
  assert.match(await page.textContent('#cards-table tr[data-card="MZJ-2026-000317:red:clock"]'), /红牌.*MZJ-2026-000317.*社会组织管理科.*2026-11-04 17:30.*超过法定期限/);
  assert.equal(await page.getAttribute("#chart", "data-months"), "11");
  assert.ok(await page.$("#chart svg"), "the chart is drawn");
  await shot(page, "office-zh-1200.png");
  // Per window.
  await page.selectOption("#group", "window");
  await page.waitForSelector('#board-table tr[data-group="W1"]');
  // A bureau's own files: the sample bundle's files loaded from disk give the same board.
  const dir = join(ROOT, "efficiency-core", "data", "bureau");
  await page.setInputFiles("#files", ["organisation.json", "cases.jsonl", "activity.json", "year.json"].map((n) => join(dir, n)));
  await page.waitForFunction(() => /cases\.jsonl/.test(document.getElementById("source").textContent));
  assert.match(await page.textContent('#board-table tr[data-group="all"]'), /96\.3% \(366\/380\)/);
  // Each card's evidence reads as events: when, who by name, what happened.
  assert.match(await page.textContent('#cards-table tr[data-card="MZJ-2026-000317:red:clock"] .evidence'), /证据e\d+：2026年\d+月\d+日 \d\d:\d\d .+（[a-z0-9-]+）(受理|收件)/);
  // A bad file is named in a Chinese sentence, not a crash; the board keeps the data it showed
  // and says so.
  await page.setInputFiles("#files", { name: "organisation.json", mimeType: "application/json", buffer: Buffer.from("{") });
  await page.waitForSelector("#source .error");
  const failed = await page.textContent("#source");
  assert.match(failed, /organisation\.json/);
  assert.match(failed, /文件未载入，看板仍显示：.*cases\.jsonl/);
  assert.doesNotMatch(failed.replace(/错误代码: [a-z_.]+/, ""), /\b(invalid|expected|line|column|EOF)\b/i);
  assert.match(await page.textContent('#board-table tr[data-group="all"]'), /96\.3% \(366\/380\)/);
  await page.setViewportSize(PHONE);
  await shot(page, "office-zh-390.png");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the annual review report page: the bytes Rust writes, in a frame that prints", async () => {
  const { page, errors } = await open("efficiency-wasm/www/report.html");
  await page.waitForSelector("body[data-ready=true]");
  const want = readFileSync(join(ROOT, "tests", "vectors", "report", "sample-2026.zh.html"));
  assert.equal(await page.getAttribute("body", "data-bytes"), String(want.length));
  const frame = page.frameLocator("#report");
  assert.equal(await frame.locator("h1").textContent(), "2026年度行政效能建设总结验收报告");
  await shot(page, "report-page-zh.png");
  // The print button prints the report's own window (its A4 layout), never the page around it.
  await page.evaluate(() => {
    const inner = document.getElementById("report").contentWindow;
    window.print = () => { document.body.dataset.printed = "page"; };
    inner.print = () => { document.body.dataset.printed = inner.document.title; };
  });
  await page.click("#print");
  assert.equal(await page.getAttribute("body", "data-printed"), "2026年度行政效能建设总结验收报告");
  // The workbook downloads as the bytes Rust writes.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#workbook")]);
  assert.equal(download.suggestedFilename(), "review-2026.zh.xlsx");
  const got = readFileSync(await download.path());
  assert.ok(got.equals(readFileSync(join(ROOT, "tests", "vectors", "report", "sample-2026.zh.xlsx"))));
  // The report itself, as filed: printed to PDF by the browser.
  const report = await browser.newPage();
  await report.setContent(want.toString("utf8"));
  mkdirSync(SHOTS, { recursive: true });
  const pdf = await report.pdf({ path: join(SHOTS, "report-2026.zh.pdf"), format: "A4" });
  assert.ok(pdf.length > 10_000);
  await shot(report, "report-2026-zh.png");
  await report.close();
  assert.deepEqual(errors, []);
  await page.close();
});

// What may appear in Latin letters on a Chinese page: identifiers (case, event, record, person,
// window and item ids), file names, and a few names of things (the language switch, formats).
const ALLOWED = [
  /^[A-Z]{2,}-\d{4}-\d{6}$/, /^[A-Za-z]{1,3}-?\d+$/, /^[a-z]+\d+$/, /^[a-z]+-h$/, /^MZ\d+$/,
  /^[\w-]+\.(json|jsonl|html|xlsx|toml|ftl)$/, /^(English|HTML|PDF|Excel|Rust|Python|JS|MiB|JSON|efficiency)$/,
];

test("every page in Chinese shows no English from the data, and fits a phone in both languages", async () => {
  const pages = ["index.html", "public.html", "office.html", "report.html"];
  const bad = [];
  for (const name of pages) {
    for (const viewport of [PHONE, { width: 1200, height: 900 }]) {
      const { page, errors } = await open(`efficiency-wasm/www/${name}`, viewport);
      await page.waitForSelector("body[data-ready=true]");
      let text = await page.evaluate(() => document.body.innerText);
      if (name === "report.html") {
        // The report itself, up to its attachments (the only place its codes appear).
        const frame = page.frames().find((f) => f !== page.mainFrame());
        await frame.waitForSelector("h1");
        text += "\n" + (await frame.evaluate(() => document.body.innerText)).split("附件1")[0];
      }
      // Option texts are what a person reads in a list (values are codes).
      text += "\n" + (await page.$$eval("option", (os) => os.map((o) => o.textContent).join("\n")));
      for (const word of text.match(/[A-Za-z][\w.-]*[A-Za-z0-9]|[A-Za-z]/g) ?? []) {
        if (!ALLOWED.some((re) => re.test(word))) bad.push(`${name} @${viewport.width}: ${word}`);
      }
      if (viewport === PHONE) {
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), `${name} is wider than a phone in Chinese`);
        await page.click("button.lang");
        await page.waitForSelector("body[data-ready=true]");
        assert.equal(await page.getAttribute("html", "lang"), "en");
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), `${name} is wider than a phone in English`);
        await page.click("button.lang");
        await page.waitForSelector("body[data-ready=true]");
      }
      assert.deepEqual(errors, []);
      await page.close();
    }
  }
  assert.deepEqual([...new Set(bad)], []);
});
