"""Badge templates as data: a JSON document of elements placed in millimetres.

Why data, not code: organisers adjust a badge (move the logo, colour the
speakers) without a programmer, a template travels inside the event file,
and the editor can check it before anything is printed. Coordinates are in
mm from the badge's top-left corner, as on a ruler laid on the paper.

A template is checked completely when it is read: every problem is reported
at once, with the element and what to do, as a ``TemplateError``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from checkin.badges import fields as F
from checkin.badges import qr
from checkin.errors import UserError

MIN_MODULE_MM = 0.5
#: Fields with the same value on every badge of an event.
STATIC_FIELDS = frozenset({"event"})
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
ALIGNS = ("left", "center", "right")
VALIGNS = ("top", "middle", "bottom")
WEIGHTS = ("regular", "bold")


class TemplateError(UserError):
    """A badge template cannot be used as it is."""


@dataclass(frozen=True, slots=True)
class Element:
    """One thing on the badge; ``kind`` is text, box, image or qr."""

    kind: str
    x: float
    y: float
    w: float
    h: float
    text: str = ""
    color: str = "#000000"
    color_by: str = ""
    colors: Mapping[str, str] = field(default_factory=dict)
    weight: str = "regular"
    max_size: float = 12.0
    min_size: float = 6.0
    max_lines: int = 1
    align: str = "center"
    valign: str = "middle"
    src: str = ""
    optional: bool = False
    radius: float = 0.0

    @property
    def fields(self) -> list[str]:
        names = F.placeholders(self.text) if self.kind in ("text", "qr") else []
        return names + ([self.color_by] if self.color_by else [])

    @property
    def is_static(self) -> bool:
        """Drawn the same on every badge (so it can be drawn once, as a form)."""
        return set(self.fields) <= STATIC_FIELDS

    def color_for(self, values: Mapping[str, str]) -> str:
        if not self.color_by:
            return self.color
        return self.colors.get(values.get(self.color_by, ""), self.color)


@dataclass(frozen=True, slots=True)
class Template:
    name: str
    width_mm: float
    height_mm: float
    elements: tuple[Element, ...]
    background: str = ""
    back: tuple[Element, ...] | None = None
    description: str = ""
    source: Mapping[str, Any] = field(default_factory=dict)

    @property
    def fields(self) -> set[str]:
        return {name for e in (*self.elements, *(self.back or ())) for name in e.fields}


def _number(raw: Mapping[str, Any], key: str, where: str, problems: list[str],
            default: float | None = None) -> float:
    value = raw.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        problems.append(f"{where}: '{key}' must be a number of millimetres (got {value!r}).")
        return 0.0
    return float(value)


def _element(raw: Any, where: str, width: float, height: float,
             known: set[str], problems: list[str]) -> Element | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: must be an object with a 'type'.")
        return None
    kind = raw.get("type")
    if kind not in ("text", "box", "image", "qr"):
        problems.append(f"{where}: unknown type {kind!r}; use text, box, image or qr.")
        return None
    x = _number(raw, "x", where, problems)
    y = _number(raw, "y", where, problems)
    if kind == "qr":
        w = h = _number(raw, "size", where, problems)
    else:
        w = _number(raw, "w", where, problems)
        h = _number(raw, "h", where, problems)
    if w <= 0 or h <= 0:
        problems.append(f"{where}: width and height must be greater than 0 mm.")
    if x < -0.01 or y < -0.01 or x + w > width + 0.01 or y + h > height + 0.01:
        problems.append(f"{where}: lies outside the {width:g} × {height:g} mm badge "
                        f"(x {x:g}, y {y:g}, {w:g} × {h:g} mm). Move or shrink it.")
    opts: dict[str, Any] = {}
    for key in ("text", "color", "color_by", "weight", "align", "valign", "src"):
        if key in raw:
            if not isinstance(raw[key], str):
                problems.append(f"{where}: '{key}' must be text.")
            else:
                opts[key] = raw[key]
    if kind == "qr":
        opts.setdefault("text", "{code}")
    for key in ("max_size", "min_size", "radius"):
        if key in raw:
            opts[key] = _number(raw, key, where, problems)
    if "max_lines" in raw:
        if not isinstance(raw["max_lines"], int) or not 1 <= raw["max_lines"] <= 6:
            problems.append(f"{where}: 'max_lines' must be a whole number from 1 to 6.")
        else:
            opts["max_lines"] = raw["max_lines"]
    opts["optional"] = bool(raw.get("optional", False))
    colors = raw.get("colors", {})
    if not isinstance(colors, dict):
        problems.append(f"{where}: 'colors' must map values to colours like \"#1f6feb\".")
        colors = {}
    opts["colors"] = {str(k): v for k, v in colors.items()}
    for value in [opts.get("color", "#000000"), *opts["colors"].values()]:
        if not isinstance(value, str) or not _COLOR.match(value):
            problems.append(f"{where}: colour {value!r} is not of the form #RRGGBB.")
    if opts.get("weight", "regular") not in WEIGHTS:
        problems.append(f"{where}: weight must be one of {', '.join(WEIGHTS)}.")
    if opts.get("align", "center") not in ALIGNS:
        problems.append(f"{where}: align must be one of {', '.join(ALIGNS)}.")
    if opts.get("valign", "middle") not in VALIGNS:
        problems.append(f"{where}: valign must be one of {', '.join(VALIGNS)}.")
    element = Element(kind=kind, x=x, y=y, w=w, h=h, **opts)
    if element.min_size > element.max_size or element.min_size < 4:
        problems.append(f"{where}: min_size must be at least 4 pt and not above max_size.")
    try:
        names = element.fields
    except ValueError as exc:
        problems.append(f"{where}: {exc}; write fields as {{first_name}}.")
        return element
    unknown = [n for n in names if n not in known]
    if unknown:
        problems.append(f"{where}: unknown field {', '.join('{' + n + '}' for n in unknown)}. "
                        f"Known fields: {', '.join(sorted(known))}.")
    if kind == "qr" and not unknown:
        _check_qr(element, where, problems)
    return element


def _check_qr(element: Element, where: str, problems: list[str]) -> None:
    sample = element.text
    for name in F.placeholders(element.text):
        value = F.FIELDS[name].sample if name in F.FIELDS else "x" * 20
        sample = sample.replace("{" + name + "}", value)
    symbol = qr.encode(sample or " ")
    module = element.w / symbol.modules_with_quiet_zone
    if module < MIN_MODULE_MM:
        need = MIN_MODULE_MM * symbol.modules_with_quiet_zone
        problems.append(f"{where}: the QR code would have {module:.2f} mm modules; scanners "
                        f"need at least {MIN_MODULE_MM} mm. Make it at least {need:.1f} mm.")


def parse(raw: Any, *, extra_fields: Iterable[str] = (), name: str = "") -> Template:
    """A checked template from decoded JSON; ``TemplateError`` lists every problem."""
    label = name or (raw.get("name") if isinstance(raw, dict) else "") or "template"
    if not isinstance(raw, dict):
        raise TemplateError(f"Badge template '{label}' must be a JSON object.")
    problems: list[str] = []
    width = _number(raw, "width_mm", "page", problems)
    height = _number(raw, "height_mm", "page", problems)
    if problems or width <= 0 or height <= 0 or width > 1000 or height > 1000:
        raise TemplateError(f"Badge template '{label}': width_mm and height_mm must be sizes "
                            "in millimetres, e.g. 105 and 148 for A6.")
    known = set(F.known_fields(extra_fields))
    elements_raw = raw.get("elements")
    if not isinstance(elements_raw, list) or not elements_raw:
        raise TemplateError(f"Badge template '{label}' has no elements; add at least a name.")
    elements = [_element(e, f"element {i + 1}", width, height, known, problems)
                for i, e in enumerate(elements_raw)]
    back: list[Element | None] | None = None
    back_raw = raw.get("back", "same")
    if isinstance(back_raw, list):
        back = [_element(e, f"back element {i + 1}", width, height, known, problems)
                for i, e in enumerate(back_raw)]
    elif back_raw not in ("same", "none"):
        problems.append("'back' must be \"same\", \"none\" or a list of elements.")
    background = raw.get("background", "")
    if not isinstance(background, str):
        problems.append("'background' must be a file name (PDF, PNG or JPEG) or empty.")
        background = ""
    if problems:
        raise TemplateError(f"Badge template '{label}' cannot be used:\n  "
                            + "\n  ".join(problems))
    return Template(
        name=str(raw.get("name", label)), width_mm=width, height_mm=height,
        elements=tuple(e for e in elements if e is not None), background=background,
        back=(tuple(e for e in back if e is not None) if back is not None
              else (None if back_raw == "same" else ())),
        description=str(raw.get("description", "")), source=raw)


def loads(text: str, *, extra_fields: Iterable[str] = (), name: str = "") -> Template:
    """Parse JSON text; a syntax error says where it is."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TemplateError(f"Badge template '{name or 'template'}' is not valid JSON: "
                            f"{exc.msg} at line {exc.lineno}, column {exc.colno}.") from None
    return parse(raw, extra_fields=extra_fields, name=name)
