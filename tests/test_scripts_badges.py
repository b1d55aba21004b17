"""Every script on a badge and on the signature list, as printed.

A participant named 李 小龙 from 北京大学 got a blank badge: the bundled fonts
had no Chinese. Here one badge per script is rendered with the real renderer,
rasterised (pypdfium2), and the name's and organisation's boxes must have ink;
poppler's pdftotext must read back the name and organisation (right-to-left
text in logical order after folding presentation forms), and pdffonts must
show every font embedded. The system's fonts are switched off, so the bundled
faces alone must do it on every desk. The PNGs are in artifacts/.
"""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pytest

from checkin.badges import fonts, render_one
from checkin.badges.layouts import get_layout
from checkin.badges.library import load_template
from checkin.event.demo import create_demo
from checkin.export import ExportOptions, export_day
from checkin.model import Attendee
from checkin.store import EventStore
from tests.helpers import artifact, rasterise, require_tool

DAY = "2017-09-19"
DPI = 150
#: (script, first name, last name, organisation, the bundled face that must draw it)
SCRIPTS = [
    ("chinese-simplified", "小龙", "李", "北京大学", "NotoSansCJKsc"),
    ("chinese-traditional", "志明", "陳", "國立臺灣大學", "NotoSansCJKsc"),
    ("japanese", "さくら", "山田", "東京大学 カタカナ研究所", "NotoSansCJKsc"),
    ("korean", "민준", "김", "서울대학교", "NotoSansCJKsc"),
    ("cyrillic", "Анна", "Достоевская", "Московский университет", "NotoSans-"),
    ("greek", "Αλέξανδρος", "Παπαδόπουλος", "Πανεπιστήμιο Αθηνών", "NotoSans-"),
    ("hebrew", "דוד", "בן גוריון", "האוניברסיטה העברית", "NotoSansHebrew"),
    ("arabic", "محمد", "عبد الله", "جامعة القاهرة", "NotoSansArabic"),
    ("devanagari", "अनिल", "शर्मा", "भारतीय विज्ञान संस्थान", "NotoSansDevanagari"),
    ("thai", "สมชาย", "ใจดี", "จุฬาลงกรณ์มหาวิทยาลัย", "NotoSansThai"),
    ("mixed", "Wei", "Zhang", "Max-Planck-Institut 北京分部", "NotoSansCJKsc"),
]
_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def normal(text: str) -> str:
    """What a reader sees: presentation forms folded, bidi marks and spacing ignored."""
    return " ".join(_CONTROLS.sub("", unicodedata.normalize("NFKC", text)).split())


@pytest.fixture(autouse=True)
def bundled_fonts_only() -> Iterator[None]:
    """The system's fonts (this machine has Droid Sans Fallback) must not help."""
    fonts.use_system_fonts(False)
    yield
    fonts.use_system_fonts(True)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EventStore]:
    event = create_demo(tmp_path_factory.mktemp("scripts") / "scripts.checkin", size=1)
    event.add_attendees(
        Attendee(id=f"s-{script}", first_name=first, last_name=last, organization=org,
                 role="Presse", days=(DAY,))
        for script, first, last, org, _face in SCRIPTS)
    yield event
    event.close()


def _text_in(pdf: Path, box: tuple[float, float, float, float]) -> str:
    x0, top, x1, bottom = (round(v) for v in box)
    return subprocess.run(
        [require_tool("pdftotext"), "-r", "72", "-x", str(x0), "-y", str(top),
         "-W", str(x1 - x0), "-H", str(bottom - top), str(pdf), "-"],
        capture_output=True, text=True, check=True).stdout


def _embedded(pdf: Path) -> list[str]:
    out = subprocess.run([require_tool("pdffonts"), str(pdf)], capture_output=True, text=True,
                         check=True).stdout
    rows = out.splitlines()[2:]
    assert rows and all(" yes " in row.split("TrueType", 1)[-1] for row in rows), out
    return rows


def _ink(image: object, box: tuple[float, float, float, float]) -> int:
    """Dark pixels inside a box given in pt from the top-left."""
    scale = DPI / 72
    crop = image.crop(tuple(round(v * scale) for v in box)).convert("L")  # type: ignore[attr-defined]
    return int(sum(crop.histogram()[:110]))


@pytest.mark.parametrize(("script", "first", "last", "org", "face"), SCRIPTS,
                         ids=[s[0] for s in SCRIPTS])
def test_a_badge_prints_the_name_and_organisation_in_every_script(
        store: EventStore, script: str, first: str, last: str, org: str, face: str) -> None:
    person = store.attendee(f"s-{script}")
    assert person is not None
    result = render_one(store, person)
    assert not [w for w in result.warnings if "no font has" in w], result.warnings
    pdf = artifact(f"script-badge-{script}.pdf")
    pdf.write_bytes(result.pdf)
    image = rasterise(result.pdf, dpi=DPI)[0]
    image.save(artifact(f"script-badge-{script}.png"))  # type: ignore[attr-defined]

    template = load_template(get_layout("a6").template, store)
    for field, expected in (("{last_name}", f"{first} {last}"), ("{organization}", org)):
        element = next(e for e in template.elements if field in e.text)
        mm = 72 / 25.4
        box = (element.x * mm, element.y * mm, (element.x + element.w) * mm,
               (element.y + element.h) * mm)
        assert _ink(image, box) > 150, f"{script}: the {field} box is blank"
        assert normal(_text_in(pdf, box)) == normal(expected), script
    names = " ".join(_embedded(pdf))
    assert face in names, names


