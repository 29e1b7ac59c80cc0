"""Conversions the native module uses for JSON-shaped results (not part of the public API)."""

import datetime as dt
from typing import Any

_TIME_KEYS = {"at", "until_min", "until_max", "from", "to", "due", "submitted_at", "effective_from", "effective_to"}


def times(obj: Any) -> Any:
    """Turns ISO strings under time keys ("at", "until_min", ...) into datetime/date objects."""
    if isinstance(obj, list):
        return [times(x) for x in obj]
    if isinstance(obj, dict):
        out = {}
        for k, v in obj.items():
            if k in _TIME_KEYS and isinstance(v, str):
                v = dt.datetime.fromisoformat(v) if "T" in v else dt.date.fromisoformat(v)
            else:
                v = times(v)
            out[k] = v
        return out
    return obj
