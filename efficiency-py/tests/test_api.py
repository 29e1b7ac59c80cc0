"""tests/api/manifest.json in Python: every operation it names exists here under its Python name,
and nothing public exists here that the manifest does not list (the same check runs in Rust and
JS, so an operation cannot exist in one language and not another)."""

import inspect
import json
import pathlib

import efficiency as ef

MANIFEST = json.loads((pathlib.Path(__file__).parents[2] / "tests/api/manifest.json").read_text())


def public_names():
    names = set()
    for n in ef.__all__:
        o = getattr(ef, n)
        names.add(n)
        if inspect.isclass(o) and not issubclass(o, BaseException) and o.__module__ == "efficiency":
            for m in vars(o):
                if not m.startswith("_") or m in ("__len__", "__getitem__", "__str__"):
                    names.add(f"{n}.{m}")
    return names


def test_every_manifest_operation_exists_in_python():
    missing = []
    for op in MANIFEST["operations"]:
        obj = ef
        for part in op["python"].split("."):
            if not hasattr(obj, part):
                missing.append(f"{op['id']}: {op['python']}")
                break
            obj = getattr(obj, part)
    assert not missing


def test_nothing_public_is_missing_from_the_manifest():
    listed = {op["python"] for op in MANIFEST["operations"]} | set(MANIFEST["python_only"])
    assert sorted(public_names() - listed) == []
    assert all(MANIFEST["python_only"].values()), "each Python-only name says why"


def _signature(op):
    """The Python form of an operation's arguments, as the manifest writes it; None for a
    constant or a property."""
    obj = ef
    for part in op["python"].split("."):
        obj = getattr(obj, part)
    if isinstance(obj, (str, list, dict, property)) or type(obj).__name__ == "getset_descriptor":
        return None
    parts, star = [], False
    for p in inspect.signature(obj).parameters.values():
        if p.name in ("self", "cls"):
            continue
        if p.kind == p.KEYWORD_ONLY and not star:
            parts.append("*")
            star = True
        parts.append(p.name if p.default is inspect.Parameter.empty else f"{p.name}={p.default!r}")
    return ", ".join(parts)


def test_argument_forms_are_the_python_signatures():
    wrong = [
        f"{op['id']}: manifest {op.get('args')!r}, Python {_signature(op)!r}"
        for op in MANIFEST["operations"]
        if op.get("args") != _signature(op)
    ]
    assert wrong == []


def _camel(name):
    head, *rest = name.split("_")
    return head + "".join(w[:1].upper() + w[1:] for w in rest)


def _form_problem(op):
    """Why the JS parameters do not follow the rule from the Python ones, or None."""
    params = [p for p in op["args"].split(", ") if p and p != "*"]
    params = [p for p in params if p.split("=")[0] not in MANIFEST["python_only_args"]]
    required = [_camel(p) for p in params if "=" not in p]
    optional = [_camel(p.split("=")[0]) for p in params if "=" in p]
    js = [p for p in op["js_args"].split(", ") if p]
    if js[: len(required)] != required:
        return f"JS {js} does not start with the required {required}"
    rest = js[len(required) :]
    if rest in ([], ["options?"]) or rest == [f"{p}?" for p in optional]:
        return None if rest or not optional or rest == ["options?"] else f"optional {optional} missing in JS"
    return f"JS takes {rest} after the required ones, Python {optional}"


def test_argument_forms_agree_across_languages():
    problems = []
    for op in MANIFEST["operations"]:
        if op.get("args") is None or op.get("js_args") is None:
            continue
        problem = _form_problem(op)
        if problem and not op.get("forms_differ"):
            problems.append(f"{op['id']}: {problem}")
        if not problem and op.get("forms_differ"):
            problems.append(f"{op['id']}: forms_differ says why of a difference that is not there")
    assert problems == []
    # The rule can fail: a JS signature that reorders or drops a parameter is caught.
    assert _form_problem({"args": "organisation, faults, *, period", "js_args": "organisation, period, faults"})
    assert _form_problem({"args": "year, lang=None", "js_args": "year"})
