// Runs tests/vectors/calendar.json against the JS API. Shared by the Node test and the
// headless-Chromium page, so both run the very same code.

function run(calendars, c) {
  const cal = calendars[c.calendar];
  const a = c.args;
  switch (c.op) {
    case "day":
      return {
        kind: cal.dayKind(a.date),
        is_workday: cal.isWorkday(a.date),
        holiday_name: cal.holidayName(a.date) ?? null,
      };
    case "add_workdays":
      return cal.addWorkdays(a.date, a.n);
    case "next_workday":
      return cal.nextWorkday(a.date);
    case "previous_workday":
      return cal.previousWorkday(a.date);
    case "workdays_between":
      return cal.workdaysBetween(a.a, a.b);
    default:
      throw new Error(`unknown op ${c.op}`);
  }
}

function same(x, y) {
  return JSON.stringify(x) === JSON.stringify(y);
}

/** @returns {{total: number, failures: string[]}} */
export function runCalendarVectors(efficiency, doc) {
  const calendars = {
    china: efficiency.Calendar.china(),
    china_provisional: efficiency.Calendar.china(true),
  };
  const failures = [];
  for (const c of doc.cases) {
    let got;
    try {
      got = { value: run(calendars, c) };
    } catch (e) {
      got = e && typeof e.code === "string" ? { error: e.code } : { thrown: String(e) };
    }
    // Key order differs between languages for "day"; compare field by field.
    const ok =
      c.op === "day" && got.value && c.expect.value
        ? ["kind", "is_workday", "holiday_name"].every((k) => same(got.value[k], c.expect.value[k]))
        : same(got, c.expect);
    if (!ok) failures.push(`${c.id}: expected ${JSON.stringify(c.expect)}, got ${JSON.stringify(got)}`);
  }
  return { total: doc.cases.length, failures };
}

function buildClock(efficiency, calendar, sc) {
  const options = {};
  if (sc.promised) options.promised = sc.promised;
  if (sc.extension) {
    options.extensionApprover = sc.extension.approver;
    options.maxExtension = sc.extension.max_amount;
    options.maxExtensions = sc.extension.max_count;
  }
  if (sc.config) options.dayEnd = sc.config.day_end;
  const clock = new efficiency.Clock(calendar, sc.accepted_at, sc.statutory, options);
  if (sc.supplement) clock.supplementNotice(sc.supplement.received_at, sc.supplement.notice_at);
  for (const e of sc.events) {
    switch (e.event) {
      case "suspend": clock.suspend(e.at, e.reason); break;
      case "resume": clock.resume(e.at); break;
      case "request_extension": clock.requestExtension(e.at, e.amount, e.reason); break;
      case "approve_extension": clock.approveExtension(e.at, e.approver); break;
      case "notify_applicant": clock.notifyApplicant(e.at); break;
      case "conclude": clock.conclude(e.at); break;
      default: throw new Error(`unknown event ${e.event}`);
    }
  }
  return clock.status(sc.as_of);
}

