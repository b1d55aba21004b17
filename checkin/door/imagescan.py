"""Reading codes from pictures: a webcam frame or a photo of a badge.

The camera view hands frames here; tests hand in rendered badges. Both go
through :func:`decode_image`, so what the test proves is what the desk does.
zxing-cpp is optional (the ``camera`` extra): without it the desk works with
a USB scanner or by name, and this module says how to get camera scanning.
"""

from __future__ import annotations

from typing import Any

from checkin.errors import UserError


def decoder_available() -> bool:
    try:
        import zxingcpp  # noqa: F401
    except ImportError:
        return False
    return True


def decode_image(image: Any) -> list[str]:
    """The texts of all QR codes and barcodes found in a PIL image (or numpy array)."""
    try:
        import zxingcpp
    except ImportError:
        raise UserError("Camera scanning needs zxing-cpp: pip install 'checkin[camera]'. "
                        "A USB scanner or the search by name works without it.") from None
    if hasattr(image, "mode") and image.mode not in ("L", "RGB", "RGBA"):
        image = image.convert("RGB")
    return [result.text for result in zxingcpp.read_barcodes(image) if result.text]
