"""Settings from the environment only.

Every variable is read through :func:`config`, which records its name, default and
meaning in ``REGISTRY``; ``docs/configuration.md`` lists them and a test keeps the two in step.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

_TRUE = {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help_text: str


REGISTRY: dict[str, Setting] = {}


def config(name: str, default: Any = None, *, help_text: str, cast: type | None = None) -> Any:
    REGISTRY[name] = Setting(name, default, help_text)
    raw = os.environ.get(name)
    if raw is None:
        return default
    kind = cast or (type(default) if default is not None else str)
    if kind is bool:
        return raw.strip().lower() in _TRUE
    if kind is list:
        return [item.strip() for item in raw.split(",") if item.strip()]
    return kind(raw)
