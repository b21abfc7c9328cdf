"""Turning raw cell values into clean Python values, the way the workbook contract says.

Every parser takes what python-calamine gives for a cell (str, int, float, bool, date,
datetime, time, timedelta) and returns a clean value or raises `BadValue` with a Vietnamese
explanation. Empty cells become None before any parser sees them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata

# XML 1.0 forbids these; Word refuses a document that contains one.
_ILLEGAL_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")

# Excel's own error values, shown in a cell whose formula failed.
EXCEL_ERRORS = {"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!",
                "#SPILL!", "#CALC!", "#GETTING_DATA"}


class BadValue(ValueError):
    """A cell whose content does not fit its column; the message is Vietnamese."""


# Anything clean_text has to remove or rewrite; most cells have none of it.
_NEEDS_CLEANING = re.compile(r"[\x00-\x1f\x7f\u00a0\u200b\u200c\u200d\u2060\ufeff]|_x000D_")


def clean_text(text: str) -> str:
    """NFC, one kind of line break, no control characters, no surrounding spaces."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if not _NEEDS_CLEANING.search(text):
        return text.strip()
    text = text.replace("_x000D_", "").replace("\r\n", "\n").replace("\r", "\n")
    text = _ILLEGAL_CONTROL.sub("", _INVISIBLE.sub("", text))
    text = text.replace("\u00a0", " ")
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip()


@functools.lru_cache(maxsize=8192)
def matching_key(text: str) -> str:
    """How headers, sheet names, choices and people's names are compared: case, Unicode form
    and spacing do not matter, diacritics do (Lan and Lân are different people)."""
    return _SPACES.sub(" ", clean_text(text)).casefold().strip()


