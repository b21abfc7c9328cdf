"""The workbook contract, declared once.

The reader, the checks, `chibo init` (headers, widths, dropdowns, hints, the `Hướng dẫn` sheet)
and the sample workbook are all driven by the declarations below: to add a column, add it here.
docs/so-chi-bo.md is the prose version of the contract, generated from it (`make docs`).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import values

# Kinds of column and how a cell of that kind is parsed. A 'name' is a member's name: the
# reader only cleans it, the checks look it up in `Đảng viên`.
PARSERS = {
    "text": values.parse_text,
    "integer": values.parse_integer,
    "number": values.parse_number,
    "date": values.parse_date,
    "time": values.parse_time,
    "email": values.parse_emails,
    "name": values.parse_name,
    "phone": values.parse_phone,
    "percent": values.parse_percent,
    "heading": values.parse_heading,
}


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    kind: str = "text"           # a key of PARSERS, or "choice"
    required: bool = False       # the cell must be filled (and so the column must exist)
    choices: tuple = ()          # allowed values of a "choice" column
    minimum: float | None = None
    maximum: float | None = None
    default: object = None       # used when the cell is empty (settings)
    hint: str = ""               # shown on the header in Excel and in `Hướng dẫn`
    width: int = 16
    # The hint of a workbook for 2026 or later, where it differs: local government has two
    # levels since 1/7/2025 (no district), and HD 42 and Chỉ thị 50 (2025) rule the meetings.
    hint_2026: str = ""

    def hint_for(self, year: int | None) -> str:
        """The hint of a workbook of `year`, its examples dated in that year."""
        hint = self.hint_2026 if self.hint_2026 and (year or 0) >= TWO_LEVEL_YEAR else self.hint
        return hint.replace(SAMPLE_YEAR, str(year)) if year else hint

    def parse(self, raw):
        """A clean value for a non-empty raw cell, or `values.BadValue`."""
        if self.kind == "choice":
            return values.parse_choice(raw, self.choices)
        value = PARSERS[self.kind](raw)
        if self.minimum is not None and value < self.minimum:
            raise values.BadValue(f"{values.show(value)} nhỏ hơn mức thấp nhất cho phép "
                                  f"({values.show(self.minimum)})")
        if self.maximum is not None and value > self.maximum:
            raise values.BadValue(f"{values.show(value)} lớn hơn mức cao nhất cho phép "
                                  f"({values.show(self.maximum)})")
        return value


@dataclass(frozen=True)
class Sheet:
    name: str
    field: str                   # attribute of `reading.Workbook`
    purpose: str                 # one Vietnamese sentence for `Hướng dẫn`
    columns: tuple[Column, ...]
    settings: tuple[Column, ...] = ()  # for the key/value sheet: one Column per `Mục`
    guidance_2026: str = ""      # a further sentence of `Hướng dẫn` for 2026 and later
    optional: bool = False       # a workbook made before the sheet existed need not have it

    @property
    def is_key_value(self) -> bool:
        return bool(self.settings)


SECURITY_CHOICES = ("STARTTLS", "SSL", "Không")   # how the mail server is reached
REVIEW_KIND = "Kiểm điểm cuối năm"   # the year's review meeting (QĐ 366-QĐ/TW, HD 43-HD/BTCTW)
MEETING_KINDS = ("Chuyên đề", "Thường kỳ", "Kết hợp", REVIEW_KIND)
THEMATIC_KINDS = ("Chuyên đề", "Kết hợp")   # meetings that count as the quarter's thematic one
RATINGS = ("Tốt", "Khá", "Trung bình", "Kém")
DOCUMENT_TYPES = ("KH", "BB", "BC", "NQ")
MEETING_DOCUMENTS = ("BB", "NQ")   # documents of one meeting: their Kỳ is its Mã buổi
PERIODS = ("Quý 1", "Quý 2", "Quý 3", "Quý 4", "Năm")
REVIEW_PERIOD = "Kiểm điểm"   # the Kỳ of the year's review: its report's row, its assessment
PACK_CODE = "XL"              # `Nơi nhận` of the year's review and rating pack
# The levels of a member's and the cell's quality (QĐ 366-QĐ/TW, Điều 11), best first.
LEVELS = ("Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ",
          "Không hoàn thành nhiệm vụ")
CELL_ROW = "Chi bộ"           # the row of `Xếp loại` that rates the cell itself
SELF_REVIEW_FORMS = ("2A", "2B", "2C")
DISCIPLINES = ("Khiển trách", "Cảnh cáo", "Cách chức", "Khai trừ")   # of a member (Điều lệ, Điều 35)
POSITIONS = ("Bí thư", "Phó bí thư", "Chi ủy viên", "Đảng viên")
MEMBERSHIPS = ("Chính thức", "Dự bị")
PLAN_PARTS = ("Mục đích", "Yêu cầu", "Biện pháp thực hiện")
# Who may carry out a task besides a named member.
COLLECTIVE_ASSIGNEES = ("Chi bộ", "Chi ủy", "Toàn chi bộ", "Các đảng viên", "Tất cả đảng viên",
                        "Đảng viên trong chi bộ", "Ban giám hiệu", "Công đoàn", "Đoàn thanh niên")

KEY, VALUE = "Mục", "Giá trị"
TWO_LEVEL_YEAR = 2026   # the first plan year under two-level local government
SAMPLE_YEAR = "2022"    # the year the hints' examples are written in

# The page margins of HD 36 documents [configurable]; the same settings for a cell and a Đảng ủy.
MARGINS = (
    Column("Lề trên (mm)", "margin_top", "number", default=20, minimum=5, maximum=60),
    Column("Lề dưới (mm)", "margin_bottom", "number", default=20, minimum=5, maximum=60),
    Column("Lề trái (mm)", "margin_left", "number", default=30, minimum=5, maximum=60),
    Column("Lề phải (mm)", "margin_right", "number", default=15, minimum=5, maximum=60),
)

SETTINGS = Sheet(
    "Thông tin", "settings",
    "Thông tin chung của chi bộ: mỗi dòng một mục, ghi giá trị ở cột «Giá trị».",
    columns=(Column(KEY, "key", required=True, width=42),
             Column(VALUE, "value", width=48)),
    settings=(
        Column("Đảng bộ cấp trên", "superior_body", "heading", required=True,
               hint="Dòng đầu tiêu đề, ví dụ: Đảng bộ xã Mỹ Hòa"),
        Column("Tên chi bộ", "cell_name", "heading", required=True,
               hint="Ví dụ: Chi bộ Mầm non Mỹ Hòa; tên dài thì xuống dòng trong ô (Alt+Enter) "
                    "ở chỗ muốn ngắt dòng trên tiêu đề văn bản"),
        Column("Ký hiệu", "issuer_code", default="CB", hint="Ký hiệu trong số văn bản, ví dụ CB"),
        Column("Địa danh", "place", required=True, hint="Địa danh ở dòng ngày tháng"),
        Column("Cấp ủy cấp trên", "superior_committee", required=True,
               hint="Nơi nhận báo cáo, ví dụ: Đảng ủy xã Mỹ Hòa"),
        Column("Năm", "year", "integer", required=True, minimum=2000, maximum=2100,
               hint="Năm của kế hoạch, ví dụ 2022"),
        Column("Bí thư", "cell_secretary", "name", required=True,
               hint="Họ tên bí thư, đúng như ở trang Đảng viên"),
        Column("Phó bí thư", "deputy_secretary", "name"),
        Column("Email chi bộ", "email", "email", hint="Địa chỉ gửi thư đi"),
        Column("Máy chủ thư (SMTP)", "smtp_host",
               hint="Để gửi văn bản qua email, ví dụ smtp.gmail.com (Gmail), smtp.office365.com "
                    "(Outlook), smtp.mail.yahoo.com (Yahoo); để trống nếu không gửi thư"),
        Column("Cổng", "smtp_port", "integer", minimum=1, maximum=65535,
               hint="Để trống: theo nhà cung cấp (587 với STARTTLS, 465 với SSL)"),
        Column("Bảo mật", "smtp_security", "choice", choices=SECURITY_CHOICES,
               hint="STARTTLS, SSL hoặc Không; để trống: theo nhà cung cấp"),
        Column("Đồng chí phụ trách chi bộ", "liaison",
               hint="Cấp ủy viên cấp trên theo dõi chi bộ: họ tên, chức vụ; nhận giấy mời họp"),
        Column("Email đồng chí phụ trách", "liaison_email", "email"),
        Column("Tài liệu đăng trên Sổ tay đảng viên", "material_on_app", "choice", choices=("Có",),
               hint="Ghi «Có» nếu tài liệu sinh hoạt được đăng trên ứng dụng Sổ tay đảng viên "
                    "điện tử (từ năm 2026, Hướng dẫn 42-HD/BTCTW): biên bản sẽ ghi như vậy"),
        Column("Tài khoản thư", "smtp_user",
               hint="Tên đăng nhập máy chủ thư, thường là địa chỉ email; để trống: Email chi bộ. "
                    "Mật khẩu không bao giờ ghi vào sổ"),
        Column("Thời lượng tối thiểu (phút)", "min_minutes", "integer", default=90,
               minimum=0, maximum=600),
        Column("Thời lượng tối thiểu khi kết hợp (phút)", "min_minutes_combined", "integer",
               default=120, minimum=0, maximum=600),
        Column("Tỷ lệ dự họp tối thiểu (%)", "min_attendance", "percent", default=85,
               minimum=0, maximum=100),
        Column("Điểm Tốt", "score_good", "number", default=90, minimum=0, maximum=100,
               hint="Điểm thấp nhất được xếp loại Tốt"),
        Column("Điểm Khá", "score_fair", "number", default=70, minimum=0, maximum=100),
        Column("Điểm Trung bình", "score_average", "number", default=50, minimum=0, maximum=100,
               hint="Dưới mức này: Kém"),
        Column("Điểm Hoàn thành xuất sắc", "level_excellent", "number", default=90, minimum=0,
               maximum=100, hint="Xếp loại chất lượng cuối năm: điểm thấp nhất được «Hoàn thành "
                                 "xuất sắc nhiệm vụ» (Quy định 366-QĐ/TW, Điều 11; Hướng dẫn "
                                 "43-HD/BTCTW)"),
        Column("Điểm Hoàn thành tốt", "level_good", "number", default=70, minimum=0, maximum=100,
               hint="Điểm thấp nhất được «Hoàn thành tốt nhiệm vụ» (Quy định 366-QĐ/TW)"),
        Column("Điểm Hoàn thành", "level_done", "number", default=50, minimum=0, maximum=100,
               hint="Điểm thấp nhất được «Hoàn thành nhiệm vụ»; dưới mức này: «Không hoàn thành "
                    "nhiệm vụ» (Quy định 366-QĐ/TW)"),
        Column("Tỷ lệ Hoàn thành xuất sắc tối đa (%)", "excellent_cap", "percent", default=20,
               minimum=0, maximum=100,
               hint="Số «Hoàn thành xuất sắc nhiệm vụ» không quá tỷ lệ này của số «Hoàn thành tốt "
                    "nhiệm vụ» (Hướng dẫn 21-HD/BTCTW; theo kế hoạch của đảng ủy xã, có nơi 25%)"),
        *MARGINS,
    ),
)

LEGAL_BASES = Sheet(
    "Căn cứ", "legal_bases",
    "Các văn bản làm căn cứ cho kế hoạch, mỗi dòng một văn bản (câu mở đầu kế hoạch).",
    (
        Column("STT", "number", "integer", minimum=1, width=6),
        Column("Văn bản", "document", required=True, width=34,
               hint="Ví dụ: Hướng dẫn số 12-HD/BTCTW",
               hint_2026="Ví dụ: Hướng dẫn số 42-HD/BTCTW (28/10/2025), Chỉ thị số 50-CT/TW "
                         "(23/7/2025) và hướng dẫn của tỉnh ủy, thành ủy"),
        Column("Ngày", "date", "date", required=True, width=13, hint="Ngày ban hành, dd/mm/yyyy"),
        Column("Cơ quan ban hành", "issuer", required=True, width=30,
               hint="Ví dụ: Ban Tổ chức Trung ương"),
        Column("Trích yếu", "subject", required=True, width=60,
               hint="Tên văn bản, không cần ngoặc kép"),
    ),
    guidance_2026="Từ năm 2026, kế hoạch căn cứ Hướng dẫn số 42-HD/BTCTW ngày 28/10/2025 của Ban "
                  "Tổ chức Trung ương, Chỉ thị số 50-CT/TW ngày 23/7/2025 về nâng cao chất lượng "
                  "sinh hoạt chi bộ và hướng dẫn mới của tỉnh ủy, thành ủy; ghi đúng số, ngày, cơ "
                  "quan ban hành và trích yếu như trên văn bản. Việc kiểm điểm, đánh giá, xếp loại "
                  "chất lượng cuối năm theo Quy định số 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị "
                  "và Hướng dẫn số 43-HD/BTCTW ngày 31/10/2025 của Ban Tổ chức Trung ương.",
)

PLAN_PARAGRAPHS = Sheet(
    "Kế hoạch", "plan_paragraphs",
    "Nội dung kế hoạch: mỗi dòng một đoạn văn, theo thứ tự STT trong từng phần.",
    (
        Column("Phần", "part", "choice", required=True, choices=PLAN_PARTS, width=22),
        Column("STT", "number", "integer", minimum=1, width=6),
        Column("Nội dung", "text", required=True, width=100, hint="Một đoạn văn của kế hoạch"),
    ),
)

THEMES = Sheet(
    "Chuyên đề", "themes",
    "Chuyên đề của từng quý trong năm; quý nào cũng phải có chuyên đề.",
    (
        Column("Quý", "quarter", "choice", required=True, choices=(1, 2, 3, 4), width=6),
        Column("Tên chuyên đề", "title", required=True, width=70),
        Column("Người chuẩn bị", "preparer", "name", width=24,
               hint="Đảng viên chuẩn bị chuyên đề"),
        Column("Tháng dự kiến", "planned_month", "integer", minimum=1, maximum=12, width=10),
        Column("Ghi chú", "note", width=30),
    ),
)

MEMBERS = Sheet(
    "Đảng viên", "members",
    "Danh sách đảng viên của chi bộ, kể cả người đã chuyển đi trong năm.",
    (
        Column("STT", "number", "integer", minimum=1, width=6),
        Column("Họ và tên", "name", "name", required=True, width=26,
               hint="Hai người trùng tên: thêm dấu phân biệt, ví dụ (1985)"),
        Column("Năm sinh", "birth_year", "integer", minimum=1900, maximum=2100, width=9),
        Column("Giới tính", "gender", "choice", choices=("Nam", "Nữ"), width=9),
        Column("Chức vụ", "position", "choice", choices=POSITIONS, default="Đảng viên", width=14),
        Column("Loại", "membership", "choice", required=True, choices=MEMBERSHIPS, width=12,
               hint="Chính thức hoặc Dự bị"),
        Column("Ngày vào Đảng", "admitted", "date", width=13,
               hint="Ngày kết nạp; đảng viên dự bị đủ 12 tháng thì chi bộ xét chuyển chính thức"),
        Column("Ngày chuyển chính thức", "promoted", "date", width=13,
               hint="Ngày quyết định chuyển đảng viên chính thức; trước ngày này đồng chí vẫn là "
                    "dự bị (không biểu quyết) ở các buổi họp đã qua"),
        Column("Miễn sinh hoạt", "exempt", "choice", choices=("Có",), width=10,
               hint="Ghi «Có» nếu được miễn sinh hoạt"),
        Column("Ngày chuyển đến", "joined", "date", width=13,
               hint="Để trống nếu có mặt từ đầu năm"),
        Column("Ngày chuyển đi", "left", "date", width=13,
               hint="Để trống nếu còn sinh hoạt"),
        Column("Email", "email", "email", width=28),
        Column("Điện thoại", "phone", "phone", width=14),
    ),
)

MEETINGS = Sheet(
    "Buổi sinh hoạt", "meetings",
    "Mỗi buổi sinh hoạt một dòng; quý được tính từ ngày họp.",
    (
        Column("Mã buổi", "id", required=True, width=12, hint="Không trùng, ví dụ 2022-Q1"),
        Column("Loại", "kind", "choice", required=True, choices=MEETING_KINDS, width=12),
        Column("Ngày", "date", "date", required=True, width=12, hint="dd/mm/yyyy"),
        Column("Bắt đầu", "start", "time", required=True, width=9, hint="Ví dụ 14:00"),
        Column("Kết thúc", "end", "time", required=True, width=9, hint="Ví dụ 16:00"),
        Column("Địa điểm", "place", required=True, width=26),
        Column("Chủ trì", "chair", "name", required=True, width=24),
        Column("Thư ký", "minute_taker", "name", required=True, width=24),
        Column("Chuyên đề", "theme", width=40,
               hint="Để trống: lấy chuyên đề của quý ở trang Chuyên đề"),
        Column("Người trình bày", "presenter", "name", width=24),
        Column("Khách mời", "guests", width=30,
               hint="Họ tên, chức vụ từng khách mời, cách nhau bằng dấu ;"),
        Column("Đại biểu cấp trên", "upper_delegate", width=30,
               hint="Đồng chí cấp ủy cấp trên dự và chỉ đạo: họ tên, chức vụ"),
        Column("Ngày duyệt đề cương", "outline_approved", "date", width=12,
               hint="Buổi chuyên đề: ngày chi ủy duyệt đề cương"),
        Column("Ngày gửi tài liệu", "material_sent", "date", width=12,
               hint="Buổi chuyên đề: ngày tài liệu đến đảng viên, ít nhất 1 ngày trước buổi họp"),
        Column("Tóm tắt nội dung", "summary", width=60),
        Column("Kết luận", "conclusion", width=60),
        Column("Biểu quyết", "vote", width=16, hint="Ví dụ: 13/13 nhất trí"),
        Column("Tài liệu", "materials", width=30,
               hint="Tệp tài liệu gửi kèm giấy mời, đường dẫn tính từ thư mục của sổ, cách nhau "
                    "bằng dấu ;"),
        Column("Chương trình", "agenda", width=50,
               hint="Các nội dung giấy mời báo trước, mỗi nội dung một dòng (Alt+Enter); để "
                    "trống: sinh hoạt thường kỳ và chuyên đề của quý"),
        Column("Ra nghị quyết", "resolution", "choice", choices=("Có",), width=10,
               hint="Ghi «Có» nếu chi bộ ra nghị quyết từ kết luận của buổi này"),
        Column("Điểm", "score", "number", minimum=0, maximum=100, width=8),
        Column("Xếp loại", "rating", "choice", choices=RATINGS, width=12,
               hint="Để trống: tính từ Điểm"),
    ),
)

ABSENCES = Sheet(
    "Vắng mặt", "absences",
    "Chỉ ghi người vắng mặt; những người khác phải dự họp được coi là có mặt.",
    (
        Column("Mã buổi", "meeting_id", required=True, width=12),
        Column("Họ và tên", "name", "name", required=True, width=26),
        Column("Lý do", "reason", width=40, hint="Để trống: vắng không lý do"),
    ),
)

OPINIONS = Sheet(
    "Ý kiến", "opinions",
    "Ý kiến phát biểu trong buổi sinh hoạt, theo thứ tự phát biểu.",
    (
        Column("Mã buổi", "meeting_id", required=True, width=12),
        Column("Người phát biểu", "speaker", "name", required=True, width=26),
        Column("Nội dung", "text", required=True, width=90),
    ),
)

TASKS = Sheet(
    "Nhiệm vụ", "tasks",
    "Kết luận và nhiệm vụ được giao; báo cáo sẽ theo dõi kết quả.",
    (
        Column("Mã buổi", "meeting_id", required=True, width=12),
        Column("Nội dung", "text", required=True, width=60),
        Column("Người thực hiện", "assignee", width=26,
               hint="Họ tên đảng viên, hoặc Chi ủy, Chi bộ…"),
        Column("Thời hạn", "due", "date", width=12),
        Column("Kết quả", "result", width=50),
        Column("Ngày có kết quả", "result_date", "date", width=12,
               hint="Báo cáo đề ngày trước ngày này ghi nhiệm vụ là «Đang thực hiện»"),
    ),
)

ASSESSMENTS = Sheet(
    "Đánh giá", "assessments",
    "Phần đánh giá của báo cáo quý và báo cáo năm.",
    (
        Column("Kỳ", "period", "choice", required=True, choices=PERIODS + (REVIEW_PERIOD,),
               width=11, hint="Quý 1…Quý 4, Năm, hoặc Kiểm điểm (tập thể chi bộ tự kiểm điểm "
                              "cuối năm)"),
        Column("Ưu điểm", "strengths", width=50),
        Column("Hạn chế", "weaknesses", width=50),
        Column("Nguyên nhân", "causes", width=50),
        Column("Phương hướng", "direction", width=50),
        Column("Kiến nghị", "requests", width=50),
    ),
)

DOCUMENTS = Sheet(
    "Văn bản", "documents",
    "Số và ngày của từng văn bản (số do chi bộ cấp, chạy suốt nhiệm kỳ).",
    (
        Column("Loại", "doc_type", "choice", required=True, choices=DOCUMENT_TYPES, width=8,
               hint="KH kế hoạch, BB biên bản, BC báo cáo, NQ nghị quyết"),
        Column("Kỳ", "period", required=True, width=12,
               hint="Năm, Quý 1…Quý 4, Kiểm điểm (báo cáo kiểm điểm tập thể cuối năm), hoặc Mã "
                    "buổi (biên bản, nghị quyết)"),
        Column("Số", "number", "integer", minimum=1, width=8),
        Column("Ngày", "date", "date", width=12),
    ),
)

RECIPIENTS = Sheet(
    "Nơi nhận", "recipients",
    "Nơi nhận của từng loại văn bản; có email thì «chibo send» gửi văn bản đến đó.",
    (
        Column("Văn bản", "doc_type", "choice", required=True,
               choices=DOCUMENT_TYPES + (PACK_CODE, "*"), width=9,
               hint="KH, BB, BC, NQ, XL (hồ sơ kiểm điểm, xếp loại cuối năm) hoặc * (kế hoạch và "
                    "báo cáo; biên bản, nghị quyết chỉ gửi nơi ghi BB, NQ)"),
        Column("Nơi nhận", "line", required=True, width=44,
               hint="Ví dụ: Đảng ủy xã Mỹ Hòa (báo cáo)",
               hint_2026="Ví dụ: Văn phòng Đảng ủy xã (báo cáo); biên bản chỉ cần «Lưu Chi bộ»"),
        Column("Email", "email", "email", width=30),
    ),
)

CRITERIA = Sheet(
    "Tiêu chí", "criteria",
    "Tiêu chí chấm điểm chất lượng buổi sinh hoạt và điểm tối đa của từng tiêu chí (thang 100 "
    "điểm theo các nhóm tiêu chí của Hướng dẫn 12-HD/BTCTW; sửa theo bảng của tỉnh nếu có).",
    (
        Column("STT", "number", "integer", required=True, minimum=1, width=6),
        Column("Tiêu chí", "title", required=True, width=80),
        Column("Điểm tối đa", "maximum", "number", required=True, minimum=0, maximum=100,
               width=10),
    ),
    optional=True,
)

SCORES = Sheet(
    "Chấm điểm", "scores",
    "Điểm từng buổi sinh hoạt đạt theo từng tiêu chí; tổng điểm phải bằng «Điểm» của buổi.",
    (
        Column("Mã buổi", "meeting_id", required=True, width=12),
        Column("STT tiêu chí", "criterion", "integer", required=True, minimum=1, width=10,
               hint="STT của tiêu chí ở trang Tiêu chí"),
        Column("Điểm", "points", "number", required=True, minimum=0, maximum=100, width=8),
    ),
    optional=True,
)

RATINGS_SHEET = Sheet(
    "Xếp loại", "ratings",
    "Kiểm điểm, đánh giá, xếp loại chất lượng cuối năm (Quy định 366-QĐ/TW, Hướng dẫn "
    "43-HD/BTCTW): mỗi đảng viên còn sinh hoạt ở chi bộ cuối năm một dòng, và một dòng «Chi bộ» "
    "cho tập thể chi bộ.",
    (
        Column("Đối tượng", "subject", "name", required=True, width=26,
               hint="Họ tên đảng viên đúng như ở trang Đảng viên, hoặc «Chi bộ»"),
        Column("Mẫu", "form", "choice", choices=SELF_REVIEW_FORMS, width=7,
               hint="Mẫu bản kiểm điểm: 2A cấp ủy viên, cán bộ lãnh đạo, quản lý; 2B đảng viên; "
                    "2C đảng viên không thuộc hệ thống chính trị (nghỉ hưu…). Để trống: theo chức vụ"),
        Column("Tự xếp loại", "self_level", "choice", choices=LEVELS, width=26),
        Column("Điểm", "points", "number", minimum=0, maximum=100, width=8,
               hint="Không bắt buộc: điểm theo thang 100 của Quy định 366-QĐ/TW, khớp với mức "
                    "«Chi bộ đề nghị» (chưa có thì «Tự xếp loại») theo các mức ở trang Thông tin"),
        Column("Chi bộ đề nghị", "proposed", "choice", choices=LEVELS, width=26,
               hint="Mức chi bộ biểu quyết đề nghị đảng ủy xếp loại"),
        Column("Kỷ luật trong năm", "discipline", "choice", choices=DISCIPLINES, width=14,
               hint="Hình thức kỷ luật trong năm, nếu có"),
        Column("Tán thành", "agree", "integer", minimum=0, width=9,
               hint="Số đảng viên chính thức tán thành mức đề nghị"),
        Column("Không tán thành", "disagree", "integer", minimum=0, width=9),
        Column("Ưu điểm", "strengths", width=50,
               hint="Ưu điểm, kết quả đạt được; để trống: bản kiểm điểm để dòng chấm để tự ghi"),
        Column("Khuyết điểm, nguyên nhân", "shortcomings", width=50),
        Column("Biện pháp khắc phục", "remedies", width=50),
    ),
    guidance_2026="Tháng 12, chi bộ tổ chức hội nghị kiểm điểm (Loại «Kiểm điểm cuối năm» ở trang "
                  "Buổi sinh hoạt), kiểm điểm tập thể trước, từng đảng viên sau (bí thư trước); "
                  "ghi kết quả ở trang này; chibo lập báo cáo Mẫu 01, bản kiểm điểm 2A/2B/2C, biên "
                  "bản và danh sách đề nghị xếp loại (Hướng dẫn 43-HD/BTCTW).",
    optional=True,
)

# The default table of criteria, on 100 points, after the groups of HD 12-HD/BTCTW's quality
# criteria (preparation, attendance and time, content, conduct, outcome) [configurable].
DEFAULT_CRITERIA = (
    (1, "Chuẩn bị: chi ủy họp chuẩn bị, xây dựng đề cương, thông báo và gửi tài liệu đến đảng "
        "viên trước buổi sinh hoạt", 20),
    (2, "Thời gian và thành phần: đúng kỳ, đủ thời lượng; tỷ lệ đảng viên dự họp; không có "
        "đảng viên vắng không lý do", 20),
    (3, "Nội dung: thiết thực, sát nhiệm vụ của chi bộ; chuyên đề đúng kế hoạch", 25),
    (4, "Điều hành và thảo luận: chủ trì điều hành tốt; nhiều đảng viên phát biểu; tự phê bình "
        "và phê bình", 20),
    (5, "Kết quả: kết luận rõ, được biểu quyết thông qua; phân công thực hiện; biên bản ghi "
        "đầy đủ", 15),
)



def default_criteria_rows() -> list[dict]:
    """The default table as the rows of `Tiêu chí` (a new workbook, the sample)."""
    return [{"STT": number, "Tiêu chí": title, "Điểm tối đa": maximum}
            for number, title, maximum in DEFAULT_CRITERIA]


# Contract order: `chibo init` writes the sheets in this order after `Hướng dẫn`.
SHEETS: tuple[Sheet, ...] = (SETTINGS, LEGAL_BASES, PLAN_PARAGRAPHS, THEMES, MEMBERS, MEETINGS,
                             ABSENCES, OPINIONS, TASKS, ASSESSMENTS, CRITERIA, SCORES,
                             RATINGS_SHEET, DOCUMENTS, RECIPIENTS)
GUIDE_SHEET = "Hướng dẫn"
LISTS_SHEET = "Danh mục"
SHEET_ORDER = (GUIDE_SHEET,) + tuple(sheet.name for sheet in SHEETS) + (LISTS_SHEET,)


# --- the Đảng ủy's own settings workbook (chibo init --dang-uy; read by chibo tong-hop) --------

COMMITTEE_SETTINGS = Sheet(
    "Thông tin", "settings",
    "Thông tin của đảng ủy dùng cho báo cáo tổng hợp các chi bộ.",
    columns=(Column(KEY, "key", required=True, width=42),
             Column(VALUE, "value", width=48)),
    settings=(
        Column("Đảng bộ cấp trên", "superior_body", "heading", required=True,
               hint="Dòng đầu tiêu đề, ví dụ: Đảng bộ huyện Phù Mỹ",
               hint_2026="Dòng đầu tiêu đề: đảng bộ tỉnh, thành phố, ví dụ: Đảng bộ tỉnh Gia Lai"),
        Column("Tên đảng ủy", "committee_name", "heading", required=True,
               hint="Ví dụ: Đảng ủy xã Mỹ Hòa"),
        Column("Ký hiệu", "issuer_code", default="ĐU", hint="Ký hiệu trong số văn bản, ví dụ ĐU"),
        Column("Địa danh", "place", required=True, hint="Địa danh ở dòng ngày tháng"),
        Column("Năm", "year", "integer", required=True, minimum=2000, maximum=2100),
        Column("Người ký", "signer", "name", required=True, hint="Họ tên người ký báo cáo"),
        Column("Chức vụ người ký", "signer_role", "choice", choices=("Bí thư", "Phó Bí thư"),
               default="Bí thư"),
        Column("Số chi bộ trực thuộc", "cell_count", "integer", minimum=1, maximum=500,
               hint="Để trống: bằng số sổ trong thư mục"),
        Column("Tỷ lệ dự họp tối thiểu (%)", "min_attendance", "percent", default=85,
               minimum=0, maximum=100),
        *MARGINS,
    ),
)

COMMITTEE_DOCUMENTS = Sheet(
    "Văn bản", "documents",
    "Số và ngày của từng báo cáo tổng hợp.",
    (
        Column("Kỳ", "period", "choice", required=True, choices=PERIODS, width=9),
        Column("Số", "number", "integer", minimum=1, width=8),
        Column("Ngày", "date", "date", width=12),
    ),
)

COMMITTEE_RECIPIENTS = Sheet(
    "Nơi nhận", "recipients",
    "Nơi nhận của báo cáo tổng hợp, mỗi dòng một nơi.",
    (Column("Nơi nhận", "line", required=True, width=50,
            hint="Ví dụ: Ban Tổ chức Huyện ủy (báo cáo)",
            hint_2026="Ví dụ: Ban Tổ chức Tỉnh ủy (báo cáo)"),),
)

COMMITTEE_SHEETS: tuple[Sheet, ...] = (COMMITTEE_SETTINGS, COMMITTEE_DOCUMENTS,
                                       COMMITTEE_RECIPIENTS)
