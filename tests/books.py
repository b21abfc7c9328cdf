"""Workbooks built in memory: the shipped sample laid out as `chibo init` lays it out (the same
rows, the same cells), changed in code and read and checked without a file. A rule test
costs a millisecond this way; the reader and the corpus keep real files."""

from __future__ import annotations

import copy
import datetime as dt
import io
from pathlib import Path

from chibo.rules.checked import check_records
from chibo.workbook import sample, schema
from chibo.workbook.creating import sheet_rows
from chibo.workbook.reading import column_letter, workbook_from_rows

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "workbook" / "chibo.xlsx"   # where the book "lives": its materials beside it
AFTER_SAMPLE_YEAR = dt.date(2023, 3, 1)


class Book:
    """A cell's workbook as settings (Mục -> value) and rows (sheet -> list of dicts by
    header), like `workbook/sample.py` declares the sample."""

    def __init__(self, settings: dict | None = None, rows: dict | None = None,
                 path: Path = SAMPLE):
        self.settings = copy.deepcopy(settings if settings is not None else sample.SETTINGS)
        self.rows = copy.deepcopy(rows if rows is not None else sample.ROWS)
        self.path = path

    # --- changes, each returning the address a problem would name ---------------------------

    def _sheet(self, name: str) -> schema.Sheet:
        return next(s for s in schema.SHEETS if s.name == name)

    def _index(self, sheet: str, where: tuple[str, object]) -> int:
        header, value = where
        for index, row in enumerate(self.rows.setdefault(sheet, [])):
            if row.get(header) == value:
                return index
        raise KeyError(where)

    def address(self, sheet: str, header: str, where: tuple[str, object]) -> str:
        """The cell ('C5') of `header` in the row where where[0] == where[1]."""
        return self._cell(sheet, header, self._index(sheet, where))

    def _cell(self, sheet: str, header: str, index: int) -> str:
        columns = [c.header for c in self._sheet(sheet).columns]
        return f"{column_letter(columns.index(header))}{index + 2}"

    def set(self, sheet: str, header: str, where: tuple[str, object], value) -> str:
        index = self._index(sheet, where)
        self.rows[sheet][index][header] = value
        return self._cell(sheet, header, index)

    def set_setting(self, key: str, value) -> str:
        self.settings[key] = value
        keys = [s.header for s in schema.SETTINGS.settings]
        return f"B{keys.index(key) + 2}"

    def append(self, sheet: str, values: dict) -> int:
        """Add a row after the last; its row number."""
        self.rows.setdefault(sheet, []).append(dict(values))
        return len(self.rows[sheet]) + 1

    def delete(self, sheet: str, where: tuple[str, object]) -> None:
        del self.rows[sheet][self._index(sheet, where)]

    def rename_meeting(self, old: str, new: str) -> None:
        """Give a meeting another Mã buổi everywhere it is named."""
        for sheet, header in (("Buổi sinh hoạt", "Mã buổi"), ("Văn bản", "Kỳ"),
                              ("Vắng mặt", "Mã buổi"), ("Ý kiến", "Mã buổi"),
                              ("Nhiệm vụ", "Mã buổi"), ("Chấm điểm", "Mã buổi")):
            for row in self.rows.get(sheet, []):
                if row.get(header) == old:
                    row[header] = new

    # --- reading and checking ------------------------------------------------------------------

    def cells(self) -> dict[str, list[list]]:
        """Each sheet's cells from A1, exactly as the file `chibo init` writes would hold them."""
        return sheet_rows(self.settings, self.rows)

    def read(self):
        """(Workbook, the problems of reading), as from a file."""
        return workbook_from_rows(self.cells(), self.path)

    def check(self, today: dt.date = AFTER_SAMPLE_YEAR):
        """Every problem the rules find, as of `today`."""
        workbook, read = self.read()
        return check_records(workbook, read, today)

    def paper(self, code: str, period: str, today: dt.date = AFTER_SAMPLE_YEAR) -> io.BytesIO:
        """A document of the book — by its code in `Văn bản` and its period — rendered from
        its template as `build-report` writes it, as a file in memory."""
        from chibo.documents.kinds import year_documents
        from chibo.documents.rendering import TEMPLATES_DIR, render

        workbook, _ = self.read()
        planned = next(p for p in year_documents(workbook, today)
                       if p.kind.code == code and p.period == period)
        document = planned.compose(workbook, today)
        return io.BytesIO(render(document, TEMPLATES_DIR, workbook.settings))

    def save(self, path: Path) -> Path:
        """The same book as a real .xlsx file."""
        from chibo.workbook.creating import build_workbook

        build_workbook(self.settings, self.rows).save(path)
        return path
