"""One small helper for background work, with progress, cancel and results on the GUI thread.

Long work (imports, badge batches, printing, exports, the search index) runs on
a thread pool. Jobs started with ``write=True`` on one ``TaskRunner`` run on its
single writer thread, one after another in the order they were started, so the
desk's own writes (check-ins, undo, walk-ins, edits, imports, purges) never
interleave with each other. That is all it guarantees: a job started without
``write=True`` is not ordered with the writes, and the sync thread
(``ui/sync/sync_status.py``) writes the same event file on its own connection;
those are kept apart by SQLite's lock (a writer waits up to the busy timeout),
not by this helper. Workers never touch widgets: they report through signals
that Qt queues to the GUI thread. Tests can pass ``immediate=True`` to run jobs
at once on the calling thread (as Picard's tests do) and keep a few end-to-end
tests on the real pool.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger("checkin.ui.common.tasks")


class Cancelled(Exception):
    """Raised inside a job when the user pressed Cancel."""


class Progress:
    """Handed to a job: report progress and check for cancellation."""

    def __init__(self, emit: Callable[[int, int, str], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self._emit(done, total, text)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Relay(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], relay: _Relay, progress: Progress) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._relay = relay
        self._progress = progress

    def run(self) -> None:
        try:
            result = self._fn(self._progress)
        except BaseException as exc:  # reported to the GUI, which decides what to show
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


class TaskHandle:
    """What the caller keeps to cancel a running job."""

    def __init__(self, progress: Progress) -> None:
        self._progress = progress
        self.finished = False

    def cancel(self) -> None:
        self._progress.cancel()


class TaskRunner(QObject):
    """Runs callables off the GUI thread and reports back on it."""

    def __init__(self, parent: QObject | None = None, *, immediate: bool = False) -> None:
        super().__init__(parent)
        self.immediate = immediate
        self._pool = QThreadPool(self)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._relays: set[_Relay] = set()

    def run(self, fn: Callable[[Progress], Any], *,
            on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None,
            on_progress: Callable[[int, int, str], None] | None = None,
            on_cancelled: Callable[[], None] | None = None,
            write: bool = False) -> TaskHandle:
        """Run ``fn(progress)``; ``write=True`` queues it on this runner's one writer
        thread, after the writes started before it."""
        relay = _Relay()
        self._relays.add(relay)
        progress = Progress(relay.progress.emit)
        handle = TaskHandle(progress)

        def finish() -> None:
            handle.finished = True
            self._relays.discard(relay)
            relay.deleteLater()

        def done(result: Any) -> None:
            finish()
            if on_done is not None:
                on_done(result)

        def error(exc: BaseException) -> None:
            finish()
            if isinstance(exc, Cancelled):
                log.info("task cancelled")
                if on_cancelled is not None:
                    on_cancelled()
            elif on_error is not None:
                on_error(exc)
            else:
                log.error("background task failed", exc_info=exc)

        if on_progress is not None:
            relay.progress.connect(on_progress)
        relay.succeeded.connect(done)
        relay.failed.connect(error)
        job = _Job(fn, relay, progress)
        if self.immediate:
            job.run()
        else:
            (self._writer if write else self._pool).start(job)
        return handle

    def wait(self, msecs: int = 30000) -> bool:
        """Wait up to ``msecs`` for the writer, then as long again for the other jobs
        (before the event is closed); False if one was still running."""
        return bool(self._writer.waitForDone(msecs) and self._pool.waitForDone(msecs))
