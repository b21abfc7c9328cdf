"""Problems are data: each has a code, a severity, a place and a Vietnamese message.

Every code is declared once below with its severity, what it means and the template of its
message (as frictionless-py declares its errors), so a code cannot be mistyped, a severity is
never chosen anew where a problem is found, and the whole list can be shown (`chibo check
--codes`). Every stage collects problems into a `Report` instead of raising them one by one,
so the secretary sees everything to fix at once.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

ERROR = "error"
WARNING = "warning"
SEVERITY_LABEL = {ERROR: "Lỗi", WARNING: "Cảnh báo"}


@dataclass(frozen=True)
class Code:
    code: str
    severity: str
    meaning: str                 # one line for `chibo check --codes`
    template: str                # the message, filled with the fields given where it is found


# What only the secretary's own machine can see — a file beside her book, the book open in
# her Excel — means nothing to an office that reads her book elsewhere (`tong-hop`).
LOCAL_CODES = frozenset({"open-in-excel", "material-missing"})


# Reminders said every day until their day passes or the work is done (a probation nearing,
# a meeting not yet announced, a report dated ahead): the window folds them into one line.
REMINDER_CODES = frozenset({"probation-near", "probation-due", "probation-over",
                            "invitation-missing", "dated-ahead"})


def _codes(severity: str, *entries: tuple[str, str, str]) -> list[Code]:
    return [Code(code, severity, meaning, template) for code, meaning, template in entries]


# A template's fields are named for what they hold; `{message}` is a whole sentence built
# where the problem is found (the file's own failures say what the file really is).
CATALOGUE: dict[str, Code] = {c.code: c for c in [
    # --- the file itself ---
    *_codes(ERROR,
            ("file-missing", "Không tìm thấy tệp sổ.", "{message}"),
            ("not-a-file", "Đường dẫn là thư mục, ống dẫn hay thiết bị, không phải tệp.", "{message}"),
            ("file-locked", "Tệp bị khóa hoặc không có quyền đọc.", "{message}"),
            ("file-empty", "Tệp rỗng.", "{message}"),
            ("encrypted", "Tệp được đặt mật khẩu.", "{message}"),
            ("xls", "Sổ Excel 97-2003 (.xls), cần lưu thành .xlsx.", "{message}"),
            ("old-excel", "Sổ Excel 2.x–4.0 rất cũ, cần lưu thành .xlsx.", "{message}"),
            ("ods", "Bảng tính OpenDocument (.ods), cần lưu thành .xlsx.", "{message}"),
            ("not-xlsx", "Tệp không phải sổ Excel (.xlsx).", "{message}"),
            ("broken-file", "Tệp bị hỏng hoặc chưa chép hết.", "{message}"),
            ("too-large", "Tệp giải nén ra quá lớn so với một sổ chi bộ.", "{message}"),
            ("xml-doctype", "Tệp chứa khai báo XML mà Excel không bao giờ ghi.", "{message}"),
            ("to-fill", "Sổ mới: việc cần ghi trước tiên.", "{step}"),
            ("swapped-date", "Ngày bị đảo ngày và tháng (máy đặt định dạng ngày kiểu Mỹ).",
             "Ngày {day} không khớp với Mã buổi «{meeting}»: có phải {swapped}? (Máy đặt định "
             "dạng ngày kiểu Mỹ hiểu {typed} là ngày {month} tháng {day_of_month}.) Hãy sửa ngày "
             "hoặc Mã buổi trước khi lập văn bản.")),
    *_codes(WARNING,
            ("open-in-excel", "Sổ đang mở: chibo chỉ đọc được những gì đã lưu.",
             "Sổ đang mở trong {program}{holder} (thấy tệp khóa {lock}): chibo chỉ đọc được "
             "những gì đã lưu: hãy lưu (Ctrl+S) và đóng sổ rồi chạy lại. Nếu {program} đã đóng "
             "mà tệp khóa còn lại (máy tắt đột ngột), có thể xóa tệp khóa đó.")),
    # --- sheets, columns, cells ---
    *_codes(ERROR,
            ("missing-sheet", "Thiếu một trang của sổ.", "Thiếu trang «{name}»{hint}."),
            ("missing-column", "Thiếu một cột bắt buộc ở dòng tiêu đề.",
             "Thiếu cột «{header}» ở dòng tiêu đề (dòng 1){hint}"),
            ("missing-setting", "Thiếu một mục bắt buộc ở trang Thông tin.",
             "Thiếu mục «{header}» ở cột «{key}»{hint}."),
            ("merged-cells", "Ô gộp trong một bảng.",
             "Ô gộp {area}: hãy bỏ gộp ô (Merge & Center › Unmerge) và ghi giá trị vào từng ô, "
             "vì chibo chỉ thấy giá trị ở ô đầu tiên."),
            ("required", "Ô bắt buộc còn trống.", "Chưa ghi «{header}»."),
            ("wrong-type", "Giá trị không đúng kiểu (ngày, giờ, số…).", "«{header}»: {reason}."),
            ("not-allowed", "Giá trị không có trong danh sách chọn.", "«{header}»: {reason}."),
            ("excel-error", "Ô hiện lỗi của Excel (#VALUE!…).",
             "«{header}»: ô hiện lỗi {value} (công thức lỗi, hoặc một số không thể là ngày/giờ): "
             "hãy ghi lại giá trị đúng."),
            ("formula-no-value", "Công thức chưa có giá trị đã tính.",
             "Ô có công thức nhưng chưa có giá trị đã tính: hãy mở tệp bằng Excel hoặc "
             "LibreOffice, lưu lại một lần rồi chạy lại.")),
    *_codes(WARNING,
            ("header-not-first-row", "Dòng tiêu đề không ở dòng 1.",
             "Dòng tiêu đề đang ở dòng {row}, không phải dòng 1: nên xóa các dòng phía trên nó.")),
    # --- settings, plan, members, themes ---
    *_codes(ERROR,
            ("score-levels", "Các mức điểm xếp loại không giảm dần.",
             "Các mức điểm phải giảm dần: Tốt ({good}) > Khá ({fair}) > Trung bình ({average})"),
            ("empty-plan-part", "Kế hoạch thiếu phần Mục đích, Yêu cầu hoặc Biện pháp thực hiện.",
             "Kế hoạch chưa có phần {parts}: hãy ghi các đoạn văn của từng phần, mỗi đoạn một "
             "dòng (cột Phần ghi tên phần)."),
            ("no-members", "Chưa có đảng viên nào.", "Chưa có đảng viên nào."),
            ("duplicate-name", "Hai đảng viên trùng tên.",
             "«{name}» trùng tên với {first}: hãy thêm dấu phân biệt, ví dụ «{name} ({mark})», "
             "và ghi đúng như vậy ở các trang khác"),
            ("left-before-joined", "Ngày chuyển đi trước ngày chuyển đến.",
             "Ngày chuyển đi phải sau ngày chuyển đến"),
            ("unknown-name", "Họ tên không có trong danh sách Đảng viên.",
             "{label} «{name}» không có trong danh sách Đảng viên{hint}"),
            ("not-in-cell", "Đảng viên chưa đến hoặc đã chuyển khỏi chi bộ vào ngày đó.",
             "{label} «{name}» {why}"),
            ("missing-theme", "Một quý chưa có chuyên đề.", "Quý {quarters} chưa có chuyên đề.")),
    *_codes(WARNING,
            ("position-mismatch", "Chức vụ của bí thư không khớp trang Thông tin.",
             "Đồng chí «{name}» là Bí thư ở trang Thông tin nhưng Chức vụ ghi «{position}»"),
            ("probation-near", "Đảng viên dự bị sắp đủ 12 tháng.",
             "Đồng chí «{name}» là đảng viên dự bị từ ngày {admitted}, đủ 12 tháng ngày {ends}: "
             "chi bộ chuẩn bị hồ sơ để xét chuyển đảng viên chính thức trong 30 ngày làm việc, "
             "chậm nhất ngày {deadline} (Điều lệ Đảng, Điều 5)"),
            ("probation-due", "Đảng viên dự bị đã đủ 12 tháng: chi bộ xét chuyển chính thức.",
             "Đồng chí «{name}» đủ 12 tháng dự bị ngày {ends}: chi bộ xét, đề nghị chuyển đảng "
             "viên chính thức chậm nhất ngày {deadline} (30 ngày làm việc; Điều lệ Đảng, Điều 5); "
             "đã chuyển thì ghi «Ngày chuyển chính thức»"),
            ("probation-over", "Đã quá hạn xét chuyển đảng viên chính thức.",
             "Đồng chí «{name}» đủ 12 tháng dự bị ngày {ends}, hạn xét chuyển chính thức là ngày "
             "{deadline} (30 ngày làm việc; Điều lệ Đảng, Điều 5): nếu đã chuyển, hãy ghi «Ngày "
             "chuyển chính thức»; nếu chưa, chi bộ cần xét ngay"),
            ("month-outside-quarter", "Tháng dự kiến không thuộc quý của chuyên đề.",
             "Tháng {month} không thuộc quý {quarter}")),
    # --- meetings ---
    *_codes(ERROR,
            ("duplicate-id", "Hai buổi sinh hoạt trùng Mã buổi.",
             "Mã buổi «{meeting}» trùng với {first}"),
            ("outside-year", "Buổi họp không thuộc năm kế hoạch.",
             "Ngày họp {day} không thuộc năm kế hoạch {year}"),
            ("absent-officer", "Chủ trì, thư ký hoặc người trình bày lại được ghi vắng mặt.",
             "{label} «{name}» lại được ghi vắng mặt ở trang Vắng mặt"),
            ("end-before-start", "Giờ kết thúc trước giờ bắt đầu.",
             "Giờ kết thúc {end} phải sau giờ bắt đầu {start}"),
            ("rating-mismatch", "Xếp loại không khớp với điểm.",
             "Xếp loại «{rating}» không khớp với {score} điểm (theo thang điểm ở trang Thông tin "
             "là «{expected}»)"),
            ("vote-count", "Số biểu quyết không khớp với đảng viên chính thức dự họp.",
             "Biểu quyết «{vote}»{why}"),
            ("outline-after-meeting", "Đề cương được duyệt sau ngày họp.",
             "Ngày duyệt đề cương {approved} sau ngày họp {day}"),
            ("material-after-meeting", "Tài liệu được gửi sau ngày họp.",
             "Ngày gửi tài liệu {sent} sau ngày họp {day}"),
            ("unknown-meeting", "Mã buổi không có ở trang Buổi sinh hoạt.",
             "Mã buổi «{meeting}» không có ở trang Buổi sinh hoạt{hint}")),
    *_codes(WARNING,
            ("chair-is-minute-taker", "Chủ trì và thư ký là cùng một người.",
             "Chủ trì và thư ký là cùng một người"),
            ("too-short", "Buổi họp ngắn hơn thời lượng tối thiểu.",
             "Buổi họp kéo dài {length} phút, ít hơn {minimum} phút tối thiểu cho {what}{rule}"),
            ("good-below-criteria", "Xếp loại Tốt nhưng chưa đạt tiêu chí tối thiểu (Hướng dẫn 12).",
             "Buổi họp ngày {day} xếp loại Tốt nhưng {reasons}: theo tiêu chí tối thiểu của "
             "{rule}, buổi này không đạt loại Tốt"),
            ("good-without-discussion", "Buổi thường kỳ xếp loại Tốt mà chưa ghi ý kiến thảo luận.",
             "Buổi sinh hoạt ngày {day} xếp loại Tốt nhưng chưa ghi ý kiến thảo luận nào ở trang "
             "Ý kiến: theo {rule}, buổi sinh hoạt tốt có nhiều đảng viên phát biểu; hãy ghi các "
             "ý kiến, hoặc xem lại xếp loại"),
            ("criteria-unscored", "Buổi họp được chấm điểm nhưng thiếu tiêu chí.",
             "Buổi sinh hoạt ngày {day} chưa được chấm tiêu chí {numbers} ở trang Chấm điểm"),
            ("low-attendance", "Tỷ lệ dự họp thấp hơn mức tối thiểu.",
             "Tỷ lệ dự họp {rate} ({present}/{required}) thấp hơn mức tối thiểu {minimum}"),
            ("no-presenter", "Buổi chuyên đề chưa có người trình bày.",
             "Chưa ghi người trình bày chuyên đề"),
            ("material-late", "Tài liệu đến đảng viên chưa đủ 1 ngày trước buổi họp (Hướng dẫn 42).",
             "Tài liệu đến đảng viên ngày {sent}, chưa đủ {days} ngày trước buổi họp {day} "
             "(Hướng dẫn 42-HD/BTCTW: gửi tài liệu ít nhất 1 ngày trước)"),
            ("material-before-outline", "Tài liệu được gửi trước khi duyệt đề cương.",
             "Tài liệu gửi ngày {sent}, trước khi chi ủy duyệt đề cương ({approved})"),
            ("material-missing", "Không tìm thấy tệp tài liệu của buổi họp.",
             "Không tìm thấy tệp tài liệu {files} trong thư mục của sổ ({folder})"),
            ("invitation-missing", "Buổi họp sắp tới chưa gửi giấy mời (Hướng dẫn 42).",
             "Buổi sinh hoạt ngày {day} ({when}) chưa gửi giấy mời và tài liệu cho đảng viên và "
             "đồng chí phụ trách chi bộ (Hướng dẫn 42-HD/BTCTW)")),
    # --- absences, opinions, tasks, assessments ---
    *_codes(ERROR,
            ("duplicate-absence", "Một người được ghi vắng hai lần trong một buổi.",
             "«{name}» đã được ghi vắng mặt ở buổi {meeting}"),
            ("absent-speaker", "Người phát biểu lại được ghi vắng mặt.",
             "«{name}» phát biểu nhưng được ghi vắng mặt ở buổi {meeting}"),
            ("duplicate-period", "Một kỳ đánh giá được ghi hai lần.",
             "Kỳ «{period}» đã có ở {first}")),
    *_codes(WARNING,
            ("exempt-absent", "Người được miễn sinh hoạt lại được ghi vắng.",
             "«{name}» được miễn sinh hoạt nên không cần ghi vắng mặt"),
            ("absent-without-reason", "Vắng không lý do trong 3 tháng của năm (Điều lệ Đảng, Điều 8).",
             "«{name}» đã vắng không lý do trong {months} tháng của năm; theo Điều lệ Đảng "
             "(Điều 8), chi bộ cần xem xét"),
            ("due-before-meeting", "Thời hạn nhiệm vụ trước ngày họp.",
             "Thời hạn {due} trước ngày họp {day}")),
    # --- the score sheets ---
    *_codes(ERROR,
            ("unknown-criterion", "STT tiêu chí không có ở trang Tiêu chí.",
             "Không có tiêu chí STT {number} ở trang Tiêu chí"),
            ("points-over-maximum", "Điểm một tiêu chí vượt điểm tối đa.",
             "{points} điểm vượt điểm tối đa {maximum} của tiêu chí {number}"),
            ("score-total", "Tổng điểm chấm không bằng Điểm của buổi.",
             "Tổng điểm chấm ở trang Chấm điểm là {total}, {what}")),
    *_codes(WARNING,
            ("criteria-total", "Tổng điểm tối đa các tiêu chí không phải 100.",
             "Tổng điểm tối đa các tiêu chí là {total}, không phải 100: các mức xếp loại ở trang "
             "Thông tin tính trên thang 100 điểm.")),
    # --- the register of documents and the recipients ---
    *_codes(ERROR,
            ("bad-period", "Kỳ của văn bản không hợp lệ.", "{what}"),
            ("duplicate-document", "Một văn bản được ghi hai lần ở trang Văn bản.",
             "Văn bản {kind} kỳ «{period}» đã có ở {first}"),
            ("dated-before-meeting", "Văn bản đề ngày trước buổi sinh hoạt mà nó ghi lại.",
             "{what} đề ngày {day}, trước buổi sinh hoạt ngày {meeting_day} ({meeting}) mà văn "
             "bản ghi lại: hãy ghi ngày văn bản từ ngày {meeting_day} trở đi"),
            ("no-committee-recipients", "Báo cáo tổng hợp của đảng ủy chưa có nơi nhận.",
             "Chưa có nơi nhận của báo cáo tổng hợp: hãy ghi ít nhất một dòng ({example}).")),
    *_codes(WARNING,
            ("missing-number", "Văn bản chưa có số.",
             "Văn bản {kind} kỳ «{period}» chưa có số: {advice}"),
            ("dated-ahead", "Văn bản đề ngày sau hôm nay: chưa lập cho đến ngày đó.",
             "{what} đề ngày {day}, sau hôm nay ({today}): chibo lập văn bản này từ ngày {day}, "
             "khi những gì nó ghi lại đã diễn ra; nếu ngày ghi nhầm, hãy sửa ngày"),
            ("duplicate-number", "Một số văn bản dùng hai lần.",
             "Số {number} đã dùng cho một văn bản {kind} khác"),
            ("no-recipients", "Chưa có nơi nhận.",
             "Chưa có nơi nhận: văn bản sẽ không có mục «Nơi nhận».")),
    # --- the year's review and rating ---
    *_codes(ERROR,
            ("level-thresholds", "Các mức điểm xếp loại cuối năm không giảm dần.",
             "Các mức điểm xếp loại cuối năm phải giảm dần: Hoàn thành xuất sắc ({excellent}) > "
             "Hoàn thành tốt ({good}) > Hoàn thành ({done})"),
            ("duplicate-rating", "Một đảng viên có hai dòng xếp loại.",
             "«{name}» đã có dòng xếp loại ở {first}"),
            ("rated-not-in-cell", "Xếp loại một đảng viên không còn ở chi bộ cuối năm.",
             "Đồng chí «{name}» không sinh hoạt ở chi bộ ngày {day}: {why}; hãy xóa dòng này"),
            ("unrated", "Đảng viên hoặc tập thể chi bộ chưa có dòng xếp loại.",
             "Chưa có dòng xếp loại của {names}: tập thể chi bộ và mỗi đảng viên còn sinh hoạt "
             "ở chi bộ ngày {day} cần một dòng"),
            ("level-points", "Mức xếp loại không khớp với điểm.",
             "{points} điểm là mức «{expected}» theo các mức điểm ở trang Thông tin, nhưng ghi "
             "«{level}»"),
            ("excellent-over-cap", "Số «Hoàn thành xuất sắc nhiệm vụ» vượt tỷ lệ tối đa.",
             "Chi bộ đề nghị {count} đảng viên «Hoàn thành xuất sắc nhiệm vụ» (dòng {rows}), "
             "nhiều hơn mức tối đa {allowed}: {cap}% của {good} đảng viên «Hoàn thành tốt nhiệm "
             "vụ» (tỷ lệ ở trang Thông tin, theo kế hoạch của đảng ủy); hãy xem lại mức đề nghị"),
            ("cell-excellent-disciplined", "Chi bộ có đảng viên bị kỷ luật mà tự nhận xuất sắc.",
             "Năm có đảng viên bị kỷ luật ({names}), tập thể chi bộ không được xếp loại «Hoàn "
             "thành xuất sắc nhiệm vụ» ({rule})"),
            ("rating-vote-count", "Biểu quyết xếp loại không bằng số đảng viên chính thức dự họp.",
             "Tán thành {agree}, không tán thành {disagree}: tổng {total}, nhưng hội nghị kiểm "
             "điểm ngày {day} có {voters} đảng viên chính thức dự họp (đảng viên dự bị không "
             "biểu quyết)")),
    *_codes(WARNING,
            ("ratings-missing", "Đã họp kiểm điểm cuối năm mà chưa ghi xếp loại.",
             "Hội nghị kiểm điểm ngày {day} đã họp nhưng trang Xếp loại chưa có dòng nào: hồ sơ "
             "cuối năm sẽ để trống mức xếp loại"),
            ("disciplined-above-done", "Đảng viên bị kỷ luật trong năm được đề nghị trên mức "
             "«Hoàn thành nhiệm vụ».",
             "Đồng chí «{name}» bị kỷ luật ({discipline}) trong năm mà được đề nghị «{level}»: "
             "đảng viên bị kỷ luật trong năm không xếp loại cao hơn «Hoàn thành nhiệm vụ» "
             "({rule}), trừ trường hợp kỷ luật về khuyết điểm của năm trước"),
            ("head-above-cell", "Bí thư được đề nghị xếp loại cao hơn tập thể chi bộ.",
             "Đồng chí Bí thư «{name}» được đề nghị «{level}», cao hơn mức của tập thể chi bộ "
             "(«{cell_level}»): người đứng đầu không xếp loại cao hơn tập thể mình phụ trách"),
            ("vote-missing", "Mức đề nghị chưa có kết quả biểu quyết.",
             "Chưa ghi kết quả biểu quyết (hội nghị kiểm điểm ngày {day} có {voters} đảng viên "
             "chính thức dự họp)")),
    # --- the whole year ---
    *_codes(WARNING,
            ("no-thematic-meeting", "Quý đã hết mà chưa có buổi sinh hoạt chuyên đề.",
             "Quý {quarters}/{year} đã hết nhưng chưa có buổi sinh hoạt chuyên đề (Loại «Chuyên "
             "đề» hoặc «Kết hợp»); mỗi quý phải có ít nhất một buổi ({rule})."),
            ("no-regular-meeting", "Tháng đã hết mà chưa sinh hoạt thường kỳ.",
             "Chưa sinh hoạt thường kỳ {months}/{year} (Loại «Thường kỳ» hoặc «Kết hợp»); chi bộ "
             "sinh hoạt thường kỳ mỗi tháng một lần (Điều lệ Đảng)."),
            ("no-assessment", "Quý có buổi họp nhưng chưa có phần đánh giá.",
             "Chưa có phần đánh giá của Quý {quarter} (Ưu điểm, Hạn chế, …): báo cáo quý sẽ để "
             "trống các mục này.")),
]}

OPEN_IN_EXCEL, TO_FILL = "open-in-excel", "to-fill"


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


def problem(code: str, sheet: str | None = None, cell: str | None = None, **fields) -> Problem:
    """A problem of a declared code, its message made from the code's template."""
    declared = CATALOGUE.get(code)
    if declared is None:
        raise ValueError(f"problem code {code!r} is not declared in problems.CATALOGUE")
    return Problem(code, declared.severity, declared.template.format(**fields), sheet, cell)


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _cell_order(cell: str | None) -> tuple[int, int]:
    """'AB12' -> (12, 28): rows first, so problems read top to bottom like the sheet."""
    match = re.fullmatch(r"([A-Z]+)(\d+)", cell or "")
    if not match:
        return (0, 0)
    return (int(match.group(2)), _column_number(match.group(1)))


@dataclass
class Report:
    """All the problems found in one workbook, errors before warnings."""

    problems: list[Problem] = field(default_factory=list)
    sheet_order: tuple[str, ...] = ()

    def add(self, code: str, sheet: str | None = None, cell: str | None = None,
            **fields) -> None:
        self.problems.append(problem(code, sheet, cell, **fields))

    def extended(self, more: list[Problem]) -> Report:
        """The same report with more problems (a day's reminders): this one is not changed."""
        return Report(self.problems + list(more), self.sheet_order)

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
