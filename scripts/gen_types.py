#!/usr/bin/env python3
"""Generates the result types of both bindings from tests/api/schema.json (itself generated from
the Rust types by efficiency-core/tests/schema.rs):

- efficiency-py/python/efficiency/types.py: TypedDicts and Literals (snake_case keys, dates as
  datetime.date, times as datetime.datetime);
- efficiency-wasm/src/types.d.ts: TypeScript interfaces (camelCase keys, dates and times as ISO
  strings), included in the wasm package's .d.ts.

    python3 scripts/gen_types.py           # rewrite both files
    python3 scripts/gen_types.py --check   # exit 1 if either is out of date (run by the tests)
"""

import json
import keyword
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "tests/api/schema.json"
PY_OUT = ROOT / "efficiency-py/python/efficiency/types.py"
TS_OUT = ROOT / "efficiency-wasm/src/types.d.ts"

# Definitions whose name would clash with a class of the API get a data name.
RENAMES = {"Campaign": "CampaignData"}
# Literal names the stubs use for enums of the core (kept for the stubs' readability).
ALIASES = {
    "TimeUnitName": "TimeUnit",
    "StateName": "State",
    "LevelName": "Level",
    "OutcomeName": "Outcome",
    "AuthorityName": "Authority",
    "SeverityName": "Severity",
    "StageName": "Stage",
}
# Literals of arguments (inputs are read by the core's boundary values, not by serde).
INPUT_LITERALS = {
    "DayEndName": ["close_of_business", "midnight"],
    "GroupByName": ["unit", "item", "window", "handler", "all"],
}


def camel(name: str) -> str:
    return re.sub(r"_([a-z0-9])", lambda m: m.group(1).upper(), name)


def load():
    doc = json.loads(SCHEMA.read_text())
    defs = doc["$defs"]
    names = {k: RENAMES.get(k, k) for k in defs}
    for root, ref in doc["roots"].items():
        target = ref["$ref"].rsplit("/", 1)[1]
        names[target] = root
    return defs, names


class Gen:
    def __init__(self, defs, names, lang):
        self.defs, self.names, self.lang = defs, names, lang
        self.extra = []  # variant types of tagged unions

    def ref(self, s):
        return self.names[s["$ref"].rsplit("/", 1)[1]]

    def type_of(self, s, hint=""):
        py = self.lang == "py"
        if "$ref" in s:
            return self.ref(s)
        if "anyOf" in s or "oneOf" in s:
            parts = [self.type_of(x, hint) for x in s.get("anyOf", s.get("oneOf"))]
            return " | ".join(dict.fromkeys(parts))
        if "const" in s:
            return f'Literal["{s["const"]}"]' if py else json.dumps(s["const"])
        if "enum" in s:
            values = [v for v in s["enum"] if v is not None]
            lit = (
                "Literal[" + ", ".join(json.dumps(v) for v in values) + "]"
                if py
                else " | ".join(json.dumps(v) for v in values)
            )
            return lit + (" | None" if None in s["enum"] and py else " | null" if None in s["enum"] else "")
        t = s.get("type")
        if isinstance(t, list):
            parts = [self.type_of({**s, "type": x}, hint) for x in t]
            return " | ".join(dict.fromkeys(parts))
        if t == "null":
            return "None" if py else "null"
        if t == "boolean":
            return "bool" if py else "boolean"
        if t == "integer":
            return "int" if py else "number"
        if t == "number":
            return "float" if py else "number"
        if t == "string":
            fmt = s.get("format")
            if fmt == "date":
                return "datetime.date" if py else "IsoDate"
            if fmt in ("partial-date-time", "date-time"):
                return "datetime.datetime" if py else "IsoDateTime"
            return "str" if py else "string"
        if t == "array":
            if "prefixItems" in s:
                items = [self.type_of(x, hint) for x in s["prefixItems"]]
                return f"tuple[{', '.join(items)}]" if py else f"[{', '.join(items)}]"
            item = self.type_of(s.get("items", {}), hint)
            return f"list[{item}]" if py else f"({item})[]" if "|" in item else f"{item}[]"
        if t == "object":
            if "properties" in s:
                name = hint or "Anonymous"
                self.extra.append(self.object_decl(name, s))
                return name
            inner = (
                self.type_of(s["additionalProperties"], hint)
                if isinstance(s.get("additionalProperties"), dict)
                else ("Any" if py else "unknown")
            )
            return f"dict[str, {inner}]" if py else f"Record<string, {inner}>"
        return "Any" if py else "unknown"

    def object_decl(self, name, s):
        required = set(s.get("required", []))
        props = s.get("properties", {})
        doc = (s.get("description") or "").strip().replace("\n", " ")
        if self.lang == "py":
            fields = []
            for k, v in props.items():
                t = self.type_of(v, name + camel("_" + k))
                fields.append((k, t if k in required else f"NotRequired[{t}]"))
            if any(keyword.iskeyword(k) for k, _ in fields):
                body = ", ".join(f'"{k}": {t}' for k, t in fields)
                return (
                    f'{name} = TypedDict("{name}", {{{body}}})\n"""{doc}"""\n'
                    if doc
                    else f'{name} = TypedDict("{name}", {{{body}}})\n'
                )
            lines = [f"class {name}(TypedDict):"]
            if doc:
                lines.append(f'    """{doc}"""\n')
            lines += [f"    {k}: {t}" for k, t in fields] or ["    pass"]
            return "\n".join(lines) + "\n"
        lines = [f"/** {doc} */"] if doc else []
        lines.append(f"export interface {name} {{")
        for k, v in props.items():
            t = self.type_of(v, name + camel("_" + k))
            d = (v.get("description") or "").strip().replace("\n", " ").replace("*/", "* /")
            if d:
                lines.append(f"  /** {d} */")
            lines.append(f"  {camel(k)}{'' if k in required else '?'}: {t};")
        lines.append("}")
        return "\n".join(lines) + "\n"

    def decl(self, key, s):
        name = self.names[key]
        py = self.lang == "py"
        doc = (s.get("description") or "").strip().replace("\n", " ")
        variants = s.get("oneOf") or s.get("anyOf")
        if "properties" in s:
            return self.object_decl(name, s)
        if variants and all("properties" in v for v in variants):
            parts = []
            for v in variants:
                tag = next((p["const"] for p in v["properties"].values() if "const" in p), None)
                vname = name + (camel("_" + tag) if tag else str(len(parts)))
                vname = vname[0].upper() + vname[1:]
                self.extra.append(self.object_decl(vname, v))
                parts.append(vname)
            union = " | ".join(parts)
        elif variants and all("const" in v or "enum" in v for v in variants):
            values = [x for v in variants for x in ([v["const"]] if "const" in v else v["enum"])]
            union = (
                "Literal[" + ", ".join(json.dumps(x) for x in values) + "]"
                if py
                else " | ".join(json.dumps(x) for x in values)
            )
        else:
            union = self.type_of(s, name)
        if py:
            return f"{name} = {union}\n" + (f'"""{doc}"""\n' if doc else "")
        return (f"/** {doc} */\n" if doc else "") + f"export type {name} = {union};\n"