def test_the_signature_list_prints_every_script(store: EventStore, tmp_path: Path) -> None:
    out = tmp_path / "unterschriften.pdf"
    export_day(store, DAY, out, ExportOptions(signature=True))
    text = normal(subprocess.run([require_tool("pdftotext"), str(out), "-"],
                                 capture_output=True, text=True, check=True).stdout)
    words = set(re.findall(r"[^\W_]+", text))
    for script, first, last, org, _face in SCRIPTS:
        name = normal(f"{last}, {first}")
        if fonts.has_rtl(name):
            # pdftotext orders a right-to-left name's comma by its own guess; the words
            # are all there, each in logical order (the PNG shows the line itself)
            assert set(re.findall(r"[^\W_]+", name)) <= words, script
        else:
            assert name in text, script
        # a long organisation wraps in its column (Chinese between two characters)
        assert normal(org).replace(" ", "") in text.replace(" ", ""), script
    names = " ".join(_embedded(out))
    for face in {s[4] for s in SCRIPTS}:
        assert face in names, (face, names)
    pdf_bytes = out.read_bytes()
    artifact("script-signature-list.pdf").write_bytes(pdf_bytes)
    pages = rasterise(pdf_bytes, dpi=DPI)
    pages[0].save(artifact("script-signature-list.png"))  # type: ignore[attr-defined]
    # every face's glyphs leave ink where they are placed
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as doc:
        for page, image in zip(doc.pages, pages, strict=True):
            by_font: dict[str, list[dict[str, float]]] = {}
            for ch in page.chars:
                by_font.setdefault(str(ch["fontname"]).split("+")[-1], []).append(ch)
            for name, chars in by_font.items():
                box = (min(c["x0"] for c in chars), min(c["top"] for c in chars),
                       max(c["x1"] for c in chars), max(c["bottom"] for c in chars))
                assert _ink(image, box) > 100, name


def test_characters_no_font_has_are_listed_for_the_desk(store: EventStore) -> None:
    """Emoji and private-use characters are left out, and the caller gets them."""
    assert fonts.unprintable_characters("李 小龙 😀 \ue000 Zoë") == ["😀", "\ue000"]
    assert fonts.unprintable_characters("अनिल शर्मा, 北京大学, محمد") == []
    person = Attendee(id="emoji", first_name="Zoë 😀", last_name="李", days=(DAY,))
    store.add_attendees([person])
    result = render_one(store, person)
    assert any("no font has" in w and "😀" in w for w in result.warnings), result.warnings


def test_the_system_fonts_fill_what_the_bundled_ones_lack(store: EventStore) -> None:
    """U+2603 (snowman) is in no bundled face; DejaVu Sans on Linux has it."""
    fonts.use_system_fonts(True)
    if fonts.unprintable_characters("☃"):
        pytest.skip("no system font with U+2603 on this machine")
    person = Attendee(id="snow", first_name="Snow ☃", last_name="Man", days=(DAY,))
    store.add_attendees([person])
    result = render_one(store, person)
    assert not [w for w in result.warnings if "no font has" in w]
    pdf = artifact("script-badge-system-font.pdf")
    pdf.write_bytes(result.pdf)
    assert "CheckinSystem" not in " ".join(_embedded(pdf))  # the face's own name is kept
    fonts.use_system_fonts(False)
    assert fonts.unprintable_characters("☃") == ["☃"]


def test_cjk_without_spaces_breaks_between_characters() -> None:
    from checkin.badges import textfit

    long_org = "中国科学院计算技术研究所网络数据科学与技术重点实验室"
    fitted = textfit.fit(long_org, 200, 40, max_size=14, min_size=8, max_lines=2)
    assert len(fitted.lines) == 2 and not fitted.cut
    assert "".join(fitted.lines) == long_org


def test_latin_badges_do_not_load_the_big_faces(tmp_path: Path) -> None:
    """A Latin-only process never reads the 5 MB CJK face (a fresh interpreter)."""
    code = ("from checkin.event.demo import create_demo; "
            "from checkin.badges import render_one, fonts;"
            f"s = create_demo({str(tmp_path / 'l.checkin')!r}, size=3);"
            "[render_one(s, a) for a in s.attendees()];"
            "print(sorted(fonts._registered))")
    import sys

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert "CheckinSansCJK" not in out and "CheckinSans" in out, out


def test_devanagari_conjuncts_are_shaped(store: EventStore) -> None:
    """शर्मा prints र्म as a conjunct (reph above म), not as र, a virama sign and म.

    Needs HarfBuzz (``uharfbuzz``): without it the glyphs are one per code point.
    """
    person = store.attendee("s-devanagari")
    assert person is not None
    pdf = render_one(store, person).pdf
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        glyphs = [c for c in doc.pages[0].chars if "Devanagari-Bold" in str(c["fontname"])]
    code_points = len("अनिल शर्मा")
    assert fonts.SHAPING, "uharfbuzz is not installed: Devanagari and Thai print unshaped"
    assert 0 < len(glyphs) < code_points, [c["text"] for c in glyphs]
