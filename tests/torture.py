"""The torture test: many processes on one event file, SIGKILLed at random.

Why: the README promises that nothing a desk acknowledged is ever lost and
nobody is admitted twice. Single-process tests cannot see the failures that
only appear when processes meet on one file (a lost POSIX lock that lets
another process delete the write-ahead log; two processes that both decide
"not checked in yet"). This runs real processes the way a venue does and
checks the file afterwards.

Each round, on a fresh demo event (``checkin.event.demo.create_demo``):

* a long-lived **desk** process (``python -m tests.torture desk-process``)
  keeps its EventStore open, opens the event a second time in-process as the
  live board does (``open_event`` again, kept open, polled through
  ``PRAGMA data_version`` and ``checkin.attendance.stats.day_stats``, plus the board's
  open-compute-close breakdown job), and checks people in, undoes now and then
  and adds walk-ins through ``checkin.door.door.Door``; every acknowledged result
  is appended to a side file with fsync *after* the call returned;
* two or three **scanner** threads, each running ``checkin scan EVENT CODE
  --json --desk "Scanner N" --day DAY`` one after the other, started together
  on the same person (or on different people) so that they race; a result
  counts as acknowledged when its complete JSON says ``checked_in``, even if
  the process was killed right after printing it (a person saw "Welcome");
* a **reader** thread running ``checkin stats --json`` and
  ``checkin export --day DAY --out FILE.csv``;
* an **office** thread importing late registrations (``checkin import EVENT
  late.csv --keep-missing``, up to 2,000 new people): a long write transaction
  that racing scans queue behind, as at a venue where the list is updated
  while the doors are open;
* a **killer** thread that SIGKILLs a random live process (desk, scan, stats,
  export or import) at random moments; a killed desk is restarted at once. A
  round ends after its share of the kills, once the scanners have made a few
  steps (at most ``ROUND_CAP_S`` seconds), with a SIGKILL of everything left.

After the round every process is SIGKILLed and the file is checked with all
processes dead: ``PRAGMA integrity_check`` is ok; every acknowledged check-in
(and undo) is in the file exactly once; nobody has two valid check-ins for
one day and session; the counts of ``checkin.attendance.stats`` equal a recount from the
raw ``checkins`` table; an import is all there if it said so, else all or
nothing; and no process failed with anything but a clear
``error:`` (exit 2) or the kill.

Run it::

    python -m tests.torture --seed 7 --rounds 10 --kills 60      # the CI size
    python -m tests.torture --soak                               # 30 min, 1,000 people
    python -m tests.torture --soak --minutes 120 --seed 12345    # longer

It prints its seed first; the same ``--seed`` (and ``--rounds``/``--kills``)
replays the same choices (whom to scan, whom to kill, how long to wait; the
operating system's timing still varies). The last line holds the figures;
``--json-out FILE`` writes them as JSON. Exit status 0 means no violation, 1
means at least one (each is printed), 2 a usage error.

``--soak`` runs rounds until ``--minutes`` (default 30) have passed, with
1,000 people and three scanners, and reports after each round.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DAYS = ("2017-09-19", "2017-09-20")  # the demo event's days
DESK = "Desk 1"
#: no single process may run longer than this (a hang is a violation, not a wait)
PROCESS_DEADLINE_S = 90.0
#: the random moments between two kills (seconds)
KILL_GAP = (0.3, 2.7)
#: which kind of process the killer prefers (the desk is what loses data)
#: a round goes on after its kills until the scanners have done this many steps
MIN_STEPS = 6
#: ... but not longer than this (a machine too loaded for that gets fewer steps)
ROUND_CAP_S = 25.0
KILL_WEIGHTS = {"desk": 4, "scan": 4, "stats": 1, "export": 1, "import": 1}
#: the largest import of late registrations
IMPORT_ROWS = 2000
#: random kills per round of a soak run
SOAK_KILLS = 10
#: violations printed at the end (a broken build would print hundreds)
SHOWN_VIOLATIONS = 25


# -- the desk process -----------------------------------------------------------------


def _append(fd: int, record: dict[str, Any]) -> None:
    """One line, one write(), then fsync: the record is on disk before we go on."""
    os.write(fd, (json.dumps(record) + "\n").encode())
    os.fsync(fd)


def desk_process(event: Path, side: Path, seed: int) -> None:
    """Behave like the desk window with the live board open; never returns.

    Only results returned by ``Door`` are written to ``side``, so a line there
    is something staff saw on screen.
    """
    from checkin.attendance.stats import breakdown, day_stats
    from checkin.door import codes
    from checkin.door.door import Door, Status
    from checkin.errors import UserError
    from checkin.store import open_event

    rng = random.Random(seed)
    store = open_event(event)  # the desk window's connection, open all along
    door = Door(store, DESK)
    board = open_event(event)  # the live board: a second open in the same process
    secret = store.code_secret()
    people = store.attendees()
    pairs = [(p, d) for p in people for d in p.days]
    # the desk's own queue: people with even ticket numbers (the scanners race on the
    # odd ones, which the desk only meets now and then, so races are not pre-empted)
    queue = [(p, d) for p, d in pairs if _race_pool(p.ticket_code) is False]
    rng.shuffle(queue)
    fd = os.open(side, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    version, step = -1, 0
    while True:
        step += 1
        try:
            choice = rng.random()
            if choice < 0.04:
                result = door.undo_last()
                if result.status == Status.UNDONE and result.record is not None:
                    _append(fd, {"kind": "undo", "uuid": result.record.uuid,
                                 "undoes": result.record.undoes,
                                 "attendee_id": result.record.attendee_id,
                                 "day": result.record.day})
            else:
                if choice < 0.06:
                    day = rng.choice(DAYS)
                    result = door.add_walk_in({"first_name": f"Walk{step}",
                                               "last_name": f"In{seed % 1000}"}, day=day)
                else:
                    person, day = queue[step % len(queue)] if rng.random() < 0.85 \
                        else rng.choice(pairs)
                    how = rng.random()
                    if how < 0.4:
                        result = door.check_in(person.id, day=day)
                    elif how < 0.7:
                        result = door.scan(codes.badge_code(secret, person.code_ref), day=day)
                    else:
                        result = door.scan(person.ticket_code, day=day)
                if (result.status == Status.CHECKED_IN and not result.repeat
                        and result.record is not None):
                    _append(fd, {"kind": "in", "uuid": result.record.uuid,
                                 "attendee_id": result.record.attendee_id,
                                 "day": result.record.day})
            # the live board's poll: refresh when anyone committed
            now_version = int(board.query("PRAGMA data_version")[0][0])
            if now_version != version:
                version = now_version
                day_stats(board, rng.choice(DAYS), breakdowns=False)
            if step % 25 == 0:  # the board's breakdown job: its own open and close
                with open_event(event) as job:
                    breakdown(job, rng.choice(DAYS), "organization")
        except UserError as exc:  # shown to staff; nothing acknowledged
            print(f"refused: {exc}", file=sys.stderr, flush=True)
        # a person steps up to the desk (pacing, not waiting for a condition)
        time.sleep(rng.uniform(0.005, 0.05))


def _race_pool(ticket_code: str) -> bool:
    """The scanners race on demo people with odd ticket numbers (FK17-00001…)."""
    return ticket_code[-1:].isdigit() and int(ticket_code[-1]) % 2 == 1


# -- the orchestrator -----------------------------------------------------------------


@dataclass
class Figures:
    """What a run did and found; printed and written by ``--json-out``."""

    seed: int = 0
    rounds: int = 0
    kills: int = 0
    kills_by_role: dict[str, int] = field(default_factory=dict)
    end_kills: int = 0
    acknowledged: int = 0
    acknowledged_undos: int = 0
    found: int = 0
    lost: int = 0
    doubled: int = 0
    scans: int = 0
    #: scanner steps where all scanners scanned the same person at once
    races: int = 0
    #: check-ins acknowledged by `checkin scan` processes (part of ``acknowledged``)
    scan_acks: int = 0
    #: imports of late registrations that said "imported" (checked: all people there)
    imports: int = 0
    refused: int = 0
    desk_restarts: int = 0
    elapsed: float = 0.0
    violations: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"torture: seed={self.seed} rounds={self.rounds} kills={self.kills} "
                f"acknowledged={self.acknowledged} found={self.found} lost={self.lost} "
                f"doubled={self.doubled} undos={self.acknowledged_undos} scans={self.scans} "
                f"races={self.races} imports={self.imports} "
                f"refused={self.refused} violations={len(self.violations)} "
                f"elapsed={self.elapsed:.1f}s")


def _env(workdir: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "CHECKIN_DATA_DIR": str(workdir / "data"),
            "PYTHONDONTWRITEBYTECODE": "1"}


class Round:
    """One round: processes on one event file, a killer, then the checks."""

    def __init__(self, number: int, seed: int, workdir: Path, people: int, scanners: int,
                 kills: int, figures: Figures, say: Callable[[str], None]) -> None:
        self.number = number
        self.rng = random.Random(seed)
        self.seed = seed
        self.dir = workdir / f"round-{number:03d}"
        self.dir.mkdir(parents=True)
        self.event = self.dir / "event.checkin"
        self.people = people
        self.scanners = scanners
        self.quota = kills
        self.figures = figures
        self.say = say
        self.env = _env(workdir)
        self.stop = threading.Event()
        self.lock = threading.Lock()
        #: live processes by id: (role, process)
        self.live: dict[int, tuple[str, subprocess.Popen[bytes]]] = {}
        self.kills: Counter[str] = Counter()
        #: scanner steps started (all scanners at once), to end a round only after enough
        self.steps = 0
        self.progress = threading.Condition()
        self.end_kills = 0
        self.violations: list[str] = []
        self.cli_acks: list[dict[str, Any]] = []
        self.scans = self.refused = self.restarts = self.races = 0
        # per-thread generators, all derived from the round's seed
        self.seeds = {name: self.rng.getrandbits(32)
                      for name in ("desk", "scan", "reader", "killer", "office")}
        #: imports of late registrations: (ticket codes, acknowledged)
        self.imports: list[tuple[list[str], bool]] = []

    # -- processes --

    def _start(self, role: str, args: Sequence[str], stdout: int) -> subprocess.Popen[bytes]:
        with self.lock:
            if self.stop.is_set():
                raise _Stopped
            proc = subprocess.Popen([sys.executable, *args], cwd=ROOT, env=self.env,
                                    stdin=subprocess.DEVNULL, stdout=stdout,
                                    stderr=subprocess.PIPE)
            self.live[proc.pid] = (role, proc)
        return proc

    def _finish(self, role: str, proc: subprocess.Popen[bytes]) -> tuple[bytes, bytes, int]:
        """Wait for a process (with a deadline) and judge how it ended."""
        try:
            out, err = proc.communicate(timeout=PROCESS_DEADLINE_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            self.violations.append(f"round {self.number}: a {role} process hung for "
                                   f"{PROCESS_DEADLINE_S:.0f} s: {err.decode()[-500:]}")
        with self.lock:
            self.live.pop(proc.pid, None)
        code = proc.returncode
        if code == 2:
            self.refused += 1
        elif code not in (0, -signal.SIGKILL) and not self.stop.is_set():
            text = err.decode(errors="replace")
            lines = [line for line in text.splitlines() if line.strip()]
            log = self.dir / f"{role}-{proc.pid}.stderr"
            log.write_text(text)
            self.violations.append(f"round {self.number}: {role} exited {code}: "
                                   f"{lines[-1] if lines else '(no message)'} (see {log})")
        return out or b"", err or b"", code

    def _cli(self, *args: str) -> list[str]:
        return ["-m", "checkin", *args]

    # -- the actors --

    def desk(self) -> None:
        rng = random.Random(self.seeds["desk"])
        side = self.dir / "desk-acks.jsonl"
        first = True
        while not self.stop.is_set():
            if not first:
                self.restarts += 1
            first = False
            try:
                proc = self._start("desk", ["-m", "tests.torture", "desk-process",
                                            str(self.event), str(side),
                                            str(rng.getrandbits(32))], subprocess.DEVNULL)
            except _Stopped:
                return
            self._finish("desk", proc)  # killed, or failed (a violation): staff restart it

    def scanner(self, index: int, plan: list[list[tuple[str, str, str]]],
                barrier: threading.Barrier) -> None:
        desk = f"Scanner {index + 1}"
        for step in plan:
            try:
                barrier.wait()  # start together: the scanners race on purpose
            except threading.BrokenBarrierError:
                return
            attendee_id, code, day = step[index]
            try:
                proc = self._start("scan", self._cli("scan", str(self.event), code, "--json",
                                                     "--desk", desk, "--day", day),
                                   subprocess.PIPE)
            except _Stopped:
                return
            out, _err, _code = self._finish("scan", proc)
            self.scans += 1
            try:
                answer = json.loads(out.decode())
            except ValueError:
                continue  # killed before it answered: nothing acknowledged
            if answer.get("status") == "checked_in":
                ack = {"kind": "in", "attendee_id": answer["attendee"]["id"],
                       "day": answer["day"], "desk": answer["desk"],
                       "at": answer["checked_in_at"], "asked": attendee_id}
                with self.lock:
                    self.cli_acks.append(ack)
                    _append(self.cli_fd, ack)

    def reader(self) -> None:
        rng = random.Random(self.seeds["reader"])
        n = 0
        while not self.stop.is_set():
            n += 1
            if rng.random() < 0.5:
                role, args = "stats", self._cli("stats", str(self.event), "--json")
            else:
                role, args = "export", self._cli(
                    "export", str(self.event), "--day", rng.choice(DAYS),
                    "--out", str(self.dir / f"export-{n}.csv"))
            try:
                proc = self._start(role, args, subprocess.PIPE)
            except _Stopped:
                return
            out, _err, code = self._finish(role, proc)
            if role == "export" and code == 0 and not Path(args[-1]).is_file():
                self.violations.append(f"round {self.number}: export exited 0 without a file")
            if role == "stats" and code == 0:
                try:
                    json.loads(out.decode())
                except ValueError:
                    self.violations.append(f"round {self.number}: stats exited 0 with "
                                           f"broken JSON: {out[-200:]!r}")

    def office(self) -> None:
        """Late registrations imported while the doors are open (a long write transaction,
        so racing scans that read "not checked in yet" queue up behind it)."""
        rng = random.Random(self.seeds["office"])
        n = 0
        while not self.stop.is_set():
            n += 1
            size = rng.randint(IMPORT_ROWS // 4, IMPORT_ROWS)
            tickets = [f"L{n:03d}-{i:05d}" for i in range(size)]
            late = self.dir / f"late-{n}.csv"
            late.write_text("First Name,Last Name,Email,Ticket ID,Teilnahme 19.09.,"
                            "Teilnahme 20.09.\n" + "".join(
                                f"Late{n},Person{i},late{n}.{i}@example.org,{t},x,"
                                f"{'x' if rng.random() < 0.5 else ''}\n"
                                for i, t in enumerate(tickets)))
            try:
                proc = self._start("import", self._cli("import", str(self.event), str(late),
                                                       "--keep-missing", "--desk", "Office"),
                                   subprocess.PIPE)
            except _Stopped:
                return
            out, _err, code = self._finish("import", proc)
            self.imports.append((tickets, code == 0 and f"added {size},".encode() in out))

    def killer(self) -> None:
        rng = random.Random(self.seeds["killer"])
        done = 0
        while done < self.quota:
            if self.stop.wait(rng.uniform(*KILL_GAP)):  # a random moment
                return
            with self.lock:
                alive = [(role, p) for role, p in self.live.values() if p.poll() is None]
                if not alive:
                    continue
                roles = sorted({role for role, _ in alive})
                role = rng.choices(roles, [KILL_WEIGHTS[r] for r in roles])[0]
                victims = sorted((p.pid, p) for r, p in alive if r == role)
                _pid, victim = rng.choice(victims)
                victim.send_signal(signal.SIGKILL)
            if _wait_dead(victim) == -signal.SIGKILL:
                self.kills[role] += 1
                done += 1

    # -- the round --

    def run(self) -> None:
        from checkin.door import codes
        from checkin.event.demo import create_demo

        with create_demo(self.event, self.people) as store:
            secret = store.code_secret()
            people = store.attendees()
        pairs = [(p, d) for p in people for d in p.days]
        plan_rng = random.Random(self.seeds["scan"])

        def code_of(p: Any) -> str:
            roll = plan_rng.random()
            if roll < 0.5:
                return codes.badge_code(secret, p.code_ref)
            return p.ticket_code if roll < 0.8 else p.ticket_code.lower()

        races = [(p, d) for p, d in pairs if _race_pool(p.ticket_code)]
        plan_rng.shuffle(races)
        plan: list[list[tuple[str, str, str]]] = []
        racing: list[bool] = []
        for step in range(10_000):  # far more steps than a round takes
            racing.append(plan_rng.random() < 0.8)
            if racing[-1]:  # everyone scans the same person: a race
                person, day = races[step % len(races)]
                plan.append([(person.id, code_of(person), day) for _ in range(self.scanners)])
            else:
                plan.append([(p.id, code_of(p), d)
                             for p, d in plan_rng.sample(pairs, self.scanners)])
        self.cli_fd = os.open(self.dir / "cli-acks.jsonl",
                              os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        barrier = threading.Barrier(self.scanners, action=self._next_step)
        threads = [threading.Thread(target=self.desk, name="desk"),
                   threading.Thread(target=self.reader, name="reader"),
                   threading.Thread(target=self.office, name="office"),
                   *(threading.Thread(target=self.scanner, args=(i, plan, barrier),
                                      name=f"scanner-{i}") for i in range(self.scanners))]
        for t in threads:
            t.start()
        started = time.monotonic()
        self.killer()
        with self.progress:  # and enough steps done for races to have happened
            self.progress.wait_for(lambda: self.steps > MIN_STEPS,
                                   max(0.0, started + ROUND_CAP_S - time.monotonic()))
        self._stop_all(barrier)
        self.races = sum(racing[:max(0, self.steps - 1)])
        deadline = time.monotonic() + PROCESS_DEADLINE_S + 30
        for t in threads:
            t.join(max(0.0, deadline - time.monotonic()))
            if t.is_alive():
                self.violations.append(f"round {self.number}: thread {t.name} did not stop")
        os.close(self.cli_fd)
        self.check()

    def _next_step(self) -> None:
        with self.progress:
            self.steps += 1
            self.progress.notify_all()

    def _stop_all(self, barrier: threading.Barrier) -> None:
        with self.lock:
            self.stop.set()
            procs = [p for _role, p in self.live.values()]
        barrier.abort()
        for p in procs:
            if p.poll() is None:
                p.send_signal(signal.SIGKILL)
                self.end_kills += 1
        for p in procs:
            _wait_dead(p)

    # -- the checks (all processes dead) --

    def check(self) -> None:
        from checkin.attendance.stats import event_stats
        from checkin.errors import UserError
        from checkin.store import open_event

        fig, name = self.figures, f"round {self.number}"
        desk_acks = _read_acks(self.dir / "desk-acks.jsonl")
        db = sqlite3.connect(self.event)
        try:
            integrity = [r[0] for r in db.execute("PRAGMA integrity_check")]
        except sqlite3.DatabaseError as exc:
            integrity = [f"{type(exc).__name__}: {exc}"]
        if integrity != ["ok"]:
            self.violations.append(f"{name}: integrity_check: {integrity[:5]}")
        try:
            rows = db.execute("SELECT uuid, attendee_id, day, desk, at, kind, undoes, "
                              "coalesce(session, '') FROM checkins").fetchall()
            expected = dict(db.execute(
                "SELECT d.day, count(*) FROM attendee_days d JOIN attendees a "
                "ON a.id = d.attendee_id WHERE a.status = 'active' GROUP BY d.day").fetchall())
            walk_in_ids = {r[0] for r in db.execute(
                "SELECT id FROM attendees WHERE walk_in = 1")}
            tickets = Counter(r[0] for r in db.execute(
                "SELECT ticket_code FROM attendees WHERE ticket_code LIKE 'L%'"))
        except sqlite3.DatabaseError as exc:  # damaged beyond reading: all of it is lost
            self.violations.append(f"{name}: the file cannot be read: {exc}")
            rows, expected, walk_in_ids, tickets = [], {}, set(), Counter()
        finally:
            db.close()
        by_uuid = {r[0]: r for r in rows}
        undone = {r[6] for r in rows if r[5] == "undo"}
        valid_ins = sorted((r for r in rows if r[5] == "in" and r[0] not in undone),
                           key=lambda r: (r[4], r[0]))
        # every acknowledged record is there exactly once
        found = lost = 0
        for ack in desk_acks:
            row = by_uuid.get(ack["uuid"])
            if row is not None and row[5] == ack["kind"] and row[1] == ack["attendee_id"] \
                    and row[2] == ack["day"]:
                found += 1
            else:
                lost += 1
                self.violations.append(f"{name}: lost the desk's {ack['kind']} {ack['uuid']} "
                                       f"({ack['attendee_id']}, {ack['day']})")
        cli_keys = Counter((r[1], r[2], r[3], datetime.fromisoformat(r[4]))
                           for r in rows if r[5] == "in")
        for ack in self.cli_acks:
            key = (ack["attendee_id"], ack["day"], ack["desk"],
                   datetime.fromisoformat(ack["at"]))
            if cli_keys[key] == 1 and ack["attendee_id"] == ack["asked"]:
                found += 1
            else:
                lost += 1
                self.violations.append(f"{name}: {ack['desk']}'s check-in of "
                                       f"{ack['attendee_id']} on {ack['day']} at {ack['at']} "
                                       f"is there {cli_keys[key]} times")
        # an import is all or nothing, and all when it said so
        for number, (codes_, said_done) in enumerate(self.imports, start=1):
            there = sum(tickets[t] for t in codes_)
            if there not in ((len(codes_),) if said_done else (0, len(codes_))):
                self.violations.append(
                    f"{name}: import {number} ({'acknowledged' if said_done else 'killed'}) "
                    f"of {len(codes_)} people left {there} of them")
        # nobody is admitted twice
        per_person = Counter((r[1], r[2], r[7]) for r in valid_ins)
        doubled = sorted(k for k, n in per_person.items() if n > 1)
        for attendee_id, day, session in doubled:
            desks = [r[3] for r in valid_ins if (r[1], r[2], r[7]) == (attendee_id, day, session)]
            self.violations.append(f"{name}: {attendee_id} admitted {len(desks)} times on "
                                   f"{day}{' ' + session if session else ''} by {desks}")
        # the counts agree with a recount from the raw table
        first: dict[tuple[str, str], tuple[Any, ...]] = {}
        for r in valid_ins:
            first.setdefault((r[2], r[1]), r)
        try:
            with open_event(self.event) as store:
                stats = event_stats(store, breakdowns=False)
        except (sqlite3.DatabaseError, UserError) as exc:
            self.violations.append(f"{name}: checkin.attendance.stats failed: {exc}")
            stats = {"days": []}
        for day in stats["days"]:  # type: ignore[attr-defined]
            d = day["date"]
            firsts = [r for (dd, _a), r in first.items() if dd == d]
            recount = {"expected": expected.get(d, 0), "checked_in": len(firsts),
                       "desks": dict(sorted(Counter(r[3] for r in firsts).items())),
                       "walk_ins": sum(1 for r in firsts if r[1] in walk_in_ids)}
            shown = {"expected": day["expected"], "checked_in": day["checked_in"],
                     "desks": dict(sorted(day["desks"].items())), "walk_ins": day["walk_ins"]}
            if shown != recount:
                self.violations.append(f"{name}: stats for {d} say {shown}, "
                                       f"the recount says {recount}")
        acknowledged = len(self.cli_acks) + len(desk_acks)
        fig.acknowledged += acknowledged
        fig.acknowledged_undos += sum(1 for a in desk_acks if a["kind"] == "undo")
        fig.found += found
        fig.lost += lost
        fig.doubled += len(doubled)
        fig.kills += sum(self.kills.values())
        for role, n in self.kills.items():
            fig.kills_by_role[role] = fig.kills_by_role.get(role, 0) + n
        fig.end_kills += self.end_kills
        fig.scans += self.scans
        fig.imports += sum(1 for _codes, said_done in self.imports if said_done)
        fig.races += self.races
        fig.scan_acks += len(self.cli_acks)
        fig.refused += self.refused
        fig.desk_restarts += self.restarts
        fig.violations.extend(self.violations)
        self.say(f"round {self.number} (seed {self.seed}): kills={sum(self.kills.values())} "
                 f"acknowledged={acknowledged} found={found} lost={lost} "
                 f"doubled={len(doubled)} scans={self.scans} races={self.races} "
                 f"checkins={len(rows)} violations={len(self.violations)}")


class _Stopped(Exception):
    """The round is over: start no more processes."""


def _wait_dead(proc: subprocess.Popen[bytes]) -> int | None:
    """The exit status of a process we just killed (poll with a deadline)."""
    deadline = time.monotonic() + 30
    while proc.poll() is None and time.monotonic() < deadline:
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=0.05)
    return proc.returncode


def _read_acks(path: Path) -> list[dict[str, Any]]:
    """The acknowledged records of a side file (a line torn by a kill was never acknowledged)."""
    acks = []
    if path.exists():
        for line in path.read_text().splitlines():
            try:
                acks.append(json.loads(line))
            except ValueError:
                continue
    return acks


def run(seed: int, rounds: int | None, kills_per_round: int, *, people: int = 300,
        scanners: int = 3, minutes: float | None = None, workdir: Path | None = None,
        say: Callable[[str], None] = print) -> Figures:
    """Run the rounds; with ``minutes`` (soak) stop when the time is up."""
    started = time.monotonic()
    figures = Figures(seed=seed)
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="checkin-torture-") as tmp:
        base = workdir or Path(tmp)
        number = 0
        while rounds is None or number < rounds:
            if minutes is not None and time.monotonic() - started > minutes * 60:
                break
            number += 1
            Round(number, rng.getrandbits(32), base, people, scanners, kills_per_round,
                  figures, say).run()
            figures.rounds = number
    figures.elapsed = time.monotonic() - started
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["desk-process"]:
        desk_process(Path(argv[1]), Path(argv[2]), int(argv[3]))
        return 0
    parser = argparse.ArgumentParser(prog="python -m tests.torture", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, help="replay a run (default: a new random seed)")
    parser.add_argument("--rounds", type=int, help="rounds, each on a fresh event (default 10)")
    parser.add_argument("--kills", type=int, help="random SIGKILLs in the run (default 60)")
    parser.add_argument("--people", type=int, help="people in each round's demo event")
    parser.add_argument("--scanners", type=int, choices=(2, 3), default=3,
                        help="concurrent 'checkin scan' processes")
    parser.add_argument("--soak", action="store_true",
                        help="a long run: rounds until --minutes (default 30) have passed")
    parser.add_argument("--minutes", type=float, help="soak duration")
    parser.add_argument("--workdir", type=Path, help="keep the rounds' files here (must be new)")
    parser.add_argument("--json-out", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(10**9)
    print(f"torture: seed {seed}", flush=True)
    if args.soak:  # until the time is up (or --rounds), 1,000 people, 10 kills a round
        rounds, minutes, people = args.rounds, args.minutes or 30.0, args.people or 1000
        per_round = math.ceil(args.kills / rounds) if args.kills and rounds else SOAK_KILLS
    else:
        rounds, minutes, people = args.rounds or 10, args.minutes, args.people or 300
        per_round = math.ceil((args.kills or 60) / rounds)
    if args.workdir is not None:
        args.workdir.mkdir(parents=True, exist_ok=False)
    figures = run(seed, rounds, per_round, people=people, scanners=args.scanners, minutes=minutes,
                  workdir=args.workdir, say=lambda text: print(text, flush=True))
    for violation in figures.violations[:SHOWN_VIOLATIONS]:
        print(f"VIOLATION: {violation}", flush=True)
    if len(figures.violations) > SHOWN_VIOLATIONS:
        print(f"... and {len(figures.violations) - SHOWN_VIOLATIONS} more violations "
              "(all of them in --json-out)", flush=True)
    print(figures.line(), flush=True)
    if args.json_out is not None:
        args.json_out.write_text(json.dumps(asdict(figures), indent=1))
    return 1 if figures.violations else 0


if __name__ == "__main__":
    sys.exit(main())
