"""The XLSX writer reuses one cell object per column: every row must keep its own values."""

from __future__ import annotations

import io
from datetime import datetime

import openpyxl

from checkin.export.xlsx import XlsxWriter


class _Row:
    def __init__(self, i: int) -> None:
        self.i = i

    def value(self, column: str, language: str = "en") -> str | datetime | None:
        return {"last_name": f"=A{self.i}", "first_name": f"=B{self.i}",
                "checked_in_at": datetime(2017, 9, 19, 8, self.i)}.get(column)


def test_each_row_keeps_its_own_formula_like_texts_and_time() -> None:
    writer = XlsxWriter(["last_name", "first_name", "checked_in_at", "desk"])
    writer.add_sheet("2017-09-19", [_Row(i) for i in range(1, 4)])  # type: ignore[misc]
    out = io.BytesIO()
    writer.save(out)
    out.seek(0)
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows == [(f"=A{i}", f"=B{i}", datetime(2017, 9, 19, 8, i), None) for i in (1, 2, 3)]
    assert all(sheet.cell(r, 1).data_type == "s" for r in (2, 3, 4))  # text, not formulas
    assert all(sheet.cell(r, 3).number_format == "yyyy-mm-dd hh:mm" for r in (2, 3, 4))
