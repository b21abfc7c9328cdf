"""How Party documents write dates, times, numbers and titles (HD 36-HD/VPTW and practice)."""

from __future__ import annotations

import datetime as dt
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


def percent(value: float) -> str:
    """92.86 -> '92,9%', 100.0 -> '100%': Vietnamese writes a decimal comma."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"


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


def slug(text: str) -> str:
    """An ASCII file-name part: 'Quý 1/2022' -> 'quy-1-2022'. Never a path."""
    import unicodedata

    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    plain = re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-")
    return plain[:60] or "x"
