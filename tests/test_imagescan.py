"""Camera scanning's decoding path, fed with real pictures of badges."""

from __future__ import annotations

import qrcode
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from checkin.door import codes
from checkin.door.door import Door, Status
from checkin.door.imagescan import decode_image, decoder_available
from checkin.store import EventStore
from tests.conftest import artifact

DAY1 = "2017-09-19"


def _badge_photo(code: str, name: str) -> Image.Image:
    """A badge as a camera sees it: card with name and QR, tilted, soft, on a desk."""
    card = Image.new("RGB", (600, 400), "white")
    draw = ImageDraw.Draw(card)
    draw.rectangle((0, 0, 599, 70), fill="#1b5e20")
    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", 40)
    except OSError:
        font = ImageFont.load_default()
    draw.text((20, 110), name, fill="black", font=font)
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2, box_size=6)
    qr.add_data(code, optimize=0)
    card.paste(qr.make_image().get_image().convert("RGB").resize((200, 200)), (380, 180))
    photo = Image.new("RGB", (900, 700), "#8d6e63")
    photo.paste(card.rotate(8, expand=True, fillcolor="#8d6e63"), (120, 110))
    return photo.filter(ImageFilter.GaussianBlur(1.0))


def test_photo_of_a_badge_checks_the_person_in(demo_store: EventStore) -> None:
    assert decoder_available()
    person = next(p for p in demo_store.attendees() if DAY1 in p.days)
    code = codes.badge_code(demo_store.code_secret(), person.code_ref)
    photo = _badge_photo(code, person.display_name)
    photo.save(artifact("door_camera_badge.png"))
    found = decode_image(photo)
    assert found == [code]
    result = Door(demo_store).scan(found[0], day=DAY1)
    assert result.status == Status.CHECKED_IN and result.attendee == person


def test_qr_png_from_disk_and_a_picture_without_code(demo_store: EventStore, tmp_path) -> None:  # type: ignore[no-untyped-def]
    person = next(iter(demo_store.attendees()))
    code = codes.badge_code(demo_store.code_secret(), person.code_ref)
    png = tmp_path / "badge.png"
    qrcode.make(code).save(png)
    with Image.open(png) as image:
        assert decode_image(image) == [code]
    assert decode_image(Image.new("RGB", (300, 300), "white")) == []
