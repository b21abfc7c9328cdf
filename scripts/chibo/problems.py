"""Problems are data: each has a code, a severity, a place and a Vietnamese message.

Every stage collects problems into a `Report` instead of raising them one by one, so the
secretary sees everything to fix at once. Only a file that cannot be read at all stops a stage,
and even then it becomes one problem in the report (see `errors.WorkbookUnreadable`).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from .values import column_number

ERROR = "error"
WARNING = "warning"

SEVERITY_LABEL = {ERROR: "Lỗi", WARNING: "Cảnh báo"}
OPEN_IN_EXCEL, TO_FILL = "open-in-excel", "to-fill"


# Every problem chibo reports, by code: what it means to the secretary. Declared once, so a
# code cannot be mistyped and the whole list can be shown (`chibo check --codes`).
CATALOGUE: dict[str, str] = {
    # the file itself
    "file-missing": "Không tìm thấy tệp sổ.",
    "not-a-file": "Đường dẫn là một thư mục, không phải tệp.",
    "file-locked": "Tệp bị khóa hoặc không có quyền đọc.",
    "file-empty": "Tệp rỗng.",
    "encrypted": "Tệp được đặt mật khẩu.",
    "xls": "Sổ Excel 97-2003 (.xls), cần lưu thành .xlsx.",
    "old-excel": "Sổ Excel 2.x–4.0 rất cũ, cần lưu thành .xlsx.",
    "ods": "Bảng tính OpenDocument (.ods), cần lưu thành .xlsx.",
    "not-xlsx": "Tệp không phải sổ Excel (.xlsx).",
    "broken-file": "Tệp bị hỏng hoặc chưa chép hết.",
    "too-large": "Tệp giải nén ra quá lớn so với một sổ chi bộ.",
    "xml-doctype": "Tệp chứa khai báo XML mà Excel không bao giờ ghi.",
    "open-in-excel": "Sổ đang mở: chibo chỉ đọc được những gì đã lưu.",
    "to-fill": "Sổ mới: việc cần ghi trước tiên.",
    "swapped-date": "Ngày có thể bị đảo ngày và tháng (máy đặt định dạng ngày kiểu Mỹ).",
    # sheets, columns, cells
    "missing-sheet": "Thiếu một trang của sổ.",
    "missing-column": "Thiếu một cột bắt buộc ở dòng tiêu đề.",
    "missing-setting": "Thiếu một mục bắt buộc ở trang Thông tin.",
    "header-not-first-row": "Dòng tiêu đề không ở dòng 1.",
    "merged-cells": "Ô gộp trong một bảng.",
    "required": "Ô bắt buộc còn trống.",
    "wrong-type": "Giá trị không đúng kiểu (ngày, giờ, số…).",
    "not-allowed": "Giá trị không có trong danh sách chọn.",
    "excel-error": "Ô hiện lỗi của Excel (#VALUE!…).",
    "formula-no-value": "Công thức chưa có giá trị đã tính.",
    # settings, plan, members, themes
    "score-levels": "Các mức điểm xếp loại không giảm dần.",
    "empty-plan-part": "Kế hoạch thiếu phần Mục đích, Yêu cầu hoặc Biện pháp thực hiện.",
    "no-members": "Chưa có đảng viên nào.",
    "duplicate-name": "Hai đảng viên trùng tên.",
    "left-before-joined": "Ngày chuyển đi trước ngày chuyển đến.",
    "position-mismatch": "Chức vụ của bí thư không khớp trang Thông tin.",
    "probation-over": "Đảng viên dự bị đã quá 12 tháng, cần xét chuyển chính thức.",
    "unknown-name": "Họ tên không có trong danh sách Đảng viên.",
    "not-in-cell": "Đảng viên chưa đến hoặc đã chuyển khỏi chi bộ vào ngày đó.",
    "missing-theme": "Một quý chưa có chuyên đề.",
    "month-outside-quarter": "Tháng dự kiến không thuộc quý của chuyên đề.",
    # meetings
    "duplicate-id": "Hai buổi sinh hoạt trùng Mã buổi.",
    "outside-year": "Buổi họp không thuộc năm kế hoạch.",
    "absent-officer": "Chủ trì, thư ký hoặc người trình bày lại được ghi vắng mặt.",
    "chair-is-minute-taker": "Chủ trì và thư ký là cùng một người.",
    "end-before-start": "Giờ kết thúc trước giờ bắt đầu.",
    "too-short": "Buổi họp ngắn hơn thời lượng tối thiểu.",
    "rating-mismatch": "Xếp loại không khớp với điểm.",
    "good-below-criteria": "Xếp loại Tốt nhưng chưa đạt tiêu chí tối thiểu (Hướng dẫn 12).",
    "low-attendance": "Tỷ lệ dự họp thấp hơn mức tối thiểu.",
    "vote-count": "Số biểu quyết không khớp với đảng viên chính thức dự họp.",
    "no-presenter": "Buổi chuyên đề chưa có người trình bày.",
    "outline-after-meeting": "Đề cương được duyệt sau ngày họp.",
    "material-after-meeting": "Tài liệu được gửi sau ngày họp.",
    "material-late": "Tài liệu đến đảng viên chưa đủ 1 ngày trước buổi họp (Hướng dẫn 42).",
    "material-before-outline": "Tài liệu được gửi trước khi duyệt đề cương.",
    "material-missing": "Không tìm thấy tệp tài liệu của buổi họp.",
    "invitation-missing": "Buổi họp sắp tới chưa gửi giấy mời (Hướng dẫn 42).",
    "unknown-meeting": "Mã buổi không có ở trang Buổi sinh hoạt.",
    # absences, opinions, tasks, assessments
    "duplicate-absence": "Một người được ghi vắng hai lần trong một buổi.",
    "exempt-absent": "Người được miễn sinh hoạt lại được ghi vắng.",
    "absent-without-reason": "Vắng không lý do trong 3 tháng của năm (Điều lệ Đảng, Điều 8).",
    "absent-speaker": "Người phát biểu lại được ghi vắng mặt.",
    "due-before-meeting": "Thời hạn nhiệm vụ trước ngày họp.",
    "duplicate-period": "Một kỳ đánh giá được ghi hai lần.",
    # the score sheets
    "unknown-criterion": "STT tiêu chí không có ở trang Tiêu chí.",
    "points-over-maximum": "Điểm một tiêu chí vượt điểm tối đa.",
    "score-total": "Tổng điểm chấm không bằng Điểm của buổi.",
    "criteria-total": "Tổng điểm tối đa các tiêu chí không phải 100.",
    # the register of documents and the recipients
    "bad-period": "Kỳ của văn bản không hợp lệ.",
    "duplicate-document": "Một văn bản được ghi hai lần ở trang Văn bản.",
    "missing-number": "Văn bản chưa có số.",
    "duplicate-number": "Một số văn bản dùng hai lần.",
    "dated-before-meeting": "Văn bản đề ngày trước buổi sinh hoạt mà nó ghi lại.",
    "no-recipients": "Chưa có nơi nhận.",
    # the whole year
    "no-thematic-meeting": "Quý đã hết mà chưa có buổi sinh hoạt chuyên đề.",
    "no-regular-meeting": "Tháng đã hết mà chưa sinh hoạt thường kỳ.",
    "no-assessment": "Quý có buổi họp nhưng chưa có phần đánh giá.",
}


@dataclass(frozen=True)
class Problem:
    code: str
    severity: str
    message: str
    sheet: str | None = None
    cell: str | None = None

    @property
    def location(self) -> str:
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet or ""

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message

    def as_dict(self) -> dict:
        return asdict(self)


def _cell_order(cell: str | None) -> tuple[int, int]:
    """'AB12' -> (12, 28): rows first, so problems read top to bottom like the sheet."""
    match = re.fullmatch(r"([A-Z]+)(\d+)", cell or "")
    if not match:
        return (0, 0)
    return (int(match.group(2)), column_number(match.group(1)))


@dataclass
class Report:
    """All the problems found in one workbook, errors before warnings."""

    problems: list[Problem] = field(default_factory=list)
    sheet_order: tuple[str, ...] = ()

    def add(self, code: str, severity: str, message: str, sheet: str | None = None,
            cell: str | None = None) -> None:
        if code not in CATALOGUE:
            raise ValueError(f"problem code {code!r} is not declared in problems.CATALOGUE")
        self.problems.append(Problem(code, severity, message, sheet, cell))

    def error(self, code: str, message: str, sheet: str | None = None, cell: str | None = None) -> None:
        self.add(code, ERROR, message, sheet, cell)

    def warning(self, code: str, message: str, sheet: str | None = None, cell: str | None = None) -> None:
        self.add(code, WARNING, message, sheet, cell)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity == WARNING]

    @property
    def open_note(self) -> Problem | None:
        """The note that the workbook is open in Excel: said first, before anything else."""
        return next((p for p in self.problems if p.code == OPEN_IN_EXCEL), None)

    @property
    def is_to_do_list(self) -> bool:
        """A brand-new workbook's report: what to fill first, not every consequence."""
        return any(p.code == TO_FILL for p in self.problems)

    @property
    def has_errors(self) -> bool:
        return any(p.severity == ERROR for p in self.problems)

    def sorted(self) -> list[Problem]:
        def key(problem: Problem):
            sheet_rank = (self.sheet_order.index(problem.sheet)
                          if problem.sheet in self.sheet_order else -1)
            return (problem.severity != ERROR, sheet_rank, _cell_order(problem.cell))

        unique = list(dict.fromkeys(self.problems))
        return sorted(unique, key=key)

    def as_dicts(self) -> list[dict]:
        return [p.as_dict() for p in self.sorted()]
