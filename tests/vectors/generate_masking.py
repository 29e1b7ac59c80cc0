#!/usr/bin/env python3
"""Writes tests/vectors/masking/masking.json: personal data found in free text and masked under
each profile of the default policy, with expectations from this script's own re-statement of
docs/domain.md §13 in regular expressions (nothing is computed by the library).

Strings: real ID numbers (GB 11643 check characters computed here) and ones with a wrong check
character or birth date, bank cards passing and failing the Luhn check, mobiles, landlines,
plates, e-mails, and false positives that must stay: dates, times, case ids, amounts, numbers
inside words. Offsets are characters (code points).

    python3 tests/vectors/generate_masking.py
"""

import json
import re

from oracle import ROOT

POLICY = json.loads((ROOT / "efficiency-core/data/rules/masking.json").read_text())
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"
PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"


def id_number(first17):
    return first17 + CHECK[sum(int(a) * w for a, w in zip(first17, W, strict=True)) % 11]


def luhn_ok(s):
    total = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return total % 10 == 0


def luhn_complete(prefix):
    return next(prefix + str(x) for x in range(10) if luhn_ok(prefix + str(x)))


def valid_birth(s):
    import datetime as dt

    try:
        y = int(s[6:10])
        dt.date(y, int(s[10:12]), int(s[12:14]))
        return 1900 <= y <= 2099
    except ValueError:
        return False


EMAIL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])")
PLATE = re.compile(rf"[{PROVINCES}][A-Z]·?[A-HJ-NP-Z0-9]{{5,6}}(?![A-Za-z0-9])")
# As people write numbers: digit groups joined by one or two of these.
GROUPED = re.compile(r"(?<![0-9])[0-9]+(?:[ \-./()]{1,2}[0-9]+)*")
SAME = {chr(0xFF10 + k): str(k) for k in range(10)} | {
    "（": "(",
    "）": ")",
    "－": "-",
    "‐": "-",
    "‑": "-",
    "‒": "-",
    "–": "-",
    "＋": "+",
    "\u3000": " ",
    "\xa0": " ",
    "Ｘ": "X",
    "ｘ": "X",
}
INVISIBLE = set("\u200b\u200c\u200d\u2060\ufeff")


def kind_of(d, x, area):
    """What a whole number's digits are (docs/domain.md §13), or None."""
    if x:
        return "id_number" if len(d) == 17 and valid_birth(d) and id_number(d)[17] == "X" else None
    if len(d) == 18 and valid_birth(d) and id_number(d[:17]) == d:
        return "id_number"
    if 16 <= len(d) <= 19 and d[0] != "0" and luhn_ok(d):
        return "bank_card"

    def mobile(m):
        return len(m) == 11 and m[0] == "1" and m[1] in "3456789"

    if mobile(d) or (d.startswith("86") and mobile(d[2:])) or (d.startswith("0086") and mobile(d[4:])):
        return "mobile"
    if 10 <= len(d) <= 12 and d[0] == "0" and d[1] != "0":
        areas = (2, 3) if area is None else ((area - 1,) if area in (3, 4) else ())
        if any(7 <= len(d) - 1 - a <= 8 and d[1 + a] not in "01" for a in areas):
            return "landline"
    return None


