"""Badges: declarative templates rendered to print-ready PDF with reportlab (no Qt).

``render_one`` and ``render_batch`` (in :mod:`checkin.badges.batch`) are the
entry points; ``badge_location`` tells the door where a pre-printed badge is.
"""

from checkin.badges.batch import BatchResult, Selection, render_batch, render_one
from checkin.badges.layouts import PRESETS, Layout, get_layout
from checkin.badges.records import BadgeLocation, badge_location, mark_handed_out
from checkin.badges.template import Template, TemplateError

__all__ = ["PRESETS", "BadgeLocation", "BatchResult", "Layout", "Selection", "Template",
           "TemplateError", "badge_location", "get_layout", "mark_handed_out", "render_batch",
           "render_one"]
