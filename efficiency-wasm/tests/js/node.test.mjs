// The JS API under Node: `node --test efficiency-wasm/tests/js/` after scripts/build-wasm.sh.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import * as efficiency from "../../pkg/efficiency_wasm.js";
import { runAccountabilityVectors, runAssessmentVectors, runCalendarVectors, runCalls, runCaseVectors, runBatchVectors, runClockVectors, runErrorVectors, runManifest, runGuideVectors, runMaskingVectors, runParityVectors, runSupervisionVectors, conforms } from "./vectors.mjs";

efficiency.initSync({ module: readFileSync(new URL("../../pkg/efficiency_wasm_bg.wasm", import.meta.url)) });
const load = (name) => JSON.parse(readFileSync(new URL(`../../../tests/vectors/${name}`, import.meta.url), "utf8"));
const vectors = load("calendar.json");

test("calendar vectors", () => {
  const { total, failures } = runCalendarVectors(efficiency, vectors);
  assert.ok(total >= 2000);
  assert.deepEqual(failures, []);
});

test("licensing decision example, explained", () => {
  const cal = efficiency.Calendar.china();
  assert.equal(cal.addWorkdays("2026-09-28", 20), "2026-10-30");
  const r = cal.explainAddWorkdays("2026-09-28", 20);
  assert.equal(r.due, "2026-10-30");
  const skipped = r.days.filter((d) => d.ordinal === null);
  assert.deepEqual(skipped[0], {
    date: "2026-10-01",
    kind: "holiday",
    ordinal: null,
    reason: "holiday: National Day (国庆节), statutory",
    reasonZh: "国庆节（法定假日）",
  });
  assert.deepEqual(cal.coveredYears, [2004, 2026]);
  const info = cal.dayInfo("2026-02-14");
  assert.equal(info.kind, "makeup_workday");
  assert.equal(info.holidayNameZh, "春节");
  assert.equal(info.reasonZh, "调休上班（春节）");
});

test("errors are Error objects with a stable code", () => {
  const cal = efficiency.Calendar.china();
  assert.throws(() => cal.addWorkdays("2026-12-20", 20), (e) => e instanceof Error && e.code === "calendar.year_not_covered" && /2027/.test(e.message));
  assert.throws(() => cal.isWorkday("2026-02-30"), { code: "calendar.invalid_date" });
  assert.equal(cal.isWorkday(new Date(2026, 0, 4)), true); // a JS Date is read as its local calendar day
  assert.throws(() => cal.isWorkday(42), { code: "argument.wrong_type", field: "date" });
  assert.throws(() => cal.addWorkdays("2026-09-28", 2.5), { code: "argument.not_whole", field: "n" });
  assert.throws(() => efficiency.Calendar.fromJson("{"), { code: "calendar.invalid_data" });
  assert.ok(efficiency.calendarErrorCodes().includes("calendar.overlay_conflict"));
});

test("error vectors: every bad input throws an Error with the same code as in Rust and Python", () => {
  const { total, failures } = runErrorVectors(efficiency, load("errors.json"));
  assert.ok(total >= 150);
  assert.deepEqual(failures, []);
  const batches = runBatchVectors(efficiency, load("errors.json"));
  assert.ok(batches.total >= 5);
  assert.deepEqual(batches.failures, []);
});

test("provisional years are explicit and marked", () => {
  const cal = efficiency.Calendar.china(true);
  assert.equal(cal.addWorkdays("2026-12-30", 3), "2027-01-04");
  assert.equal(cal.isProvisional("2027-01-04"), true);
  assert.equal(cal.explainAddWorkdays("2026-12-30", 3).provisional, true);
});

test("run-time years and overlays", () => {
  const cal = efficiency.Calendar.china();
  const y2027 = {
    year: 2027,
    notice: "test",
    periods: [{ festivals: [{ name: "New Year's Day", name_zh: "元旦", statutory: ["2027-01-01"] }], from: "2027-01-01", to: "2027-01-03" }],
  };
  assert.deepEqual(cal.withYear(JSON.stringify(y2027)).coveredYears, [2004, 2027]);
  const overlay = {
    format: "efficiency.calendar-overlay/1",
    region: "CN-GX",
    name: "Guangxi",
    years: [{ year: 2026, notice: "test", periods: [{ festivals: [{ name: "Sanyuesan", name_zh: "三月三" }], from: "2026-04-05", to: "2026-04-06" }] }],
  };
  assert.throws(() => cal.withOverlay(JSON.stringify(overlay)), { code: "calendar.overlay_conflict" });
});

test("batch calls report per row", () => {
  const cal = efficiency.Calendar.china();
  const out = cal.addWorkdaysMany(["2026-09-28", null, "2030-01-01"], [20, 1, 1]);
  assert.deepEqual(out.values, ["2026-10-30", null, null]);
  assert.deepEqual(out.errors.map((e) => [e.row, e.code]), [[2, "calendar.year_not_covered"]]);
  const between = cal.workdaysBetweenMany(["2026-09-28"], ["2026-10-30"]);
  assert.deepEqual(between, { values: [20], errors: [] });
});

