#!/usr/bin/env python3
"""Writes tests/vectors/guides/guides.json: service-guide catalogues (docs/domain.md §13) with
expectations from this script's own re-statement of the rules (nothing is computed by the
library):
- "load": a catalogue -> "loaded" with its item codes, or the error code and field;
- "diff": two versions -> cancelled, adjusted (the fields, before and after) and new items;
- "streamlining": a catalogue and maybe an earlier one -> counts per unit, then all;
- "render": a guide in a format and language -> lines the page must hold (and, for JSON, the
  guide itself).

    python3 tests/vectors/generate_guides.py
"""

import copy
import json

from oracle import ROOT

SAMPLE = json.loads((ROOT / "efficiency-core/data/items/guides.json").read_text())
CATCH_ALL = ["其他*条件", "其它*条件", "其他*材料", "其它*材料", "其他*要求", "其它*要求", "其他*文件", "其它*文件",
             "法律法规规定的其他", "认为需要*的*材料", "other*conditions", "any other", "other*requirements",
             "other*documents", "other*materials"]  # fmt: skip
GAP = 12


def catch_all(text, phrase):
    """Whether text holds phrase, a '*' standing for up to GAP characters, case and spaces ignored."""
    t = "".join(text.split()).lower()
    parts = ["".join(p.split()).lower() for p in phrase.split("*")]
    for start in range(len(t)):
        if not t.startswith(parts[0], start):
            continue
        at, ok = start + len(parts[0]), True
        for p in parts[1:]:
            hits = [i for i in range(at, min(at + GAP, len(t)) + 1) if t.startswith(p, i)]
            if not hits:
                ok = False
                break
            at = hits[0] + len(p)
        if ok:
            return True
    return False


DAY_UNITS = ("workdays", "natural_days")
scenarios = []


def add(kind, name, **fields):
    scenarios.append({"id": f"{len(scenarios):03d}-{name}", "kind": kind, **fields})


def within(p, s):
    """A promised limit within the statutory one (same unit: not longer; on the spot is within any)."""
    if p["unit"] == "on_the_spot":
        return True
    if p["unit"] == s["unit"]:
        return p["amount"] <= s["amount"]
    if p["unit"] == "natural_days" and s["unit"] == "workdays":
        return p["amount"] <= s["amount"]
    if p["unit"] == "work_hours" and s["unit"] in DAY_UNITS:  # a default office day: 9-12, 13:30-17:30
        return p["amount"] <= s["amount"] * 7 and s["amount"] >= 1
    return False


