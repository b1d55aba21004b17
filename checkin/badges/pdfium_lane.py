"""The one lane to pdfium: every PDF rasterised in this process goes through one thread.

Why: pdfium is not thread-safe (pypdfium2's documentation says so). The desk
rasterised badge previews, background PDFs of badge templates and Qt print
pages on several pool threads at once, and under a scanner at full speed the
app died with ``trap int3 in libpdfium.so``. Here a single daemon thread owns
pypdfium2: it imports it (so pdfium's global state is set up on that thread),
opens, renders and closes every document, and hands back plain PIL images
that own their pixels, so no pdfium object ever leaves the lane or is
finalised on another thread. Callers on any thread block until their turn.

Nothing else in ``checkin`` imports pypdfium2 (tests/test_architecture.py).
Qt-free: the core (``checkin.badges.render``) uses it too.
"""

from __future__ import annotations

import atexit
import contextlib
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

from PIL import Image

T = TypeVar("T")

#: a PDF as bytes or as a file path
Source = bytes | Path


class PdfUnreadable(ValueError):
    """The PDF cannot be opened or has no such page (pdfium's own reason attached)."""


class _Lane:
    """One worker thread and its queue; jobs run strictly one after another."""

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue[tuple[Callable[[], Any], Future[Any]] | None] = (
            queue.SimpleQueue())
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()
        self._exit_hook = False

    def _ensure_started(self) -> None:
        with self._start_lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._loop, name="pdfium-lane",
                                                daemon=True)
                self._thread.start()

    def _loop(self) -> None:
        with contextlib.suppress(ImportError):  # each job reports it
            import pypdfium2  # noqa: F401  (pdfium's global state is set up on this thread)
        if not self._exit_hook:
            # registered after pypdfium2's own hook, so it runs first (atexit is LIFO):
            # the lane stops before pdfium is torn down
            atexit.register(self.stop)
            self._exit_hook = True
        while True:
            item = self._jobs.get()
            if item is None:
                return
            fn, future = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn())
            except BaseException as exc:  # handed to the caller, who decides
                future.set_exception(exc)

    def on_lane(self) -> bool:
        return threading.current_thread() is self._thread

    def call(self, fn: Callable[[], T]) -> T:
        """Run ``fn`` on the lane and return its result (inline if already on the lane)."""
        if self.on_lane():
            return fn()
        self._ensure_started()
        future: Future[T] = Future()
        self._jobs.put((fn, future))
        return future.result()

    def stop(self) -> None:
        """Finish the job in hand and end the thread (at exit, before pdfium is torn down)."""
        thread = self._thread
        if thread is not None and thread.is_alive() and not self.on_lane():
            self._jobs.put(None)
            thread.join(timeout=10)


_LANE = _Lane()


def call(fn: Callable[[], T]) -> T:
    """Run ``fn`` on the pdfium lane, after every job handed in before it."""
    return _LANE.call(fn)


def _with_document(source: Source, use: Callable[[Any], T]) -> T:
    """Open ``source`` on the lane, hand it to ``use``, always close it there too."""

    def work() -> T:
        import pypdfium2

        try:
            document = pypdfium2.PdfDocument(str(source) if isinstance(source, Path)
                                             else source)
            try:
                return use(document)
            finally:
                document.close()
        except pypdfium2.PdfiumError as exc:
            raise PdfUnreadable(f"not a readable PDF: {exc}") from None

    return _LANE.call(work)


def _render(document: Any, index: int, dpi: float) -> Image.Image:
    """One page as an RGB image that owns its pixels; page and bitmap closed at once."""
    pages = len(document)
    if pages == 0:
        raise PdfUnreadable("the PDF has no pages")
    if not 0 <= index < pages:
        raise PdfUnreadable(f"the PDF has no page {index + 1} (it has {pages})")
    page = document[index]
    try:
        bitmap = page.render(scale=dpi / 72)
        try:
            image: Image.Image = bitmap.to_pil().convert("RGB")  # a copy: owns its pixels
            return image
        finally:
            bitmap.close()
    finally:
        page.close()


def rasterise(pdf: Source, page: int = 0, dpi: float = 96) -> Image.Image:
    """Page ``page`` (from 0) of a PDF as an RGB PIL image at ``dpi``."""
    return _with_document(pdf, lambda document: _render(document, page, dpi))


def page_count(pdf: Source) -> int:
    """How many pages the PDF has."""
    return _with_document(pdf, len)