test("clock vectors", () => {
  const { total, failures } = runClockVectors(efficiency, load("clock.json"));
  assert.ok(total >= 300);
  assert.deepEqual(failures, []);
});

test("clock batches: the columns object is checked, never judged as empty", () => {
  const cal = efficiency.Calendar.china();
  assert.throws(() => efficiency.evaluateClocks(cal, ["2026-09-28T10:00"]), { code: "argument.wrong_type", field: "columns" });
  assert.throws(() => efficiency.evaluateClocks(cal, { acceptedAt: ["2026-09-28T10:00"], amount: [20], unit: "workdays" }), { code: "argument.missing", field: "asOf" });
  assert.throws(() => efficiency.evaluateClocks(cal, { acceptedAt: [], amount: [], unit: "workdays", asOf: "2026-10-01T00:00", colour: [] }), { code: "argument.invalid", field: "colour" });
  assert.equal(efficiency.evaluateClocks(cal, { acceptedAt: [], amount: [], unit: "workdays", asOf: "2026-10-01T00:00" }).level.length, 0);
});

test("clock: the bureau's settings document as an option", () => {
  const cal = efficiency.Calendar.china();
  const settings = { format: "efficiency.settings/1", day_end: "midnight" };
  const clock = new efficiency.Clock(cal, "2026-09-28T10:00", efficiency.TimeLimit.workdays(20), { settings });
  assert.equal(clock.status("2026-10-08T09:00").statutoryDue, "2026-10-31T00:00:00");
  assert.throws(() => new efficiency.Clock(cal, "2026-09-28T10:00", efficiency.TimeLimit.workdays(20), { settings: { ...settings, zone: "+05:00" } }),
    { code: "clock.invalid_settings" });
});

test("clock: a limit in months is built like the others and equals its data", () => {
  const cal = efficiency.Calendar.china();
  const m = efficiency.TimeLimit.months(1);
  assert.deepEqual([m.amount, m.unit], [1, "months"]);
  const a = new efficiency.Clock(cal, "2026-01-31T10:00", m).status("2026-02-02T09:00");
  const b = new efficiency.Clock(cal, "2026-01-31T10:00", { amount: 1, unit: "months" }).status("2026-02-02T09:00");
  assert.equal(a.statutoryDue, b.statutoryDue);
});

test("clock: status, explanation, findings, errors", () => {
  const cal = efficiency.Calendar.china();
  const clock = new efficiency.Clock(cal, "2026-09-28T10:00", efficiency.TimeLimit.workdays(20), { maxExtension: 10 });
  clock.requestExtension("2026-10-20T10:00", 10, "site inspection");
  clock.approveExtension("2026-10-21T10:00", "supervising_leader");
  clock.notifyApplicant("2026-10-22T10:00");
  const s = clock.status("2026-11-02T09:00");
  assert.equal(s.extendedBy, 0);
  assert.equal(s.level, "red");
  assert.deepEqual(s.findings.map((f) => f.code), ["extension.unauthorized_approver", "time_limit.statutory_missed"]);
  assert.match(clock.explain("2026-10-01T09:00").text, /2026-10-10    5  make-up workday for National Day/);
  assert.throws(() => clock.resume("2026-11-03T10:00"), { code: "clock.resume_without_suspension", eventIndex: 3 });
  assert.throws(() => clock.approveExtension("2026-11-03T10:00", "janitor"), { code: "clock.unknown_authority" });
  assert.throws(() => new efficiency.Clock(cal, "2026-09-28 25:00", { amount: 20, unit: "workdays" }), { code: "clock.invalid_time" });
  assert.throws(() => new efficiency.Clock(cal, "2026-09-28T10:00", { amount: 20, unit: "workdays" }, { promised: { amount: 30, unit: "workdays" } }), { code: "clock.promised_exceeds_statutory" });
  assert.ok(efficiency.findingCodes().includes("extension.over_cap"));
});

test("items: templates, procedure-aware suspension", () => {
  const items = efficiency.ItemCatalog.templates();
  const reg = items.get("civil.social_org_registration");
  assert.equal(reg.promised.amount, 10);
  assert.equal(items.get("nope"), undefined);
  const clock = reg.clock(efficiency.Calendar.china(), "2026-09-28T10:00");
  assert.throws(() => clock.suspend("2026-09-29T10:00", "site_visit"), { code: "clock.procedure_counts" });
  clock.suspend("2026-09-29T10:00", "expert_review");
  assert.equal(clock.status("2026-09-30T10:00").state, "suspended");
  assert.throws(() => efficiency.ItemCatalog.fromJson("{}"), { code: "clock.invalid_item" });
  const toml = 'format = "efficiency.items/1"\n[[items]]\ncode = "x"\nname = "X"\nlegal_basis = "-"\nstatutory = { amount = 5, unit = "workdays" }\n';
  assert.deepEqual(efficiency.ItemCatalog.fromToml(toml).codes, ["x"]);
});