def check(cat):
    """The first problem of a catalogue as (code, field), in the order the library reports them,
    or None."""
    if cat.get("format") != "efficiency.guides/1":
        return ("guide.invalid", "format")
    for key in ("version", "document"):
        if not cat[key].strip():
            return ("guide.invalid", key)
    for i, g in enumerate(cat["guides"]):  # the item checks first, over every guide
        at = f"guides[{i}] ({g['code']})"
        if g.get("promised") and not within(g["promised"], g["statutory"]):
            return ("clock.promised_exceeds_statutory", f"{at}.promised")
    scheme = cat.get("code_scheme") or {"prefix": "", "min_length": 1, "max_length": 64, "charset": "printable"}
    allowed = {
        "digits": lambda c: c.isascii() and c.isdigit(),
        "upper_alphanumeric": lambda c: c.isascii() and (c.isdigit() or c.isupper()),
        "printable": lambda c: c.isascii() and c.isprintable() and c != " ",
    }[scheme["charset"]]
    phrases = cat.get("catch_all_phrases") or CATCH_ALL
    seen = set()
    for i, g in enumerate(cat["guides"]):
        at = f"guides[{i}] ({g['code']})"
        code = g["catalogue_code"]
        if (
            not scheme["min_length"] <= len(code) <= scheme["max_length"]
            or not code.startswith(scheme["prefix"])
            or not all(allowed(c) for c in code)
        ):
            return ("guide.invalid_code", f"{at}.catalogue_code")
        if code in seen:
            return ("guide.invalid", f"{at}.catalogue_code")
        seen.add(code)
        for key in ("name_zh", "unit", "body", "result", "place", "hours", "enquiry", "complaint"):
            if not g.get(key, "").strip():
                return ("guide.invalid", f"{at}.{key}")
        for key in ("bases", "conditions", "procedure", "how_to_apply"):
            if not g[key]:
                return ("guide.invalid", f"{at}.{key}")
        for j, b in enumerate(g["bases"]):
            if not b["title"].strip() or not b["article"].strip():
                return ("guide.invalid", f"{at}.bases[{j}]")
        for j, c in enumerate(g["conditions"]):
            if any(catch_all(c, p) for p in phrases):
                return ("guide.catch_all_condition", f"{at}.conditions[{j}]")
        for j, m in enumerate(g["materials"]):
            if any(catch_all(m["name"], p) for p in phrases):
                return ("guide.catch_all_material", f"{at}.materials[{j}].name")
        for j, m in enumerate(g["materials"]):
            if not m["name"].strip() or not m["source"].strip() or m["copies"] == 0:
                return ("guide.invalid", f"{at}.materials[{j}]")
        for j, p in enumerate(g.get("special_procedures", [])):
            if "max_time" not in p:
                return ("guide.special_procedure_time_missing", f"{at}.special_procedures[{j}] ({p['code']}).max_time")
        fees = g["fees"]
        if not fees.get("free") and not fees.get("items"):
            return ("guide.fee_unstated", f"{at}.fees")
        if fees.get("free") and fees.get("items"):
            return ("guide.invalid", f"{at}.fees")
        for j, f in enumerate(fees.get("items", [])):
            if not f["standard"].strip() or not f["basis"].strip():
                return ("guide.fee_basis_missing", f"{at}.fees.items[{j}]")
        if g["on_the_spot"] and g["visits"] > 1:
            return ("guide.invalid", f"{at}.visits")
        spot = g["statutory"]["unit"] == "on_the_spot" or (g.get("promised") or {}).get("unit") == "on_the_spot"
        if g["on_the_spot"] != spot:
            return ("guide.invalid", f"{at}.on_the_spot")
    return None


def load(name, cat):
    problem = check(cat)
    expect = {"error": problem[0], "field": problem[1]} if problem else {"codes": [g["code"] for g in cat["guides"]]}
    add("load", name, catalogue=cat, expect=expect)


def normal(v):
    """A guide as the library holds it: absent and empty optional fields dropped, an extension's
    max_count filled in (default 1)."""
    if isinstance(v, dict):
        out = {k: normal(x) for k, x in v.items() if x is not None and x != []}
        if "max_amount" in out and "approver" in out:
            out.setdefault("max_count", 1)
        if "free" in out and out["free"] is False and "items" in out:
            pass
        return out
    if isinstance(v, list):
        return [normal(x) for x in v]
    return v


def normal_guide(g):
    g = normal(g)
    g["fees"].setdefault("free", False)
    return g


def diff(old, new):
    a = {g["code"]: normal_guide(g) for g in old["guides"]}
    b = {g["code"]: normal_guide(g) for g in new["guides"]}
    item = lambda g, changes=(): dict(
        {"code": g["code"], "catalogue_code": g["catalogue_code"], "name_zh": g["name_zh"], "unit": g["unit"]},
        **({"changes": list(changes)} if changes else {}),
    )
    out = {
        "from_version": old["version"],
        "to_version": new["version"],
        "effective_from": new["effective_from"],
        "document": new["document"],
        "cancelled": [],
        "adjusted": [],
        "new": [],
    }
    for code in sorted(a):
        if code not in b:
            out["cancelled"].append(item(a[code]))
        elif a[code] != b[code]:
            keys = sorted(set(a[code]) | set(b[code]))
            changes = [
                {"field": k, "before": a[code].get(k), "after": b[code].get(k)}
                for k in keys
                if a[code].get(k) != b[code].get(k)
            ]
            out["adjusted"].append(item(b[code], changes))
    for code in sorted(b):
        if code not in a:
            out["new"].append(item(b[code]))
    return out


