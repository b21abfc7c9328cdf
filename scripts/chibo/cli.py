"""The command line: parse, call one library function, print, set the exit code.

Only click is imported at start-up so that `chibo --help` is instant; each command imports
the stage it needs. Known failures (`ChiboError`) print their Vietnamese message and exit 1;
usage mistakes exit 2 (click's own).
"""

from __future__ import annotations

import datetime as dt
import json
import sys

import click

DEFAULT_WORKBOOK = "workbook/chibo.xlsx"


class ChiboGroup(click.Group):
    """Turns known errors into a message and exit 1, and hides tracebacks unless --debug."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as error:
            from .errors import ChiboError

            if isinstance(error, ChiboError):
                click.echo(f"Lỗi: {error}", err=True)
                ctx.exit(1)
            if ctx.params.get("debug"):
                raise
            click.echo(f"Lỗi không mong đợi ({type(error).__name__}: {error}). Hãy chạy lại với "
                       "--debug và gửi toàn bộ thông báo cho người hỗ trợ.", err=True)
            ctx.exit(1)


def _date_option(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.datetime.strptime(value, "%d/%m/%Y").date()
    except ValueError:
        raise click.BadParameter("cần ngày dạng dd/mm/yyyy") from None


workbook_argument = click.argument("workbook", default=DEFAULT_WORKBOOK,
                                   type=click.Path(dir_okay=True))


@click.group(cls=ChiboGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Hiện chi tiết kỹ thuật khi có lỗi.")
@click.version_option(package_name="chibo")
def main(debug: bool) -> None:
    """chibo — sổ sinh hoạt chi bộ: kiểm tra sổ Excel và lập văn bản theo thể thức của Đảng."""


@main.command()
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--year", type=click.IntRange(2000, 2100), help="Năm của kế hoạch (mặc định: năm nay).")
@click.option("--force", is_flag=True, help="Ghi đè nếu tệp đã có.")
@click.option("--sample", is_flag=True, help="Ghi sổ mẫu của Chi bộ Mầm non Mỹ Hòa năm 2022.")
def init(path: str, year: int | None, force: bool, sample: bool) -> None:
    """Tạo sổ Excel mới với đủ các trang, tiêu đề, danh sách chọn và hướng dẫn."""
    from .creating import create_workbook

    written = create_workbook(path, year=year, force=force, sample=sample)
    click.echo(f"Đã tạo sổ {written}. Mở bằng Excel, đọc trang «Hướng dẫn» rồi ghi thông tin "
               "của chi bộ.")


@main.command()
@workbook_argument
@click.option("--json", "as_json", is_flag=True, help="In các vấn đề dưới dạng JSON.")
@click.option("--today", hidden=True, help="Ngày dùng làm hôm nay (dd/mm/yyyy), cho kiểm thử.")
def check(workbook: str, as_json: bool, today: str | None) -> None:
    """Kiểm tra sổ và liệt kê mọi lỗi, cảnh báo kèm trang và ô cần sửa."""
    from .checking import check as check_workbook

    report = check_workbook(workbook, today=_date_option(today))
    if as_json:
        click.echo(json.dumps({"workbook": workbook, "errors": len(report.errors),
                               "warnings": len(report.warnings), "problems": report.as_dicts()},
                              ensure_ascii=False, indent=2))
    else:
        click.echo(render_report(workbook, report))
    sys.exit(1 if report.has_errors else 0)


def render_report(workbook: str, report) -> str:
    errors, warnings = report.errors, report.warnings
    lines = [f"Sổ: {workbook}"]
    if errors:
        lines.append(f"Lỗi ({len(errors)}) — phải sửa:")
        lines += [f"  {problem}" for problem in errors]
    if warnings:
        lines.append(f"Cảnh báo ({len(warnings)}) — nên xem lại:")
        lines += [f"  {problem}" for problem in warnings]
    if not errors and not warnings:
        lines.append("Sổ hợp lệ: không có lỗi, không có cảnh báo.")
    elif not errors:
        lines.append("Không có lỗi.")
    return "\n".join(lines)
