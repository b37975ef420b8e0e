"""Plugin settings: one dict per plugin (PLACES, SEARCH, TIMELINE, ...) merged over the
plugin's constant DEFAULTS, every key checked the same way.

A value is checked against the type of its default:
  - bool: True or False;
  - int: a positive integer (0 or more when the default is 0); float: a positive number;
  - str: a non-empty string, and when the default is a template (`places/{slug}/`) the value
    must use the same `{placeholders}`;
  - list, dict: a list (or tuple), a dict.
An unknown key or a bad value is reported as a warning naming the key, the value and what is
used instead (CI builds with --fatal warnings, so it stops there); the default is kept.
"""
from __future__ import annotations

import logging
import string

logger = logging.getLogger(__name__)


def plugin_options(settings, key: str, defaults: dict, plugin: str) -> dict:
    """settings[key] merged over `defaults`; `plugin` starts every message."""
    merged = dict(defaults)
    given = settings.get(key) or {}
    if not isinstance(given, dict):
        logger.warning("%s: %s = %r is not a dict; using the defaults", plugin, key, given)
        return merged
    for name, value in given.items():
        if name not in defaults:
            logger.warning("%s: unknown setting %s[%r] ignored", plugin, key, name)
            continue
        problem = _problem(defaults[name], value)
        if problem:
            logger.warning("%s: %s[%r] = %r %s; using %r", plugin, key, name, value, problem,
                           defaults[name])
        else:
            merged[name] = value
    return merged


def _problem(default, value) -> str | None:
    if isinstance(default, bool):
        return None if isinstance(value, bool) else "is not True or False"
    if isinstance(default, int):
        # A default of 0 means "as many as there are" (cores): 0 is then a value too.
        least = 0 if default == 0 else 1
        ok = isinstance(value, int) and not isinstance(value, bool) and value >= least
        return None if ok else ("is not a positive integer" if least else
                                "is not an integer of 0 or more")
    if isinstance(default, float):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0
        return None if ok else "is not a positive number"
    if isinstance(default, str):
        if not isinstance(value, str) or not value:
            return "is not a non-empty string"
        wanted = placeholders(default)
        if placeholders(value) != wanted:
            return f"must use exactly the placeholders {', '.join(sorted(wanted))}" if wanted \
                else "may not use {placeholders}"
        return None
    if isinstance(default, (list, tuple)):
        return None if isinstance(value, (list, tuple)) else "is not a list"
    if isinstance(default, dict):
        return None if isinstance(value, dict) else "is not a dict"
    return None


def placeholders(template: str) -> set[str]:
    """`{slug}` names of a format string (an unparsable one has none it can fill)."""
    try:
        return {"{%s}" % name for _, name, _, _ in string.Formatter().parse(template) if name}
    except ValueError:
        return {"{?}"}


def require_plugins(settings, plugin: str, *needed: str) -> None:
    """Stop a build whose PLUGINS lack what `plugin` reads (a missing plugin would otherwise
    surface as an obscure error, or as silently empty values)."""
    listed = {getattr(p, "__name__", p) for p in settings.get("PLUGINS") or []}
    missing = [name for name in needed if name not in listed]
    if missing:
        raise RuntimeError(f"{plugin}: needs {', '.join(missing)} in PLUGINS (pelicanconf.py): "
                           "it reads the archive records that plugin makes")
