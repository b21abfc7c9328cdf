"""Random values in random cells: a clean result or clean problems, never an exception — and
every value either read as its column says or reported at its own cell (the oracle)."""

import datetime as dt
import os
import tempfile
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from books import SAMPLE, Book
from chibo.documents.kinds import year_documents
from chibo.overview.status import status
from chibo.rules.checked import Checked, check_records
from chibo.workbook import schema
from chibo.workbook.reading import column_letter, workbook_from_rows
from conftest import run

CELL_VALUES = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.text(alphabet="0123456789/-:hg. ", max_size=12),
    st.integers(min_value=-10**12, max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1)),
    st.times(),
    st.sampled_from(["=1+", "=A1", "#N/A", "Đ/c", "Quý 5", "\u0301", "&<>\"'", " ", "2.0"]),
)
SHEETS = {sheet.name: sheet for sheet in schema.SHEETS}
CHANGES = st.lists(st.tuples(st.sampled_from(list(SHEETS)), st.integers(1, 25),
                             st.integers(1, 18), CELL_VALUES), min_size=1, max_size=6)
TODAY = dt.date(2023, 3, 1)


def changed_cells(changes) -> dict[str, list[list]]:
    """The sample's cells with the changes made, as a reader would get them."""
    cells = Book().cells()
    for sheet, row, column, value in changes:
        grid = cells[sheet]
        while len(grid) < row:
            grid.append([])
        line = grid[row - 1]
        line.extend([None] * (column - len(line)))
        line[column - 1] = value
    return cells


def _is_empty(value) -> bool:
    """Empty as a secretary sees it: nothing, or only spaces and invisible control marks."""
    from chibo.workbook.values import clean_text

    return value is None or (isinstance(value, str) and not clean_text(value).strip())


def _read_or_reported(workbook, report, sheet: schema.Sheet, changes) -> None:
    """The oracle: a value in a column of the contract is in its record, or a problem names
    its cell (a record is a row, under headers left as they were)."""
    if any(s == sheet.name and row == 1 for s, row, _, _ in changes) or sheet.is_key_value:
        return
    final = {(row, column): value for s, row, column, value in changes if s == sheet.name}
    places = {p.cell for p in report.problems if p.sheet == sheet.name}
    records = {r.row: r for r in getattr(workbook, sheet.field)}
    for (row, column), value in final.items():
        if row == 1 or column > len(sheet.columns) or _is_empty(value):
            continue
        field = sheet.columns[column - 1].field
        cell = f"{column_letter(column - 1)}{row}"
        record = records.get(row)
        assert record is not None, (sheet.name, cell, value)
        assert record.values[field] is not None or cell in places, (sheet.name, cell, value)


@settings(max_examples=int(os.environ.get("HYPO_N", 150)), deadline=None)
@given(changes=CHANGES)
def test_random_values_in_random_cells_are_read_or_reported_at_their_cell(changes):
    workbook, read = workbook_from_rows(changed_cells(changes), SAMPLE)
    report = check_records(workbook, read, TODAY)
    for problem in report.problems:
        assert problem.severity in ("error", "warning")
        assert problem.message and problem.sheet
    for sheet in schema.SHEETS:
        _read_or_reported(workbook, report, sheet, changes)
    checked = Checked(SAMPLE, workbook, report, TODAY)
    if checked.usable:   # what the build and the status would do with it
        for planned in year_documents(workbook, TODAY):
            assert planned.compose(workbook, TODAY).context
    if workbook.settings.year is not None:
        with tempfile.TemporaryDirectory() as output:
            assert status(checked, Path(output)).quarters


@settings(max_examples=int(os.environ.get("HYPO_FILES_N", 6)), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=CHANGES)
def test_random_cells_saved_in_a_real_file_give_clean_commands(tmp_path_factory, changes):
    """check, status and build-report on a real file with random values in random cells."""
    path = tmp_path_factory.mktemp("hypo") / "chibo.xlsx"
    book = openpyxl.load_workbook(SAMPLE)
    for sheet, row, column, value in changes:
        if isinstance(value, str):
            value = "".join(c for c in value if c >= " " or c in "\n\t")  # openpyxl refuses others
        book[sheet].cell(row=row, column=column).value = value
    book.save(path)
    for command in (["check", path], ["status", path, "-o", path.parent / "out"],
                    ["build-report", path, "--all", "--no-pdf", "-o", path.parent / "out"]):
        result = run(*command)
        assert result.exit_code in (0, 1), (command, result.output)
        assert "Lỗi không mong đợi" not in result.output, (command, result.output)