def counts(guides):
    names = ["items", "steps", "procedure_steps", "materials", "visits", "zero_visit_items", "on_the_spot_items",
             "day_items", "statutory_days", "promised_days"]  # fmt: skip
    c = {n: 0 for n in names} | {"compressed_share": None}
    for g in guides:
        c["items"] += 1
        c["steps"] += len(g.get("steps", []))
        c["procedure_steps"] += len(g["procedure"])
        c["materials"] += len(g["materials"])
        c["visits"] += g["visits"]
        c["zero_visit_items"] += g["visits"] == 0
        c["on_the_spot_items"] += g["on_the_spot"]
        s, p = g["statutory"], g.get("promised") or g["statutory"]
        if s["unit"] in DAY_UNITS and p["unit"] in DAY_UNITS:
            c["day_items"] += 1
            c["statutory_days"] += s["amount"]
            c["promised_days"] += p["amount"]
    if c["statutory_days"]:
        c["compressed_share"] = 1 - c["promised_days"] / c["statutory_days"]
    return c


def streamlining(cat, prev=None):
    units = sorted({g["unit"] for g in cat["guides"]} | ({g["unit"] for g in prev["guides"]} if prev else set()))
    rows = [
        {
            "unit": u,
            "now": counts(g for g in cat["guides"] if g["unit"] == u),
            "before": counts(g for g in prev["guides"] if g["unit"] == u) if prev else None,
        }
        for u in units
    ]
    rows.append({"unit": "all", "now": counts(cat["guides"]), "before": counts(prev["guides"]) if prev else None})
    return rows


LIMIT = {
    ("workdays", "zh"): "{}个工作日",
    ("natural_days", "zh"): "{}日",
    ("work_hours", "zh"): "{}个工作小时",
    ("workdays", "en"): "{} workdays",
    ("natural_days", "en"): "{} natural days",
    ("work_hours", "en"): "{} work hours",
}


def limit_text(lim, lang):
    if lim["unit"] == "on_the_spot":
        return "即时办结" if lang == "zh" else "on the spot"
    return LIMIT[(lim["unit"], lang)].format(lim["amount"])


def render_lines(g, cat, fmt, lang):
    """Lines a rendering must hold: the title, the limits, the fees, the visits, the version."""
    zh = lang == "zh"
    title = g["name_zh"] if zh else g["name"]
    prom = g.get("promised") or g["statutory"]
    fee = ("不收费" if zh else "free of charge") if g["fees"].get("free") else None
    pairs = [
        ("法定办结时限" if zh else "Statutory limit", limit_text(g["statutory"], lang)),
        ("承诺办结时限" if zh else "Promised limit", limit_text(prom, lang)),
        ("到办事现场次数" if zh else "Visits needed", f"最多{g['visits']}次" if zh else f"at most {g['visits']}"),
        ("事项编码" if zh else "Item code", g["catalogue_code"]),
    ]
    if fee:
        pairs.append(("收费标准及依据" if zh else "Fees and their basis", fee))
    esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    if fmt == "markdown":
        return [f"# {title}"] + [f"| {k} | {v} |" for k, v in pairs]
    return [f'lang="{"zh-CN" if zh else "en"}"', f"<h1>{esc(title)}</h1>"] + [
        f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in pairs
    ]


# Loading: the sample, and one broken rule at a time.
load("sample", SAMPLE)


def broken(name, mutate):
    cat = copy.deepcopy(SAMPLE)
    mutate(cat)
    load(name, cat)


