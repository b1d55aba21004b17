"""Camera scanning's decoding path, fed with real pictures of badges."""

from __future__ import annotations

import qrcode
from PIL import Image

from checkin.door import codes
from checkin.door.door import Door, Status
from checkin.door.imagescan import decode_image, decoder_available
from checkin.store import EventStore
from tests.helpers import artifact, badge_photo

DAY1 = "2017-09-19"




def test_photo_of_a_badge_checks_the_person_in(demo_store: EventStore) -> None:
    assert decoder_available()
    person = next(p for p in demo_store.attendees() if DAY1 in p.days)
    code = codes.badge_code(demo_store.code_secret(), person.code_ref)
    photo = badge_photo(code, person.display_name)
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
