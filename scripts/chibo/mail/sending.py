"""`chibo send`: the letters of a period — its documents to each address of `Nơi nhận`, once.

One letter per address, carrying that recipient's documents of the period (the PDF, or the
Word file where no current PDF was made). A later run sends only what was not sent to that
address yet, or was rebuilt since.
"""

from __future__ import annotations

import re
from email.message import EmailMessage
from pathlib import Path

from ..documents.common import latest_quarter
from ..documents.document import Planned
from ..documents.kinds import KINDS, Period, period_documents
from ..errors import NotReady
from ..files import shown
from ..outputs.folder import OutputFolder, pdf_name, sha256
from ..rules.checked import Checked
from ..workbook.model import Workbook
from .delivery import Mailing
from .letter import Attachment, Letter, message_from_the_cell
from .record import SentLog
from .settings import SmtpSettings, draft_sender

DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")


def prepare_letters(checked: Checked, output_dir: str | Path, period: Period | None,
                    resend: bool, dry_run: bool = False) -> Mailing | None:
    """The letters of a period (None: the latest quarter held), composed and ready to show,
    draft or send (None when the workbook has errors). Nothing is sent."""
    workbook = checked.workbook
    if workbook is None or not checked.usable:
        return None
    if not any(r.email for r in workbook.recipients):
        raise NotReady("Chưa có địa chỉ email nào ở trang Nơi nhận: hãy ghi cột «Email» cho "
                       "những nơi nhận văn bản qua thư.")
    if period is None:
        period = Period(latest_quarter(workbook, checked.today))
        if period.quarter is None:
            raise NotReady("Sổ chưa có buổi sinh hoạt nào đã diễn ra: hãy chọn quý cần gửi, "
                           "hoặc báo cáo năm.")
    output = Path(output_dir)
    documents = [d for d in period_documents(workbook, period, checked.today) if d.kind.mailed]
    if period.year_end and not documents:
        raise NotReady(f"Chưa đến kỳ kiểm điểm cuối năm {workbook.settings.year}: hồ sơ kiểm "
                       "điểm, xếp loại lập từ tháng 12.")
    log = SentLog(workbook, output)
    letters = plan_letters(workbook, output, documents, resend, log)
    settings = None if dry_run or not letters else SmtpSettings.from_workbook(workbook.settings)
    sender = settings.sender if settings else draft_sender(workbook.settings)
    for letter in letters:
        letter.message = compose(letter, workbook, period, sender)
    drafts = output / str(workbook.settings.year) / period.folder / "thu"
    return Mailing(workbook, output, drafts, letters, log, settings,
                   _waiting_new_versions(output, documents))


def _attachments(output: Path, documents: list[Planned]) -> dict[str, Attachment]:
    """Each document as it would go out: its PDF when made from the document as it is now."""
    outputs = OutputFolder(output)
    files, missing = {}, []
    for document in documents:
        pdf, docx = output / pdf_name(document.path), output / document.path
        if not docx.is_file():
            missing.append(document.label)
            continue
        chosen = pdf if outputs.pdf_is_current(document.path) else docx
        files[document.path] = Attachment(document, chosen, chosen.relative_to(output).as_posix(),
                                          sha256(docx.read_bytes()))
    if missing:
        raise NotReady("Chưa lập: " + "; ".join(missing) + ". Hãy lập văn bản trước rồi gửi.")
    return files


def _addressee(line: str) -> str:
    return re.sub(r"\s*\([^)]*\)\s*$", "", line).strip()


def plan_letters(workbook: Workbook, output: Path, documents: list[Planned], resend: bool,
                 log: SentLog) -> list[Letter]:
    """Per address, the documents not yet sent there (or rebuilt since)."""
    files = _attachments(output, documents)
    # One letter per address, written as the secretary typed it (mail servers ignore case).
    addresses: dict[str, tuple[str, str, set[str]]] = {}
    for recipient in workbook.recipients:
        for address in recipient.email or ():
            _, _, codes = addresses.setdefault(address.casefold(),
                                               (address, _addressee(recipient.line), set()))
            codes.add(recipient.doc_type)
    letters = []
    for address, addressee, codes in addresses.values():
        attached: list[Attachment] = []
        replacing: list[str] = []
        for document in documents:
            if not any(document.kind.goes_to(code) for code in codes):
                continue
            attachment = files[document.path]
            if resend or not log.was_sent(address, document.path, attachment.document_sha256):
                attached.append(attachment)
                if log.was_sent(address, document.path):
                    replacing.append(document.path)
        if attached:
            letters.append(Letter(address, addressee, attached, replacing=replacing))
    return letters


def compose(letter: Letter, workbook: Workbook, period_of: Period, sender: str) -> EmailMessage:
    s = workbook.settings
    names = [k.name for k in KINDS if any(a.document.kind is k for a in letter.files)]
    period = period_of.words(s.year)
    again = " (bản thay thế)" if letter.replacing else ""
    message = message_from_the_cell(
        str(s.cell_name), sender, letter.address,
        f"{s.cell_name} gửi {', '.join(dict.fromkeys(names))} {period}{again}")
    listed = "\n".join(f"- {a.document.label} (tệp {a.path.name})"
                       + (", bản thay thế bản đã gửi trước" if a.document.path in letter.replacing
                          else "") for a in letter.files)
    message.set_content(
        f"Kính gửi: {letter.addressee},\n\n"
        f"{s.cell_name} xin gửi kèm theo thư này các văn bản {period}:\n{listed}\n\n"
        f"Trân trọng.\n\nT/M CHI BỘ\nBÍ THƯ\n{s.cell_secretary}\n")
    for path in (a.path for a in letter.files):
        kind = ("application", "pdf") if path.suffix == ".pdf" else DOCX_TYPE
        message.add_attachment(path.read_bytes(), maintype=kind[0], subtype=kind[1],
                               filename=path.name)
    return message


def _waiting_new_versions(output: Path, documents: list[Planned]) -> list[str]:
    """The period's documents she edited while the workbook moved on: hers is sent."""
    outputs = OutputFolder(output)
    notes = []
    for document in documents:
        newer = outputs.new_version_of(document.path)
        if newer is not None:
            notes.append(f"{document.label}: gửi bản đồng chí đã sửa "
                         f"({shown(outputs.path_of(document.path))}); bản mới theo sổ "
                         f"({shown(newer)}) chưa được chọn.")
    return notes
