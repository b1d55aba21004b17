"""Build the bundled badge fonts that are not shipped unmodified (a developer's step).

Why: badges and lists embed their fonts, and reportlab embeds only TrueType
outlines. Noto Sans CJK (the one free face that covers Chinese, Japanese and
Korean alike) ships as CFF/OpenType and weighs 19 MB per weight. This script
keeps the characters names and organisations actually use -- GB 2312 (levels
1 and 2), Big5 level 1, JIS X 0208 (both levels, so every Joyo kanji), all
11,172 Hangul syllables, kana, CJK punctuation and full-width forms -- and
converts the outlines to TrueType (cu2qu), giving one ~5.5 MB face. Bold CJK
is drawn from it with a stroke (see ``checkin/badges/fonts.py``).

Noto Sans Devanagari and Noto Sans Thai are copied unmodified (small, and
their shaping tables are kept whole).

Sources are Debian's packages (the OFL 1.1 fonts):

    apt-get install fonts-noto-cjk fonts-noto-core
    PYTHONPATH=. python packaging/subset_fonts.py          # needs fontTools

The result is committed under ``resources/fonts``; the app itself
never needs fontTools. Run it again only to change the character set.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "fonts"
CJK_SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
CJK_FACE = "Noto Sans CJK SC"  # simplified Chinese forms; the face maps every CJK code point
CJK_OUT = "NotoSansCJKsc-Regular-subset.ttf"
CORE = Path("/usr/share/fonts/truetype/noto")
COPIED = ("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf",
          "NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf")

#: Code point ranges kept whole (inclusive).
RANGES = (
    (0x0020, 0x007E),  # ASCII (digits and punctuation inside CJK names)
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3040, 0x30FF),  # hiragana, katakana
    (0x31F0, 0x31FF),  # katakana phonetic extensions
    (0x3131, 0x318E),  # Hangul compatibility jamo
    (0xAC00, 0xD7A3),  # all Hangul syllables
    (0xFF01, 0xFF60),  # full-width forms
    (0xFF61, 0xFF9F),  # half-width katakana
    (0xFFE0, 0xFFE6),  # full-width signs
)
#: Joyo kanji (2010) outside JIS X 0208.
JOYO_EXTRA = "𠮟塡剝頰"


def _double_byte(codec: str, rows: tuple[int, int], cols: tuple[int, int],
                 last: bytes = b"\xff\xff") -> set[str]:
    """Every character a double-byte national code set has in the given rows."""
    out: set[str] = set()
    for hi in range(rows[0], rows[1] + 1):
        for lo in range(cols[0], cols[1] + 1):
            raw = bytes((hi, lo))
            if raw > last:
                continue
            with contextlib.suppress(UnicodeDecodeError):
                out.add(raw.decode(codec))
    return out


def cjk_characters() -> set[str]:
    """The characters the CJK subset keeps (about 22,000)."""
    han = (_double_byte("gb2312", (0xB0, 0xF7), (0xA1, 0xFE))            # GB 2312 levels 1+2
           | _double_byte("big5", (0xA4, 0xC6), (0x40, 0xFE), b"\xc6\x7e")  # Big5 level 1
           | _double_byte("euc_jp", (0xB0, 0xF4), (0xA1, 0xFE))          # JIS X 0208 kanji
           | set(JOYO_EXTRA))
    kept = {chr(c) for lo, hi in RANGES for c in range(lo, hi + 1)}
    return han | kept


def _to_truetype(font: object) -> None:
    """Replace CFF outlines by quadratic TrueType ones (what reportlab can embed)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    assert isinstance(font, TTFont)
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 3.0  # no glyph names: 22,000 names would cost 200 KB
    font.sfntVersion = "\x00\x01\x00\x00"


def build_cjk(source: Path, out: Path) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(source))
    index = next(i for i, f in enumerate(collection.fonts)
                 if f["name"].getDebugName(1) == CJK_FACE)
    font = collection.fonts[index]
    options = subset.Options()
    options.layout_features = []   # CJK needs no shaping; vertical forms are not used
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True
    options.drop_tables += ["vhea", "vmtx", "VORG", "BASE", "GSUB", "GPOS", "JSTF", "DSIG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in cjk_characters()))
    subsetter.subset(font)
    _to_truetype(font)
    font.save(str(out))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cjk", type=Path, default=CJK_SOURCE, help="NotoSansCJK-Regular.ttc")
    parser.add_argument("--core", type=Path, default=CORE, help="folder of Noto .ttf files")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    started = time.monotonic()
    for name in COPIED:
        shutil.copyfile(args.core / name, args.out / name)
    build_cjk(args.cjk, args.out / CJK_OUT)
    for name in (*COPIED, CJK_OUT):
        print(f"{name}: {(args.out / name).stat().st_size / 1e6:.2f} MB")
    print(f"done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
