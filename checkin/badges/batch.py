"""Badges for many people (a batch the night before) or one (at the desk).

A batch selects people (all, not yet printed, one project, one role), sorts
them the way the boxes at the door are sorted (last name as in a phone book,
or organisation), renders them into one PDF with progress reports, and can
record each person's place ("Box M–O, No. 123") so the door can find a
pre-printed badge.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from checkin.badges import fields as F
from checkin.badges import records
from checkin.badges.layouts import Layout, get_layout
from checkin.badges.library import load_template
from checkin.badges.render import BadgeRenderer
from checkin.badges.sheet import BadgeSheet
from checkin.badges.template import Template, TemplateError
from checkin.common.text import sort_fold, surname_core
from checkin.errors import UserError
from checkin.model import Attendee
from checkin.store import EventStore

ProgressFn = Callable[[int, int, str], None]
SORTS = ("last_name", "organization", "first_name")
BOX_SIZE = 50


@dataclass(frozen=True, slots=True)
class Selection:
    """Who gets a badge; empty means everyone active."""

    not_printed: bool = False
    project: str = ""
    role: str = ""
    ids: tuple[str, ...] = ()

    def describe(self) -> dict[str, object]:
        return {k: v for k, v in asdict(self).items() if v}

    @classmethod
    def parse(cls, filters: Sequence[str]) -> Selection:
        """From the command line: ``not-printed``, ``project=NAME``, ``role=NAME``."""
        values: dict[str, object] = {}
        for item in filters:
            key, _, value = item.partition("=")
            key = key.strip().replace("-", "_")
            if key == "not_printed" and not value:
                values["not_printed"] = True
            elif key in ("project", "role") and value.strip():
                values[key] = value.strip()
            else:
                raise UserError(f"Unknown filter '{item}'. Use not-printed, project=NAME or "
                                "role=NAME (e.g. role=speaker or role=Presse).")
        return cls(**values)  # type: ignore[arg-type]


def last_name_key(person: Attendee) -> str:
    """The letters a box label shows: the surname without particles, DIN 5007-1 folded."""
    return sort_fold(surname_core(person.last_name))


#: Every name order is the one phone-book key (``checkin.common.text.name_sort_key``).
SORT_KEYS: dict[str, Callable[[Attendee], tuple[str, ...]]] = {
    "last_name": lambda a: (*a.sort_key, a.id),
    "organization": lambda a: (sort_fold(a.organization), *a.sort_key, a.id),
    "first_name": lambda a: (sort_fold(a.first_name), *a.sort_key, a.id),
}


def select(store: EventStore, selection: Selection, sort: str = "last_name") -> list[Attendee]:
    if sort not in SORT_KEYS:
        raise UserError(f"Cannot sort by '{sort}'. Use one of: {', '.join(SORTS)}.")
    people = store.attendees(include_cancelled=False)
    if selection.ids:
        wanted = set(selection.ids)
        people = [p for p in people if p.id in wanted]
    if selection.not_printed:
        done = records.printed_ids(store)
        people = [p for p in people if p.id not in done]
    if selection.project:
        key = selection.project.casefold()
        people = [p for p in people if p.project.casefold() == key]
    if selection.role:
        key = selection.role.casefold()
        people = [p for p in people
                  if p.role.casefold() == key or F.role_kind(p.role) == key]
    return sorted(people, key=SORT_KEYS[sort])


def box_labels(people: Sequence[Attendee], sort: str, box_size: int = BOX_SIZE) -> list[str]:
    """One label per box of ``box_size`` badges: the letters it spans ("Box M–O")."""
    key = SORT_KEYS[sort]
    labels: list[str] = []
    for start in range(0, len(people), box_size):
        chunk = people[start:start + box_size]
        first = (key(chunk[0])[0][:1] or "#").upper()
        last = (key(chunk[-1])[0][:1] or "#").upper()
        label = f"Box {first}" if first == last else f"Box {first}–{last}"
        labels.append(label)
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if labels.count(label) == 1 else f"{label} ({seen[label]})")
    return out


@dataclass
class BatchResult:
    pdf: bytes
    count: int
    pages: int
    positions: list[records.Position] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    batch_id: str | None = None
    #: characters no font has, left out of the badge (``render_one``: the desk shows them)
    left_out: list[str] = field(default_factory=list)


def check_fits(template: Template, layout: Layout) -> None:
    """Refuse a template that the layout would shrink below a scannable QR code."""
    scale = min(layout.cell_w / template.width_mm, layout.cell_h / template.height_mm)
    if scale >= 1:
        return
    from checkin.badges import qr
    from checkin.badges.template import MIN_MODULE_MM

    for e in template.elements:
        if e.kind == "qr":
            modules = qr.encode("CK1" + "0" * 19).modules_with_quiet_zone
            if e.w * scale / modules < MIN_MODULE_MM:
                raise TemplateError(
                    f"Template '{template.name}' ({template.width_mm:g} × "
                    f"{template.height_mm:g} mm) is too big for the layout '{layout.name}' "
                    f"({layout.cell_w:g} × {layout.cell_h:g} mm): its QR code would shrink "
                    "below 0.5 mm per module. Use the layout's own template "
                    f"'{layout.template}' or a larger layout.")


def renderer_for(store: EventStore, template: Template,
                 base_dir: Path | None = None) -> BadgeRenderer:
    event = store.event()
    return BadgeRenderer(template, secret=store.code_secret(), event_name=event.name,
                         base_dir=base_dir or store.path.parent, language=event.language)


def render_batch(store: EventStore, *, layout: Layout | str = "a6", template: str | None = None,
                 selection: Selection | None = None, sort: str = "last_name", start: int = 1,
                 desk: str = "Desk 1", record: bool = False,
                 progress: ProgressFn | None = None, box_size: int = BOX_SIZE) -> BatchResult:
    """Render the selected people into one PDF; ``record`` stores their positions."""
    lay = get_layout(layout) if isinstance(layout, str) else layout
    tpl_name = template or lay.template
    tpl = load_template(tpl_name, store)
    check_fits(tpl, lay)
    selection = selection or Selection()
    people = select(store, selection, sort)
    if not people:
        raise UserError("No one matches this selection, so there are no badges to print. "
                        "Check the filter (e.g. everyone already has a printed badge).")
    renderer = renderer_for(store, tpl)
    sheet = BadgeSheet(renderer, lay, start=start, title=f"Badges — {store.event().name}")
    boxes = box_labels(people, sort, box_size)
    positions = []
    total = len(people)
    for i, person in enumerate(people):
        page, slot = sheet.add(person)
        positions.append(records.Position(person.id, i + 1, boxes[i // box_size], page, slot))
        if progress is not None and (i % 10 == 0 or i + 1 == total):
            progress(i + 1, total, person.full_name)
    pdf = sheet.finish()
    result = BatchResult(pdf, total, sheet.pages, positions, list(renderer.warnings))
    if record:
        result.batch_id = records.record_batch(
            store, positions, desk=desk, layout=lay.name, template=tpl_name, sort=sort,
            selection=selection.describe())
    return result


def render_one(store: EventStore, person: Attendee, *, layout: Layout | str = "a6",
               template: str | Template | None = None) -> BatchResult:
    """One person's badge as PDF bytes (print on check-in, reprint, the editor's preview)."""
    lay = get_layout(layout) if isinstance(layout, str) else layout
    if isinstance(template, Template):
        tpl = template
    else:
        tpl = load_template(template or lay.template, store)
    check_fits(tpl, lay)
    renderer = renderer_for(store, tpl)
    sheet = BadgeSheet(renderer, lay, title=person.full_name or "Badge", compress=False)
    page, slot = sheet.add(person)
    return BatchResult(sheet.finish(), 1, 1, [records.Position(person.id, 1, "", page, slot)],
                       list(renderer.warnings), left_out=list(renderer.left_out.get(person.id, ())))