/** @returns {{total: number, failures: string[]}} */
export function runClockVectors(efficiency, doc) {
  const calendar = efficiency.Calendar.china();
  const failures = [];
  for (const sc of doc.scenarios) {
    let got;
    try {
      const s = buildClock(efficiency, calendar, sc);
      got = {
        counting_from: s.countingFrom, promised_due: s.promisedDue, statutory_due: s.statutoryDue,
        extended_by: s.extendedBy, remaining: s.remaining, elapsed: s.elapsed, state: s.state, level: s.level,
        outcome: s.outcome, extension_pending: s.extensionPending, findings: s.findings.map((f) => f.code),
      };
    } catch (e) {
      got = e && typeof e.code === "string" ? { error: e.code } : { thrown: String(e) };
    }
    const want = sc.expect;
    const keys = new Set([...Object.keys(want), ...Object.keys(got)]);
    const ok = [...keys].every((k) => same(got[k], want[k]));
    if (!ok) failures.push(`${sc.id}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  }
  return { total: doc.scenarios.length, failures };
}

function caseStatusJson(s) {
  const c = s.clock;
  return {
    stage: s.stage, item: s.item, window: s.window, first_responder: s.firstResponder, handler: s.handler, unit: s.unit,
    decision: s.decision, on_the_spot: s.onTheSpot,
    clock: c === null ? null : {
      promised_due: c.promisedDue, statutory_due: c.statutoryDue, level: c.level, outcome: c.outcome,
      extended_by: c.extendedBy, state: c.state,
    },
    findings: s.findings.map((f) => ({ code: f.code, severity: f.severity, at: f.at, events: f.events, people: f.people })),
    level: s.level,
    level_reasons: s.levelReasons.map((r) => [r.source, r.level, r.code, r.at]),
  };
}

/** JS results are camelCase; the vectors are written in the core's snake_case. */
function snake(x) {
  if (Array.isArray(x)) return x.map(snake);
  if (x === null || typeof x !== "object") return x;
  return Object.fromEntries(Object.entries(x).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), snake(v)]));
}

function deepSame(a, b) {
  if (a === b) return true;
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => deepSame(a[k], b[k]));
}

/** @returns {{total: number, failures: string[]}} */
export function runCaseVectors(efficiency, doc) {
  const e = efficiency;
  const ctx = e.CaseContext.sample();
  // A scenario may replace the rule table's `not_judged` (a bureau that judges all).
  const judging = (list) => new e.CaseContext(e.Calendar.china(), e.ItemCatalog.templates(), e.dataJson("sample_roster"),
    JSON.stringify({ ...JSON.parse(e.dataJson("finding_rules")), not_judged: list }));
  const failures = [];
  for (const sc of doc.scenarios) {
    let got;
    try {
      const c = sc.not_judged ? judging(sc.not_judged) : ctx;
      got = caseStatusJson(efficiency.Case.fromJsonl(c, sc.lines.join("\n")).status(sc.as_of));
    } catch (e) {
      got = e && typeof e.code === "string" ? { error: e.code, line: e.line ?? null } : { thrown: String(e) };
    }
    if (!deepSame(got, sc.expect)) failures.push(`${sc.id}: expected ${JSON.stringify(sc.expect)}, got ${JSON.stringify(got)}`);
  }
  return { total: doc.scenarios.length, failures };
}

/** @returns {{total: number, failures: string[]}} */
export function runAccountabilityVectors(efficiency, doc) {
  const org = efficiency.Organisation.sample();
  const keys = ["person", "responsibility", "source", "code", "at", "severity", "repeat_of", "proposal", "measures"];
  const pick = { repeat_of: ["source", "at"], proposal: ["severity", "measures"] };
  const entry = (camel) => {
    const e = snake(camel);
    return Object.fromEntries(
      keys.map((k) => [k, pick[k] && e[k] ? Object.fromEntries(pick[k].map((f) => [f, e[k][f]])) : e[k] ?? null]),
    );
  };
  const run = (sc) => {
    const rules = sc.rules ? efficiency.AccountabilityRules.fromJson(JSON.stringify(sc.rules)) : new efficiency.AccountabilityRules();
    switch (sc.kind) {
      case "list":
        return efficiency.accountabilityList(org, sc.faults, sc.period, rules).map(entry);
      case "activity":
      case "activity_list": {
        const faults = efficiency.Activity.fromJson(JSON.stringify(sc.activity)).faults(org, new efficiency.ActivityRules(), sc.as_of);
        if (sc.kind === "activity") {
          return faults.map((f) => ({ source: f.source, code: f.code, severity: f.severity, at: f.at, people: f.people, unit: f.unit }));
        }
        return efficiency.accountabilityList(org, faults, sc.period, rules).map(entry);
      }
      case "whereabouts_board":
      case "ratings_summary":
      case "publication_register": {
        const act = efficiency.Activity.fromJson(JSON.stringify(sc.activity));
        const rows =
          sc.kind === "whereabouts_board"
            ? act.whereaboutsBoard(org, sc.as_of)
            : sc.kind === "ratings_summary"
              ? act.ratingsSummary(org, new efficiency.ActivityRules(), sc.as_of)
              : act.publicationRegister(org, new efficiency.ActivityRules(), sc.as_of).map(({ record, maskedLabels, ...r }) => r);
        return snake(rows);
      }
      case "sanction": {
        const s = snake(rules.sanctionSpan(sc.running, sc.new, sc.start));
        return { until_min: s.until_min ?? null, until_max: s.until_max ?? null, permanent: s.permanent };
      }
      case "organisation":
        efficiency.Organisation.fromJson(JSON.stringify(sc.organisation));
        return "loaded";
      default:
        return "loaded";
    }
  };
  const failures = [];
  for (const sc of doc.scenarios) {
    let got;
    let ok;
    try {
      got = run(sc);
      ok = deepSame(got, sc.expect);
    } catch (e) {
      got = String(e && e.message);
      ok = sc.expect && typeof sc.expect.error === "string" && got.includes(sc.expect.error);
    }
    if (!ok) failures.push(`${sc.id}: expected ${JSON.stringify(sc.expect)}, got ${JSON.stringify(got)}`);
  }
  return { total: doc.scenarios.length, failures };
}

/** @returns {{total: number, failures: string[]}} */
export function runAssessmentVectors(efficiency, doc) {
  const org = efficiency.Organisation.sample();
  const run = (sc) => {
    const rules = sc.rules ? efficiency.AssessmentRules.fromJson(JSON.stringify(sc.rules)) : new efficiency.AssessmentRules();
    switch (sc.kind) {
      case "score": {
        const metrics = sc.metrics.map((m) => ({ group: m.group, concluded: m.concluded, onTime: m.on_time, onTheSpot: m.on_the_spot, early: m.early }));
        const cards = efficiency.scoreUnits(org, sc.units, sc.period, { faults: sc.faults, inspections: sc.inspections, commendations: sc.commendations, metrics, rules });
        return snake(cards).map((c) => ({ unit: c.unit, total: c.total, grade_by_points: c.grade_by_points, grade: c.grade, vetoes: c.vetoes, rank: c.rank,
          lines: c.lines.map((l) => ({ rule: l.rule, points: l.points })) }));
      }
      case "campaign": {
        const [statuses, faults] = new efficiency.Campaign(sc.year, sc.plan ? JSON.stringify(sc.plan) : undefined).status(org, sc.submissions, sc.as_of);
        return { statuses: statuses.map((s) => ({ task: s.task, unit: s.unit, state: s.state })),
          faults: faults.map((f) => ({ code: f.code, unit: f.unit, at: f.at })) };
      }
      case "phase": {
        const p = new efficiency.Campaign(sc.year).phaseOn(sc.date);
        return p ? p.code : null;
      }
      case "self_inspection":
        return efficiency.selfInspectionFaults(org, sc.form, sc.as_of).map((f) => ({ code: f.code, people: f.people, at: f.at }));
      default:
        return "loaded";
    }
  };
  const failures = [];
  for (const sc of doc.scenarios) {
    let got;
    let ok;
    try {
      got = run(sc);
      ok = deepSame(got, sc.expect);
    } catch (e) {
      got = String(e && e.message);
      ok = sc.expect && typeof sc.expect.error === "string" && got.includes(sc.expect.error);
    }
    if (!ok) failures.push(`${sc.id}: expected ${JSON.stringify(sc.expect)}, got ${JSON.stringify(got)}`);
  }
  return { total: doc.scenarios.length, failures };
}

const camel = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

/** A JSON argument of tests/vectors/errors.json as a JS value (tags spell what JSON cannot). */
function arg(v) {
  if (v && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 1 && "$float" in v) {
    return { nan: NaN, inf: Infinity, "-inf": -Infinity }[v.$float];
  }
  return Array.isArray(v) ? v.map(arg) : v;
}

/** Runs tests/vectors/errors.json: every bad input must throw an Error with the expected code. */
export function runErrorVectors(efficiency, doc) {
  const e = efficiency;
  const cal = e.Calendar.china();
  const ctx = e.CaseContext.sample();
  const org = e.Organisation.sample();
  const clock = (c) => {
    const k = new e.Clock(cal, "2026-09-28T10:00", e.TimeLimit.workdays(20));
    for (const [name, ...args] of c.before ?? []) k[camel(name)](...args);
    return k;
  };
  const calls = {
    "Calendar.from_json": (a) => e.Calendar.fromJson(...a),
    "TimeLimit.new": (a) => new e.TimeLimit(...a),
    "Clock.new": (a) => new e.Clock(cal, a[0], e.TimeLimit.workdays(a[1])),
    "Case.from_jsonl": (a) => e.Case.fromJsonl(ctx, ...a),
    "Campaign.new": (a) => new e.Campaign(...a),
    accountability_list: (a) => e.accountabilityList(org, a[0], a[1]),
    score_units: (a) => e.scoreUnits(org, a[0], a[1], a[2]),
    "activity.faults": (a) => e.Activity.fromJson(a[0]).faults(org, new e.ActivityRules(), a[1]),
    evaluate_clocks: (a) => e.evaluateClocks(cal, { acceptedAt: a[0], amount: a[1], unit: a[2], asOf: a[3] }),
  };
  const receivers = {
    calendar: () => cal,
    clock,
    case: (c) => e.Case.fromJsonl(ctx, c.case_lines.join("\n")),
    organisation: () => org,
    accountability_rules: () => new e.AccountabilityRules(),
    campaign: () => new e.Campaign(2026),
  };
  const call = (c) => {
    const a = arg(c.args);
    if (calls[c.op]) return calls[c.op](a);
    const [left, right] = c.op.includes(".") ? c.op.split(".") : [null, c.op];
    if (left === null) return e[camel(right)](...a);
    if (receivers[left]) return receivers[left](c)[camel(right)](...a);
    return e[left][camel(right)](...a); // a static method: Calendar.from_json -> Calendar.fromJson
  };
  const codes = new Set(e.errorCodes().map((c) => c.code ?? c));
  const failures = [];
  for (const c of doc.cases) {
    const want = { code: c.expect.code };
    if ("field" in c.expect) want.field = camel(c.expect.field);
    if ("line" in c) want.line = c.line;
    let got;
    try {
      call(c);
      got = "no error";
    } catch (err) {
      if (!(err instanceof Error)) {
        got = `threw a non-Error ${String(err)}`;
      } else {
        got = { code: err.code };
        if ("field" in want) got.field = err.field;
        if ("line" in want) got.line = err.line;
        if (!codes.has(err.code)) got.unpublished = true;
      }
    }
    if (!deepSame(got, want)) failures.push(`${c.id}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  }
  return { total: doc.cases.length, failures };
}

/** The batches of tests/vectors/errors.json: the call succeeds and lists exactly these row errors. */
export function runBatchVectors(efficiency, doc) {
  const cal = efficiency.Calendar.china();
  const calls = {
    "calendar.add_workdays_many": (a) => cal.addWorkdaysMany(a[0], a[1]),
    "calendar.workdays_between_many": (a) => cal.workdaysBetweenMany(a[0], a[1]),
    "evaluate_clocks": (a) => efficiency.evaluateClocks(cal, { acceptedAt: a[0], amount: a[1], unit: a[2], asOf: a[3] }),
  };
  const failures = [];
  for (const b of doc.batches) {
    let got;
    try {
      got = calls[b.op](arg(b.args)).errors.map((e) => [e.row, e.code]);
    } catch (e) {
      got = `threw ${e && e.code} ${e && e.message}`;
    }
    if (!deepSame(got, b.rows)) failures.push(`${b.id}: expected ${JSON.stringify(b.rows)}, got ${JSON.stringify(got)}`);
  }
  return { total: doc.batches.length, failures };
}

/** tests/api/manifest.json: every operation exists under its JS name, and nothing public exists that the manifest does not list. */
export function runManifest(efficiency, manifest) {
  const failures = [];
  const has = (name) => {
    const [head, member] = name.split(".");
    const v = efficiency[head];
    if (v === undefined) return false;
    if (member === undefined) return true;
    return member in v || (v.prototype && member in v.prototype);
  };
  const dataNames = new Set(efficiency.dataNames());
  for (const op of manifest.operations) {
    if (!has(op.js)) failures.push(`${op.id}: no ${op.js}`);
    if (op.js_arg && !dataNames.has(op.js_arg)) failures.push(`${op.id}: dataJson does not know ${op.js_arg}`);
  }
  const listed = new Set([...manifest.operations.map((op) => op.js), ...Object.keys(manifest.js_only)]);
  const internal = new Set(["constructor", "free", "__destroy_into_raw", "__wbg_ptr", "length", "name", "prototype", "__wrap", "__unwrap", "__handle"]);
  for (const k of Object.keys(efficiency)) {
    if (k === "default" || k === "initSync") continue;
    if (!listed.has(k)) failures.push(`public ${k} is not in the manifest`);
    const v = efficiency[k];
    if (typeof v !== "function" || !/^[A-Z]/.test(k)) continue;
    for (const n of Object.getOwnPropertyNames(v)) if (!internal.has(n) && !listed.has(`${k}.${n}`)) failures.push(`public ${k}.${n} is not in the manifest`);
    for (const n of Object.getOwnPropertyNames(v.prototype)) {
      if (typeof n === "string" && !internal.has(n) && !listed.has(`${k}.${n}`) && !(n === "length" && listed.has(`${k}.length`))) failures.push(`public ${k}.${n} is not in the manifest`);
    }
  }
  return { total: manifest.operations.length, failures };
}

/**
 * Masking: spans in code points (JS strings index UTF-16 units, so offsets are compared on
 * Array.from(text)), each profile's masked text, idempotence, and records.
 * @returns {{total: number, failures: string[]}}
 */
export function runMaskingVectors(efficiency, doc) {
  const failures = [];
  const policy = new efficiency.MaskPolicy();
  for (const t of doc.texts) {
    const spans = efficiency.findPersonalData(t.text).map((s) => [s.kind, s.start, s.end]);
    if (JSON.stringify(spans) !== JSON.stringify(t.spans)) failures.push(`${t.id}: ${JSON.stringify(spans)}`);
    for (const [profile, want] of Object.entries(t.masked)) {
      const got = policy.maskText(t.text, profile);
      const again = policy.maskText(got.text, profile);
      if (got.text !== want || again.text !== want || again.masks.length) failures.push(`${t.id} ${profile}: ${got.text}`);
    }
  }
  for (const r of doc.records) {
    let got;
    try {
      got = policy.maskRecord(r.fields, r.profile).fields;
    } catch (e) {
      got = { error: e.code };
    }
    if (JSON.stringify(got) !== JSON.stringify(r.expect)) failures.push(`${r.id}: ${JSON.stringify(got)}`);
  }
  return { total: doc.texts.length + doc.records.length, failures };
}

/**
 * Supervision boards and cards over the vectors' case logs (rows compared in snake_case).
 * @returns {{total: number, failures: string[]}}
 */
export function runSupervisionVectors(efficiency, doc) {
  const failures = [];
  const ctx = efficiency.CaseContext.sample();
  const close = (a, b) => JSON.stringify(a, (k, v) => (typeof v === "number" ? Math.round(v * 1e12) / 1e12 : v)) ===
    JSON.stringify(b, (k, v) => (typeof v === "number" ? Math.round(v * 1e12) / 1e12 : v));
  for (const sc of doc.scenarios) {
    const options = { groupBy: sc.options.group_by, since: sc.options.since, actions: sc.options.actions, rules: sc.options.rules };
    let got;
    try {
      const b = efficiency.supervisionBoard(ctx, doc.lines.join("\n"), sc.as_of, options);
      const order = Object.keys(sc.expect.rows?.[0] ?? {});
      got = {
        rows: b.rows.map((r) => Object.fromEntries(order.map((k) => [k, snake(r)[k]]))),
        new_cards: b.newCards.map((c) => c.id),
        open_cards: b.openCards.map((c) => [c.id, c.state]),
        escalated: [...new Map([...b.newCards, ...b.openCards].map((c) => [c.id, c])).values()]
          .filter((c) => c.escalated).map((c) => [c.id, c.escalated.at, c.escalated.to]).sort((x, y) => (x.join() < y.join() ? -1 : 1)),
        errors: b.errors.length,
      };
    } catch (e) {
      got = { error: e.code };
    }
    if (!close(got, sc.expect)) failures.push(`${sc.id}: ${JSON.stringify(got).slice(0, 300)}`);
  }
  return { total: doc.scenarios.length, failures };
}

/** Service guides: loading with codes and fields, diffs, streamlining, renderings. */
export function runGuideVectors(efficiency, doc) {
  const cat = (v) => efficiency.GuideCatalogue.fromJson(JSON.stringify(v));
  const run = (sc) => {
    const expect = sc.expect;
    switch (sc.kind) {
      case "load":
        return deepSame(cat(sc.catalogue).guides.map((g) => g.code), expect.codes);
      case "diff":
        return deepSame(snake(cat(sc.new).diff(cat(sc.old))), expect);
      case "streamlining": {
        const c = cat(sc.catalogue);
        return deepSame(snake(c.streamlining(sc.previous ? cat(sc.previous) : undefined)), expect);
      }
      case "render": {
        const text = cat(sc.catalogue).render(sc.code, sc.format, sc.lang);
        return expect.json ? deepSame(JSON.parse(text), expect.json) : expect.contains.every((l) => text.includes(l));
      }
      default:
        throw new Error(`unknown kind ${sc.kind}`);
    }
  };
  const failures = [];
  for (const sc of doc.scenarios) {
    let ok;
    let got;
    try {
      ok = run(sc) && !sc.expect.error;
    } catch (e) {
      got = { code: e && e.code, field: e && e.field };
      ok = sc.expect.error === got.code && sc.expect.field === got.field;
    }
    if (!ok) failures.push(`${sc.id}: expected ${JSON.stringify(sc.expect).slice(0, 300)}, got ${JSON.stringify(got)}`);
  }
  return { total: doc.scenarios.length, failures };
}

/** Parity: calls whose answer a binding once decided on its own (tests/vectors/parity). */
export function runParityVectors(efficiency, doc) {
  const e = efficiency;
  const calendarIn = (zone) => e.Calendar.fromJson(JSON.stringify({ ...JSON.parse(e.dataJson("china_calendar")), zone }));
  const call = (name, a) => {
    switch (name) {
      case "time_limit": {
        const l = new e.TimeLimit(a.amount, a.unit);
        return { amount: l.amount, unit: l.unit };
      }
      case "replay_metrics":
        return new e.CaseReplay(e.CaseContext.sample(), a.as_of).metrics();
      case "board": {
        const b = e.supervisionBoard(e.CaseContext.sample(), a.events, a.as_of);
        return { errors: b.errors.length, running: Object.fromEntries(b.rows.map((r) => [r.group, r.running])) };
      }
      case "case_status_as_of": {
        const ctx = new e.CaseContext(calendarIn(a.zone), e.ItemCatalog.templates(), e.dataJson("sample_roster"));
        return e.Case.fromJsonl(ctx, a.log).status(a.as_of).asOf;
      }
      case "item_clock_counting_from":
        return e.ItemCatalog.templates().get(a.item).clock(calendarIn(a.zone), a.accepted_at).status(a.as_of).countingFrom;
      case "case_from_jsonl_with_context":
        // The context named as text, not the object: a wrong class is a coded error.
        return e.Case.fromJsonl(a.context, a.log).id;
      case "whereabouts_board_with_organisation":
        return e.Activity.sample().whereaboutsBoard(e.Calendar.china(), a.at);
      case "commendations_without_rules": {
        const review = e.annualReviewSample(a.year, a.cases, a.seed);
        const rules = new e.AssessmentRules();
        const withRules = e.commendationList(review.scorecards, rules);
        const again = e.commendationList(review.scorecards, rules);
        const same = (x, y) => JSON.stringify(x) === JSON.stringify(y);
        return {
          same_as_the_review: same(e.commendationList(review.scorecards), review.commendations),
          rules_still_usable: same(withRules, again) && same(again, review.commendations),
        };
      }
      default:
        throw new Error(`unknown call ${name}`);
    }
  };
  const failures = [];
  for (const c of doc.cases) {
    let got;
    try {
      got = call(c.call, c.args);
    } catch (err) {
      got = { error: { code: err.code, field: err.field } };
    }
    const want = "error" in c ? { error: c.error } : c.expect;
    if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`${c.id}: ${JSON.stringify(got).slice(0, 300)}`);
  }
  return { total: doc.cases.length, failures };
}

