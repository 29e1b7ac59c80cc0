"""The operation calls (tests/api/calls.json) in Python: every public operation of the manifest
called with the same arguments in every language, its answer compared and its result checked
against the type the manifest names (`returns`, a root of tests/api/schema.json).

A step names an operation by its manifest id, the value it runs on (`on`, a name an earlier step
bound with `let`; `{"$": "name.key.0"}` a part of it) and its arguments by their Python names (`{"$": name}` is a bound value). The
call is built from the manifest's argument forms: Python passes keywords (positionally for a
dunder), JS what its `js_args` say (tests/js/vectors.mjs, `runCalls`). The answer is compared as
plain JSON: snake_case keys, ISO dates and times, integral floats as integers, a library object as
`{"$class": name}`, an error as `{"error": {code, field}}`; a long answer as its FNV-1a 64 digest.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib

import efficiency as ef

ROOT = pathlib.Path(__file__).parents[2]
MANIFEST = json.loads((ROOT / "tests/api/manifest.json").read_text())
SCHEMA = json.loads((ROOT / "tests/api/schema.json").read_text())
OPS = {op["id"]: op for op in MANIFEST["operations"]}
LONG = 2000


def plain(v: object) -> object:
    """The language-neutral form of a Python result."""
    if isinstance(v, dict):
        return {str(k): plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    if isinstance(v, dt.datetime):
        return v.replace(tzinfo=None).isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, bool) or v is None or isinstance(v, (str, int)):
        return v
    if isinstance(v, bytes):  # a file's bytes (a workbook): as JS gives a Uint8Array
        return list(v)
    if isinstance(v, float):
        return int(v) if v.is_integer() else v
    if hasattr(v, "__next__"):  # an iterator (replay_cases yields statuses)
        return plain(list(v))
    if hasattr(v, "to_pylist") and hasattr(v, "schema"):  # an Arrow table: its rows
        return plain(v.to_pylist())
    if hasattr(v, "dtype") and hasattr(v, "tolist"):  # numpy
        if v.dtype.kind == "M":
            unit = "D" if str(v.dtype) == "datetime64[D]" else "us"
            return [plain(x) for x in v.astype(f"datetime64[{unit}]").tolist()]
        return plain(v.tolist())
    if type(v).__module__ in ("efficiency", "builtins") and type(v).__name__ in dir(ef):
        return {"$class": type(v).__name__}
    return {"$other": type(v).__name__}


def canonical(v: object) -> str:
    return json.dumps(v, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def fnv1a64(text: str) -> str:
    h = 0xCBF29CE484222325
    for b in text.encode():
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"


def answer(v: object) -> object:
    """What a step's answer is compared as: the plain value, or its digest when long."""
    text = canonical(v)
    size = len(text.encode())
    return v if size <= LONG else {"fnv1a64": fnv1a64(text), "bytes": size}


def _rows(columns: dict) -> list[dict]:
    keys = list(columns)
    return [dict(zip(keys, row, strict=True)) for row in zip(*columns.values(), strict=True)]


def _names(codes, names) -> list:
    return [names[int(c)] if int(c) >= 0 else None for c in codes]


# Where the languages give a result its own shape (`result_differs` in the manifest), both
# compare the same view of it (named by the manifest's `compare`; tests/js/vectors.mjs has the
# JS side of each).
VIEWS = {
    "values": lambda r: r,
    "statuses": lambda r: list(r),
    "error_codes": lambda r: [e.code for _, e in r],
    "rows": _rows,
    "tables": lambda r: {k: None if v is None else v.num_rows for k, v in r.items()},
    "clock_rows": lambda r: {
        "promised_due": r["promised_due"],
        "statutory_due": r["statutory_due"],
        "remaining": r["remaining"],
        "level": _names(r["level"], ef.LEVELS),
        "outcome": _names(r["outcome"], ef.OUTCOMES),
    },
}


def _params(op: dict) -> list[str]:
    return [p.split("=")[0] for p in (op.get("args") or "").split(", ") if p and p != "*"]


def call(step: dict, env: dict) -> object:
    op = OPS[step["op"]]
    args = {k: resolve(v, env) for k, v in step.get("args", {}).items()}
    path = op["python"].split(".")
    if "on" in step:
        target = getattr(env[step["on"]], path[-1])
    else:
        target = ef
        for part in path:
            target = getattr(target, part)
    if op.get("args") is None:
        return target
    if path[-1].startswith("__"):
        return target(*[args[p] for p in _params(op) if p in args])
    return target(**args)


def resolve(v: object, env: dict) -> object:
    if isinstance(v, dict):
        if set(v) == {"$"}:
            # A bound value, or a part of it: "review.scorecards.1" (keys in snake_case).
            name, *path = v["$"].split(".")
            out = env[name]
            for part in path:
                out = out[int(part)] if part.isdigit() else out[part]
            return out
        return {k: resolve(x, env) for k, x in v.items()}
    if isinstance(v, list):
        return [resolve(x, env) for x in v]
    return v


def run(doc: dict):
    """Yields (step, raw result or None, answer) for every step, in order."""
    env: dict = {}
    for step in doc["steps"]:
        try:
            raw = call(step, env)
        except ef.EfficiencyError as e:
            yield step, None, {"error": {"code": e.code, "field": e.field}}
            continue
        except KeyError:
            # Item access (the mapping protocol) raises KeyError where JS `get` gives undefined.
            if not OPS[step["op"]]["python"].endswith("__getitem__"):
                raise
            raw = None
        if hasattr(raw, "__next__"):  # an iterator (replay_cases yields statuses): its items
            raw = list(raw)
        if "let" in step:
            env[step["let"]] = raw
        view = VIEWS[OPS[step["op"]]["compare"]] if "compare" in OPS[step["op"]] else None
        yield step, raw, answer(plain(view(raw) if view else raw))