G = lambda i: lambda cat: cat["guides"][i]
broken("fee-blank", lambda c: c["guides"][0].update(fees={}))
broken("fee-free-false", lambda c: c["guides"][1].update(fees={"free": False}))
broken("fee-without-basis", lambda c: c["guides"][2].update(fees={"items": [{"name": "工本费", "standard": "5元/本", "basis": " "}]}))  # fmt: skip
broken("fee-with-basis", lambda c: c["guides"][2].update(fees={"items": [{"name": "工本费", "standard": "5元/本", "basis": "发改价格〔2019〕1号"}]}))  # fmt: skip
broken("fee-free-and-charged", lambda c: c["guides"][3].update(fees={"free": True, "items": [{"name": "x", "standard": "1元", "basis": "y"}]}))  # fmt: skip
broken("catch-all-condition", lambda c: c["guides"][0]["conditions"].append("法律、法规规定的其他条件"))
broken("catch-all-condition-en", lambda c: c["guides"][1]["conditions"].insert(0, "Meets any other requirement"))
broken("not-a-catch-all", lambda c: c["guides"][1]["conditions"].append("其中发起人中至少1人具有相关专业背景"))
broken("bureau-phrases", lambda c: c.update(catch_all_phrases=["有关规定"]) or c["guides"][3]["conditions"].append("符合有关规定"))  # fmt: skip
broken("special-procedure-without-time", lambda c: c["guides"][0]["special_procedures"][1].pop("max_time"))
broken("promised-over-statutory", lambda c: c["guides"][0].update(promised={"amount": 25, "unit": "workdays"}))
broken("promised-hours-within-days", lambda c: c["guides"][3].update(promised={"amount": 35, "unit": "work_hours"}))
broken("promised-hours-over-days", lambda c: c["guides"][3].update(promised={"amount": 36, "unit": "work_hours"}))
broken("code-too-short", lambda c: c["guides"][2].update(catalogue_code="330100000000MZ02010"))
broken("code-wrong-prefix", lambda c: c["guides"][2].update(catalogue_code="440100000000MZ0201001"))
broken("code-lowercase", lambda c: c["guides"][2].update(catalogue_code="330100000000mz0201001"))
broken("code-any-printable", lambda c: c.pop("code_scheme") or c["guides"][2].update(catalogue_code="MZ-02-01-001"))
broken("code-space-without-scheme", lambda c: c.pop("code_scheme") or c["guides"][2].update(catalogue_code="MZ 02"))
broken("code-duplicate", lambda c: c["guides"][1].update(catalogue_code=c["guides"][0]["catalogue_code"]))
broken("no-bases", lambda c: c["guides"][1].update(bases=[]))
broken("basis-without-article", lambda c: c["guides"][1]["bases"][0].update(article=""))
broken("empty-complaint-contact", lambda c: c["guides"][2].update(complaint=" "))
broken("material-zero-copies", lambda c: c["guides"][0]["materials"][2].update(copies=0))
broken("on-the-spot-two-visits", lambda c: c["guides"][2].update(visits=2))
broken("on-the-spot-disagrees", lambda c: c["guides"][1].update(on_the_spot=True, visits=1))
broken("version-empty", lambda c: c.update(version=""))
broken("format", lambda c: c.update(format="efficiency.guides/2"))
broken("catch-all-with-inserted-words", lambda c: c["guides"][0]["conditions"].append("申请人认为需要提交的其他相关材料"))  # fmt: skip
broken("catch-all-material", lambda c: c["guides"][1]["materials"].append({"name": "审批机关认为需要的其他材料", "form": "original", "copies": 1, "source": "申请人自备"}))  # fmt: skip
broken("not-a-catch-all-material", lambda c: c["guides"][1]["materials"].append({"name": "其他组织出具的委托书", "form": "original", "copies": 1, "source": "申请人自备"}))  # fmt: skip