/**
 * Problems of a JS result against its generated type (tests/api/schema.json), deep: every key of
 * every record in camelCase (data-keyed maps keep their keys), every item, every type; dates and
 * times as ISO text.
 */
export function conforms(doc, schema, value, path) {
  const resolve = (s) => {
    while (s && s.$ref) s = doc.$defs[s.$ref.split("/").pop()];
    return s;
  };
  const camel = (k) => k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
  const go = (schema, value, path) => {
    const s = resolve(schema);
    for (const key of ["anyOf", "oneOf"]) {
      if (s[key]) {
        const tries = s[key].map((x) => go(x, value, path));
        return tries.some((t) => t.length === 0) ? [] : tries.reduce((a, b) => (a.length <= b.length ? a : b));
      }
    }
    if ("const" in s) return value === s.const ? [] : [`${path}: ${JSON.stringify(value)} is not ${JSON.stringify(s.const)}`];
    if (s.enum) return s.enum.includes(value) ? [] : [`${path}: ${JSON.stringify(value)} not in ${s.enum}`];
    const types = s.type === undefined ? [] : [].concat(s.type);
    if (value === null || value === undefined) return types.length === 0 || types.includes("null") ? [] : [`${path}: null where ${types}`];
    if (s.format === "date") return /^\d{4}-\d{2}-\d{2}$/.test(value) ? [] : [`${path}: ${value} is not a date`];
    if (s.format === "partial-date-time") return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(value) ? [] : [`${path}: ${value} is not a time`];
    if (Array.isArray(value)) {
      if (!types.includes("array")) return [`${path}: an array where ${types}`];
      if (s.prefixItems) return s.prefixItems.flatMap((x, i) => go(x, value[i], `${path}[${i}]`));
      return s.items ? value.flatMap((v, i) => go(s.items, v, `${path}[${i}]`)) : [];
    }
    if (typeof value === "object") {
      if (!types.includes("object")) return [`${path}: an object where ${types}`];
      const out = [];
      const props = s.properties ? Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [camel(k), v])) : null;
      if (props) {
        const extra = Object.keys(value).filter((k) => !(k in props));
        if (extra.length && typeof s.additionalProperties !== "object") out.push(`${path}: keys ${extra} not in the type`);
        const missing = (s.required ?? []).map(camel).filter((k) => !(k in value));
        if (missing.length) out.push(`${path}: missing ${missing}`);
        for (const [k, v] of Object.entries(value)) if (k in props) out.push(...go(props[k], v, `${path}.${k}`));
      }
      if (typeof s.additionalProperties === "object") {
        for (const [k, v] of Object.entries(value)) if (!props || !(k in props)) out.push(...go(s.additionalProperties, v, `${path}[${k}]`));
      }
      return out;
    }
    const t = typeof value === "boolean" ? ["boolean"] : typeof value === "number" ? (Number.isInteger(value) ? ["integer", "number"] : ["number"]) : typeof value === "string" ? ["string"] : [];
    return t.some((x) => types.includes(x)) ? [] : [`${path}: ${typeof value} ${JSON.stringify(value)} where ${types}`];
  };
  return go(schema, value, path);
}