def column_number(letters: str) -> int:
    """A spreadsheet column by its letters: 'A' -> 1, 'BL' -> 64."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def is_empty(value) -> bool:
    if value is None:
        return True
    if not isinstance(value, str):
        return False
    if value.isprintable():   # the common case: no invisible or control characters
        return not value.strip()
    return clean_text(value) == ""


def _number_text(value: float | int) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def show(value) -> str:
    """A raw value as the secretary typed it, for messages."""
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _number_text(value)
    return clean_text(str(value))


# --- parsers, one per kind of column -------------------------------------------------------

def parse_text(value) -> str:
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, (int, float)):
        return _number_text(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y")
    return clean_text(str(value))


_INTEGER_TEXT = re.compile(r"[+-]?\d+(?:[.,]0+)?")


def parse_integer(value) -> int:
    if isinstance(value, bool):
        raise BadValue("cần một số nguyên, không phải TRUE/FALSE")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise BadValue(f"«{show(value)}» không phải số nguyên")
    text = clean_text(str(value))
    if _INTEGER_TEXT.fullmatch(text):
        return int(re.split(r"[.,]", text)[0])
    raise BadValue(f"«{text}» không phải số nguyên")


def parse_number(value) -> int | float:
    if isinstance(value, bool):
        raise BadValue("cần một số, không phải TRUE/FALSE")
    if isinstance(value, (int, float)):
        return int(value) if float(value).is_integer() else float(value)
    text = clean_text(str(value)).replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        raise BadValue(f"«{clean_text(str(value))}» không phải số") from None
    return int(number) if number.is_integer() else number


# The date a message shows as an example; the reader gives it the book's own year.
DATE_EXAMPLE = "15/03/2022"
_DATE_TEXT = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?")
_DATE_WORDS = re.compile(r"(?:ngày\s*)?(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", re.IGNORECASE)
# Excel serial numbers of 01/01/1990 and 31/12/2100: a date cell that lost its format.
_SERIAL_RANGE = (32874, 73415)


def parse_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
            return dt.date(1899, 12, 30) + dt.timedelta(days=int(value))
        raise BadValue(f"«{show(value)}» không phải ngày; hãy ghi theo dạng dd/mm/yyyy, "
                       f"ví dụ {DATE_EXAMPLE}")
    text = clean_text(str(value))
    match = _DATE_TEXT.fullmatch(text) or _DATE_WORDS.fullmatch(text)
    iso = _ISO_DATE.fullmatch(text)  # what other programs export: unambiguous, so accepted
    parts = match.groups() if match else tuple(reversed(iso.groups())) if iso else None
    if parts:
        day, month, year = (int(part) for part in parts)
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise BadValue(f"«{text}» không phải ngày có thật (ngày/tháng/năm)") from None
    raise BadValue(f"«{text}» không phải ngày; hãy ghi theo dạng dd/mm/yyyy, ví dụ {DATE_EXAMPLE}")


_TIME_TEXT = re.compile(
    r"(\d{1,2})\s*(?::|h|g|giờ)\s*(?:(\d{1,2})\s*(?:phút|p|')?)?", re.IGNORECASE)


def parse_time(value) -> dt.time:
    if isinstance(value, dt.datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, dt.timedelta) and dt.timedelta(0) <= value < dt.timedelta(days=1):
        minutes = round(value.total_seconds() / 60)
        return dt.time(minutes // 60, minutes % 60)
    if isinstance(value, float) and 0 <= value < 1:  # a time cell that lost its format
        minutes = round(value * 24 * 60)
        return dt.time(minutes // 60 % 24, minutes % 60)
    text = clean_text(show(value))
    match = _TIME_TEXT.fullmatch(text)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour < 24 and minute < 60:
            return dt.time(hour, minute)
    raise BadValue(f"«{text}» không phải giờ; hãy ghi theo dạng 14:00, 14h30 hoặc 14 giờ 30")


def parse_choice(value, choices: tuple) -> object:
    """The allowed value (as declared, e.g. the int 2 for a quarter) that the cell spells."""
    text = parse_text(value)
    if all(isinstance(choice, int) for choice in choices):
        text = re.sub(r"^quý\s*", "", text, flags=re.IGNORECASE)  # 'Quý 2' in a quarter column
    for choice in choices:
        if matching_key(str(choice)) == matching_key(text):
            return choice
    raise BadValue(f"«{text}» không có trong danh sách: {', '.join(map(str, choices))}")


_EMAIL = re.compile(r"[^@\s,;<>\"]+@[^@\s,;<>\"]+\.[^@\s,;<>\".]{2,}")


def parse_percent(value) -> int | float:
    """A percentage typed as 85, '85%' or 0.85 (a cell formatted as %): always 85."""
    if isinstance(value, str):
        value = clean_text(value).rstrip("%").strip()
    number = parse_number(value)
    if 0 < number <= 1:
        number = round(number * 100, 6)
    return int(number) if float(number).is_integer() else number


def parse_emails(value) -> tuple[str, ...]:
    """One address or several separated by ',' or ';'."""
    text = parse_text(value)
    addresses = tuple(part.strip() for part in re.split(r"[,;\s]+", text) if part.strip())
    for address in addresses:
        if not _EMAIL.fullmatch(address):
            raise BadValue(f"«{address}» không phải địa chỉ email hợp lệ")
    return addresses


_NAME_PREFIX = re.compile(r"^(?:đ/c|đ\.c|đc|đồng chí)\s*[:.]?\s+", re.IGNORECASE)


def parse_name(value) -> str:
    """A person's name; 'Đ/c' or 'đồng chí' in front is dropped, as the documents add it."""
    text = _SPACES.sub(" ", parse_text(value))
    return _NAME_PREFIX.sub("", text).strip()


class Heading(str):
    """A name printed in a document's header (an issuing body): as text it reads on one line,
    and `lines` keeps the line breaks the secretary typed in the cell (Alt+Enter), where the
    header breaks it."""

    lines: tuple[str, ...]

    def __new__(cls, text: str) -> Heading:
        lines = tuple(_SPACES.sub(" ", line).strip() for line in text.split("\n") if line.strip())
        heading = super().__new__(cls, " ".join(lines))
        heading.lines = lines
        return heading


def parse_heading(value) -> Heading:
    return Heading(parse_text(value))


def parse_phone(value) -> str:
    """A phone number; one typed as a number lost its leading 0, which is given back."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        digits = _number_text(value)
        return "0" + digits if len(digits) == 9 else digits
    return parse_text(value)
