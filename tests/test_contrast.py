"""WCAG contrast: the helper itself, the result banner and both themes' palettes."""

from __future__ import annotations

import pytest

from tests.contrast import AA_NORMAL, contrast_ratio, parse_hex


def test_known_ratios() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#fff", "#ffffff") == pytest.approx(1.0)
    # WCAG's own example: #777 on white is just below AA
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#777777") == contrast_ratio("#777777", "#ffffff")


def test_bad_colour_is_refused() -> None:
    with pytest.raises(ValueError):
        parse_hex("#12345")


def test_result_banner_colours_meet_aa() -> None:
    from checkin.ui.door.desk_view import ResultBanner

    for kind, (fg, bg, icon) in ResultBanner.STYLES.items():
        assert contrast_ratio(fg, bg) >= AA_NORMAL, kind
        assert icon.strip(), f"{kind} needs an icon, not only a colour"
    icons = [icon for _fg, _bg, icon in ResultBanner.STYLES.values()]
    assert len(set(icons)) == len(icons), "each result state has its own icon"


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_palette_text_meets_aa(qapp, theme: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QPalette

    from checkin.ui.common.theme import TEXT_ON, dark_palette, light_palette

    palette = dark_palette() if theme == "dark" else light_palette()
    for text_role, background_role in TEXT_ON.items():
        fg = palette.color(QPalette.ColorGroup.Active, text_role).name()
        bg = palette.color(QPalette.ColorGroup.Active, background_role).name()
        assert contrast_ratio(fg, bg) >= AA_NORMAL, (theme, text_role.name, fg, bg)


def test_undone_has_its_own_colour_and_symbol() -> None:
    from checkin.ui.door.result_banner import ResultBanner

    fg, bg, icon = ResultBanner.STYLES["undone"]
    others = {kind: style for kind, style in ResultBanner.STYLES.items() if kind != "undone"}
    assert bg not in {b for _f, b, _i in others.values()}
    assert icon not in {i for _f, _b, i in others.values()}
    assert contrast_ratio(fg, bg) >= AA_NORMAL


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_stepped_back_banner_meets_aa(qtbot, appearance, theme: str) -> None:  # type: ignore[no-untyped-def]
    """The muted look of a result while the next name is typed, in the theme it is shown
    in, is still readable (and really differs from the full-strength result)."""
    from PySide6.QtWidgets import QWidget

    from checkin.ui.door.result_banner import ResultBanner

    appearance.apply(theme, 100)
    for fg, bg in ResultBanner.STEPPED_BACK.values():
        assert contrast_ratio(fg, bg) >= AA_NORMAL
    window = QWidget()
    qtbot.addWidget(window)
    banner = ResultBanner(window)
    window.resize(700, 200)
    window.show()
    for kind, (full_fg, full_bg, _icon) in ResultBanner.STYLES.items():
        banner.show_message(kind, "Welcome", "words")
        assert banner.colours == (full_fg, full_bg)
        banner.step_back()
        fg, bg = banner.colours
        assert (fg, bg) == ResultBanner.STEPPED_BACK[theme], kind
        assert contrast_ratio(fg, bg) >= AA_NORMAL, (theme, kind)
        shown = banner.grab().toImage().pixelColor(banner.width() // 2, 3).name()
        assert shown == bg  # what is painted is what was checked
