"""The import as a whole: look at a file, read and check it, then merge it in one transaction.

``preview`` is cheap (the first rows) and is what the wizard shows while
the user adjusts encoding, delimiter, header row and mapping; ``prepare``
reads every row and plans the merge without writing; ``commit`` writes the
plan all-or-nothing. The command line runs the same three steps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from pathlib import Path

from checkin.errors import ImportProblem
from checkin.importing.mapping import (
    KNOWN_HEADERS,
    all_targets,
    apply_overrides,
    check_mapping,
    detect_system,
    guess_mapping,
)
from checkin.importing.merge import (
    MergePlan,
    fresh_code_refs,
    fresh_ids,
    new_people,
    plan_merge,
)
from checkin.importing.names import split_name
from checkin.importing.readers import Layout, Repair, sniff_layout
from checkin.importing.records import Candidate, ColumnPlan
from checkin.importing.sniffing import (
    DELIMITER_NAMES,
    HEADER_SEARCH_ROWS,
    find_header_row,
    is_empty,
    normalise_header,
)
from checkin.importing.validation import Problem, Validator, row_text
from checkin.store.sqlite import EventStore

#: More new people than this (and than are already in the event) are bulk-loaded.
BULK_ROWS = 5000
#: Event setting holding the mapping last chosen for each set of columns.
MAPPINGS_SETTING = "import_mappings"
PREVIEW_ROWS = 20

#: ``progress(done, total, text)``; may raise to cancel.
ProgressFn = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ImportOptions:
    """The user's corrections of the guesses (``None``: guess)."""

    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    header_row: int | None = None  # 1-based row number in the file
    mapping: Mapping[str, str] = field(default_factory=dict)  # column -> target


@dataclass(frozen=True)
class Preview:
    """How the file will be read, with its first rows."""

    layout: Layout
    header_row: int  # 1-based
    headers: list[str]
    targets: list[str]
    rows: list[list[str]]
    system: str
    remembered: bool
    row_numbers: list[int] = field(default_factory=list)  # of ``rows``, in the file


@dataclass
class ImportPlan:
    """Everything ``commit`` needs, and the report the user decides on."""

    preview: Preview
    merge: MergePlan
    problems: list[Problem]
    rows_read: int

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def blocking(self) -> list[Problem]:
        """Errors the user must decide on; rows without a name are just left out."""
        return [p for p in self.problems if p.blocks]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def report_lines(self, *, limit: int | None = 50) -> list[str]:
        """The report; ``limit`` problems at most (None: all of them)."""
        p = self.preview
        layout = p.layout
        how = (f"sheet '{layout.sheet}'" if layout.kind != "text" else
               f"encoding {layout.encoding}, delimiter {_delimiter_name(layout.delimiter)}")
        if layout.bad_bytes:
            how += (f" ({layout.bad_bytes} byte(s) are not UTF-8 and were read as "
                    "Windows-1252; the rows are listed below)")
        lines = [f"{layout.path.name}: {how}, header in row {p.header_row}"
                 + (f", {p.system} export" if p.system else "")]
        lines.append("columns: " + ", ".join(
            f"{h} -> {t}" for h, t in zip(p.headers, p.targets, strict=True) if h))
        counts = self.merge.counts()
        lines.append(f"rows read: {self.rows_read}; added {counts['added']}, updated "
                     f"{counts['updated']}, unchanged {counts['unchanged']}, cancelled "
                     f"{counts['cancelled']}; {len(self.errors)} row(s) left out, "
                     f"{len(self.warnings)} warning(s)")
        lines.extend(problem.as_line() for problem in self.problems[:limit])
        if limit is not None and len(self.problems) > limit:
            lines.append(f"… and {len(self.problems) - limit} more problem(s); "
                         "--dry-run lists them all")
        return lines


def _delimiter_name(delimiter: str) -> str:
    return DELIMITER_NAMES.get(delimiter, repr(delimiter))


def columns_signature(headers: Sequence[str]) -> str:
    return "|".join(normalise_header(h) for h in headers)


def remembered_mappings(store: EventStore) -> dict[str, list[str]]:
    value = store.setting(MAPPINGS_SETTING, {})
    return {str(k): [str(t) for t in v] for k, v in value.items()} if isinstance(
        value, dict) else {}


def remember_mapping(store: EventStore, preview: Preview, targets: Sequence[str]) -> None:
    """Keep the chosen mapping for the next file with the same columns."""
    saved = remembered_mappings(store)
    saved[columns_signature(preview.headers)] = list(targets)
    store.set_setting(MAPPINGS_SETTING, saved)


def _header_and_body(rows: Iterator[list[str]], header_row: int | None
                     ) -> tuple[int, list[str], list[tuple[int, list[str]]]]:
    """The header row (1-based), its cells, and the rows read so far after it."""
    head = list(islice(rows, HEADER_SEARCH_ROWS if header_row is None
                       else max(header_row, 1) + PREVIEW_ROWS))
    if header_row is None:
        index = find_header_row(head, KNOWN_HEADERS)
    else:
        if not 1 <= header_row <= len(head):
            raise ImportProblem(f"There is no row {header_row} in the file; it has "
                                f"{len(head)} row(s). Choose another header row.")
        index = header_row - 1
    headers = _tidy_headers(head[index])
    body = [(i + 1, r) for i, r in enumerate(head[index + 1:], start=index + 1)]
    return index + 1, headers, body


def _tidy_headers(cells: Sequence[str]) -> list[str]:
    """Header cells cleaned, trailing empty columns dropped, duplicates numbered."""
    headers = [" ".join(c.split()) for c in cells]
    while headers and not headers[-1]:
        headers.pop()
    seen: dict[str, int] = {}
    for i, h in enumerate(headers):
        if not h:
            continue
        seen[h] = seen.get(h, 0) + 1
        if seen[h] > 1:
            headers[i] = f"{h} ({seen[h]})"
    return headers


