// The JS API in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core):
// the shared vectors on a test page, and the demo page as a person would see it.
import assert from "node:assert/strict";
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json", ".wasm": "application/wasm" };
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

async function open(path) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${base}/${path}`);
  return { page, errors };
}

test("calendar, clock, case, accountability, assessment, error, masking, supervision and guide vectors in Chromium", async () => {
  const { page, errors } = await open("efficiency-wasm/tests/js/browser.html");
  await page.waitForFunction(() => document.getElementById("result").textContent !== "pending", null, { timeout: 60_000 });
  const result = JSON.parse(await page.textContent("#result"));
  assert.deepEqual(errors, []);
  assert.ok(result.calendar >= 2000 && result.clock >= 300 && result.cases >= 60 && result.accountability >= 40 && result.assessment >= 30 && result.errors >= 150 && result.masking >= 100 && result.supervision >= 7 && result.guides >= 60,
    `ran ${result.calendar} calendar, ${result.clock} clock, ${result.cases} case, ${result.accountability} accountability ${result.assessment} assessment and ${result.errors} error vectors`);
  assert.deepEqual(result.failures, []);
  assert.equal(await page.evaluate(() => typeof window), "object");
});

test("the deadline page shows the due date and the skipped days", async () => {
  const { page, errors } = await open("efficiency-wasm/www/index.html");
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.textContent("#due"), "Due 2026-10-30");
  const firstSkipped = await page.textContent("tr.skipped");
  assert.match(firstSkipped, /2026-10-01.*National Day \(国庆节\)/);
  await page.fill("#accepted", "2026-12-20");
  await page.click("button");
  assert.match(await page.textContent("#due"), /calendar\.year_not_covered: .*2027/);
  await page.fill("#accepted", "2026-09-28");
  await page.click("button");
  if (process.env.SCREENSHOT) await page.screenshot({ path: process.env.SCREENSHOT, fullPage: true });
  assert.deepEqual(errors, []);
});
