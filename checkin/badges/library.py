"""Where templates come from: the defaults shipped with the app and those stored in the event.

A template saved in the event (``templates`` table) overrides a shipped one
of the same name, so an organiser's changes travel with the event file to
every desk. Parsed templates are cached by their JSON text.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable

from checkin.badges.template import Template, TemplateError, loads
from checkin.common.resources_access import resource
from checkin.store import EventStore


def shipped_names() -> list[str]:
    folder = resource("templates")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json"))


def shipped_text(name: str) -> str | None:
    node = resource("templates", f"{name}.json")
    return node.read_text(encoding="utf-8") if node.is_file() else None


def stored_text(store: EventStore, name: str) -> str | None:
    rows = store.query("SELECT body FROM templates WHERE name = ?", (name,))
    return str(rows[0]["body"]) if rows else None


def template_names(store: EventStore | None = None) -> list[str]:
    names = set(shipped_names())
    if store is not None:
        names.update(str(r["name"]) for r in store.query("SELECT name FROM templates"))
    return sorted(names)


def extra_fields(store: EventStore) -> set[str]:
    """Extra columns of the participant list: usable as template fields."""
    rows = store.query("SELECT DISTINCT key FROM attendees, json_each(attendees.extra)")
    return {str(r["key"]) for r in rows}


@functools.lru_cache(maxsize=64)
def _parse(text: str, name: str, extra: frozenset[str]) -> Template:
    return loads(text, extra_fields=extra, name=name)


def template_text(name: str, store: EventStore | None = None) -> str:
    text = stored_text(store, name) if store is not None else None
    text = text if text is not None else shipped_text(name)
    if text is None:
        raise TemplateError(f"There is no badge template '{name}'. Choose one of: "
                            f"{', '.join(template_names(store))}.")
    return text


def load_template(name: str, store: EventStore | None = None,
                  extra: Iterable[str] | None = None) -> Template:
    """The named template, from the event if it has one, else the shipped default."""
    text = template_text(name, store)
    if extra is not None or store is None:
        return _parse(text, name, frozenset(extra or ()))
    try:
        return _parse(text, name, frozenset())
    except TemplateError:
        # perhaps it uses extra columns of the list: look them up only then (a full scan)
        return _parse(text, name, frozenset(extra_fields(store)))


def save_template(store: EventStore, name: str, text: str) -> Template:
    """Check a template and store it in the event (bad input leaves the event unchanged)."""
    if not name.strip() or len(name) > 80:
        raise TemplateError("A template needs a name of 1 to 80 characters.")
    template = loads(text, extra_fields=extra_fields(store), name=name)
    body = json.dumps(template.source, ensure_ascii=False, indent=2)
    with store.transaction() as db:
        db.execute("INSERT INTO templates(name, body) VALUES (?, ?) ON CONFLICT(name) "
                   "DO UPDATE SET body = excluded.body", (name, body))
    return template
