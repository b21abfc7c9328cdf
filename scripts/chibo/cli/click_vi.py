"""click's own words in Vietnamese: «Cách dùng», «Hiện hướng dẫn này rồi thoát», the
messages of a mistyped command. click marks them for gettext; each of its modules binds `_`
and `ngettext` when imported, so `install` binds them again to this catalogue."""

from __future__ import annotations

import sys

MESSAGES = {
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Positional arguments": "Đối số",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "Show the version and exit.": "Hiện phiên bản rồi thoát.",
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Gõ «{command} {option}» để xem hướng dẫn.",
    "Missing argument": "Thiếu đối số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Missing {param_type}": "Thiếu {param_type}",
    "Missing command.": "Thiếu lệnh.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Argument {name!r} takes {nargs} values.": "Đối số {name!r} cần {nargs} giá trị.",
    "Aborted!": "Đã dừng.",
    "Do you want to continue?": "Tiếp tục?",
    "Confirm the action without prompting.": "Làm luôn, không hỏi lại.",
    "Repeat for confirmation": "Gõ lại để xác nhận",
    "Error: The two entered values do not match.": "Lỗi: hai lần gõ không giống nhau.",
    "Error: invalid input": "Lỗi: giá trị không hợp lệ",
    "Press any key to continue...": "Bấm một phím bất kỳ để tiếp tục...",
    "default: {default}": "mặc định: {default}",
    "env var: {var}": "biến môi trường: {var}",
    "(dynamic)": "(tùy lúc)",
    "deprecated": "không dùng nữa",
    "unknown error": "lỗi không rõ",
    "Could not open file {filename!r}: {message}": "Không mở được tệp {filename!r}: {message}",
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    "{value} is not in the range {range}.": "{value} không nằm trong khoảng {range}.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải {number_type} hợp lệ.",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value!r} không phải giá trị đúng/sai. Các giá trị nhận: {states}",
    # click gives these the kind of path capitalised (its «Directory»): said without it
    "{name} {filename!r} does not exist.": "Không tìm thấy {filename!r}.",
    "{name} {filename!r} is a file.": "{filename!r} là một tệp, không phải thư mục.",
    "{name} {filename!r} is a directory.": "{filename!r} là một thư mục, không phải tệp.",
    "{name} {filename!r} is not readable.": "Không đọc được {filename!r}: không có quyền đọc.",
    "{name} {filename!r} is not writable.": "Không ghi được vào {filename!r}: không có quyền ghi.",
    "{name} {filename!r} is not executable.": "Không chạy được {filename!r}.",
    "file": "tệp",
    "directory": "thư mục",
    "path": "đường dẫn",
}

PLURAL_MESSAGES = {
    "Got unexpected extra argument ({args})": "Thừa đối số ({args})",
    "Did you mean {possibility}?": "Có phải {possibility}?",
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần một giá trị.",
    "{value!r} is not {choice}.": "{value!r} không phải {choice}.",
}
PLURAL_FORMS = {   # the plural form of each, Vietnamese having no plural of its own
    "Got unexpected extra argument ({args})": "Thừa đối số ({args})",
    "Did you mean {possibility}?": "(Có phải một trong: {possibilities}?)",
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần {nargs} giá trị.",
    "{value!r} is not {choice}.": "{value!r} không phải một trong {choices}.",
}


def gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    if singular in PLURAL_MESSAGES:
        return PLURAL_MESSAGES[singular] if count == 1 else PLURAL_FORMS[singular]
    return singular if count == 1 else plural


def install() -> None:
    """Give every loaded click module the Vietnamese words."""
    for name, module in list(sys.modules.items()):
        if name == "click" or name.startswith("click."):
            if hasattr(module, "_"):
                module._ = gettext   # type: ignore[attr-defined]
            if hasattr(module, "ngettext"):
                module.ngettext = ngettext   # type: ignore[attr-defined]
    import click.types

    click.types.INT.name = "số nguyên"    # «'x' không phải số nguyên hợp lệ»
    click.types.FLOAT.name = "số"
    click.types.IntRange.name = "số nguyên"   # not «integer range»
    click.types.FloatRange.name = "số"
    click.types._NumberRangeBase._describe_range = _range_in_words   # type: ignore[method-assign]


def _range_in_words(self) -> str:
    """«từ 1 đến 4», not click's «1<=x<=4»."""
    if self.min is not None and self.max is not None:
        return f"từ {self.min} đến {self.max}"
    return f"từ {self.min} trở lên" if self.min is not None else f"không quá {self.max}"
