// Times the JS API under Node: addWorkdays against native JS doing the same string work (parse
// "YYYY-MM-DD", add days, format), and addWorkdaysMany against a loop of addWorkdays.
//   node efficiency-wasm/benches/bench.mjs [--rows 200000]
// A benchmark, not a test: it reports ratios measured in this run and asserts nothing.
import { readFileSync } from "node:fs";
import os from "node:os";

import * as efficiency from "../pkg/efficiency_wasm.js";

efficiency.initSync({ module: readFileSync(new URL("../pkg/efficiency_wasm_bg.wasm", import.meta.url)) });
const rows = Number(process.argv[process.argv.indexOf("--rows") + 1] || 200_000) || 200_000;

// Deterministic inputs: dates 2005-2025, n 0-60.
let seed = 20261128;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const day0 = Date.UTC(2005, 0, 1) / 864e5;
const dates = Array.from({ length: rows }, () => new Date((day0 + Math.floor(rand() * 7665)) * 864e5).toISOString().slice(0, 10));
const ns = Array.from({ length: rows }, () => Math.floor(rand() * 61));

function best(repeat, fn) {
  let t = Infinity, out;
  for (let i = 0; i < repeat; i++) {
    const t0 = process.hrtime.bigint();
    out = fn();
    t = Math.min(t, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return [t, out];
}

const cal = efficiency.Calendar.china();
// The same string work in plain JS (calendar days, not workdays: the floor of what a call costs).
const native = () => dates.map((d, i) => new Date(Date.parse(d) + ns[i] * 864e5).toISOString().slice(0, 10));
const loop = () => dates.map((d, i) => cal.addWorkdays(d, ns[i]));
const batch = () => cal.addWorkdaysMany(dates, ns).values;

const [tNative] = best(5, native);
const [tLoop, looped] = best(5, loop);
const [tBatch, batched] = best(5, batch);
if (looped.some((v, i) => v !== batched[i])) throw new Error("batch and loop disagree");
const us = (t) => ((t / rows) * 1e3).toFixed(3);
console.log(`machine: ${os.cpus()[0].model}, ${os.cpus().length} cores; Node ${process.version}; ${rows.toLocaleString()} rows, best of 5`);
console.log(`native JS string work      : ${us(tNative)} us/row`);
console.log(`addWorkdays (one call/row) : ${us(tLoop)} us/row  = ${(tLoop / tNative).toFixed(1)}x native`);
console.log(`addWorkdaysMany (one call) : ${us(tBatch)} us/row  = ${(tLoop / tBatch).toFixed(1)}x faster than the loop`);