def preview(path: str | Path, event_days: Sequence[date], options: ImportOptions | None = None,
            remembered: Mapping[str, Sequence[str]] | None = None) -> Preview:
    """Guess how to read ``path`` and show its first rows (nothing else is read)."""
    options = options or ImportOptions()
    layout = sniff_layout(Path(path), encoding=options.encoding, delimiter=options.delimiter,
                          sheet=options.sheet)
    rows = layout.rows()
    try:
        header_row, headers, body = _header_and_body(rows, options.header_row)
        start = header_row + len(body) + 1
        body.extend(enumerate(islice(rows, PREVIEW_ROWS), start))
    finally:
        rows.close()
    shown = [(n, r) for n, r in body if not is_empty(r)][:PREVIEW_ROWS]
    data = [r for _, r in shown]
    if not headers:
        raise ImportProblem(f"{Path(path).name} has no header row with column names. Add "
                            "one, or choose the header row.")
    if not data:
        raise ImportProblem(f"{Path(path).name} has column names but no participants below "
                            f"them (header in row {header_row}). Export the list again with "
                            "its rows, or choose another header row.")
    targets = guess_mapping(headers, event_days)
    saved = (remembered or {}).get(columns_signature(headers))
    valid = set(all_targets(event_days))
    is_remembered = bool(saved) and len(saved or ()) == len(headers) and set(saved or ()) <= valid
    if saved and is_remembered:
        targets = list(saved)
    targets = apply_overrides(headers, targets, options.mapping, event_days)
    return Preview(layout, header_row, headers, targets, data, detect_system(headers),
                   is_remembered, [n for n, _ in shown])


def prepare(preview_: Preview, store: EventStore, *, cancel_missing: bool = True,
            progress: ProgressFn | None = None,
            names: Mapping[int, str] | None = None) -> ImportPlan:
    """Read every row, check it and plan the merge; nothing is written.

    ``names`` are names staff typed for rows of the file that have none
    (row number -> "First Last"), so such a row need not be left out.
    """
    headers, targets = preview_.headers, preview_.targets
    check_mapping(headers, targets)
    event_days = store.event().day_strings
    plan = ColumnPlan(headers, targets, event_days)
    validator = Validator(len(headers),
                          short_rows_suspicious=preview_.layout.kind == "text")
    candidates: list[Candidate] = []
    rows_read = 0
    size = max(preview_.layout.path.stat().st_size, 1)
    repairs: list[Repair] = []
    rows = preview_.layout.rows(repairs)
    header_row, to_candidate, check = preview_.header_row, plan.candidate, validator.check
    try:
        for number, cells in enumerate(rows, 1):
            if number <= header_row or is_empty(cells):
                continue
            rows_read += 1
            person = to_candidate(number, cells)
            if names and not person.has_name and names.get(number, "").strip():
                title, person.first_name, person.last_name = split_name(
                    plan.clean(names[number]))
                person.title = person.title or title
            if check(person, cells):
                candidates.append(person)
            if progress is not None and rows_read % 2000 == 0:
                progress(rows_read, 0, f"read {rows_read} rows of {size // 1000} kB")
    finally:
        rows.close()
    if not rows_read:
        raise ImportProblem(f"{preview_.layout.path.name} has no participants below the "
                            f"header (row {preview_.header_row}). Export the list again.")
    merge = plan_merge(candidates, store.attendees(), validator, plan.present,
                       cancel_missing=cancel_missing)
    problems = sorted(validator.problems + [_repair_problem(r, header_row) for r in repairs],
                      key=lambda p: (p.row, p.severity))
    if not merge.added and not merge.updated and not merge.unchanged:
        raise ImportProblem(f"No row of {preview_.layout.path.name} could be imported "
                            f"({len(problems)} problem(s), e.g. {problems[0].message}). "
                            "Check the column mapping." if problems else
                            "Nothing to import.")
    return ImportPlan(preview_, merge, problems, rows_read)


def _repair_problem(repair: Repair, header_row: int) -> Problem:
    """A row whose bytes were not all UTF-8: imported as read, and shown so it is checked."""
    where = ("in the column names" if repair.row == header_row else
             "above the column names" if repair.row < header_row else "in this row")
    found = ", ".join(repair.found[:5]) + (" …" if len(repair.found) > 5 else "")
    return Problem(repair.row, "warning",
                   f"byte(s) {found} {where} are not UTF-8 and were read as Windows-1252; "
                   "check the spelling, and if it is wrong, correct it in the file (saved as "
                   "UTF-8) and import again", row_text(repair.cells))


def commit(store: EventStore, plan: ImportPlan, *, desk: str = "import",
           progress: ProgressFn | None = None) -> dict[str, int]:
    """Write the plan in one transaction and log it; returns the counts."""
    total = len(plan.merge.added)

    def on_row(n: int) -> None:
        if progress is not None:
            progress(n, total, f"writing {n} of {total} people")

    counts = plan.merge.counts()
    added = plan.merge.added
    with store.transaction():
        taken = (r["code_ref"] for r in store.query("SELECT code_ref FROM attendees"))
        people = new_people(added, fresh_ids(len(added)), fresh_code_refs(len(added), taken))
        store.import_people(people, plan.merge.updated,
                            [p.id for p in plan.merge.cancelled], on_row=on_row,
                            bulk=len(added) > max(BULK_ROWS, store.attendee_count()))
        store.log("import", desk=desk, detail={
            "file": plan.preview.layout.path.name, **counts,
            "left_out": len(plan.errors), "columns": dict(zip(
                plan.preview.headers, plan.preview.targets, strict=True))})
    return counts


