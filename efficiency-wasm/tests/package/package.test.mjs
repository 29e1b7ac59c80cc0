// The npm package as a user gets it: the tarball packed by scripts/package-npm.sh, installed
// into an empty project, used from Node, type-checked by tsc, and loaded by a page in headless
// Chromium. The JS blocks marked `<!-- example: runs ... -->` in the README and in
// docs/guide-js.md run in both, each document as one module (imports hoisted), and every
// `// -> value` is compared with what the line gives.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";

import { chromium } from "playwright-core";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const DIST = join(ROOT, "efficiency-wasm", "dist");
const TOOLS = join(ROOT, "efficiency-wasm", "node_modules", ".bin");
let project;

/** A document's runnable JS blocks as one ES module whose default export is the checks. */
export function readmeModule(markdown) {
  const blocks = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith("<!-- example: runs") && lines[i + 1] === "```js") {
      let j = i + 2;
      const block = [];
      while (lines[j] !== "```") block.push({ text: lines[j], line: ++j });
      blocks.push(block);
    }
  }
  const imports = [];
  const body = [];
  let pending = [];
  for (const { text, line } of blocks.flat()) {
    if (text.startsWith("import ")) {
      imports.push(text);
      continue;
    }
    const arrow = text.indexOf("// -> ");
    const comment = text.search(/\s\/\/ /);
    const code = (comment >= 0 ? text.slice(0, comment) : text).trimEnd();
    if (arrow >= 0) {
      const expr = [...pending, code].join("\n").trim().replace(/;$/, "");
      const expected = text.slice(arrow + "// -> ".length).trim();
      body.push(`__check(() => (${expr}), ${expected}, ${line});`);
      pending = [];
    } else if (/[;}]$/.test(code) || code === "") {
      body.push([...pending, code].join("\n"));
      pending = [];
    } else {
      pending.push(code);
    }
  }
  assert.deepEqual(pending, [], "a README block ends inside a statement");
  return [
    ...imports,
    "const __results = [];",
    "function __check(f, expected, line) {",
    "  let got;",
    "  try { got = f(); } catch (e) { got = { thrown: `${e.code ?? ''} ${e.message}` }; }",
    "  __results.push({ line, got: JSON.stringify(got), expected: JSON.stringify(expected) });",
    "}",
    ...body,
    "export default __results;",
  ].join("\n");
}

/** The documents whose JS examples run, and the module each becomes. */
const DOCUMENTS = { "README.md": "readme.mjs", "docs/guide-js.md": "guide-js.mjs" };

function checked(results) {
  for (const [doc, checks] of Object.entries(results)) {
    assert.ok(checks.length >= 6, `ran ${checks.length} checks of ${doc}`);
    for (const r of checks) assert.equal(r.got, r.expected, `${doc} line ${r.line}`);
  }
}

before(() => {
  const tarballs = existsSync(DIST) ? readdirSync(DIST).filter((f) => f.endsWith(".tgz")) : [];
  assert.equal(tarballs.length, 1, "run scripts/package-npm.sh first (the test command does)");
  project = mkdtempSync(join(tmpdir(), "efficiency-npm-"));
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "user", private: true, type: "module" }));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--silent", join(DIST, tarballs[0])],
    { cwd: project, stdio: "inherit" });
  for (const [doc, module] of Object.entries(DOCUMENTS)) {
    writeFileSync(join(project, module), readmeModule(readFileSync(join(ROOT, doc), "utf8")));
  }
});

after(() => project && rmSync(project, { recursive: true, force: true }));

test("the package holds the module, its types, one optimised .wasm, the licenses and nothing else", () => {
  const pkg = join(project, "node_modules", "efficiency-wasm");
  const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
  assert.equal(manifest.version, readFileSync(join(ROOT, "Cargo.toml"), "utf8").match(/^version = "(.*)"$/m)[1]);
  assert.equal(manifest.license, "MIT OR Apache-2.0");
  assert.deepEqual(Object.keys(manifest.exports["."]), ["types", "node", "default"]);
  const files = execFileSync("find", [".", "-type", "f"], { cwd: pkg, encoding: "utf8" }).trim().split("\n").sort();
  assert.deepEqual(files, ["./LICENSE-APACHE", "./LICENSE-MIT", "./README.md", "./node/index.js", "./package.json",
    "./web/efficiency_wasm.d.ts", "./web/efficiency_wasm.js", "./web/efficiency_wasm_bg.wasm", "./web/efficiency_wasm_bg.wasm.d.ts"]);
  const wasm = statSync(join(pkg, "web", "efficiency_wasm_bg.wasm")).size;
  const built = statSync(join(ROOT, "target", "wasm32-unknown-unknown", "wasm-release", "efficiency_wasm.wasm")).size;
  assert.ok(wasm < built * 0.9, `wasm-opt ran: ${wasm} bytes from ${built}`);
});

test("installed, it is used from Node by its name, and the documents' JS examples give what they say", async () => {
  const run = execFileSync("node", ["--input-type=module", "-e",
    `import init, { Calendar, errorCodes } from "efficiency-wasm"; await init();
     console.log(JSON.stringify([Calendar.china().addWorkdays("2026-09-28", 20), errorCodes().includes("calendar.year_not_covered")]));`],
  { cwd: project, encoding: "utf8" });
  assert.deepEqual(JSON.parse(run), ["2026-10-30", true]);
  const results = {};
  for (const [doc, module] of Object.entries(DOCUMENTS)) {
    results[doc] = (await import(pathToFileURL(join(project, module)).href)).default;
  }
  checked(results);
});

test("its types check under tsc --strict with the package's exports", () => {
  writeFileSync(join(project, "use.ts"), [
    'import init, { Calendar, type ClockStatus } from "efficiency-wasm";',
    "await init();",
    'const due: string = Calendar.china().addWorkdays("2026-09-28", 20);',
    "const level = (s: ClockStatus): string => s.level;",
    "export { due, level };",
  ].join("\n"));
  writeFileSync(join(project, "tsconfig.json"), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: "es2022", lib: ["esnext", "dom"], module: "esnext", moduleResolution: "bundler", types: [] },
    files: ["use.ts"],
  }));
  execFileSync(join(TOOLS, "tsc"), ["-p", project], { stdio: "inherit" });
});

test("a page loads it (import map, no network) and the documents' JS examples give the same in Chromium", async () => {
  const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm" };
  writeFileSync(join(project, "index.html"), `<!doctype html><meta charset="utf-8">
<script type="importmap">{"imports": {"efficiency-wasm": "./node_modules/efficiency-wasm/web/efficiency_wasm.js"}}</script>
<pre id="result">pending</pre>
<script type="module">
  const results = {};
  for (const [doc, module] of Object.entries(${JSON.stringify(DOCUMENTS)})) {
    results[doc] = (await import("./" + module)).default;
  }
  document.getElementById("result").textContent = JSON.stringify(results);
</script>`);
  const server = createServer((req, res) => {
    const path = normalize(join(project, decodeURIComponent(new URL(req.url, "http://x").pathname)));
    if (!path.startsWith(project) || !existsSync(path) || !statSync(path).isFile()) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" });
    createReadStream(path).pipe(res);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.route("**/*", (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
    await page.goto(`${base}/index.html`);
    await page.waitForFunction(() => document.getElementById("result").textContent !== "pending", null, { timeout: 60_000 });
    assert.deepEqual(errors, []);
    checked(JSON.parse(await page.textContent("#result")));
  } finally {
    await browser.close();
    server.close();
  }
});
