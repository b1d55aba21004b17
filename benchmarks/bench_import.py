"""Importing 100,000 participants from a 12 MB CSV against the bare minimum.

The bare minimum is Python's csv module reading the file into a list of rows
plus one sqlite3 ``executemany`` into a table with the attendees' columns,
with the event file's pragmas (WAL, synchronous=FULL). It holds all rows
before writing, as any importer that validates before writing must; a
streaming variant (rows straight from the reader into ``executemany``) is
shown as well for the time. Time and peak memory (tracemalloc) are measured
in separate runs so that tracing does not distort the timing.
"""

from __future__ import annotations

import csv
import gc
import random
import sqlite3
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from pathlib import Path

from benchmarks.run import Figure
from checkin.importing import commit, prepare, preview
from checkin.store import create_event

HEADER = ["Titel", "Vorname", "Nachname", "Institution", "Verbundvorhaben", "Rolle", "E-Mail",
          "Ticket", "Teilnahme 19.09.", "Teilnahme 20.09.", "Arbeitsgruppe"]
FIRST = ["Anna", "Jürgen", "Hélène", "Björn", "Zoë", "Ayşe", "Mehmet", "Ulla", "Sören", "Kai"]
LAST = ["Müller", "Åström", "von der Heyde", "Schäfer", "Öztürk", "Weiß", "Groß", "Lange"]
ORGS = ["Technische Universität Dortmund", "Landkreis Görlitz", "Stadt Mühlhausen/Thüringen",
        "ILS – Institut für Landes- und Stadtentwicklungsforschung", "Bauhaus-Universität"]


def make_list(path: Path, n: int) -> None:
    rnd = random.Random(7)
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, delimiter=";")
        out.writerow(HEADER)
        for i in range(n):
            first, last = rnd.choice(FIRST), rnd.choice(LAST)
            out.writerow([rnd.choice(["", "", "Dr.", "Prof."]), first, last, rnd.choice(ORGS),
                          f"Projekt {i % 30:02d}", "Teilnehmer/in",
                          f"{first}.{last}.{i}@example.org".replace(" ", "").lower(),
                          f"T{i:07d}", "x", rnd.choice(["x", ""]),
                          f"AG {i % 5 + 1}"])


def bare_minimum(csv_path: Path, db_path: Path, *, stream: bool = False) -> None:
    db = sqlite3.connect(db_path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute(f"CREATE TABLE people ({', '.join(f'c{i} TEXT' for i in range(len(HEADER)))})")
    marks = ", ".join("?" * len(HEADER))
    with csv_path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter=";")
        next(reader)
        rows = reader if stream else list(reader)
        db.execute("BEGIN")
        db.executemany(f"INSERT INTO people VALUES ({marks})", rows)
        db.execute("COMMIT")
    db.close()


def schema_minimum(csv_path: Path, db_path: Path) -> None:
    """The bare minimum into the event file's own tables (ids, badge refs, days, indexes)."""
    from checkin.door.codes import new_code_refs
    from checkin.importing.merge import fresh_ids

    store = create_event(db_path, name="Bench", days=[date(2017, 9, 19), date(2017, 9, 20)])
    try:
        with csv_path.open(encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh, delimiter=";")
            next(reader)
            rows = list(reader)
        ids, refs = fresh_ids(len(rows)), new_code_refs(len(rows))
        with store.transaction() as db:
            db.executemany(
                "INSERT INTO attendees(id, title, first_name, last_name, organization, "
                "project, role, email, ticket_code, code_ref, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 't', 't')",
                ((i, *r[:8], ref) for i, r, ref in zip(ids, rows, refs, strict=True)))
            db.executemany("INSERT INTO attendee_days(attendee_id, day) VALUES (?, ?)",
                           ((i, d) for i in ids for d in ("2017-09-19", "2017-09-20")))
    finally:
        store.close()


def full_import(csv_path: Path, db_path: Path) -> None:
    store = create_event(db_path, name="Bench", days=[date(2017, 9, 19), date(2017, 9, 20)])
    try:
        shown = preview(csv_path, store.event().days)
        commit(store, prepare(shown, store))
        assert store.attendee_count() > 0
    finally:
        store.close()


def _timed(fn: Callable[[Path], None], folder: Path, tag: str, repeats: int) -> float:
    best = float("inf")
    for r in range(repeats):
        db = folder / f"{tag}-{r}.db"
        gc.collect()
        start = time.perf_counter()
        fn(db)
        best = min(best, time.perf_counter() - start)
    return best


def _peak(fn: Callable[[Path], None], folder: Path, tag: str) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        fn(folder / f"{tag}-mem.db")
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def run(quick: bool) -> list[Figure]:
    n = 10_000 if quick else 100_000
    repeats = 1 if quick else 3
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "list.csv"
        make_list(source, n)
        size = source.stat().st_size / 1e6

        def base(db: Path) -> None:
            bare_minimum(source, db)

        def stream(db: Path) -> None:
            bare_minimum(source, db, stream=True)

        def ours(db: Path) -> None:
            full_import(source, db)

        t_base = _timed(base, folder, "base", repeats)
        t_stream = _timed(stream, folder, "stream", repeats)
        def schema(db: Path) -> None:
            schema_minimum(source, db)

        t_ours = _timed(ours, folder, "ours", repeats)
        t_schema = _timed(schema, folder, "schema", repeats)
        m_base = _peak(base, folder, "base")
        m_ours = _peak(ours, folder, "ours")
    label = f"{n:,} rows, {size:.1f} MB CSV"
    return [
        Figure(f"import, time ({label})", t_ours, "s", t_base,
               "≤ 3x csv list + executemany"),
        Figure(f"import, peak memory ({label})", m_ours, "MB", m_base,
               "≤ 2x csv list + executemany"),
        Figure(f"import, time vs streaming csv ({label})", t_ours, "s", t_stream,
               "informative"),
        Figure(f"bare minimum into the event schema ({label})", t_schema, "s", t_base,
               "informative: the schema's own cost"),
    ]
