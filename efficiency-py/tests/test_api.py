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