test("evaluateClocks: one result or error per row", () => {
  const cal = efficiency.Calendar.china();
  const out = efficiency.evaluateClocks(cal, {
    acceptedAt: ["2026-09-28T10:00", null, "2003-12-15T10:00", "not a time"],
    amount: 20, unit: "workdays", asOf: "2026-10-29T09:00",
  });
  assert.deepEqual(out.promisedDue, ["2026-10-30T17:30:00", null, null, null]);
  assert.deepEqual(out.level, ["reminder", null, null, null]);
  assert.deepEqual(out.errors.map((e) => [e.row, e.code]), [[2, "calendar.year_not_covered"], [3, "clock.invalid_time"]]);
});

test("case vectors", () => {
  const { total, failures } = runCaseVectors(efficiency, load("cases/cases.json"));
  assert.ok(total >= 60);
  assert.deepEqual(failures, []);
});

test("cases: append, round trip, errors naming the line, replay and metrics", () => {
  const ctx = efficiency.CaseContext.sample();
  const line = (i, c, at, actor, event, extra = {}) => JSON.stringify({ id: `e${i}`, case: c, at, actor, event, ...extra });
  const log = (c) => [
    line(1, c, "2026-11-02T09:30:00", "mar01", "receive", { item: "civil.marriage_registration", window: "W2" }),
    line(2, c, "2026-11-02T09:31:00", "mar01", "accept"),
    line(3, c, "2026-11-02T10:05:00", "mar01", "conclude", { outcome: "granted", on_the_spot: true }),
  ];
  const kase = new efficiency.Case(ctx, "M1");
  for (const l of log("M1")) kase.append(l);
  assert.equal(kase.stage, "concluded");
  assert.equal(efficiency.Case.fromJsonl(ctx, kase.toJsonl()).toJsonl(), kase.toJsonl());
  assert.throws(() => kase.append(line(3, "M1", "2026-11-02T10:06:00", "mar01", "result_published")), { code: "case.duplicate_event_id", event: "e3" });
  assert.throws(() => kase.append(line(4, "M1", "2026-11-02T10:06:00", "ghost", "result_published")), { code: "case.unknown_actor" });
  assert.equal(kase.length, 3);
  assert.throws(() => efficiency.Case.fromJsonl(ctx, [log("X")[0], "{oops"].join("\n")), { code: "case.malformed_line", line: 2 });
  const out = efficiency.replayCases(ctx, [...log("A"), ...log("B"), log("A")[0]].join("\n"), "2026-12-01T00:00",
    { period: ["2026-11-01T00:00", "2026-12-01T00:00"], groupBy: "window" });
  assert.deepEqual(out.statuses.map((s) => s.case), ["A", "B"]);
  assert.deepEqual(out.errors.map((e) => [e.row, e.code]), [[6, "case.unsorted_input"]]);
  assert.deepEqual(out.metrics.map((r) => [r.group, r.concluded, r.onTheSpotRate]), [["W2", 2, 1]]);
  // The same replay in chunks, a case carried across the chunk boundary.
  const replay = new efficiency.CaseReplay(ctx, "2026-12-01T00:00", { period: ["2026-11-01T00:00", "2026-12-01T00:00"], groupBy: "window" });
  const rows = [...log("A"), ...log("B")];
  replay.pushLines(rows.slice(0, 4));
  assert.deepEqual(replay.takeStatuses().map((s) => s.case), ["A"]);
  replay.pushLines(rows.slice(4));
  replay.finish();
  assert.deepEqual(replay.takeStatuses().map((s) => s.case), ["B"]);
  assert.equal(replay.cases, 2);
  assert.deepEqual(replay.metrics().map((r) => [r.group, r.concluded]), [["W2", 2]]);
  assert.throws(() => new efficiency.CaseReplay(ctx, "2026-12-01T00:00", { groupby: "window" }), { code: "argument.invalid" });
  assert.ok(efficiency.findingCatalog().some((f) => f.code === "supplement.repeated"));
  assert.ok(efficiency.eventKinds().includes("guide_outside"));
});

test("accountability vectors", () => {
  const { total, failures } = runAccountabilityVectors(efficiency, load("accountability/accountability.json"));
  assert.ok(total >= 40);
  assert.deepEqual(failures, []);
});

test("supervision vectors", () => {
  const { total, failures } = runSupervisionVectors(efficiency, load("supervision/supervision.json"));
  assert.ok(total >= 7);
  assert.deepEqual(failures, []);
});

test("parity vectors: the answers bindings once decided on their own, the same as in Python", () => {
  const { total, failures } = runParityVectors(efficiency, load("parity/parity.json"));
  assert.ok(total >= 10);
  assert.deepEqual(failures, []);
});

test("guide vectors", () => {
  const { total, failures } = runGuideVectors(efficiency, load("guides/guides.json"));
  assert.ok(total >= 60);
  assert.deepEqual(failures, []);
});

test("masking vectors", () => {
  const { total, failures } = runMaskingVectors(efficiency, load("masking/masking.json"));
  assert.ok(total >= 100);
  assert.deepEqual(failures, []);
});

