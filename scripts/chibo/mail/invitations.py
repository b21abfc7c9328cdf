"""`chibo invite`: the invitation to a meeting, with its materials (HD 42-HD/BTCTW: members
and the upper committee's member who follows the cell are notified, and the materials reach
them at least a day before).

One letter to each member with an email — an exempted member too, told attendance is not
required — and to the upper committee's member of `Thông tin`. It goes through the same
settings, sent log, drafts and retries as `chibo send`: each member is invited once per
meeting, and again, marked «(thay đổi)», only when the meeting changed.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
from email.message import EmailMessage
from pathlib import Path

from ..documents.common import activity, meeting_by_id, name_of, theme_of_meeting
from ..errors import NotReady
from ..files import not_a_file
from ..rules.checked import Checked
from ..wording import paragraphs, quoted, short_date, slug, time_in_words
from ..workbook import schema
from ..workbook.model import Record, Workbook, in_cell_on, materials_of
from .delivery import Mailing
from .letter import Letter, message_from_the_cell
from .record import SentLog
from .settings import SmtpSettings, draft_sender


def meeting_version(workbook: Workbook, meeting: Record) -> str:
    """What an invitation says, as a hash: a change sends the invitation again."""
    title, presenter = theme_of_meeting(workbook, meeting)
    facts = [str(meeting.date), str(meeting.start), str(meeting.end), meeting.place, meeting.kind,
             title, presenter] + agenda(workbook, meeting)
    for path in materials_of(workbook, meeting):
        facts.append(hashlib.sha256(path.read_bytes()).hexdigest() if not_a_file(path) is None
                     else str(path))
    return hashlib.sha256(json.dumps(facts, ensure_ascii=False).encode()).hexdigest()


def invitees(workbook: Workbook, meeting: Record) -> list[tuple[str, str, str]]:
    """(address, name, who): the members in the cell on the day with an email, and the
    upper committee's member; who is 'member', 'exempt' or 'liaison'."""
    found, seen = [], set()
    for member in workbook.members:
        if member.name and member.email and in_cell_on(member, meeting.date):
            who = "exempt" if member.exempt == "Có" else "member"
            for address in member.email:
                if address.casefold() not in seen:
                    seen.add(address.casefold())
                    found.append((address, member.name, who))
    liaison = workbook.settings.values.get("liaison")
    for address in workbook.settings.values.get("liaison_email") or ():
        if address.casefold() not in seen:
            seen.add(address.casefold())
            found.append((address, str(liaison or "đồng chí phụ trách chi bộ"), "liaison"))
    return found


def agenda(workbook: Workbook, meeting: Record) -> list[str]:
    """What an invitation announces: the meeting's `Chương trình` as she wrote it, or else
    its usual items — the month's regular business, the quarter's theme and who presents it.
    Never `Tóm tắt nội dung`: that is what the minutes say happened."""
    written = paragraphs(meeting.agenda)
    if written:
        return written
    items = []
    if meeting.kind in ("Thường kỳ", "Kết hợp"):
        items.append(f"Sinh hoạt thường kỳ: đánh giá kết quả thực hiện nhiệm vụ tháng trước, "
                     f"đề ra nhiệm vụ tháng {meeting.date.month}/{meeting.date.year}.")
    title, presenter = theme_of_meeting(workbook, meeting)
    if meeting.kind in schema.THEMATIC_KINDS and title:
        items.append(f"Sinh hoạt chuyên đề: {quoted(title)}"
                     + (f", đồng chí {presenter} trình bày" if presenter else "") + ".")
    return items or ["Sinh hoạt chi bộ."]


def unreached(workbook: Workbook, meeting: Record) -> list[str]:
    """Who cannot be invited by mail — members in the cell on the day without an email, the
    liaison without his — to be told another way."""
    names = [m.name for m in workbook.members
             if m.name and not m.email and in_cell_on(m, meeting.date)]
    liaison = workbook.settings.values.get("liaison")
    if liaison and not workbook.settings.values.get("liaison_email"):
        names.append(f"{liaison} (đồng chí phụ trách chi bộ)")
    return names


