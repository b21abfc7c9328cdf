"""Shared fixtures: every test workbook is the shipped sample, copied and changed in code."""

from __future__ import annotations

import asyncio
import datetime as dt
import email
import email.policy
import shutil
import socket
import threading
from pathlib import Path

import openpyxl
import pytest
from aiosmtpd.controller import Controller
from click.testing import CliRunner

from books import Book
from chibo.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "workbook" / "chibo.xlsx"
# The 2022 plan the product was born from, kept word for word (typos included).
SEED = ROOT / "tests" / "data" / "seed-ke-hoach-2022.txt"
# The sample is for 2022: checked as of a day in 2023, every quarter of it has ended.
AFTER_SAMPLE_YEAR = dt.date(2023, 3, 1)


@pytest.fixture(autouse=True, scope="session")
def _private_data_folder(tmp_path_factory):
    """chibo's records of mail sent live outside output/ (places.data_folder): never the
    developer's own, and each test its own (below)."""
    import os

    os.environ["CHIBO_DATA_DIR"] = str(tmp_path_factory.mktemp("chibo-data"))


@pytest.fixture(autouse=True)
def data_folder(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "chibo-data"
    monkeypatch.setenv("CHIBO_DATA_DIR", str(folder))
    return folder


def sent_record() -> Path:
    """Where the sample's record of mail sent is kept (outside output/)."""
    from chibo.places import sent_record as place

    return place("Chi bộ Mầm non Mỹ Hòa", 2022)


@pytest.fixture
def sample(tmp_path) -> Path:
    """A private copy of the sample workbook, with the materials its meetings name."""
    # a folder of its own beside tmp_path: what tests write into tmp_path stays apart
    folder = tmp_path.with_name(tmp_path.name + "-so")
    folder.mkdir()
    path = folder / "chibo.xlsx"
    shutil.copyfile(SAMPLE, path)
    shutil.copytree(SAMPLE.parent / "tai-lieu", folder / "tai-lieu")
    return path


@pytest.fixture(scope="session")
def year_built(tmp_path_factory) -> Path:
    """The sample's whole year built once (no PDF): the output folder, to copy."""
    output = tmp_path_factory.mktemp("year-built") / "out"
    assert run("build-report", SAMPLE, "--all", "--no-pdf", "-o", output).exit_code == 0
    return output


@pytest.fixture
def book() -> Book:
    """The sample, in memory: changed in code, checked without a file."""
    return Book()


def column_of(sheet, header: str) -> int:
    for cell in sheet[1]:
        if cell.value == header:
            return cell.column
    raise KeyError(header)


def row_of(sheet, header: str, value) -> int:
    """The first row whose `header` column holds `value`."""
    column = column_of(sheet, header)
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row=row, column=column).value == value:
            return row
    raise KeyError(value)


def address(path, sheet: str, header: str, where: tuple[str, object]) -> str:
    """The address ('C5') of `header` in the row where where[0] == where[1]."""
    if isinstance(path, Book):
        return path.address(sheet, header, where)
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    cell = ws.cell(row=row_of(ws, *where), column=column_of(ws, header))
    return cell.coordinate


def edit(path: Path, change) -> Path:
    """Open with openpyxl, apply `change(book)`, save."""
    book = openpyxl.load_workbook(path)
    change(book)
    book.save(path)
    return path


def set_cell(path, sheet: str, header: str, where: tuple[str, object], value) -> str:
    """Set `header` in the row where where[0] == where[1] (of a file, or of a book in
    memory); returns the cell's address."""
    if isinstance(path, Book):
        return path.set(sheet, header, where, value)
    found = {}

    def change(book):
        ws = book[sheet]
        cell = ws.cell(row=row_of(ws, *where), column=column_of(ws, header))
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"
        found["cell"] = cell.coordinate

    edit(path, change)
    return found["cell"]


def set_setting(path, key: str, value) -> str:
    if isinstance(path, Book):
        return path.set_setting(key, value)
    return set_cell(path, "Thông tin", "Giá trị", ("Mục", key), value)


def append_row(path, sheet: str, values: dict) -> int:
    """Add a row after the last record; returns its row number."""
    if isinstance(path, Book):
        return path.append(sheet, values)
    found = {}

    def change(book):
        ws = book[sheet]
        first_column = 1
        row = 2
        while ws.cell(row=row, column=first_column).value not in (None, ""):
            row += 1
        for header, value in values.items():
            ws.cell(row=row, column=column_of(ws, header)).value = value
        found["row"] = row

    edit(path, change)
    return found["row"]


def run(*args: str):
    """Run the chibo command line in-process; returns click's Result."""
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def check(path, today=AFTER_SAMPLE_YEAR):
    """Every problem `chibo check` reports of a workbook on a day (with the day's reminders);
    of a book in memory, every problem its rules find."""
    if isinstance(path, Book):
        return path.check(today)
    from chibo.overview.today import check_for_the_day

    return check_for_the_day(path, today)


def check_problems(path: Path, today=AFTER_SAMPLE_YEAR):
    return check(path, today=today)


def messages(report) -> list[str]:
    return [str(p) for p in report.sorted()]