test("accountability: chains, errors with a path, case findings into the list", () => {
  const org = efficiency.Organisation.sample();
  assert.deepEqual(org.chain("mar01").map((l) => l.person), ["mar01", "mar-h", "dep02", "dir01"]);
  const broken = JSON.parse(JSON.stringify(JSON.parse(org.rosterJson())));
  assert.ok(broken.staff.length >= 12);
  assert.throws(() => efficiency.Organisation.fromJson("{}"), (e) => e.code === "org.invalid_json" && /line 1/.test(e.path));
  const ctx = new efficiency.CaseContext(efficiency.Calendar.china(), efficiency.ItemCatalog.templates(), org.rosterJson());
  const kase = efficiency.Case.fromJsonl(ctx, [
    '{"id":"e1","case":"C1","at":"2026-11-02T09:00:00","actor":"off01","event":"refuse_reception"}',
  ].join("\n"));
  const faults = kase.faults("2026-11-03T09:00");
  assert.deepEqual(faults.map((f) => [f.source, f.code]), [["case C1", "reception.refused"]]);
  const list = efficiency.accountabilityList(org, faults, ["2026-01-01T00:00", "2027-01-01T00:00"]);
  assert.deepEqual(list.map((e) => [e.person, e.responsibility]), [["off01", "direct"], ["off-h", "main_leadership"]]);
  assert.equal(new efficiency.AccountabilityRules().sanctionSpan([], ["dismissal"], "2026-07-01").permanent, true);
});

test("assessment vectors", () => {
  const { total, failures } = runAssessmentVectors(efficiency, load("assessment/assessment.json"));
  assert.ok(total >= 30);
  assert.deepEqual(failures, []);
});

test("the annual review runs in JS too", () => {
  const r = efficiency.annualReviewSample(2026, 120, 7);
  assert.equal(r.cases, 120);
  assert.deepEqual(r.rejectedRows, []);
  assert.equal(r.scorecards.length, 4);
  assert.ok(r.scorecards.every((c) => c.lines.every((l) => !l.rule.startsWith("deduction ") || l.findings.length > 0)));
  assert.equal(new efficiency.Campaign(2026).phaseOn("2026-12-31").nameZh, "督促检查、总结验收");
  const rules = new efficiency.AssessmentRules();
  assert.deepEqual(efficiency.commendationList(r.scorecards, rules), r.commendations);
  assert.deepEqual(efficiency.headsResponsible(r.scorecards, rules), r.headsResponsible);
  const d = efficiency.scorecardDiff(r.scorecards[0], r.scorecards[1]);
  assert.equal(d[d.length - 1].rule, "total");
  assert.throws(() => new efficiency.Campaign(2026, "{}"), (e) => e.code === "campaign.invalid_plan");
});

test("the README's JS examples type-check against the generated declarations and run", async () => {
  const { spawnSync } = await import("node:child_process");
  const root = new URL("../../", import.meta.url).pathname;
  const tsc = spawnSync(`${root}node_modules/.bin/tsc`, ["-p", "tests/ts/tsconfig.json", "--noEmit", "false", "--outDir", "tests/ts-out", "--rootDir", "tests/ts"],
    { cwd: root, encoding: "utf8" });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  const run = spawnSync(process.execPath, ["tests/ts-out/examples.js"], { cwd: root, encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), {
    due: "2026-10-30", makeup: "makeup_workday", code: "calendar.year_not_covered", promisedDue: "2026-10-21T17:30:00",
    level: "reminder", firstDue: "2026-10-30T17:30:00", fault: "reception.refused", statuses: 0,
  });
});