/**
 * The operation calls (tests/api/calls.json; see efficiency-py/tests/calls.py): every public
 * operation called with the arguments Python is given, built from the manifest's JS argument
 * forms; each answer compared with Python's as plain JSON and each result checked against the
 * type the manifest names (`returns`, a root of tests/api/schema.json).
 * @returns {{total: number, failures: string[], ops: string[]}}
 */
export function runCalls(efficiency, manifest, schemaDoc, doc) {
  const e = efficiency;
  const ops = Object.fromEntries(manifest.operations.map((op) => [op.id, op]));
  const camel = (k) => k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
  const snakeKey = (k) => k.replace(/([a-z0-9])([A-Z])/g, (_, a, b) => `${a}_${b.toLowerCase()}`);
  const env = {};
  const resolve = (v) => {
    if (Array.isArray(v)) return v.map(resolve);
    if (v === null || typeof v !== "object") return v;
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === "$") {
      const [name, ...path] = v.$.split(".");
      let out = env[name];
      for (const p of path) out = /^\d+$/.test(p) ? out[Number(p)] : out[camel(p)];
      return out;
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)]));
  };
  const plain = (v) => {
    if (v === undefined || v === null) return null;
    if (v instanceof Date) return v.toISOString();
    if (ArrayBuffer.isView(v)) return Array.from(v, plain);
    if (Array.isArray(v)) return v.map(plain);
    if (typeof v === "object") {
      const name = v.constructor && v.constructor.name;
      if (name && name !== "Object" && typeof e[name] === "function") return { $class: name };
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [snakeKey(k), plain(x)]));
    }
    return v;
  };
  const canonical = (v) => {
    if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
    if (v !== null && typeof v === "object") {
      return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(",")}}`;
    }
    return JSON.stringify(v);
  };
  const fnv1a64 = (text) => {
    let h = 0xcbf29ce484222325n;
    for (const b of new TextEncoder().encode(text)) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
    return h.toString(16).padStart(16, "0");
  };
  const answer = (v) => {
    const text = canonical(v);
    const bytes = new TextEncoder().encode(text).length;
    return bytes <= 2000 ? v : { fnv1a64: fnv1a64(text), bytes };
  };
  // Where the languages give a result its own shape (`result_differs` in the manifest), both
  // compare the same view of it.
  const views = {
    values: (r) => r.values,
    statuses: (r) => r.statuses,
    rows: (r) => r,
    tables: (r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null || v === undefined ? null : v.length])),
    error_codes: (r) => r.map((x) => x.code),
    clock_rows: (r) => ({ promisedDue: r.promisedDue, statutoryDue: r.statutoryDue, remaining: r.remaining, level: r.level, outcome: r.outcome }),
  };
  const call = (step) => {
    const op = ops[step.op];
    const args = resolve(step.args ?? {});
    const [head, member] = op.js.split(".");
    if (op.js === "dataJson") return e.dataJson(op.js_arg);
    const given = (name) => (name in args ? args[name] : undefined);
    const build = () => {
      const params = op.js_args ? op.js_args.split(", ") : [];
      const pyParams = (op.args ?? "").split(", ").filter((p) => p && p !== "*").map((p) => p.split("=")[0]);
      const used = new Set();
      return params.map((p, i) => {
        const name = p.replace(/\?$/, "");
        if (name === "options") {
          const rest = Object.entries(args).filter(([k]) => !used.has(k));
          return rest.length ? Object.fromEntries(rest.map(([k, v]) => [camel(k), v])) : undefined;
        }
        let key = snakeKey(name);
        if (!(key in args) && pyParams[i] in args) key = pyParams[i];
        used.add(key);
        return given(key);
      });
    };
    const target = step.on !== undefined ? env[step.on] : e[head];
    if (op.js_args === null || op.js_args === undefined) {
      // A property (or a type): read it.
      return step.on !== undefined ? target[member] : target;
    }
    // A step may give JS its own arguments where the forms differ (`forms_differ`).
    const argv = step.js ? resolve(step.js) : build();
    if (step.on !== undefined) return target[member](...argv);
    if (member === undefined) return /^[A-Z]/.test(head) ? new e[head](...argv) : e[head](...argv);
    return e[head][member](...argv);
  };
  const typeSchema = (returns) => {
    returns = returns.trim();
    if (returns.endsWith("?")) return { anyOf: [typeSchema(returns.slice(0, -1)), { type: "null" }] };
    if (returns.endsWith("[]")) return { type: "array", items: typeSchema(returns.slice(0, -2)) };
    if (returns.startsWith("[") && returns.endsWith("]")) {
      const parts = [];
      let depth = 0, cur = "";
      for (const ch of returns.slice(1, -1)) {
        if (ch === "[") depth++;
        if (ch === "]") depth--;
        if (ch === "," && depth === 0) { parts.push(cur); cur = ""; } else cur += ch;
      }
      parts.push(cur);
      return { type: "array", prefixItems: parts.map(typeSchema) };
    }
    if (returns.startsWith("class ")) return { class: returns.slice(6) };
    if (returns.startsWith("{string: ")) return { type: "object", additionalProperties: typeSchema(returns.slice(9, -1)) };
    const primitive = { string: { type: "string" }, int: { type: "integer" }, float: { type: "number" }, bool: { type: "boolean" },
      date: { type: "string", format: "date" }, time: { type: "string", format: "partial-date-time" }, null: { type: "null" }, any: {}, bytes: { bytes: true } };
    if (returns in primitive) return primitive[returns];
    return schemaDoc.roots[returns] ?? { $ref: `#/$defs/${returns}` };
  };
  const check = (schema, value, path) => {
    if (schema.bytes) return value instanceof Uint8Array ? [] : [`${path}: ${value && value.constructor && value.constructor.name} is not a Uint8Array`];
    if (schema.class) {
      const name = value && value.constructor && value.constructor.name;
      return name === schema.class ? [] : [`${path}: ${name} is not ${schema.class}`];
    }
    if (schema.anyOf && schema.anyOf.some((s) => s.class)) {
      return value === null || value === undefined ? [] : check(schema.anyOf.find((s) => s.class), value, path);
    }
    if (Object.keys(schema).length === 0) return [];
    return conforms(schemaDoc, schema, value === undefined ? null : value, path);
  };
  const failures = [];
  const seen = new Set();
  for (const [i, step] of doc.steps.entries()) {
    const op = ops[step.op];
    seen.add(step.op);
    let raw, got;
    try {
      raw = call(step);
      const view = op.compare && views[op.compare];
      got = answer(plain(view ? view(raw) : raw));
    } catch (err) {
      if (err && err.code) got = { error: { code: err.code, field: err.field ?? null } };
      else { failures.push(`step ${i} ${step.op}: ${err && err.stack || err}`); continue; }
    }
    if (step.let !== undefined) env[step.let] = raw;
    if (canonical(got) !== canonical(step.answer)) {
      failures.push(`step ${i} ${step.op}: JS ${canonical(got).slice(0, 400)}\n    Python ${canonical(step.answer).slice(0, 400)}`);
    }
    const failed = got !== null && typeof got === "object" && !Array.isArray(got) && "error" in got;
    if (!failed && op.returns) {
      failures.push(...check(typeSchema(op.returns), raw, `step ${i} ${step.op}`).slice(0, 5));
    }
  }
  return { total: doc.steps.length, failures, ops: [...seen] };
}