def meeting_ids(quarter=None) -> list[str]:
    """Mã buổi of the sample's meetings (of one quarter), in date order — but the year's
    review meeting, whose minutes are of the year's pack."""
    from chibo.workbook import sample as data

    meetings = sorted(data.ROWS["Buổi sinh hoạt"], key=lambda m: m["Ngày"])
    return [m["Mã buổi"] for m in meetings if m["Loại"] != "Kiểm điểm cuối năm"
            and (quarter is None or (m["Ngày"].month - 1) // 3 + 1 == quarter)]


def meeting_papers(quarter=None) -> list[str]:
    """The files of the sample's meetings (of one quarter): minutes, resolutions, score
    sheets, as 'quy-N/name.docx'."""
    from chibo.workbook import sample as data

    scored = {s["Mã buổi"] for s in data.ROWS["Chấm điểm"]}
    papers = []
    for meeting in data.ROWS["Buổi sinh hoạt"]:
        if meeting["Loại"] == "Kiểm điểm cuối năm":
            continue   # the year's review: its minutes are in the pack (year_end_papers)
        q = (meeting["Ngày"].month - 1) // 3 + 1
        if quarter is not None and q != quarter:
            continue
        papers.append(f"quy-{q}/bien-ban-{meeting['Mã buổi']}.docx")
        if meeting.get("Ra nghị quyết") == "Có":
            papers.append(f"quy-{q}/nghi-quyet-{meeting['Mã buổi']}.docx")
        if meeting["Mã buổi"] in scored:
            papers.append(f"quy-{q}/cham-diem-{meeting['Mã buổi']}.docx")
    return papers


def year_end_papers() -> list[str]:
    """The files of the sample's year's review pack, as 'cuoi-nam/name.docx': the cell's
    report, the review meeting's minutes, the list of levels, a self-review per member."""
    from chibo.wording import slug
    from chibo.workbook import sample as data

    return (["cuoi-nam/bao-cao-kiem-diem-tap-the-2022.docx", "cuoi-nam/bien-ban-kiem-diem-2022-KD.docx",
             "cuoi-nam/danh-sach-de-nghi-xep-loai-2022.docx"]
            + [f"cuoi-nam/ban-kiem-diem/ban-kiem-diem-{slug(m['Họ và tên'])}.docx"
               for m in data.ROWS["Đảng viên"] if "Ngày chuyển đi" not in m])


def documents_of_year() -> int:
    """How many documents the sample's whole year makes: plan, meeting papers, 4 + 1
    reports, the year's review pack."""
    return 1 + len(meeting_papers()) + 4 + 1 + len(year_end_papers())


def rename_meeting(path, old: str, new: str) -> None:
    """Give a meeting another Mã buổi everywhere it is named."""
    if isinstance(path, Book):
        return path.rename_meeting(old, new)
    places = (("Buổi sinh hoạt", "Mã buổi"), ("Văn bản", "Kỳ"), ("Vắng mặt", "Mã buổi"),
              ("Ý kiến", "Mã buổi"), ("Nhiệm vụ", "Mã buổi"), ("Chấm điểm", "Mã buổi"))

    def change(book):
        for sheet, header in places:
            ws = book[sheet]
            column = column_of(ws, header)
            for row in range(2, ws.max_row + 1):
                if ws.cell(row=row, column=column).value == old:
                    ws.cell(row=row, column=column).value = new

    edit(path, change)


# --- a real mail server on 127.0.0.1 ----------------------------------------------------------

class Inbox:
    """Collects what the server accepts; refuses the addresses in `refuse`."""

    def __init__(self):
        self.messages = []
        self.refuse = set()
        self.drop_after = None   # close the connection after this many messages
        self.busy = None         # '421 …': the server takes no mail for now
        self.then_drop = False   # take a message, then drop the line before replying
        self.reply_after = 0.0   # seconds before the reply to a message
        self.received = threading.Event()   # set at each message taken

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if self.busy:
            return self.busy
        envelope.mail_from = address
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 Hộp thư không tồn tại"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.drop_after is not None and len(self.messages) >= self.drop_after:
            server.transport.close()
            return "421 closing"
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        self.received.set()
        if self.then_drop:
            server.transport.close()
            return None
        await asyncio.sleep(self.reply_after)
        return "250 OK"

    def to(self, address):
        return [m for m in self.messages if m["To"] == address]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def inbox():
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    handler.port = controller.port
    yield handler
    controller.stop()


@pytest.fixture
def smtp_env(monkeypatch, inbox):
    monkeypatch.setenv("CHIBO_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("CHIBO_SMTP_PORT", str(inbox.port))
    monkeypatch.setenv("CHIBO_SMTP_SECURITY", "none")
    monkeypatch.delenv("CHIBO_SMTP_USER", raising=False)
    monkeypatch.delenv("CHIBO_SMTP_PASSWORD", raising=False)
    return monkeypatch


@pytest.fixture
def mail_server(sample, inbox):
    """The real SMTP server of `inbox`, set up in the sample's `Thông tin`: its inbox."""
    for key, value in (("Máy chủ thư (SMTP)", "127.0.0.1"), ("Cổng", inbox.port),
                       ("Bảo mật", "Không")):
        set_setting(sample, key, value)
    return inbox