test("results have exactly the fields of the schema generated from the Rust types (in camelCase)", () => {
  const schema = load("../api/schema.json");
  const check = (name, value) => {
    const problems = conforms(schema, schema.roots[name], value, name);
    assert.deepEqual(problems.slice(0, 20), [], name);
  };
  // The checker sees a nested snake_case key and a wrong type.
  assert.ok(conforms(schema, schema.roots.DayInfo, { ...efficiency.Calendar.china().dayInfo("2026-10-01"), is_workday: false }, "DayInfo").length > 0);
  const cal = efficiency.Calendar.china();
  check("DayInfo", cal.dayInfo("2026-10-01"));
  check("WorkdayReckoning", cal.explainAddWorkdays("2026-09-28", 5));
  const clock = new efficiency.Clock(cal, "2026-09-28T10:00", efficiency.TimeLimit.workdays(20));
  clock.suspend("2026-10-09T10:00", "expert review");
  check("ClockStatus", clock.status("2026-10-20T10:00"));
  check("ClockExplanation", clock.explain("2026-10-20T10:00"));
  const ctx = efficiency.CaseContext.sample();
  const kase = efficiency.Case.fromJsonl(ctx, '{"id":"e1","case":"C1","at":"2026-11-02T09:00:00","actor":"off01","event":"refuse_reception"}');
  check("CaseStatus", kase.status("2026-11-03T09:00"));
  const faults = kase.faults("2026-11-03T09:00");
  check("Fault", faults[0]);
  const org = efficiency.Organisation.sample();
  check("Link", org.chain("mar01")[0]);
  check("Entry", efficiency.accountabilityList(org, faults, ["2026-01-01T00:00", "2027-01-01T00:00"])[0]);
  check("SanctionSpan", new efficiency.AccountabilityRules().sanctionSpan([], ["warning"], "2026-07-01"));
  const review = efficiency.annualReviewSample(2026, 60, 1);
  check("AnnualReview", review);
  check("Scorecard", review.scorecards[0]);
  check("GroupMetrics", review.metrics[0]);
  check("TaskStatus", review.campaignStatus[0]);
  check("Phase", new efficiency.Campaign(2026).phases[0]);
  check("Task", new efficiency.Campaign(2026).tasks[0]);
  check("ConductRule", new efficiency.ActivityRules().conduct[0]);
  check("DiffLine", efficiency.scorecardDiff(review.scorecards[0], review.scorecards[1])[0]);
  check("DateBatch", cal.addWorkdaysMany(["2026-09-28"], 1));
  check("ClockRows", efficiency.evaluateClocks(cal, { acceptedAt: ["2026-09-28T10:00"], amount: 20, unit: "workdays", asOf: "2026-10-01T00:00" }));
  check("ReplayOutput", efficiency.replayCases(ctx, "", "2026-12-01T00:00"));
  const tables = efficiency.caseTables(ctx, [JSON.parse('{"id":"e1","case":"C1","at":"2026-11-02T09:00:00","actor":"off01","event":"refuse_reception"}')], "2026-11-03T09:00");
  check("ReplayTables", tables);
  check("StatusRow", tables.statuses[0]);
  check("FindingRow", tables.findings[0]);
  for (const g of efficiency.GuideCatalogue.sample().guides) check("Guide", g);
});

test("the API manifest: the same operations as in Rust and Python", () => {
  const { total, failures } = runManifest(efficiency, load("../api/manifest.json"));
  assert.ok(total >= 100);
  assert.deepEqual(failures, []);
});

/** The parameters of every exported function, method and constructor in the .d.ts, by JS name. */
function dtsParameters(text) {
  const out = new Map();
  const split = (sig) => {
    const parts = [];
    let depth = 0, cur = "";
    for (const ch of sig) {
      if ("<({[".includes(ch)) depth++;
      if (">)}]".includes(ch)) depth--;
      if (ch === "," && depth === 0) { parts.push(cur); cur = ""; } else cur += ch;
    }
    if (cur.trim()) parts.push(cur);
    return parts.map((p) => {
      const [name, ...type] = p.split(":");
      const optional = name.trim().endsWith("?") || type.join(":").trim().endsWith("| undefined");
      return name.trim().replace(/\?$/, "") + (optional ? "?" : "");
    }).join(", ");
  };
  for (const m of text.matchAll(/^export function (\w+)\((.*)\): .*;$/gm)) out.set(m[1], split(m[2]));
  for (const c of text.matchAll(/^export class (\w+) \{\n([\s\S]*?)^\}/gm)) {
    for (const line of c[2].split("\n").map((l) => l.trim())) {
      let m = line.match(/^constructor\((.*)\);$/);
      if (m) { out.set(c[1], split(m[1])); continue; }
      m = line.match(/^(?:static )?(\w+)\((.*)\): .*;$/);
      if (m) out.set(`${c[1]}.${m[1]}`, split(m[2]));
    }
  }
  return out;
}

test("the API manifest: every operation's JS parameters are the .d.ts's", () => {
  const dts = dtsParameters(readFileSync(new URL("../../pkg/efficiency_wasm.d.ts", import.meta.url), "utf8"));
  const manifest = load("../api/manifest.json");
  const wrong = [];
  let checked = 0;
  for (const op of manifest.operations) {
    if (op.js_args === undefined || op.js_args === null) continue;
    checked++;
    if (dts.get(op.js) !== op.js_args) wrong.push(`${op.id}: manifest ${JSON.stringify(op.js_args)}, .d.ts ${JSON.stringify(dts.get(op.js))}`);
  }
  assert.ok(checked >= 100, `${checked} operations with JS forms`);
  assert.deepEqual(wrong, []);
});

test("batches read in bulk give the same answers as one element at a time", () => {
  const cal = efficiency.Calendar.china();
  const dates = ["2026-09-28", new Date(2026, 8, 28), null, undefined, "2026-09-2\u0038", '2026-"9-28', 20724, { toJSON: () => "2026-09-28" }];
  const ns = [20, 20, 20, 20, 20.0, 20, 20, 20];
  const batch = cal.addWorkdaysMany(dates, ns);
  const one = dates.map((d) => { try { return d === null || d === undefined ? null : cal.addWorkdays(d, 20); } catch (e) { return e.code; } });
  assert.deepEqual(batch.values.map((v, i) => v ?? (batch.errors.find((e) => e.row === i)?.code ?? null)), one);
  const odd = cal.addWorkdaysMany(["2026-09-28", "2026-09-28", "2026-09-28"], [NaN, "3", 1e300]);
  assert.deepEqual(odd.errors.map((e) => [e.row, e.code]), [[0, "argument.not_whole"], [1, "argument.wrong_type"], [2, "argument.out_of_range"]]);
});