def numbers(t, spans, free):
    """Numbers as people write them, in groups: amounts and hexadecimal left alone; a number that
    is not personal as a whole is read for personal runs of its groups."""
    for m in GROUPED.finditer(t):
        groups = [(g.start(), g.end()) for g in re.finditer(r"[0-9]+", m.group())]
        groups = [(m.start() + a, m.start() + b) for a, b in groups]
        # An ID's check character ends the number; at most twelve groups are one number.
        for k, (_, b) in enumerate(groups):
            if b < len(t) and t[b] in "Xx":
                groups = groups[: k + 1]
                break
        groups = groups[:12]
        a0, end = groups[0][0], groups[-1][1]
        if not free(a0, end):
            continue
        last = groups[-1]
        decimal = len(groups) >= 2 and t[last[0] - 1] == "." and 1 <= last[1] - last[0] <= 2
        if (
            decimal
            or (a0 > 0 and t[a0 - 1] in "¥￥$")
            or (end < len(t) and t[end] in "元万亿%")
            or (a0 >= 2 and t[a0 - 1] in "xX" and t[a0 - 2] == "0")
        ):
            continue
        a = 0
        while a < len(groups):
            hit = None
            for b in range(len(groups) - 1, a - 1, -1):
                d = "".join(t[s:e] for s, e in groups[a : b + 1])
                x = b == len(groups) - 1 and groups[b][1] < len(t) and t[groups[b][1]] in "Xx"
                area = groups[a][1] - groups[a][0] if b > a and t[groups[a][0]] == "0" else None
                kind = kind_of(d, x, area) if len(d) <= 24 else None
                if kind:
                    hit = (kind, b, x)
                    break
            if not hit:
                a += 1
                continue
            kind, b, x = hit
            start, stop = groups[a][0], groups[b][1] + (1 if x else 0)
            if start > 0 and (
                (kind == "mobile" and t[start - 1] == "+") or (kind == "landline" and t[start - 1] == "(")
            ):
                start -= 1
            if kind == "landline":
                if b + 1 < len(groups) and groups[b + 1][1] - groups[b + 1][0] <= 5:
                    stop = groups[b + 1][1]
                elif stop + 1 < len(t) and t[stop] == "转" and t[stop + 1].isdigit() and t[stop + 1].isascii():
                    ext = re.match(r"[0-9]{1,5}", t[stop + 1 :])
                    stop = stop + 1 + ext.end()
            spans.append((kind, start, stop))
            if stop >= end:
                break
            a = next((k for k, (s, _) in enumerate(groups) if s >= stop), len(groups))


def find(text):
    """Spans in order, in the text's own characters. Read on a view where full-width digits and
    brackets are ASCII and zero-width characters are gone: e-mails first (they may hold digits),
    then plates, then numbers as people write them."""
    view, at = [], []
    for k, ch in enumerate(text):
        if ch in INVISIBLE:
            continue
        view.append(SAME.get(ch, ch))
        at.append(k)
    t = "".join(view)
    spans = []

    def free(a, b):
        return all(b <= s or a >= e for _, s, e in spans)

    for m in EMAIL.finditer(t):
        # The local part runs left over every local character, then starts at an alphanumeric.
        s = m.start()
        while s > 0 and (t[s - 1].isascii() and (t[s - 1].isalnum() or t[s - 1] in "._%+-")):
            s -= 1
        while not (t[s].isascii() and t[s].isalnum()):
            s += 1
        spans.append(("email", s, m.end()))
    for m in PLATE.finditer(t):
        if free(m.start(), m.end()):
            spans.append(("plate", m.start(), m.end()))
    numbers(t, spans, free)
    back = [(kind, at[s], at[e] if e < len(at) else len(text)) for kind, s, e in spans]
    return sorted(back, key=lambda s: s[1])


def masked(text, profile):
    actions = POLICY["profiles"][profile]["actions"]
    out, at = [], 0
    for kind, s, e in find(text):
        out.append(text[at:s])
        action = actions.get(kind, "delete")
        original = text[s:e]
        if isinstance(action, dict) and "partial" in action:
            k0, k1 = action["partial"]["keep_start"], action["partial"]["keep_end"]
            if k0 + k1 < len(original):
                out.append(original[:k0] + "*" * (len(original) - k0 - k1) + original[len(original) - k1 :])
            else:
                out.append(POLICY["deleted"])
        elif action == "keep":
            out.append(original)
        else:
            out.append(POLICY["deleted"])
        at = e
    out.append(text[at:])
    return "".join(out)


texts = []


def add(name, text):
    texts.append((name, text))


ID1 = id_number("11010119900307001")
ID2 = id_number("44030419851201123")
ID_X = id_number("11010519491231002")  # ends in X
assert ID_X.endswith("X")
BAD_CHECK = ID1[:17] + ("1" if ID1[17] != "1" else "2")
BAD_BIRTH = id_number("11010119901332001")  # 13th month
CARD16 = luhn_complete("621700123456789")
CARD19 = luhn_complete("622202123456789012")
BAD_CARD = CARD16[:15] + str((int(CARD16[15]) + 1) % 10)

