// The package's entry in Node: the same module as in a browser, instantiated synchronously from
// the .wasm beside it when imported. `init()` is kept (it resolves at once), so that the same
// code runs in a page and in Node: `import init, { Calendar } from "efficiency-wasm"; await init();`
import { readFileSync } from "node:fs";
import { initSync } from "../web/efficiency_wasm.js";

initSync({ module: readFileSync(new URL("../web/efficiency_wasm_bg.wasm", import.meta.url)) });

export * from "../web/efficiency_wasm.js";

/** Ready already in Node; kept for code shared with pages. */
export default async function init() {}
