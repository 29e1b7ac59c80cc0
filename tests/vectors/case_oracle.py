"""The case rules of docs/domain.md §4-§6 re-stated in plain Python (with oracle.py's calendar and
clock): a case log's status, findings and supervision level at a moment. Used by
generate_cases.py and generate_supervision.py; nothing is computed by the library."""

import json

from oracle import ROOT, P, due, iso, measure, oracle

ITEMS = {i["code"]: i for i in json.loads((ROOT / "efficiency-core/data/items/templates.json").read_text())["items"]}
ROSTER = {s["id"]: s for s in json.loads((ROOT / "efficiency-core/data/sample/roster.json").read_text())["staff"]}
RULES = json.loads((ROOT / "efficiency-core/data/rules/findings.json").read_text())
NONE_POLICY = {"max_amount": 0, "approver": "agency_head", "max_count": 0}


def lim(limit, start, windows=()):
    return due(start, limit["unit"], limit["amount"], list(windows))


def unit_of(actor):
    return ROSTER[actor]["unit"] if actor in ROSTER else actor


def suspensions(evs, as_of):
    """The case's suspensions as (from, to): special procedures, and supplements requested during
    review (after acceptance); one still open runs to as_of."""
    out, open_s, accepted = [], None, False
    for e in evs:
        accepted = accepted or e["event"] == "accept"
        starts = e["event"] == "suspend" or (e["event"] == "supplement_request" and accepted)
        ends = e["event"] == "resume" or (e["event"] == "supplement_received" and accepted)
        if starts and open_s is None:
            open_s = P(e["at"])
        elif ends and open_s is not None:
            out.append((open_s, P(e["at"])))
            open_s = None
    if open_s is not None:
        out.append((open_s, max(open_s, as_of)))
    return out