for i, x in enumerate([ID1, ID2, ID_X, ID_X.lower()]):
    add(f"id-{i}", f"身份证号{x}")
    add(f"id-{i}-alone", x)
    add(f"id-{i}-spaced", f"证件 {x} 已核验")
add("id-bad-check", f"身份证{BAD_CHECK}")
add("id-bad-birth", f"身份证{BAD_BIRTH}")
add("id-in-word", f"NO{ID1}")
add("id-then-letter", f"{ID1}A")
add("id-17-digits", ID1[:17])
add("id-19-digits", ID1 + "5")
for i, card in enumerate([CARD16, CARD19]):
    add(f"card-{i}", f"退款至银行卡{card}")
    add(f"card-{i}-alone", card)
add("card-bad-luhn", f"卡号{BAD_CARD}")
add("card-15-digits", luhn_complete("62170012345678"))
add("card-20-digits", luhn_complete("6217001234567890123"))
for p in "3456789":
    add(f"mobile-1{p}", f"联系电话1{p}812345678，请回电")
add("mobile-12", "编号12812345678")
add("mobile-10-digits", "1381234567")
add("mobile-12-digits", "138123456789")
add("mobile-in-word", "tel13812345678")
add("mobile-with-86", "+86 13912345678")
add("mobile-then-chinese", "13912345678转人工")
add("mobile-two", "13812345678、15912345678")
add("landline-beijing", "办公室010-62345678")
add("landline-shenzhen", "电话0755-82345678")
add("landline-7", "电话0371-6234567")
add("landline-run", "01062345678")
add("landline-run-4", "075582345678")
add("landline-local-starts-1", "010-12345678")
add("landline-local-starts-0", "010-02345678")
add("landline-short", "010-623456")
add("landline-no-zero", "10-62345678")
add("landline-9-digits", "010-623456789")
add("hotline-12345", "政务服务热线12345")
add("hotline-12315", "投诉电话12315")
for i, plate in enumerate(["京A12345", "粤B·D12345", "沪AD12345", "川A9K8J7", "苏E12345"]):
    add(f"plate-{i}", f"车辆{plate}违停")
add("plate-with-I", "京AI2345")
add("plate-with-O", "京AO2345")
add("plate-too-long", "京A1234567")
add("plate-too-short", "京A1234")
add("plate-lowercase", "京a12345")
add("plate-not-province", "美A12345")
for i, mail in enumerate(["zhang.san@example.com", "li_si+case@mail.gov.cn", "a@b.cn", "13812345678@qq.com"]):
    add(f"email-{i}", f"邮箱：{mail}。")
add("email-no-tld", "user@localhost")
add("email-numeric-tld", "user@host.123")
add("email-at-alone", "@ 符号")
add("email-leading-dot", "..abc@example.org")
add("email-trailing-dot", "见 abc@example.org.")
add("fp-date-compact", "受理日期20261128")
add("fp-date-iso", "2026-11-28")
add("fp-datetime", "2026-11-28T09:30:00")
add("fp-case-id", "案件MZJ-2026-000001已办结")
add("fp-case-id-long", "MZJ-2026-100000")
add("fp-amount", "罚款5000元")
add("fp-amount-big", "金额1234567890123元")
add("fp-time", "09:30至17:30")
add("fp-doc-number", "民政发〔2026〕15号")
add("fp-serial-16", "流水号1234567890123456")
add("fp-postcode", "邮编100010")
add("fp-ip", "地址10.0.0.1")
add("fp-version", "v2.3.4")
add("fp-hex", "0x13812345678")
add("fp-uuid-ish", "a1b2c3d4-13812345678-e5")
add("fp-percent", "按时办结率97.4%")
add("fp-empty", "")
add("fp-chinese-only", "张三申请社会团体登记")
add("fp-emoji", "办理完成👍 谢谢")
add("fp-fullwidth-digits", "电话１３８１２３４５６７８")
add("mixed-issue-example", "张三 身份证110101199001011237 电话13800138000")
add(
    "mixed-all",
    f"申请人李四，身份证{ID2}，手机15912345678，座机0755-82345678，卡号{CARD19}，车牌粤B·D12345，邮箱li.si@example.com，案号MZJ-2026-000042",
)
add("mixed-newlines", f"第一行{ID1}\n第二行13812345678\r\n第三行")
add("mixed-adjacent", f"{ID1}13812345678")
add("mixed-separated", f"{ID1} 13812345678")
add("astral-before", f"𠀀{ID1}")
add("tabs", f"\t{CARD16}\t")
add("punctuation", f"（{ID1}）【13812345678】")
add("repeated", "13812345678 13812345678 13812345678")
add("long-digits", "1" * 40)
add("x-alone", "X")
add("only-digits-18-invalid", "123456789012345678")