test("no input of any type traps or throws a non-coded error (random arguments)", () => {
  const vals = [null, undefined, true, 0, -1, 2 ** 31, 2 ** 70, 1.5, NaN, Infinity, "", "x", "2026-09-28", "2026-09-28T10:00", "2031-01-01",
    [], [1], ["2026-09-28"], {}, { a: 1 }, new Date(2026, 8, 28), new Date(NaN), 10n, Symbol("s"), () => 1, new Uint8Array(2)];
  const e = efficiency, cal = e.Calendar.china(), org = e.Organisation.sample(), ctx = e.CaseContext.sample();
  const clock = new e.Clock(cal, "2026-09-28T10:00", e.TimeLimit.workdays(20));
  const kase = e.Case.fromJsonl(ctx, '{"id":"e1","case":"C1","at":"2026-11-02T09:00:00","actor":"off01","event":"refuse_reception"}');
  const calls = [
    (...a) => cal.addWorkdays(...a), (...a) => cal.dayInfo(...a), (...a) => cal.workdaysBetween(...a), (...a) => cal.addWorkdaysMany(...a),
    (...a) => cal.workdaysBetweenMany(...a), (...a) => cal.withYear(...a), (...a) => e.Calendar.fromJson(...a), (...a) => new e.TimeLimit(...a),
    (...a) => clock.status(...a), (...a) => clock.explain(...a), (...a) => clock.suspend(...a), (...a) => clock.requestExtension(...a),
    (...a) => new e.Clock(cal, ...a), (...a) => kase.status(...a), (...a) => kase.append(...a), (...a) => e.Case.fromJsonl(ctx, ...a),
    (...a) => org.chain(...a), (...a) => new e.AccountabilityRules().sanctionSpan(...a), (...a) => new e.Campaign(...a),
    (...a) => e.annualReviewSample(...a), (...a) => e.accountabilityList(org, ...a), (...a) => e.accountabilityList(org, [], ["2026-01-01", "2027-01-01"], ...a),
    (...a) => e.scoreUnits(org, ...a), (...a) => e.scoreUnits(org, ["office"], ["2026-01-01", "2027-01-01"], ...a), (...a) => e.evaluateClocks(cal, ...a), (...a) => e.scorecardDiff(...a),
    (...a) => e.replayCases(ctx, ...a), (...a) => new e.CaseReplay(ctx, ...a), (...a) => e.dataJson(...a), (...a) => e.selfInspectionFaults(org, ...a),
  ];
  let seed = 7;
  const r = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const bad = new Set();
  for (const [n, f] of calls.entries()) for (let k = 1; k <= 4; k++) for (let i = 0; i < 25; i++) {
    const args = Array.from({ length: k }, () => vals[Math.floor(r() * vals.length)]);
    try { f(...args); } catch (err) {
      if (!(err instanceof Error && typeof err.code === "string" && e.errorCodes().includes(err.code))) bad.add(`call ${n}: ${err}`);
    }
  }
  assert.deepEqual([...bad], []);
});

test("caseTables: arrays of event objects in, rows out, the same answers as JSON lines", () => {
  const ctx = efficiency.CaseContext.sample();
  const lines = readFileSync(new URL("../../../efficiency-core/data/sample/cases.jsonl", import.meta.url), "utf8").split("\n").filter((l) => l.trim());
  const events = lines.map((l) => JSON.parse(l));
  // Dates as JS Dates (local wall-clock times read as instants in the calendar's zone).
  const asDates = events.map((e) => ({ ...e, at: new Date(`${e.at}+08:00`) }));
  const want = efficiency.replayCases(ctx, lines.join("\n"), "2026-12-31T18:00");
  for (const input of [events, asDates]) {
    const out = efficiency.caseTables(ctx, input, "2026-12-31T18:00", { period: ["2026-01-01T00:00", "2027-01-01T00:00"] });
    assert.deepEqual(out.statuses.map((s) => s.case), want.statuses.map((s) => s.case));
    assert.deepEqual(out.findings.map((f) => [f.case, f.code, f.at]), want.statuses.flatMap((s) => s.findings.map((f) => [s.case, f.code, f.at])));
    assert.ok(out.findings.every((f) => f.unit));
    assert.deepEqual(out.errors, []);
    assert.ok(out.metrics.length > 0);
  }
});