# Versions: an earlier catalogue (2025.1) and a later one (2026.3).
old = copy.deepcopy(SAMPLE)
old.update(version="2025.1", effective_from="2025-03-01", document="杭民发〔2025〕6号")
old["guides"][0]["promised"] = {"amount": 15, "unit": "workdays"}
old["guides"][0]["materials"].append({"name": "住所使用权证明", "form": "copy", "copies": 1, "source": "申请人自备"})
old["guides"][0]["visits"] = 2
old["guides"][3]["visits"] = 1
old["guides"][3]["promised"] = {"amount": 3, "unit": "workdays"}
extra = copy.deepcopy(SAMPLE["guides"][1])
extra.update(code="civil.social_org_annual_check", name="Annual inspection of social organisations",
             name_zh="社会团体年度检查", catalogue_code="330100000000MZ0101009", procedure=["报送年检材料", "审查", "公告"])  # fmt: skip
old["guides"].append(extra)
del old["guides"][1]
later = copy.deepcopy(SAMPLE)
later.update(version="2026.3", effective_from="2026-12-01", document="杭民发〔2026〕31号")
later["guides"][2]["hours"] = "工作日 上午8:30-12:00，下午13:30-17:30"
later["guides"][1]["fees"] = {"free": True}
later["guides"].insert(
    0,
    dict(
        copy.deepcopy(SAMPLE["guides"][3]),
        code="civil.elderly_allowance",
        name="Allowance for the elderly",
        name_zh="高龄津贴申领",
        catalogue_code="330100000000MZ0301002",
        statutory={"amount": 20, "unit": "workdays"},
        promised={"amount": 5, "unit": "workdays"},
    ),
)
for name, a, b in [("2025-to-2026", old, SAMPLE), ("2026-to-2026.3", SAMPLE, later), ("2025-to-2026.3", old, later),
                   ("unchanged", SAMPLE, copy.deepcopy(SAMPLE))]:  # fmt: skip
    assert check(a) is None and check(b) is None, name
    add("diff", name, old=a, new=b, expect=diff(a, b))
add("streamlining", "sample", catalogue=SAMPLE, expect=streamlining(SAMPLE))
add("streamlining", "since-2025", catalogue=SAMPLE, previous=old, expect=streamlining(SAMPLE, old))
add("streamlining", "2026.3-since-2026", catalogue=later, previous=SAMPLE, expect=streamlining(later, SAMPLE))

for g in SAMPLE["guides"] + [later["guides"][0]]:
    cat = later if g is later["guides"][0] else SAMPLE
    for fmt in ("markdown", "html"):
        for lang in ("zh", "en"):
            add("render", f"{g['code']}-{fmt}-{lang}", catalogue=cat, code=g["code"], format=fmt, lang=lang,
                expect={"contains": render_lines(g, cat, fmt, lang)})  # fmt: skip
    add("render", f"{g['code']}-json", catalogue=cat, code=g["code"], format="json", lang="zh",
        expect={"json": normal_guide(g)})  # fmt: skip
add("render", "unknown-item", catalogue=SAMPLE, code="civil.karaoke", format="html", lang="zh",
    expect={"error": "guide.unknown_item", "field": "code"})  # fmt: skip

doc = {
    "description": "Service-guide catalogues (docs/domain.md §13): loading with the named codes, diffs between versions, "
    "the streamlining report and renderings. Generated by generate_guides.py from efficiency-core/data/items/guides.json.",
    "how": "load: GuideCatalogue.from_json(catalogue) -> the guides' item codes, or an error with expect.error as "
    "its code and expect.field as its field; diff: new.diff(old) (Python/JS) = guide::diff(old, new); streamlining: "
    "catalogue.streamlining(previous?) (floats within 1e-9); render: the text contains every line of "
    "expect.contains, or for json parses to expect.json; an error as for load.",
}
head = json.dumps(doc, ensure_ascii=False, indent=1)[:-2]
body = ",\n".join(json.dumps(s, ensure_ascii=False, separators=(",", ":")) for s in scenarios)
out = ROOT / "tests/vectors/guides/guides.json"
out.parent.mkdir(exist_ok=True)
out.write_text(head + ',\n "scenarios": [\n' + body + "\n ]\n}\n")
print(f"wrote {len(scenarios)} scenarios to {out.relative_to(ROOT)}")