# As people write them (issue: masking as people write): separators, prefixes, brackets,
# full-width digits, zero-width characters, numbers glued to Latin letters, extensions; and the
# numbers that must stay (amounts, dates, case numbers, hotlines, order numbers).
CARD_SPACED = " ".join(CARD16[k : k + 4] for k in range(0, 16, 4))
add("people-card-groups", f"退款至银行卡{CARD_SPACED}")
add("people-card-dashes", f"卡号{CARD_SPACED.replace(' ', '-')}")
add("people-mobile-dashes", "联系电话139-1234-5678")
add("people-mobile-spaces", "联系电话 139 1234 5678 ")
add("people-mobile-dots", "手机138.0013.8000")
add("people-mobile-plus86", "+8613912345678")
add("people-mobile-0086", "0086 139 1234 5678")
add("people-mobile-plus86-dash", "(+86)139-1234-5678")
add("people-id-6-8-4", f"身份证 {ID1[:6]} {ID1[6:14]} {ID1[14:]}")
add("people-fullwidth-mobile", "手机１８６５７１２０９３４")
add("people-fullwidth-id", "身份证" + ID1.translate({ord(str(k)): chr(0xFF10 + k) for k in range(10)}))
add("people-tel-glued", "Tel13912345678")
add("people-id-glued", f"ID{ID1}号")
add("people-zero-width-id", ID1[:9] + "\u200b" + ID1[9:])
add("people-landline-brackets", "电话(020)83456789")
add("people-landline-fullwidth-brackets", "电话（020）83456789")
add("people-landline-space", "电话020 83456789")
add("people-landline-extension", "总机020-83456789-8001")
add("people-landline-transfer", "电话020-83456789转8001")
add("people-amount-decimal", "金额13800000000.00元")
add("people-amount-yuan-sign", "￥13800138000")
add("people-amount-wan", "补助13800138000万")
add("people-date-dots", "2026.11.08办理")
add("people-case-number", "案号MZJ-2026-000117")
add("people-hotline-400", "客服400-820-8820")
add("people-hotline-95", "银行客服95588")
add("people-order", "订单号DD2026110800012")
add("people-year-then-mobile", "2026 13912345678")

# A corpus of realistic texts (complaint texts, remarks, whereabouts notes, decision texts):
# half carry a number as people write it, half only numbers that must stay.
TEMPLATES = [
    "投诉人反映：{x}，请尽快回复。",
    "去向说明：外出核查，联系方式{x}。",
    "备注：申请人补正材料时留{x}，已告知。",
    "经查，当事人{x}以社会团体名义开展活动，依法予以取缔。",
    "回访记录：{x}，满意。",
    "{x}",
    "请于3个工作日内联系{x}办理。",
    "窗口受理：{x}（已核验）",
]
PERSONAL = [
    "13912345678",
    "139-1234-5678",
    "139 1234 5678",
    "+86 139 1234 5678",
    "0086-13912345678",
    "１３９１２３４５６７８",
    "Tel:13912345678",
    "tel13912345678",
    ID1,
    f"{ID1[:6]} {ID1[6:14]} {ID1[14:]}",
    f"{ID1[:6]}-{ID1[6:14]}-{ID1[14:]}",
    ID1[:10] + "\u200c" + ID1[10:],
    CARD16,
    CARD_SPACED,
    CARD_SPACED.replace(" ", "-"),
    CARD19,
    "010-62345678",
    "(010)62345678",
    "（0755）82345678",
    "0755 8234 5678",
    "020-83456789-8001",
    "020-83456789转8001",
    "li.si@example.com",
    "粤B·D12345",
    "手机:138.0013.8000",
    "Mobile 15912345678",
    "ID" + ID2,
    "号码1８6５7１2０9３4",
]
STAYS = [
    "罚款5000元",
    "金额13800000000.00元",
    "￥13800138000",
    "2026-11-08",
    "2026.11.08",
    "2026年11月8日",
    "09:30",
    "MZJ-2026-000117",
    "民政发〔2026〕15号",
    "12345",
    "400-820-8820",
    "95588",
    "订单号DD2026110800012",
    "第3次",
    "97.4%",
    "邮编100010",
    "10.0.0.1",
    "v2.3.4",
    "流水号1234567890123456",
    "编号12812345678",
    "1381234567",
    "受理日期20261128",
    "共计1,380,013,800元",
    "0x13812345678",
    "第一批38户",
    "2026 年",
    "500 人次",
    "3.5万元",
]
for k, template in enumerate(TEMPLATES):
    for j, x in enumerate(PERSONAL):
        add(f"corpus-{k}-personal-{j}", template.format(x=x))
    for j, x in enumerate(STAYS):
        add(f"corpus-{k}-stays-{j}", template.format(x=x))