def _resolve_ref(schema: dict) -> dict:
    while "$ref" in schema:
        schema = SCHEMA["$defs"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def type_schema(returns: str) -> dict:
    """The JSON Schema of a manifest `returns`: a schema root, `T[]`, `T?`, `[A, B]`, a
    primitive (string, int, float, bool, date, time, null, any) or `class Name`."""
    returns = returns.strip()
    if returns.endswith("?"):
        return {"anyOf": [type_schema(returns[:-1]), {"type": "null"}]}
    if returns.endswith("[]"):
        return {"type": "array", "items": type_schema(returns[:-2])}
    if returns.startswith("[") and returns.endswith("]"):
        parts, depth, cur = [], 0, ""
        for ch in returns[1:-1]:
            depth += ch == "["
            depth -= ch == "]"
            if ch == "," and depth == 0:
                parts.append(cur)
                cur = ""
            else:
                cur += ch
        parts.append(cur)
        return {"type": "array", "prefixItems": [type_schema(p) for p in parts]}
    if returns.startswith("class "):
        return {"class": returns[6:]}
    if returns.startswith("{string: ") and returns.endswith("}"):
        return {"type": "object", "additionalProperties": type_schema(returns[9:-1])}
    primitive = {
        "string": {"type": "string"},
        "int": {"type": "integer"},
        "float": {"type": "number"},
        "bool": {"type": "boolean"},
        "date": {"type": "string", "format": "date"},
        "time": {"type": "string", "format": "partial-date-time"},
        "null": {"type": "null"},
        "any": {},
        "bytes": {"bytes": True},
    }
    if returns in primitive:
        return primitive[returns]
    return SCHEMA["roots"].get(returns) or {"$ref": f"#/$defs/{returns}"}


def conforms(schema: dict, value: object, path: str) -> list[str]:
    """Problems of a Python result against a schema, deep (keys and their case, every item,
    every type; dates and times as datetime objects); `{"class": name}` is a library object."""
    if hasattr(value, "dtype") and hasattr(value, "tolist"):  # a numpy column: its values
        unit = "D" if str(value.dtype) == "datetime64[D]" else "us"
        value = value.astype(f"datetime64[{unit}]").tolist() if value.dtype.kind == "M" else value.tolist()
    if hasattr(value, "to_pylist") and hasattr(value, "schema"):  # an Arrow table: its rows
        value = value.to_pylist()
    if schema.get("bytes"):
        return [] if isinstance(value, bytes) else [f"{path}: {type(value).__name__} is not bytes"]
    if "class" in schema:
        name = schema["class"]
        return [] if type(value).__name__ == name else [f"{path}: {type(value).__name__} is not {name}"]
    schema = _resolve_ref(schema)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            tries = [conforms(s, value, path) for s in schema[key]]
            return [] if any(not t for t in tries) else min(tries, key=len)
    if "const" in schema:
        return [] if value == schema["const"] else [f"{path}: {value!r} is not {schema['const']!r}"]
    if "enum" in schema:
        return [] if value in schema["enum"] else [f"{path}: {value!r} not in {schema['enum']}"]
    types = schema.get("type")
    types = [types] if isinstance(types, str) else (types or [])
    if not types and not schema:
        return []
    if value is None:
        return [] if "null" in types or not types else [f"{path}: None where {types}"]
    fmt = schema.get("format")
    if fmt == "date":
        return [] if type(value) is dt.date else [f"{path}: {value!r} is not a date"]
    if fmt == "partial-date-time":
        return [] if isinstance(value, dt.datetime) else [f"{path}: {value!r} is not a datetime"]
    if isinstance(value, dict):
        if "object" not in types:
            return [f"{path}: an object where {types}"]
        props = schema.get("properties")
        out = []
        if props is not None:
            keys = set(value)
            extra = schema.get("additionalProperties")
            if not keys <= set(props) and not isinstance(extra, dict):
                out.append(f"{path}: keys {sorted(keys - set(props))} not in the type")
            missing = set(schema.get("required", [])) - keys
            if missing:
                out.append(f"{path}: missing {sorted(missing)}")
            for k, v in value.items():
                if k in props:
                    out += conforms(props[k], v, f"{path}.{k}")
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            for k, v in value.items():
                if props is None or k not in props:
                    out += conforms(extra, v, f"{path}[{k!r}]")
        return out
    if isinstance(value, (list, tuple)):
        if "array" not in types:
            return [f"{path}: a list where {types}"]
        if "prefixItems" in schema:
            items = schema["prefixItems"]
            if len(items) != len(value):
                return [f"{path}: {len(value)} items where {len(items)}"]
            return [p for i, (s, v) in enumerate(zip(items, value)) for p in conforms(s, v, f"{path}[{i}]")]
        items = schema.get("items")
        return [p for i, v in enumerate(value) for p in conforms(items, v, f"{path}[{i}]")] if items else []
    if isinstance(value, bool):
        ok = "boolean" in types
    elif isinstance(value, int):
        ok = "integer" in types or "number" in types
    elif isinstance(value, float):
        ok = "number" in types
    elif isinstance(value, str):
        ok = "string" in types
    else:
        ok = False
    return [] if ok else [f"{path}: {type(value).__name__} {value!r} where {types}"]