def ruff_format(text: str) -> str:
    """The text as `ruff format` leaves it (the repository's formatter), so that the check is
    a plain comparison."""
    import shutil
    import subprocess

    ruff = ROOT / ".venv/bin/ruff"
    exe = str(ruff) if ruff.exists() else shutil.which("ruff")
    if exe is None:
        sys.exit("gen_types.py needs ruff (pip install ruff, or run scripts/test-all.sh once)")
    out = subprocess.run(
        [exe, "format", "--stdin-filename", str(PY_OUT), "-"], input=text, capture_output=True, text=True, check=True
    )
    return out.stdout


def render(lang):
    defs, names = load()
    g = Gen(defs, names, lang)
    decls = [g.decl(k, defs[k]) for k in sorted(defs, key=lambda k: names[k])]
    codes = json.loads(SCHEMA.read_text()).get("codes", {})
    for name, values in codes.items():
        union = ", ".join(json.dumps(v) for v in values)
        decls.append(
            f"{name} = Literal[{union}]\n"
            if lang == "py"
            else f"export type {name} = {' | '.join(json.dumps(v) for v in values)};\n"
        )
    body = "\n".join(g.extra + decls)
    if lang == "py":
        aliases = "".join(f"{a} = {t}\n" for a, t in ALIASES.items())
        inputs = "".join(f"{a} = Literal[{', '.join(json.dumps(v) for v in vs)}]\n" for a, vs in INPUT_LITERALS.items())
        head = (
            '"""Result types of the efficiency API: plain dicts at run time, typed for checkers.\n\n'
            "Generated by scripts/gen_types.py from tests/api/schema.json (the Rust result types);\n"
            'do not edit by hand.\n"""\n\n'
            "from __future__ import annotations\n\n"
            "import datetime\n"
            "from typing import Any, Literal, NotRequired, TypedDict\n\n"
        )
        times = (
            "TimeLike = datetime.datetime | datetime.date | str\n"
            '"""A time argument: a datetime (naive: local; aware: converted to the calendar\'s zone), a date\n'
            '(its midnight) or text in the one grammar."""\n'
            "DateLike = datetime.date | str\n"
        )
        tail = "\n# Names the stubs use for the core's enums, and arguments.\n" + aliases + inputs + times
        return ruff_format(head + body + tail)
    head = (
        "// Result types of the efficiency API, generated by scripts/gen_types.py from\n"
        "// tests/api/schema.json (the Rust result types); do not edit by hand.\n"
        "/** A date, YYYY-MM-DD. */\nexport type IsoDate = string;\n"
        "/** A local wall-clock time in the calendar's zone, YYYY-MM-DDTHH:MM:SS. */\nexport type IsoDateTime = string;\n\n"
    )
    return head + body


def main():
    check = "--check" in sys.argv
    stale = []
    for path, lang in ((PY_OUT, "py"), (TS_OUT, "ts")):
        text = render(lang)
        if check:
            if not path.exists() or path.read_text() != text:
                stale.append(str(path.relative_to(ROOT)))
        else:
            path.write_text(text)
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        print("out of date (run python3 scripts/gen_types.py): " + ", ".join(stale), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
