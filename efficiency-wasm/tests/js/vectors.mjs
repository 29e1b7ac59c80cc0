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