def compose_invitation(workbook: Workbook, meeting: Record, address: str, name: str, who: str,
                       changed: bool, sender: str, materials: list[Path]) -> EmailMessage:
    s = workbook.settings
    what = activity(meeting)
    message = message_from_the_cell(str(s.cell_name), sender, address,
                                    f"Giấy mời {what} ngày {short_date(meeting.date)}"
                                    + (" (thay đổi)" if changed else ""))
    lines = [f"Kính gửi: đồng chí {name},", ""]
    if changed:
        lines += ["Giấy mời này thay giấy mời trước: buổi sinh hoạt có thay đổi.", ""]
    lines.append(f"{s.cell_name} trân trọng kính mời đồng chí "
                 + ("dự và chỉ đạo" if who == "liaison" else "dự") + f" buổi {what}:")
    lines.append(f"- Thời gian: {time_in_words(meeting.start)}, ngày {short_date(meeting.date)}"
                 + (f" (dự kiến kết thúc {time_in_words(meeting.end)})" if meeting.end else "")
                 + ".")
    lines.append(f"- Địa điểm: {meeting.place}.")
    lines.append("- Nội dung:")
    lines += [f"  + {line}" for line in agenda(workbook, meeting)]
    if materials:
        lines.append("- Tài liệu gửi kèm (đề nghị đồng chí nghiên cứu trước buổi sinh hoạt): "
                     + ", ".join(path.name for path in materials) + ".")
    if who == "exempt":
        lines += ["", "Đồng chí được miễn sinh hoạt nên không bắt buộc dự; chi bộ gửi giấy mời để "
                      "đồng chí nắm nội dung."]
    lines += ["", "Trân trọng.", "", "T/M CHI BỘ", "BÍ THƯ", str(name_of(workbook, s.cell_secretary))]
    message.set_content("\n".join(lines) + "\n")
    for path in materials:
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        maintype, subtype = kind.split("/", 1)
        message.add_attachment(path.read_bytes(), maintype=maintype, subtype=subtype,
                               filename=path.name)
    return message


def prepare_invitations(checked: Checked, meeting_id: str, output_dir: str | Path,
                        dry_run: bool = False) -> Mailing | None:
    """A meeting's invitations, composed and ready to show, draft or send (None when the
    workbook has errors). Nothing is sent."""
    workbook = checked.workbook
    if workbook is None or not checked.usable:
        return None
    meeting = meeting_by_id(workbook, meeting_id)
    if meeting.date is None or meeting.date < checked.today:
        raise NotReady(f"Buổi «{meeting.id}» đã diễn ra (ngày {short_date(meeting.date)}): "
                       "không gửi giấy mời nữa.")
    materials = materials_of(workbook, meeting)
    missing = [str(path) for path in materials if not_a_file(path) is not None]
    if missing:
        raise NotReady("Không tìm thấy tài liệu gửi kèm: " + "; ".join(missing) + ".")
    everyone = invitees(workbook, meeting)
    if not everyone:
        raise NotReady("Chưa có email của đảng viên nào ở trang Đảng viên, cũng chưa có «Email "
                       "đồng chí phụ trách» ở trang Thông tin: chưa có ai để mời.")
    output = Path(output_dir)
    log = SentLog(workbook, output)
    version = meeting_version(workbook, meeting)
    due = []   # (address, name, who, invited before to an earlier version)
    for address, name, who in everyone:
        sent = log.invited(address, meeting.id)
        if version not in sent:
            due.append((address, name, who, bool(sent)))
    settings = None if dry_run or not due else SmtpSettings.from_workbook(workbook.settings)
    sender = settings.sender if settings else draft_sender(workbook.settings)
    letters = [Letter(address, name, [],
                      compose_invitation(workbook, meeting, address, name, who, changed, sender,
                                         materials),
                      facts={"invitation": meeting.id, "meeting_sha256": version})
               for address, name, who, changed in due]
    drafts = output / str(meeting.date.year) / "giay-moi" / slug(meeting.id)
    away = unreached(workbook, meeting)
    notes = [f"Chưa có email của {len(away)} đồng chí, cần báo tin trực tiếp: "
             + "; ".join(away) + "."] if away else []
    return Mailing(workbook, output, drafts, letters, log, settings, notes)
