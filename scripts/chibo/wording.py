"""How Party documents write dates, times, numbers and titles (HD 36-HD/VPTW and practice)."""

from __future__ import annotations

import datetime as dt
import functools
import re

BLANK_NUMBER = "    "   # room to write a missing document number by hand


def date_in_words(day: dt.date | None, year: int | None = None) -> str:
    """'ngày 06 tháng 02 năm 2022', 'ngày 15 tháng 3 năm 2022': days below 10 and the months
    1 and 2 take a leading zero, the other months do not (HD 36). A missing date leaves room
    to write it by hand."""
    if day is None:
        return f"ngày      tháng      năm {year or ''}".rstrip()
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def short_date(day: dt.date) -> str:
    """'10/03/2022', as tables and parentheses write it."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def time_in_words(time: dt.time) -> str:
    """'14 giờ 00 phút'."""
    return f"{time.hour} giờ {time.minute:02d} phút"


def decimal(value: float) -> str:
    """92.86 -> '92,9', 90.0 -> '90': Vietnamese writes a decimal comma."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def percent(value: float) -> str:
    """92.86 -> '92,9%', 100.0 -> '100%'."""
    return decimal(value) + "%"


def document_number(number: int | None, doc_type: str, issuer_code: str) -> str:
    """'Số 05-KH/CB' — no colon after Số; a missing number leaves room to write it."""
    shown = f"{number:02d}" if number is not None else BLANK_NUMBER
    return f"Số {shown}-{doc_type}/{issuer_code}"




def quoted(text: str) -> str:
    """A title in Vietnamese quotation marks, without doubling quotes already typed."""
    bare = text.strip().strip('“”"').strip()
    return f"“{bare}”"


def sentence(text: str) -> str:
    """Text ending with a full stop (or the punctuation it already has)."""
    text = text.strip()
    return text if not text or text[-1] in ".!?…:;" else text + "."


def paragraphs(text: str | None) -> list[str]:
    """A cell's text as the paragraphs the secretary separated with line breaks."""
    return [line.strip() for line in (text or "").split("\n") if line.strip()]




def period_words(quarter: int | None, year: int) -> str:
    """'quý 2 năm 2022', or 'năm 2022' for the year."""
    return f"quý {quarter} năm {year}" if quarter else f"năm {year}"


def recipient_lines(lines) -> list[str]:
    """'- Đảng ủy xã Mỹ Hòa (báo cáo),' … '- Lưu Chi bộ.' as HD 36 practice writes them."""
    lines = list(lines)
    return [f"- {line.rstrip('.,;')}{'.' if index == len(lines) - 1 else ','}"
            for index, line in enumerate(lines)]


# Widths of Times New Roman Bold capitals, in ems (Liberation Serif Bold has the same
# metrics): enough to tell whether an issuer's name fits the header's left column.
_CAPITAL_EMS = {**dict.fromkeys("BEKLPTZ", 0.667), **dict.fromkeys("ACDNRUVXYĐ", 0.722),
                **dict.fromkeys("GHKOQƠ", 0.778), "F": 0.611, "I": 0.389, "J": 0.5, "M": 0.944,
                "S": 0.556, "W": 1.0, "Ư": 0.796, " ": 0.25}
# The header's left column (7 cm, less the cell's margins) holds 13.4 ems of 14 pt capitals.
HEADER_LINE_EMS = 13.4


def _ems(text: str) -> float:
    import unicodedata

    def width(char: str) -> float:
        if char in _CAPITAL_EMS:
            return _CAPITAL_EMS[char]
        base = unicodedata.normalize("NFD", char)[:1]
        return _CAPITAL_EMS.get(base, 0.5 if char.isdigit() else 0.72)

    return sum(width(c) for c in text.upper())


# Words of two or more syllables common in the names of Party cells and bodies: a header
# never breaks inside one («Trung | học» or «cơ | sở» would read as nonsense).
COMPOUND_WORDS = {
    "mầm non", "tiểu học", "trung học", "cơ sở", "phổ thông", "khu phố", "tổ dân phố",
    "dân phố", "văn hóa", "y tế", "giáo dục", "đào tạo", "công an", "quân sự", "nhân dân",
    "ủy ban", "hợp tác", "hợp tác xã", "doanh nghiệp", "bệnh viện", "trung tâm", "dân tộc",
    "nội trú", "bán trú", "thị trấn", "thị xã", "thành phố", "hành chính", "sự nghiệp",
    "nông nghiệp", "kinh tế", "xã hội", "cựu chiến binh", "thanh niên", "phụ nữ", "mặt trận",
    "tổ quốc", "kiểm tra", "tổ chức", "tuyên giáo", "dân vận", "văn phòng", "bưu điện",
    "điện lực", "ngân hàng", "kho bạc", "đảng bộ", "chi bộ", "đảng ủy", "tỉnh ủy", "thành ủy",
    "cán bộ", "hưu trí", "nông thôn", "khu dân cư", "dân cư", "liên cơ", "cơ quan",
}