test("a bureau's own files reviewed in JS give the review Rust and Python give", () => {
  const dir = new URL("../../../efficiency-core/data/sample/", import.meta.url);
  const files = Object.fromEntries(["organisation.json", "cases.jsonl", "activity.json", "year.json"].map((n) => [n, readFileSync(new URL(n, dir), "utf8")]));
  const r = efficiency.Bureau.fromFiles(files).review(2026);
  assert.deepEqual([r.cases, r.faults.length, r.accountability.length], [8, 34, 42]);
  assert.deepEqual(r.scorecards.map((c) => [c.unit, c.total, c.grade]),
    [["office", 95, "excellent"], ["marriage", 93.5, "excellent"], ["social_org", 90.5, "excellent"], ["affairs", 62.5, "unqualified"]]);
  assert.throws(() => efficiency.Bureau.fromFiles({ ...files, "organisation.json": "{" }), (e) => e.code === "org.invalid_json" && e.message.startsWith("organisation.json: "));
  assert.throws(() => efficiency.Bureau.fromFiles({ ...files, "notes.txt": "x" }), { code: "argument.invalid" });
  assert.deepEqual(efficiency.Bureau.sample(2026, 120, 7).review(2026), efficiency.annualReviewSample(2026, 120, 7));
  assert.ok(efficiency.bureauFiles().includes("assessment.toml"));
  assert.deepEqual(efficiency.Bureau.fromFiles(efficiency.sampleBureauFiles()).review(2026), efficiency.Bureau.sample(2026, 400, 2026).review(2026));
});

test("a bureau's documents as objects and its cases as event objects give the same review", () => {
  const dir = new URL("../../../efficiency-core/data/sample/", import.meta.url);
  const read = (n) => readFileSync(new URL(n, dir), "utf8");
  const files = Object.fromEntries(["organisation.json", "cases.jsonl", "activity.json", "year.json"].map((n) => [n, read(n)]));
  const want = efficiency.Bureau.fromFiles(files).review(2026);
  const docs = Object.fromEntries(["organisation.json", "activity.json", "year.json"].map((n) => [n, JSON.parse(read(n))]));
  const events = read("cases.jsonl").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
  assert.deepEqual(efficiency.Bureau.fromFiles({ ...docs, "cases.jsonl": events }).review(2026), want);
  assert.throws(() => efficiency.Bureau.fromFiles({ ...docs, "cases.jsonl": events, "year.json": 2026 }),
    (e) => e.code === "argument.wrong_type" && e.field === "year.json");
  assert.throws(() => efficiency.Bureau.fromFiles("organisation.json"), (e) => e.code === "argument.wrong_type" && e.field === "files");
});

test("review tables in JS: faults with the unit they count against", () => {
  const dir = new URL("../../../efficiency-core/data/sample/", import.meta.url);
  const files = Object.fromEntries(["organisation.json", "cases.jsonl", "activity.json", "year.json"].map((n) => [n, readFileSync(new URL(n, dir), "utf8")]));
  const t = efficiency.Bureau.fromFiles(files).reviewTables(2026);
  assert.equal(t.faults.length, 34);
  assert.ok(t.faults.every((f) => f.unit));
  assert.deepEqual(t.scorecards.map((c) => c.total), [95, 93.5, 90.5, 62.5]);
  assert.ok(t.scoreLines.every((l) => l.unit));
});

test("review progress is reported in JS", () => {
  const calls = [];
  efficiency.Bureau.sample(2026, 3000, 1).review(2026, (done, total) => calls.push([done, total]));
  const total = calls.at(-1)[1];
  assert.deepEqual(calls[0], [0, total]);
  assert.deepEqual(calls.at(-1), [total, total]);
  assert.throws(() => efficiency.Bureau.sample(2026, 100, 1).review(2026, () => { throw new Error("stop"); }), /stop/);
});

test("disclosure in JS: the whereabouts board, ratings summary and register", () => {
  const org = efficiency.Organisation.sample();
  const act = efficiency.Activity.sample();
  const rules = new efficiency.ActivityRules();
  const board = act.whereaboutsBoard(org, "2026-11-04 10:00");
  const head = board.find((r) => r.person === "soc-h");
  assert.deepEqual([head.statusZh, head.actingName, head.until], ["开会", "李娜", "2026-11-04T17:30:00"]);
  const leave = board.find((r) => r.person === "off01");
  assert.deepEqual([leave.status, leave.reason, leave.place], ["leave", "", ""]);
  const all = act.ratingsSummary(org, rules, "2026-12-31 18:00").at(-1);
  assert.deepEqual([all.unit, all.logged, all.excluded, all.counted, all.bad, all.byScore], ["all", 8, 1, 7, 3, [1, 2, 1, 1, 2]]);
  const p2 = act.publicationRegister(org, rules, "2026-12-31 18:00").find((r) => r.id === "P2");
  assert.deepEqual([p2.late, p2.findings, p2.state], [true, ["publication.late"], "on_display"]);
  assert.throws(() => act.whereaboutsBoard(org, 20261104), (e) => e.code.startsWith("argument."));
});

test("the review report is the bytes Rust writes, and guides render in JS", () => {
  const bureau = efficiency.Bureau.fromFiles(efficiency.sampleBureauFiles());
  for (const lang of ["zh", "en"]) {
    const want = readFileSync(new URL(`../../../tests/vectors/report/sample-2026.${lang}.html`, import.meta.url), "utf8");
    assert.equal(bureau.reviewReport(2026, lang), want);
    const xlsx = readFileSync(new URL(`../../../tests/vectors/report/sample-2026.${lang}.xlsx`, import.meta.url));
    const got = bureau.reviewWorkbook(2026, lang);
    assert.ok(got instanceof Uint8Array && Buffer.from(got).equals(xlsx), `the ${lang} workbook differs`);
  }
  const guides = efficiency.GuideCatalogue.sample();
  assert.match(guides.render("civil.marriage_registration"), /<dt>承诺办结时限<\/dt><dd>即时办结<\/dd>/);
  assert.throws(() => guides.render("civil.karaoke"), (e) => e.code === "guide.unknown_item" && e.field === "code");
});

