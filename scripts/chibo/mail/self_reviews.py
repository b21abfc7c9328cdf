"""`chibo send --self-reviews`: each member her own self-review of the year, prefilled by
chibo, as a Word file she completes and hands back before the review meeting (HD 43-HD/BTCTW).

One letter to each member with an email. It goes through the same sent log as every letter:
a member gets her self-review once, and again, marked «(bản thay thế)», only when it changed.
"""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

from ..documents.common import name_of
from ..documents.kinds import SELF_REVIEW, review_meetings, year_documents
from ..errors import NotReady
from ..outputs.folder import sha256
from ..rules.checked import Checked
from ..wording import short_date
from ..workbook import schema
from ..workbook.model import Workbook
from .delivery import Mailing
from .letter import Attachment, Letter, message_from_the_cell
from .record import SentLog
from .sending import DOCX_TYPE
from .settings import SmtpSettings, draft_sender


def prepare_self_reviews(checked: Checked, output_dir: str | Path, resend: bool,
                         dry_run: bool = False) -> Mailing | None:
    """Each member's self-review, to her own address, composed and ready to show, draft or
    send (None when the workbook has errors). Nothing is sent."""
    workbook = checked.workbook
    if workbook is None or not checked.usable:
        return None
    reviews = [p for p in year_documents(workbook, checked.today) if p.kind is SELF_REVIEW]
    if not reviews:
        raise NotReady(f"Chưa đến kỳ kiểm điểm cuối năm {workbook.settings.year}: bản kiểm điểm "
                       "cá nhân lập từ tháng 12.")
    output = Path(output_dir)
    missing = [p.label for p in reviews if not (output / p.path).is_file()]
    if missing:
        raise NotReady("Chưa lập: " + "; ".join(missing) + ". Hãy lập hồ sơ cuối năm trước "
                       "rồi gửi.")
    log = SentLog(workbook, output)
    due = []
    for planned in reviews:
        assert planned.member is not None   # year_documents gives each self-review its member
        docx = output / planned.path
        attachment = Attachment(planned, docx, planned.path, sha256(docx.read_bytes()))
        for address in planned.member.email or ():
            if resend or not log.was_sent(address, planned.path, attachment.document_sha256):
                again = [planned.path] if log.was_sent(address, planned.path) else []
                due.append(Letter(address, str(planned.member.name), [attachment],
                                  replacing=again))
    settings = None if dry_run or not due else SmtpSettings.from_workbook(workbook.settings)
    sender = settings.sender if settings else draft_sender(workbook.settings)
    for letter in due:
        letter.message = compose(letter, workbook, checked, sender)
    away = [str(p.member.name) for p in reviews if p.member is not None and not p.member.email]
    notes = [f"Chưa có email của {len(away)} đồng chí, cần gửi bản kiểm điểm trực tiếp: "
             + "; ".join(away) + "."] if away else []
    drafts = output / str(workbook.settings.year) / "cuoi-nam" / "thu-ban-kiem-diem"
    return Mailing(workbook, output, drafts, due, log, settings, notes)


def _deadline(workbook: Workbook, checked: Checked) -> str:
    """'trước hội nghị kiểm điểm ngày 20/12/2022' when the meeting is in the book ahead."""
    ahead = [m for m in workbook.meetings if m.kind == schema.REVIEW_KIND and m.date
             and m.date.year == workbook.settings.year and m.date >= checked.today]
    if ahead:
        return f"trước hội nghị kiểm điểm ngày {short_date(min(m.date for m in ahead))}"
    held = review_meetings(workbook, checked.today)
    return "để chi bộ lưu hồ sơ" if held else "trước hội nghị kiểm điểm của chi bộ"


def compose(letter: Letter, workbook: Workbook, checked: Checked, sender: str) -> EmailMessage:
    s = workbook.settings
    again = " (bản thay thế)" if letter.replacing else ""
    message = message_from_the_cell(
        str(s.cell_name), sender, letter.address,
        f"{s.cell_name} gửi đồng chí bản kiểm điểm cá nhân năm {s.year}{again}")
    message.set_content("\n".join([
        f"Kính gửi: đồng chí {letter.addressee},", "",
        f"{s.cell_name} gửi đồng chí bản kiểm điểm cá nhân năm {s.year} (tệp "
        f"{letter.files[0].path.name}). Chi bộ đã ghi sẵn phần lý lịch, số buổi sinh hoạt đồng "
        "chí đã dự, vắng và các nhiệm vụ chi bộ giao cùng kết quả theo sổ của chi bộ.",
        "Đề nghị đồng chí kiểm tra lại, viết các phần còn để dòng chấm (ưu điểm, khuyết điểm, "
        f"biện pháp khắc phục, tự xếp loại), ký và gửi lại chi ủy {_deadline(workbook, checked)}."
        + (" Bản này thay bản đã gửi trước." if letter.replacing else ""), "",
        "Trân trọng.", "", "T/M CHI BỘ", "BÍ THƯ", str(name_of(workbook, s.cell_secretary))])
        + "\n")
    message.add_attachment(letter.files[0].path.read_bytes(), maintype=DOCX_TYPE[0],
                           subtype=DOCX_TYPE[1], filename=letter.files[0].path.name)
    return message