def case_oracle(events, as_of_s, not_judged=None):
    """The status of a case at as_of_s; `not_judged` replaces the rule table's list."""
    not_judged = RULES.get("not_judged", []) if not_judged is None else not_judged
    as_of = P(as_of_s)
    evs = [e for e in events if P(e["at"]) <= as_of]
    st = {
        "stage": "new",
        "item": None,
        "window": None,
        "first_responder": None,
        "handler": None,
        "unit": None,
        "decision": None,
        "on_the_spot": None,
        "clock": None,
    }
    unit_of = lambda sid: ROSTER[sid]["unit"]
    findings = []

    def add(code, at, events, people):
        if code in not_judged:
            return
        findings.append(
            {
                "code": code,
                "severity": RULES["severities"][code],
                "at": iso(at),
                "events": events,
                "people": list(dict.fromkeys(people)),
            }
        )

    received, requests, withdrawn, concluded = None, [], None, None
    for e in evs:
        k = e["event"]
        if k == "inquiry":
            st.update(stage="inquired", first_responder=e["actor"], item=e.get("item"), unit=unit_of(e["actor"]))
        elif k == "receive":
            st.update(stage="received", item=e["item"], window=e.get("window"), unit=unit_of(e["actor"]))
            st["first_responder"] = st["first_responder"] or e["actor"]
            received = e
        elif k == "supplement_request" and st["stage"] != "accepted":
            st["stage"] = "awaiting_supplement"
            requests.append(e)
        elif k == "supplement_received" and st["stage"] != "accepted":
            st["stage"] = "received"
        elif k == "accept":
            h = e.get("handler", e["actor"])
            st.update(stage="accepted", handler=h, unit=unit_of(h))
        elif k == "reject":
            st["stage"] = "rejected"
        elif k == "refuse_reception":
            st["stage"] = "refused"
            st["first_responder"] = st["first_responder"] or e["actor"]
            add("reception.refused", P(e["at"]), [e["id"]], [e["actor"]])
        elif k == "guide_outside":
            st["stage"] = "guided_out"
        elif k == "conclude":
            st.update(stage="concluded", decision=e["outcome"], on_the_spot=e["on_the_spot"])
            concluded = e
        elif k == "withdrawn":
            st["stage"] = "withdrawn"
            withdrawn = P(e["at"])
    item = ITEMS.get(st["item"]) if st["item"] else None

    inq = next((e for e in evs if e["event"] == "inquiry"), None)
    if inq:
        deadline = lim(RULES["inquiry_response"], P(inq["at"]))
        handled = any(
            e["actor"] == inq["actor"]
            and P(e["at"]) <= deadline
            and e["event"] in ("answer", "refer", "guide_outside", "receive", "refuse_reception")
            for e in evs
        )
        if not handled and not (withdrawn and withdrawn <= deadline) and as_of > deadline:
            add("inquiry.not_handled", deadline, [inq["id"]], [inq["actor"]])

    for r in (e for e in evs if e["event"] == "refer"):
        limit = RULES["referral_follow_up"]
        if item:
            p = item.get("promised") or item["statutory"]
            if p["unit"] != "on_the_spot":
                limit = p
        deadline = lim(limit, P(r["at"]))
        acted = any(
            e["actor"] == r["to"]
            and P(r["at"]) <= P(e["at"]) <= deadline
            and e["event"] in ("reply", "answer", "receive", "accept", "conclude", "reject")
            for e in evs
        )
        if not acted and not (withdrawn and withdrawn <= deadline) and as_of > deadline:
            add("referral.not_followed_up", deadline, [r["id"]], [r["actor"], r["to"]])

    if received and requests:
        first = requests[0]
        # The item's notice limit (行政许可法 Art. 32: 5 workdays; an information request: 7).
        within = ((item or {}).get("notice_limit") or {"amount": 5})["amount"]
        if measure("workdays", P(received["at"]), P(first["at"]), []) > within:
            add("supplement.late_notice", P(first["at"]), [received["id"], first["id"]], [first["actor"]])
        for again in requests[1:]:
            add("supplement.repeated", P(again["at"]), [first["id"], again["id"]], [again["actor"]])

    if item:
        for s in (e for e in evs if e["event"] == "step_started"):
            d = next(x for x in item.get("steps", []) if x["code"] == s["step"])
            # docs/domain.md §4.2: a suspension of the case stops the step's clock too.
            deadline = lim(d["limit"], P(s["at"]), suspensions(evs, as_of))
            fin = next(
                (
                    e
                    for e in evs
                    if e["event"] == "step_finished"
                    and e["step"] == s["step"]
                    and P(e["at"]) >= P(s["at"])
                    # Parallel visits (会审): a finish closes the visit of its own unit.
                    and unit_of(e["actor"]) == unit_of(s["actor"])
                ),
                None,
            )
            late = P(fin["at"]) > deadline if fin else (as_of > deadline and st["stage"] == "accepted")
            if late:
                add("step.overdue", deadline, [s["id"]] + ([fin["id"]] if fin else []), [s["actor"]])

    accept = next((e for e in evs if e["event"] == "accept"), None)
    if accept:
        clock_evs, idx = [], []
        kinds = {
            "suspend": "suspend",
            "resume": "resume",
            "extension_requested": "request_extension",
            "extension_approved": "approve_extension",
            "applicant_notified": "notify_applicant",
            "conclude": "conclude",
        }
        after = False
        for k, e in enumerate(evs):
            after = after or e is accept
            # A supplement requested during review stops the clock until it arrives (审查中补正).
            if after and e["event"] in ("supplement_request", "supplement_received"):
                ce = {"event": "suspend" if e["event"] == "supplement_request" else "resume", "at": e["at"]}
                if e["event"] == "supplement_request":
                    ce["reason"] = "supplement during review"
                    if item.get("review_supplement"):
                        ce["limit"] = item["review_supplement"]
                clock_evs.append(ce)
                idx.append(k)
                continue
            if e["event"] in kinds:
                ce = {"event": kinds[e["event"]], "at": e["at"]}
                if e["event"] == "extension_requested":
                    ce.update(amount=e["amount"], reason=e["reason"])
                if e["event"] == "extension_approved":
                    ce["approver"] = ROSTER[e["actor"]]["role"]
                    ce["unit"] = ROSTER[e["actor"]]["unit"]
                if e["event"] == "suspend":
                    proc = next(p for p in item.get("special_procedures", []) if p["code"] == e["procedure"])
                    ce["reason"] = proc["name"]
                    if proc.get("max_time"):
                        ce["limit"] = proc["max_time"]
                clock_evs.append(ce)
                idx.append(k)
        # docs/domain.md §4.3: after a supplement the clock counts from the day after the complete
        # materials arrived, even when the acceptance is recorded later.
        supplied = [e for e in evs if e["event"] == "supplement_received" and P(e["at"]) <= P(accept["at"])]
        # 政府信息公开条例 Art. 33: an item that counts from the receipt starts there.
        receipt = received["at"] if received and item.get("counts_from") == "receipt" else None
        anchor = supplied[-1]["at"] if supplied else (receipt or accept["at"])
        sc = {
            "accepted_at": anchor,
            "statutory": item["statutory"],
            "promised": item.get("promised"),
            "extension": item.get("extension") or NONE_POLICY,
            "events": clock_evs,
            "as_of": iso(min(as_of, withdrawn) if withdrawn else as_of),
        }
        if received and requests:
            sc["supplement"] = {"received_at": received["at"], "notice_at": requests[0]["at"]}
            if item.get("notice_limit"):
                sc["notice_within"] = item["notice_limit"]["amount"]
        c = oracle(sc)
        for at, code, ev in c["_findings"]:
            if code == "supplement.late_notice":
                continue
            ids = [evs[idx[i]]["id"] for i in ev]
            if code.startswith("time_limit."):
                # Evidence of a missed limit: the acceptance, the last resumption before it, then
                # the clock's own events.
                resumed = [e for e in evs if e["event"] == "resume" and P(e["at"]) <= at]
                first = [accept["id"]] + ([resumed[-1]["id"]] if resumed else [])
                ids = [i for i in first if i not in ids] + ids
            if code.startswith("time_limit."):
                people = [st["handler"]]
            elif code == "procedure.overrun":
                people = [evs[idx[ev[0]]]["actor"]]  # who started the procedure
            else:
                people = sorted(evs[idx[i]]["actor"] for i in ev)
            add(code, at, ids, people)
        st["clock"] = {k: c[k] for k in ("promised_due", "statutory_due", "level", "outcome", "extended_by", "state")}
        # For the supervision conventions: the promised unit, time left and used (not written
        # into the case vectors).
        st["_clock"] = {"unit": (item.get("promised") or item["statutory"])["unit"], **c}

    if concluded and item:
        limit = item.get("publication_limit") or RULES["publication"]
        deadline = lim(limit, P(concluded["at"]))
        pub = next((e for e in evs if e["event"] == "result_published"), None)
        late = P(pub["at"]) > deadline if pub else as_of > deadline
        if late:
            add(
                "publication.late",
                deadline,
                [concluded["id"]] + ([pub["id"]] if pub else []),
                [st["handler"] or concluded["actor"]],
            )
    # docs/domain.md §4.3: an urgent case (急事急办) is concluded within the item's urgent limit
    # (same workday by default) from the later of its marking and its acceptance, special
    # procedures not counted; a case accepted and not concluded within the item's notice limit
    # (5 workdays by default) is told its due date (告知办结时间) within it.
    accepted = next((e for e in evs if e["event"] == "accept"), None)
    marked = next((e for e in evs if e["event"] == "mark_urgent"), None)
    if marked and accepted:
        limit = (item or {}).get("urgent") or {"amount": 0, "unit": "on_the_spot"}
        start = max(P(marked["at"]), P(accepted["at"]))
        windows = suspensions(evs, as_of)
        urgent_due = lim(limit, start, windows)
        if limit["unit"] == "on_the_spot":
            # The same workday: a procedure over its close moves it to the close of the workday
            # the procedure ends on.
            for a, b in windows:
                if a < urgent_due and b > max(start, a):
                    urgent_due = max(urgent_due, lim(limit, b))
        if (P(concluded["at"]) if concluded else as_of) > urgent_due:
            add(
                "urgent.missed",
                urgent_due,
                [marked["id"], accepted["id"]] + ([concluded["id"]] if concluded else []),
                [st["handler"] or accepted["actor"]],
            )
    if accepted:
        limit = (item or {}).get("notice_limit") or {"amount": 5, "unit": "workdays"}
        deadline = lim(limit, P(accepted["at"]))
        told = next((e for e in evs if e["event"] == "due_told"), None)
        in_time = told is not None and P(told["at"]) <= deadline
        no_need = concluded is not None and P(concluded["at"]) <= deadline
        if not in_time and not no_need and as_of > deadline:
            add(
                "due_date.not_told",
                deadline,
                [accepted["id"]] + ([told["id"]] if told else []),
                [st["handler"] or accepted["actor"]],
            )
    findings.sort(key=lambda f: (f["at"], f["code"]))
    st["findings"] = findings

    # docs/domain.md §4.4: the case's level is the highest of its clock's level, a step past its
    # limit (yellow) and a serious fault (red); an ended case keeps the level it had then.
    ended = next(
        (
            P(e["at"])
            for e in evs
            if e["event"] in ("conclude", "reject", "refuse_reception", "guide_outside", "withdrawn")
        ),
        None,
    )
    reasons = []
    if st["clock"] and st["clock"]["level"] != "normal":
        lv = st["clock"]["level"]
        reasons.append(["clock", lv, None, st["clock"]["statutory_due" if lv == "red" else "promised_due"]])
    for f in findings:
        if ended and P(f["at"]) > ended:
            continue
        if f["code"] == "step.overdue":
            reasons.append(["step", "yellow", f["code"], f["at"]])
        if f["severity"] in ("serious", "very_serious"):
            reasons.append(["fault", "red", f["code"], f["at"]])
    order = ["normal", "reminder", "yellow", "red"]
    reasons.sort(key=lambda r: (-order.index(r[1]), r[3]))
    st["level"] = max((r[1] for r in reasons), key=order.index, default="normal")
    st["level_reasons"] = reasons
    return st
