"""Short sounds for the desk: a chirp for "welcome", a buzz for "look at the screen",
a quick falling run of three notes for "check-in undone".

QtMultimedia ships in PySide6-Addons (the ``sound`` extra). Without it, or
without an audio device, or on a headless display (the offscreen test run),
the desk is silent instead of failing or printing warnings.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QGuiApplication

from checkin.common.resources_access import resource_path

KINDS = ("success", "problem", "undo")


def headless() -> bool:
    """No screen, so no speakers or camera either: do not even probe for them.

    (Probing QtMultimedia on a headless machine prints warnings about missing
    PulseAudio, PipeWire and VA libraries, which the strict tests treat as errors.)
    """
    return QGuiApplication.platformName() in ("offscreen", "minimal")


class DeskSounds(QObject):
    """Plays one of the desk's sounds if sound is on and a device exists."""

    def __init__(self, enabled: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self._effects: dict[str, Any] = {}
        self.last_played = ""
        if headless():
            return
        try:
            from PySide6.QtMultimedia import (  # type: ignore[import-not-found,unused-ignore]
                QMediaDevices,
                QSoundEffect,
            )
        except ImportError:
            return
        if not QMediaDevices.audioOutputs():
            return
        for kind in KINDS:
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(resource_path("sounds", f"{kind}.wav"))))
            effect.setVolume(0.8)
            self._effects[kind] = effect

    @property
    def available(self) -> bool:
        return bool(self._effects)

    def play(self, kind: str) -> None:
        """Play ``success``, ``problem`` or ``undo`` (remembered in ``last_played``)."""
        if not self.enabled:
            return
        self.last_played = kind
        effect = self._effects.get(kind)
        if effect is not None:
            effect.play()
