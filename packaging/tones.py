"""The desk's three short sounds, rendered as small WAV files.

Why generated: no licence questions, tiny files, and a test can check that
the committed files are exactly what this code renders. "Success" is two
rising tones (a friendly chirp), "problem" two low, falling, buzzy tones,
"undo" a quick run of three clean notes falling (C6, G5, C5: a rewind), so
they are told apart without looking and without knowing which is which.
A build-time helper, not part of the app: regenerate with ``python packaging/tones.py``.
"""

from __future__ import annotations

import io
import math
import wave
from pathlib import Path

RATE = 22050
SOUNDS: dict[str, list[tuple[float, float]]] = {
    # (frequency in Hz, duration in seconds) per tone
    "success": [(880.0, 0.08), (1320.0, 0.12)],
    "problem": [(330.0, 0.16), (220.0, 0.22)],
    "undo": [(1046.5, 0.05), (784.0, 0.05), (523.25, 0.09)],
}


def _tone(freq: float, seconds: float, buzzy: bool) -> list[float]:
    count = int(RATE * seconds)
    fade = int(RATE * 0.01)
    samples = []
    for i in range(count):
        t = i / RATE
        value = math.sin(2 * math.pi * freq * t)
        if buzzy:  # a third harmonic makes the low tones sound like a warning
            value = 0.75 * value + 0.25 * math.sin(2 * math.pi * 3 * freq * t)
        envelope = min(1.0, i / fade, (count - i) / fade)
        samples.append(value * envelope)
    return samples


def render(name: str) -> bytes:
    """The WAV bytes (16-bit mono) of one sound."""
    samples: list[float] = []
    for freq, seconds in SOUNDS[name]:
        samples.extend(_tone(freq, seconds, buzzy=name == "problem"))
        samples.extend([0.0] * int(RATE * 0.02))
    frames = b"".join(int(s * 0.6 * 32767).to_bytes(2, "little", signed=True) for s in samples)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)
    return buffer.getvalue()


def main() -> None:
    folder = Path(__file__).resolve().parents[1] / "resources" / "sounds"
    for name in SOUNDS:
        (folder / f"{name}.wav").write_bytes(render(name))


if __name__ == "__main__":
    main()