cases = []
for name, text in texts:
    spans = find(text)
    cases.append(
        {
            "id": f"{len(cases):03d}-{name}",
            "text": text,
            "spans": [list(s) for s in spans],
            "masked": {p: masked(text, p) for p in POLICY["profiles"]},
        }
    )

# Records: names, officials, personal fields, free text with the record's own names.
records = [
    {
        "id": "record-two-parties-one-surname",
        "profile": "penalty_publication",
        "fields": [
            {"field": "party", "kind": "name", "value": "张三"},
            {"field": "other_party", "kind": "name", "value": "张伟"},
            {"field": "handler", "kind": "official", "value": "李娜"},
            {"field": "id", "kind": "id_number", "value": ID1},
            {"field": "facts", "kind": "text", "value": "张三与张伟争执，李娜受理；张三电话13812345678"},
        ],
        "expect": [["party", "张某甲"], ["other_party", "张某乙"], ["handler", "李娜"], ["id", "××"],
                   ["facts", "张某甲与张某乙争执，李娜受理；张某甲电话××"]],
    },
    {
        "id": "record-compound-surname",
        "profile": "court",
        "fields": [
            {"field": "party", "kind": "name", "value": "欧阳明"},
            {"field": "address", "kind": "address", "value": "北京市东城区某街1号"},
            {"field": "health", "kind": "health", "value": "高血压"},
            {"field": "note", "kind": "other", "value": "已结案"},
        ],
        "expect": [["party", "欧阳某"], ["address", "××"], ["health", "××"], ["note", "已结案"]],
    },
    {
        "id": "record-display",
        "profile": "display",
        "fields": [
            {"field": "party", "kind": "name", "value": "王小明"},
            {"field": "mobile", "kind": "mobile", "value": "13812345678"},
            {"field": "id", "kind": "id_number", "value": ID2},
        ],
        "expect": [["party", "王**"], ["mobile", "138****5678"], ["id", ID2[:6] + "********" + ID2[-4:]]],
    },
    {"id": "record-bad-kind", "profile": "court", "fields": [{"field": "x", "kind": "shoe_size", "value": "42"}], "expect": {"error": "mask.invalid_record"}},
    {"id": "record-unknown-profile", "profile": "tabloid", "fields": [], "expect": {"error": "mask.unknown_profile"}},
]  # fmt: skip

out = ROOT / "tests/vectors/masking/masking.json"
out.parent.mkdir(exist_ok=True)
doc = {
    "about": "Personal data in free text (spans: kind, start, end in characters) and the text masked "
    "under each profile of efficiency-core/data/rules/masking.json; records masked under a profile. "
    "Written by tests/vectors/generate_masking.py from its own re-statement of docs/domain.md §13.",
    "texts": cases,
    "records": records,
}
out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
print(f"wrote {len(cases)} texts and {len(records)} records to {out.relative_to(ROOT)}")