test("a supervision card explains itself in JS", () => {
  const bureau = efficiency.Bureau.fromFiles(efficiency.sampleBureauFiles());
  const x = bureau.explainCard("MZJ-2026-000317:red:clock", "2026-11-30 17:30");
  assert.equal(x.card.raisedAt, "2026-11-04T17:30:00");
  assert.equal(x.clock.days.filter((d) => d.ordinal !== null).length, 20);
  assert.match(x.text, /证据e2：.*受理/);
  assert.throws(() => bureau.explainCard("MZJ-2026-999999:red:clock", "2026-11-30 17:30"), (e) => e.code === "supervision.unknown_card");
});

test("documents and lines over the size limits are coded errors in JS", () => {
  const huge = " ".repeat(64 * 1024 * 1024 + 1);
  for (const load of [(t) => efficiency.Calendar.fromJson(t), (t) => efficiency.ItemCatalog.fromJson(t), (t) => efficiency.Bureau.fromFiles({ "organisation.json": t })]) {
    assert.throws(() => load(huge), (e) => e.code === "argument.too_large" && /67108865 bytes/.test(e.message));
  }
  const long = `{"id":"${"x".repeat(1024 * 1024)}"}`;
  const good = '{"id":"e1","case":"A","at":"2026-11-02T09:30:00","actor":"mar01","event":"receive","item":"civil.marriage_registration"}';
  const out = efficiency.replayCases(efficiency.CaseContext.sample(), `${long}\n${good}`, "2026-12-01T00:00");
  assert.deepEqual(out.errors.map((e) => [e.row, e.code]), [[0, "case.line_too_long"]]);
  assert.deepEqual(out.statuses.map((s) => s.case), ["A"]);
});

test("every operation: the same answer as Python, of the type the manifest names (tests/api/calls.json)", () => {
  const manifest = load("../api/manifest.json");
  const { total, failures, ops } = runCalls(efficiency, manifest, load("../api/schema.json"), load("../api/calls.json"));
  assert.ok(total >= 150, `${total} steps`);
  assert.deepEqual(failures, []);
  const uncalled = manifest.operations.filter((op) => !ops.includes(op.id) && !op.rust.startsWith("type ")).map((op) => op.id);
  assert.deepEqual(uncalled, []);
});

test("an error reads as a Chinese sentence for a bureau's staff: `text` on every thrown error, errorText for the rest", () => {
  const files = efficiency.sampleBureauFiles();
  files["organisation.json"] = files["organisation.json"].replace('"head": "soc-h"', '"head": "nobody"');
  let thrown = null;
  try { efficiency.Bureau.fromFiles(files); } catch (e) { thrown = e; }
  assert.equal(thrown.code, "org.unknown_person");
  assert.ok(thrown.text.startsWith("组织机构中没有这名人员：“nobody”（位置：organisation.json"), thrown.text);
  assert.ok(!thrown.text.includes("org."));
  assert.equal(efficiency.errorText(thrown), thrown.text);
  assert.ok(efficiency.errorText(thrown, "en").startsWith('A person the organisation does not have: "nobody"'));
  assert.equal(efficiency.errorText({ code: "case.unknown_actor", message: 'unknown actor "x9"', line: 3 }), "人员名册中没有这名经办人：“x9”（第3行）。");
  assert.throws(() => efficiency.errorText({ code: "nope", message: "" }), (e) => e.code === "argument.invalid_choice" && e.field === "error.code");
});

test("a deep or self-containing argument is a coded error, never a RangeError or a crash", () => {
  let deep = [];
  for (let i = 0; i < 6000; i++) deep = [deep];
  const parsed = JSON.parse("[".repeat(5000) + "]".repeat(5000));
  const loop = { a: 1 };
  loop.self = loop;
  const policy = new efficiency.MaskPolicy();
  const ctx = efficiency.CaseContext.sample();
  const lines = efficiency.sampleBureauFiles()["cases.jsonl"].split("\n").slice(0, 20);
  const calls = [
    (x) => policy.maskRecord(x, "court"),
    (x) => policy.maskRecord([{ field: "a", kind: "text", value: "v", label: x }], "court"),
    (x) => efficiency.supervisionBoard(ctx, lines, "2026-11-30T17:30", { actions: [x] }),
  ];
  for (const call of calls) {
    for (const bad of [deep, parsed, loop]) {
      assert.throws(() => call(bad), (e) => e instanceof Error && e.code === "argument.too_deep" && /100/.test(e.message), String(call));
    }
  }
  assert.throws(() => policy.maskRecord([loop], "court"), (e) => e.field.startsWith("fields[0].self.self"));
  assert.deepEqual(policy.maskRecord([{ field: "a", kind: "text", value: "v" }], "court").fields, [["a", "v"]]);
});
