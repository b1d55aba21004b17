"""Scanning badges with a webcam: frames in, codes out, through the core's decoder.

QtMultimedia (PySide6-Addons, the ``sound`` extra) gives the camera, zxing-cpp
(the ``camera`` extra) reads the codes. Either may be missing: then the Door
menu's camera entry is disabled and the desk works with a USB scanner or by
name. Frames are decoded off the GUI thread, a few per second at most, and
the same code seen again and again while a badge is held up counts once.
"""

from __future__ import annotations

import time
from typing import Any

from PIL import Image
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from checkin.door.imagescan import decode_image, decoder_available
from checkin.ui.common.tasks import TaskRunner
from checkin.ui.door.sounds import headless

#: Seconds between two frames that are decoded (the rest are only shown).
DECODE_INTERVAL = 0.25
#: The same code seen again within this many seconds is the same badge held up.
SAME_BADGE_SECONDS = 3.0


def frame_codes(frame: QImage) -> list[str]:
    """The codes in one camera frame (also what tests feed in)."""
    image = frame.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    data = bytes(image.constBits())[:stride * height]
    picture = Image.frombuffer("L", (width, height), data, "raw", "L", stride, 1)
    return decode_image(picture)


def camera_support() -> str:
    """Empty if a camera can be used, else why not (shown in the menu's tooltip)."""
    if not decoder_available():
        return QCoreApplication.translate(
            "camera", "Install zxing-cpp (pip install 'checkin[camera]') to scan with a camera.")
    if headless():
        return QCoreApplication.translate("camera", "No camera on a display without a screen.")
    try:
        from PySide6.QtMultimedia import (  # type: ignore[import-not-found,unused-ignore]
            QMediaDevices,
        )
    except ImportError:
        return QCoreApplication.translate(
            "camera", "Install PySide6-Addons (pip install 'checkin[sound]') for camera access.")
    if not QMediaDevices.videoInputs():
        return QCoreApplication.translate(
            "camera", "No camera was found. Connect one, or use a USB scanner.")
    return ""


class FrameReader:
    """Decides which frames to decode and which codes are new (no Qt Multimedia needed)."""

    def __init__(self, tasks: TaskRunner, on_code: Any) -> None:
        self.tasks = tasks
        self.on_code = on_code
        self._busy = False
        self._last_decode = 0.0
        self._last_code = ("", 0.0)

    def offer(self, frame: QImage) -> bool:
        """Decode this frame unless one is being decoded or was just decoded."""
        now = time.monotonic()
        if self._busy or now - self._last_decode < DECODE_INTERVAL or frame.isNull():
            return False
        self._busy, self._last_decode = True, now
        copy = frame.copy()
        self.tasks.run(lambda _p: frame_codes(copy), on_done=self._decoded,
                       on_error=self._failed)
        return True

    def _decoded(self, found: list[str]) -> None:
        self._busy = False
        now = time.monotonic()
        for code in found:
            if code == self._last_code[0] and now - self._last_code[1] < SAME_BADGE_SECONDS:
                self._last_code = (code, now)
                continue
            self._last_code = (code, now)
            self.on_code(code)

    def _failed(self, _exc: BaseException) -> None:
        self._busy = False


class CameraView(QWidget):
    """A live camera picture; every code it reads is emitted as ``scanned``."""

    scanned = Signal(str)

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Scan with camera"))
        self.picture = QLabel(self.tr("Starting the camera…"), self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(480, 360)
        hint = QLabel(self.tr("Hold the badge's code in front of the camera."), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picture, 1)
        layout.addWidget(hint)
        self.reader = FrameReader(tasks, self.scanned.emit)
        self._session: Any = None

    def start(self) -> None:
        """Open the default camera (QtMultimedia must be installed: see camera_support)."""
        from PySide6.QtMultimedia import (  # type: ignore[import-not-found,unused-ignore]
            QCamera,
            QMediaCaptureSession,
            QVideoSink,
        )

        camera = QCamera(self)
        sink = QVideoSink(self)
        session = QMediaCaptureSession(self)
        session.setCamera(camera)
        session.setVideoSink(sink)
        sink.videoFrameChanged.connect(lambda frame: self.show_frame(frame.toImage()))
        camera.start()
        self._session = (camera, sink, session)

    def show_frame(self, image: QImage) -> None:
        from PySide6.QtGui import QPixmap

        self.picture.setPixmap(QPixmap.fromImage(image).scaled(
            self.picture.size(), Qt.AspectRatioMode.KeepAspectRatio))
        self.reader.offer(image)

    def closeEvent(self, event: Any) -> None:
        if self._session is not None:
            self._session[0].stop()
        super().closeEvent(event)
