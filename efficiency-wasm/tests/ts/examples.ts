// The README's JS examples, typed: `tsc` checks them against the generated declarations
// (efficiency-wasm/pkg/efficiency_wasm.d.ts) and the test runs them under Node.
import { readFileSync } from "node:fs";

import {
  Calendar, CaseContext, Case, Clock, TimeLimit, evaluateClocks, initSync, replayCases,
  type ClockStatus, type DayInfo, type EfficiencyError, type Fault,
} from "../../pkg/efficiency_wasm.js";

initSync({ module: readFileSync(new URL("../../pkg/efficiency_wasm_bg.wasm", import.meta.url)) });

const cal = Calendar.china();
const due: string = cal.addWorkdays("2026-09-28", 20);
const info: DayInfo = cal.dayInfo("2026-02-14");
let code = "";
try {
  cal.isWorkday("2027-03-01");
} catch (e) {
  code = (e as EfficiencyError).code;
}

const clock = new Clock(cal, "2026-09-28T10:00", TimeLimit.workdays(20), { promised: { amount: 10, unit: "workdays" } });
clock.suspend("2026-10-09T15:00", "expert review");
clock.resume("2026-10-13T09:00");
const s: ClockStatus = clock.status("2026-10-20T09:00");
const level: "normal" | "reminder" | "yellow" | "red" = s.level;

const batch = evaluateClocks(cal, { acceptedAt: ["2026-09-28T10:00", null], amount: 20, unit: "workdays", asOf: "2026-10-29T09:00" });
const firstDue: string | null = batch.promisedDue[0] ?? null;

const ctx = CaseContext.sample();
const kase = Case.fromJsonl(ctx, '{"id":"e1","case":"C1","at":"2026-11-02T09:00:00","actor":"off01","event":"refuse_reception"}');
const faults: Fault[] = kase.faults("2026-11-03T09:00");
const out = replayCases(ctx, "", "2026-12-01T00:00");

console.log(JSON.stringify({ due, makeup: info.kind, code, promisedDue: s.promisedDue, level, firstDue, fault: faults[0]?.code, statuses: out.statuses.length }));