def header_lines(name: str, lines: tuple[str, ...] | None = None) -> list[str]:
    """An issuing body's name as the header prints it, upper case, one string per line.

    It breaks where the secretary broke the name in its cell (Alt+Enter). A line too long
    for the column is broken at spaces into as few lines as fit, at the places a secretary
    would choose: before a capitalised word that follows a plain one (the start of a name:
    «Chi bộ | Trường Tiểu học | Nguyễn Văn Trỗi»), never inside a word of several syllables
    («Mầm non», «cơ sở») nor, where another break fits, inside a proper name («Mỹ Hòa»).
    Left to itself, Word breaks wherever a line is full."""
    given = list(lines) if lines and len(lines) > 1 else [name]
    return [part for line in given if line for part in _fit_line(line)]


def _fit_line(line: str) -> list[str]:
    words = line.split()
    if not words or _ems(line) <= HEADER_LINE_EMS:
        return [line.upper()] if words else []
    lowered = [w.lower() for w in words]

    def cost(index: int) -> int:   # of a break before words[index]
        for size in (2, 3):
            for start in range(max(0, index - size + 1), index):
                if " ".join(lowered[start:start + size]) in COMPOUND_WORDS:
                    return 9
        before, after = words[index - 1][:1].isupper(), words[index][:1].isupper()
        return 0 if after and not before else 1 if not (after or before) else 2

    # best[(i, k)]: words[:i] set on k lines, as (cost of the breaks, widest line, breaks)
    count = len(words)
    best: dict[tuple[int, int], tuple[int, float, tuple[int, ...]]] = {(0, 0): (0, 0.0, ())}
    for lines_used in range(1, count + 1):
        for end in range(1, count + 1):
            for start in range(end):
                previous = best.get((start, lines_used - 1))
                width = _ems(" ".join(words[start:end]))
                if previous is None or (width > HEADER_LINE_EMS and end - start > 1):
                    continue
                candidate = (previous[0] + (cost(start) if start else 0),
                             max(previous[1], width), previous[2] + (start,))
                if (end, lines_used) not in best or candidate[:2] < best[(end, lines_used)][:2]:
                    best[(end, lines_used)] = candidate
        if (count, lines_used) in best:
            starts = best[(count, lines_used)][2]
            ends = starts[1:] + (count,)
            return [" ".join(words[a:b]).upper() for a, b in zip(starts, ends, strict=True)]
    return [line.upper()]


@functools.lru_cache(maxsize=4096)   # each meeting and member is named so in every build
def slug(text: str) -> str:
    """An ASCII file-name part: 'Quý 1/2022' -> 'quy-1-2022'. Never a path."""
    import unicodedata

    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    plain = _NOT_ASCII_WORD.sub("-", plain).strip("-")
    return plain[:60] or "x"


_NOT_ASCII_WORD = re.compile(r"[^A-Za-z0-9]+")


_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_ROMAN_QUARTER = re.compile(r"\b([Qq]uý)\s+(IV|III|II|I)\b")
_ROMAN = {"I": "1", "II": "2", "III": "3", "IV": "4"}


@functools.lru_cache(maxsize=65536)   # the same names, dates and phrases fill many documents
def in_one_style(text: str, names: tuple[str, ...] = ()) -> str:
    """A document's text written one way throughout, whatever way a cell had it: dates as
    10/05/2022 (never 10/5/2022), quarters in Arabic figures (quý 1, never quý I), and the
    names of bodies (`names`, as `Thông tin` spells them) with their own capitals."""
    def padded(found: re.Match) -> str:
        day, month = int(found.group(1)), int(found.group(2))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return found.group(0)
        return f"{day:02d}/{month:02d}/{found.group(3)}"

    text = _DATE.sub(padded, text)
    text = _ROMAN_QUARTER.sub(lambda f: f"{f.group(1)} {_ROMAN[f.group(2)]}", text)
    for name in names:
        if name:
            def spelled(found: re.Match, name: str = name) -> str:
                return found.group(0) if found.group(0).isupper() else name   # a header: as is

            text = re.sub(re.escape(name), spelled, text, flags=re.IGNORECASE)
    return text
