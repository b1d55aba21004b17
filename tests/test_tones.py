"""The desk's sounds: shipped files are what the generator renders, short and distinct."""

from __future__ import annotations

import io
import sys
import wave

from checkin.common.resources_access import resource
from tests.helpers import ROOT

sys.path.insert(0, str(ROOT / "packaging"))  # packaging/ is a folder of build scripts
from tones import SOUNDS, render


def test_shipped_sounds_are_generated_short_and_distinct() -> None:
    shipped = {name: resource("sounds", f"{name}.wav").read_bytes() for name in SOUNDS}
    for name, data in shipped.items():
        assert data == render(name), f"run python packaging/tones.py to regenerate {name}.wav"
        with wave.open(io.BytesIO(data)) as wav:
            seconds = wav.getnframes() / wav.getframerate()
            assert 0.1 < seconds < 0.6
    assert shipped["success"] != shipped["problem"]


def test_sounds_stay_silent_without_audio(qapp) -> None:  # type: ignore[no-untyped-def]
    from checkin.ui.door.sounds import DeskSounds

    sounds = DeskSounds(enabled=True)
    sounds.play("success")  # no device (or no QtMultimedia) offscreen: no error, no warning
    assert sounds.last_played == "success"
    sounds.enabled = False
    sounds.play("problem")
    assert sounds.last_played == "success"
