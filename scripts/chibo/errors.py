"""The failures that stop a command, declared as families like the problems of a workbook.

A problem (problems.py) is something to fix in the workbook, reported with all the others; a
failure stops what was asked — the file is not a workbook, the output folder cannot be
written, the mail server refused — and says so in one Vietnamese sentence. Every failure
chibo raises belongs to one family below; the faces print its message and exit 1 (the window
shows it on the page). Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

from typing import ClassVar


class ChiboError(Exception):
    """A failure the user can fix; `str(error)` is the Vietnamese message to show."""

    family: ClassVar[str] = ""
    meaning: ClassVar[str] = ""


class WorkbookUnreadable(ChiboError):
    family, meaning = "workbook-unreadable", "Tệp không đọc được như một sổ Excel."

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code   # the problem code it becomes in a report (problems.CATALOGUE)


class WorkbookNotFound(ChiboError):
    family, meaning = "workbook-not-found", "Không biết sổ nào: chưa ghi tên sổ, hoặc thư mục có nhiều sổ."


class NotReady(ChiboError):
    family, meaning = ("not-ready", "Sổ chưa có điều việc này cần (buổi họp đã diễn ra, nơi nhận, "
                                    "văn bản đã lập…).")


class OutputExists(ChiboError):
    family, meaning = "output-exists", "Việc này sẽ ghi đè một tệp đã có."


class OutputNotWritable(ChiboError):
    family, meaning = "output-not-writable", "Không ghi được vào thư mục hoặc tệp kết quả."


class TemplateBroken(ChiboError):
    family, meaning = "template-broken", "Mẫu văn bản Word bị lỗi."


class ConverterMissing(ChiboError):
    family, meaning = "converter-missing", "Không có LibreOffice để chuyển sang PDF."


class ConversionFailed(ChiboError):
    family, meaning = "conversion-failed", "LibreOffice không chuyển xong sang PDF."


class MailNotSetUp(ChiboError):
    family, meaning = "mail-not-set-up", "Thiếu hoặc sai thiết lập gửi thư ở trang Thông tin."


class MailUnreachable(ChiboError):
    family, meaning = "mail-unreachable", "Không kết nối hoặc không đăng nhập được máy chủ thư."


class PasswordRefused(ChiboError):
    family, meaning = "password-refused", "Máy chủ thư từ chối tài khoản và mật khẩu."


class PasswordMissing(ChiboError):
    family, meaning = "password-missing", "Chưa có mật khẩu thư để gửi."


class MailRecordDamaged(ChiboError):
    family, meaning = "mail-record-damaged", "Sổ theo dõi thư đã gửi bị hỏng."


class PortBusy(ChiboError):
    family, meaning = "port-busy", "Cổng của cửa sổ chibo đang được dùng."


# Every family, in the order `chibo check --codes` lists them.
FAMILIES: tuple[type[ChiboError], ...] = (
    WorkbookUnreadable, WorkbookNotFound, NotReady, OutputExists, OutputNotWritable,
    TemplateBroken, ConverterMissing, ConversionFailed, MailNotSetUp, MailUnreachable,
    PasswordRefused, PasswordMissing, MailRecordDamaged, PortBusy)
