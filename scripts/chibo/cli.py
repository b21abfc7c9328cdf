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

from .click_vi import install as _vietnamese_click

_vietnamese_click()

class ChiboCommand(click.Command):
    """Turns known errors into a message and exit 1, and hides tracebacks unless --debug."""

    def invoke(self, ctx):
        _utf8_when_redirected()
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as error:
            from .errors import ChiboError

            if isinstance(error, ChiboError):
                click.echo(f"Lỗi: {error}", err=True)
                ctx.exit(1)
            if ctx.params.get("debug") or ctx.find_root().params.get("debug"):
                raise
            click.echo(f"Lỗi không mong đợi ({type(error).__name__}: {error}). Hãy chạy lại với "
                       "--debug và gửi toàn bộ thông báo cho người hỗ trợ.", err=True)
            ctx.exit(1)


def _utf8_when_redirected() -> None:
    """Output sent to a file or a pipe is UTF-8, whatever the system's code page (a Windows
    console set to cp1252 cannot encode Vietnamese; click writes to a real console itself)."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure") and not stream.isatty():
            stream.reconfigure(encoding="utf-8", errors="replace")


def _date_option(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.datetime.strptime(value, "%d/%m/%Y").date()
    except ValueError:
        raise click.BadParameter("cần ngày dạng dd/mm/yyyy") from None


def _find_workbook(ctx, param, value: str | None) -> str:
    """The workbook named (with or without .xlsx), or the only one in the current folder."""
    from .errors import ChiboError
    from .places import find_workbook

    try:
        return str(find_workbook(value))
    except ChiboError as error:
        raise click.UsageError(str(error)) from None


workbook_argument = click.argument("workbook", required=False, callback=_find_workbook,
                                   type=click.Path(dir_okay=True))


def _output_for(workbook: str, output: str | None) -> str:
    """-o, or else output/ in the workbook's own folder."""
    from .places import output_beside

    return output or str(output_beside(workbook))


OUTPUT_HELP = "Thư mục ghi văn bản (mặc định: thư mục output cạnh sổ)."


CONTEXT = {"help_option_names": ["-h", "--help"]}


@click.group(context_settings=CONTEXT)
@click.option("--debug", is_flag=True, help="Hiện chi tiết kỹ thuật khi có lỗi.")
@click.version_option(package_name="chibo")
def main(debug: bool) -> None:
    """chibo — sổ sinh hoạt chi bộ: kiểm tra sổ Excel và lập văn bản theo thể thức của Đảng."""


@main.command(cls=ChiboCommand)
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--year", type=click.IntRange(2000, 2100), help="Năm của kế hoạch (mặc định: năm nay).")
@click.option("--force", is_flag=True, help="Ghi đè nếu tệp đã có.")
@click.option("--sample", is_flag=True, help="Ghi sổ mẫu của Chi bộ Mầm non Mỹ Hòa năm 2022.")
@click.option("--dang-uy", "committee", is_flag=True,
              help="Tạo sổ thông tin của đảng ủy (cho chibo tong-hop), không phải sổ chi bộ.")
@click.option("--from", "previous", type=click.Path(dir_okay=False),
              help="Chép từ sổ năm trước: thông tin, căn cứ, đảng viên, nơi nhận (năm mặc định: "
                   "năm của sổ cũ + 1).")
def init(path: str, year: int | None, force: bool, sample: bool, committee: bool,
         previous: str | None) -> None:
    """Tạo sổ Excel mới với đủ các trang, tiêu đề, danh sách chọn và hướng dẫn."""
    from .creating import create_from, create_workbook

    if sum(map(bool, (sample, committee, previous))) > 1:
        raise click.UsageError("Chỉ chọn một trong ba: --sample, --dang-uy hoặc --from.")
    if previous:
        from .places import find_workbook

        written, carried = create_from(path, find_workbook(previous), year=year, force=force)
        click.echo(f"Đã tạo sổ {written} từ sổ {previous}. Đã chép:")
        click.echo("\n".join(f"  - {line}" for line in carried))
        click.echo("Kế hoạch, chuyên đề, buổi sinh hoạt, vắng mặt, ý kiến, nhiệm vụ, đánh giá và "
                   "trang Văn bản bắt đầu trống.")
        return
    written = create_workbook(path, year=year, force=force, sample=sample, committee=committee)
    whose = "của đảng ủy" if committee else "của chi bộ"
    click.echo(f"Đã tạo sổ {written}. Mở bằng Excel, đọc trang «Hướng dẫn» rồi ghi thông tin "
               f"{whose}.")


@main.command(cls=ChiboCommand)
@workbook_argument
@click.option("--json", "as_json", is_flag=True, help="In các vấn đề dưới dạng JSON.")
@click.option("--codes", is_flag=True, help="Liệt kê mọi mã vấn đề chibo kiểm tra, rồi thoát.")
@click.option("--today", hidden=True, help="Ngày dùng làm hôm nay (dd/mm/yyyy), cho kiểm thử.")
def check(workbook: str, as_json: bool, codes: bool, today: str | None) -> None:
    """Kiểm tra sổ và liệt kê mọi lỗi, cảnh báo kèm trang và ô cần sửa."""
    from .checking import check as check_workbook

    if codes:
        from .problems import CATALOGUE

        width = max(map(len, CATALOGUE))
        click.echo("\n".join(f"{code:<{width}}  {meaning}" for code, meaning in CATALOGUE.items()))
        return

    report = check_workbook(workbook, today=_date_option(today))
    if as_json:
        click.echo(json.dumps({"workbook": workbook, "errors": len(report.errors),
                               "warnings": len(report.warnings), "problems": report.as_dicts()},
                              ensure_ascii=False, indent=2))
    else:
        click.echo(render_report(workbook, report))
    sys.exit(1 if report.has_errors else 0)


def render_report(workbook: str, report) -> str:
    lines = [f"Sổ: {workbook}"]
    note = report.open_note
    if note is not None:
        lines.append(f"Lưu ý: {note.message}")
    errors, warnings = report.errors, [p for p in report.warnings if p is not note]
    if report.is_to_do_list:
        lines.append("Sổ mới — hãy ghi trước những mục sau, rồi chạy lại «chibo check»:")
        lines += [f"  {number}. {problem}" for number, problem in enumerate(errors, start=1)]
        return "\n".join(lines)
    if errors:
        lines.append(f"Lỗi ({len(errors)}) — phải sửa:")
        lines += [f"  {problem}" for problem in errors]
    if warnings:
        lines.append(f"Cảnh báo ({len(warnings)}) — nên xem lại:")
        lines += [f"  {problem}" for problem in warnings]
    if not errors and not warnings and note is None:
        lines.append("Sổ hợp lệ: không có lỗi, không có cảnh báo.")
    elif not errors:
        lines.append("Không có lỗi.")
    return "\n".join(lines)


# --- documents -------------------------------------------------------------------------------

def document_options(command):
    """-o/--output, --templates, --pdf and the hidden --today of every command that writes
    documents."""
    command = click.option("--pdf/--no-pdf", default=True, show_default=True,
                           help="Chuyển văn bản sang PDF bằng LibreOffice (để gửi đi).")(command)
    command = click.option("--force", is_flag=True, help="Lập văn bản cả khi sổ đang mở trong "
                           "Excel (từ bản đã lưu).")(command)
    command = click.option("--today", hidden=True, help="Ngày dùng làm hôm nay (dd/mm/yyyy).")(command)
    command = click.option("--templates", type=click.Path(file_okay=False),
                           help="Thư mục mẫu văn bản riêng của chi bộ (mặc định: mẫu của chibo).")(command)
    command = click.option("-o", "--output", type=click.Path(file_okay=False),
                           help=OUTPUT_HELP)(command)
    return command


def run_build(workbook: str, choose, output: str, templates: str | None, today: str | None,
              pdf: bool, force: bool) -> None:
    from click.core import ParameterSource

    from .building import build

    asked = click.get_current_context().get_parameter_source("pdf") == ParameterSource.COMMANDLINE
    result = build(workbook, choose, output_dir=_output_for(workbook, output), templates_dir=templates,
                   today=_date_option(today), pdf=pdf, pdf_required=pdf and asked,
                   while_open=force)
    click.echo(render_build(workbook, result))
    sys.exit(1 if result.failed else 0)


def render_build(workbook: str, result) -> str:
    report = result.report
    if result.workbook is None or report.has_errors:
        return (render_report(workbook, report)
                + "\nChưa lập văn bản nào: hãy sửa các lỗi trên rồi chạy lại.")
    if result.stopped_while_open:
        return (render_report(workbook, report) + "\nChưa lập văn bản nào: hãy lưu và đóng sổ "
                "rồi chạy lại (hoặc thêm --force để lập văn bản từ bản đã lưu).")
    settings = result.workbook.settings
    lines = [f"Sổ: {workbook} — {settings.cell_name}, năm {settings.year}"]
    lines += result.notes
    lines += render_written(result.written)
    if report.warnings:
        lines.append(f"Cảnh báo ({len(report.warnings)}) — nên xem lại:")
        lines += [f"  {problem}" for problem in report.warnings]
    return "\n".join(lines)


def render_written(written) -> list[str]:
    """What became of each file of a run, grouped, as every command that writes says it."""
    from .outputs import STATUS_WORDS as groups

    lines = []
    for kind, outcomes in (("văn bản", written.files), ("PDF", written.pdfs)):
        for status, title in groups.items():
            chosen = [(f, o) for f, o in outcomes if o.status == status]
            if chosen:
                word = kind if all(f.as_pdf for f, _ in chosen) else "tệp"
                lines.append(f"{title} {len(chosen)} {word}:")
                for file, outcome in chosen:
                    lines.append(f"  {_shown(outcome.path)} — {file.label}")
                    if outcome.new_version is not None:
                        lines.append(f"  {_shown(outcome.new_version)} — bản mới theo sổ")
                    if outcome.message:
                        lines.append(f"    {outcome.message}")
    if written.pdf_failure:
        lines.append(f"Chưa tạo PDF: {written.pdf_failure}")
    return lines


def _shown(path) -> str:
    from .outputs import shown

    return shown(path)


@main.command(cls=ChiboCommand)
@workbook_argument
@document_options
def plan(workbook, output, templates, today, pdf, force):
    """Lập KẾ HOẠCH sinh hoạt chuyên đề của năm."""
    from .building import choose_plan

    run_build(workbook, choose_plan, output, templates, today, pdf, force)


@main.command(cls=ChiboCommand)
@workbook_argument
@click.option("--quarter", type=click.IntRange(1, 4), help="Các buổi của quý N (mặc định: quý "
              "gần nhất có buổi sinh hoạt).")
@click.option("--meeting", help="Chỉ buổi có Mã buổi này.")
@document_options
def minutes(workbook, quarter, meeting, output, templates, today, pdf, force):
    """Lập BIÊN BẢN, mỗi buổi sinh hoạt một biên bản."""
    from .building import choose_minutes

    if quarter and meeting:
        raise click.UsageError("Chỉ chọn một trong hai: --quarter hoặc --meeting.")
    run_build(workbook, choose_minutes(quarter, meeting), output, templates, today, pdf, force)


@main.command(cls=ChiboCommand)
@workbook_argument
@click.option("--quarter", type=click.IntRange(1, 4), help="Báo cáo quý N (mặc định: quý gần "
              "nhất có buổi sinh hoạt).")
@click.option("--year", "whole_year", is_flag=True, help="Báo cáo năm.")
@document_options
def report(workbook, quarter, whole_year, output, templates, today, pdf, force):
    """Lập BÁO CÁO kết quả sinh hoạt chuyên đề của quý hoặc của năm."""
    from .building import choose_report

    if quarter and whole_year:
        raise click.UsageError("Chỉ chọn một trong hai: --quarter hoặc --year.")
    run_build(workbook, choose_report(quarter, whole_year), output, templates, today, pdf, force)


@click.command("build-report", cls=ChiboCommand, context_settings=CONTEXT)
@workbook_argument
@click.option("--quarter", type=click.IntRange(1, 4), help="Quý cần làm (mặc định: quý gần nhất "
              "có buổi sinh hoạt).")
@click.option("--all", "everything", is_flag=True, help="Lập lại toàn bộ văn bản của năm.")
@document_options
@click.option("--debug", is_flag=True, hidden=True)
def build_report(workbook, quarter, everything, output, templates, today, pdf, force, debug):
    """Việc cuối quý: kiểm tra sổ, lập biên bản các buổi và báo cáo quý (kế hoạch năm nếu chưa
    lập, báo cáo năm sau quý 4)."""
    from .building import choose_quarter_end

    if quarter and everything:
        raise click.UsageError("Chỉ chọn một trong hai: --quarter hoặc --all.")
    run_build(workbook, choose_quarter_end(quarter, everything), output, templates, today, pdf,
              force)


main.add_command(build_report)


# --- sending ---------------------------------------------------------------------------------

@main.command(cls=ChiboCommand)
@workbook_argument
@click.option("--quarter", type=click.IntRange(1, 4), help="Gửi văn bản của quý N (mặc định: "
              "quý gần nhất có buổi sinh hoạt).")
@click.option("--year", "whole_year", is_flag=True, help="Gửi báo cáo năm.")
@click.option("--dry-run", is_flag=True, help="Chỉ ghi thư nháp (.eml) vào thư mục thu/, không gửi.")
@click.option("--resend", is_flag=True, help="Gửi lại cả những văn bản đã gửi.")
@click.option("--yes", "-y", is_flag=True, help="Không hỏi lại trước khi gửi.")
@click.option("-o", "--output", type=click.Path(file_okay=False), help=OUTPUT_HELP)
@click.option("--today", hidden=True)
def send(workbook, quarter, whole_year, dry_run, resend, yes, output, today):
    """Gửi văn bản đã lập qua email tới các địa chỉ ở trang Nơi nhận (mỗi văn bản một lần)."""
    from .sending import prepare

    if quarter and whole_year:
        raise click.UsageError("Chỉ chọn một trong hai: --quarter hoặc --year.")
    report, mailing = prepare(workbook, _output_for(workbook, output), quarter, whole_year, resend, dry_run,
                              _date_option(today))
    if mailing is None:
        click.echo(render_report(workbook, report) + "\nChưa gửi thư nào: hãy sửa các lỗi trên.")
        sys.exit(1)
    _deliver(mailing, dry_run, yes, "Không có văn bản mới để gửi: mọi văn bản của kỳ này đã "
             "được gửi tới từng nơi nhận (dùng --resend để gửi lại).")


def ask(question: str) -> bool:
    """A yes/no question on the terminal, answered in Vietnamese (c/k) or English (y/n)."""
    answers = {"c": True, "có": True, "co": True, "y": True, "yes": True,
               "k": False, "không": False, "khong": False, "n": False, "no": False}
    while True:
        answer = click.prompt(f"{question} (c/k)", default="k", show_default=False)
        if answer.strip().lower() in answers:
            return answers[answer.strip().lower()]
        click.echo("Hãy gõ c (có) hoặc k (không).")


def _password(settings) -> tuple[str | None, bool | None]:
    """(password, whether to offer saving it): CHIBO_SMTP_PASSWORD, else the one saved on
    this machine (offer None), else asked with hidden input (offer True)."""
    import os

    from .credentials import saved_password

    if not settings.user:
        return None, False
    typed = os.environ.get("CHIBO_SMTP_PASSWORD")
    if typed is not None:
        return typed, False
    saved = saved_password(settings.user, settings.host)
    if saved is not None:
        return saved, None
    if not sys.stdin.isatty():
        raise click.UsageError(f"Chưa có mật khẩu thư của {settings.user}: hãy chạy «chibo send» "
                               "trong cửa sổ dòng lệnh một lần để gõ mật khẩu và lưu trên máy.")
    return click.prompt(f"Mật khẩu thư của {settings.user}", hide_input=True), True


@main.command(cls=ChiboCommand)
@workbook_argument
@click.option("--meeting", required=True, help="Mã buổi của buổi sinh hoạt sắp tới.")
@click.option("--dry-run", is_flag=True, help="Chỉ ghi thư nháp (.eml), không gửi.")
@click.option("--yes", "-y", is_flag=True, help="Không hỏi lại trước khi gửi.")
@click.option("-o", "--output", type=click.Path(file_okay=False), help=OUTPUT_HELP)
@click.option("--today", hidden=True)
def invite(workbook, meeting, dry_run, yes, output, today):
    """Gửi giấy mời một buổi sinh hoạt, kèm tài liệu, tới từng đảng viên và đồng chí phụ trách."""
    from .inviting import prepare_invitations

    report, mailing = prepare_invitations(workbook, meeting, _output_for(workbook, output),
                                          dry_run, _date_option(today))
    if mailing is None:
        click.echo(render_report(workbook, report) + "\nChưa gửi giấy mời: hãy sửa các lỗi trên.")
        sys.exit(1)
    _deliver(mailing, dry_run, yes, "Mọi người đã nhận giấy mời của buổi này (buổi chưa thay đổi).")


def _deliver(mailing, dry_run: bool, yes: bool, nothing_new: str) -> None:
    """Show the letters, then draft or send them: what `send` and `invite` share."""
    from .credentials import forget_password, save_password
    from .sending import PasswordRefused

    if not mailing.letters:
        click.echo(nothing_new)
        return
    for note in mailing.notes:
        click.echo(f"Lưu ý: {note}")
    click.echo("Sẽ gửi:" if not dry_run else "Thư nháp (không gửi):")
    for letter in mailing.letters:
        names = [a.path.name for a in letter.files] or [
            p.get_filename() for p in letter.message.iter_attachments()]
        click.echo(f"  {letter.address} ({letter.addressee})" + (f": {', '.join(names)}"
                                                                 if names else ""))
    if dry_run:
        for path in mailing.draft():
            click.echo(f"  đã ghi {_shown(path)}")
        return
    if not yes:
        if not sys.stdin.isatty():
            raise click.UsageError("Không có bàn phím để xác nhận: thêm --yes để gửi.")
        if not ask("Gửi các thư này?"):
            click.echo("Đã hủy: chưa gửi thư nào.")
            sys.exit(1)
    password, offer_to_save = _password(mailing.settings)
    try:
        result = mailing.send(password)
    except PasswordRefused:
        if offer_to_save is None and password:   # the saved one no longer works
            forget_password(mailing.settings.user, mailing.settings.host)
            click.echo("Mật khẩu đã lưu trên máy này không còn đúng và đã được xóa.", err=True)
        raise
    if offer_to_save and password and ask("Lưu mật khẩu trên máy này?"):
        saved = save_password(mailing.settings.user, mailing.settings.host, password)
        click.echo("Đã lưu mật khẩu trong kho mật khẩu của máy." if saved else
                   "Máy này không có kho mật khẩu: lần sau chibo sẽ hỏi lại.")
    for letter in result.sent:
        click.echo(f"Đã gửi tới {letter.address}: {len(letter.files)} tệp.")
    for letter, reason in result.refused:
        click.echo(f"Máy chủ từ chối {letter.address} ({reason}): thư này sẽ được gửi lại ở lần "
                   "chạy sau.")
    if result.stopped:
        click.echo(result.stopped)
    sys.exit(1 if result.failed else 0)


# --- status ----------------------------------------------------------------------------------

@main.command(cls=ChiboCommand)
@workbook_argument
@click.option("-o", "--output", type=click.Path(file_okay=False), help=OUTPUT_HELP)
@click.option("--json", "as_json", is_flag=True, help="In kết quả dưới dạng JSON.")
@click.option("--today", hidden=True)
def status(workbook, output, as_json, today):
    """Tình hình cả năm: từng quý đã họp, đã lập, đã gửi gì, và việc cần làm ngay."""
    import datetime as dt

    from .checking import read_and_check
    from .status import status as year_status

    day = _date_option(today) or dt.date.today()
    book, report = read_and_check(workbook, day)
    if book is None:
        click.echo(render_report(workbook, report))
        sys.exit(1)
    if book.settings.year is None:
        click.echo(render_report(workbook, report)
                   + "\nChưa xem được tình hình năm: sổ chưa có «Năm» đọc được ở trang Thông tin.")
        sys.exit(1)
    result = year_status(book, report, _output_for(workbook, output), day)
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(render_status(result))


def render_status(result) -> str:
    """A plain table: only characters any console shows; colour only on a terminal."""
    def cut(text, width):
        text = text or "(chưa có)"
        return text if len(text) <= width else text[: width - 3] + "..."

    lines = [f"{result.cell_name} - năm {result.year} (hôm nay {result.today})", ""]
    header = (f"{'Quý':<4}{'Chuyên đề':<36}{'Sinh hoạt CĐ':<14}{'Biên bản':<10}"
              f"{'Báo cáo':<9}{'Đã gửi':<12}{'Vấn đề':>6}")
    lines += [header, "-" * len(header)]
    for q in result.quarters:
        held = ", ".join(q.thematic_meetings) or "chưa tổ chức"
        lines.append(f"{q.quarter:<4}{cut(q.theme, 34):<36}{cut(held, 13):<14}"
                     f"{f'{q.minutes_built}/{q.meetings}':<10}{'đã lập' if q.report_built else '-':<9}"
                     f"{q.sent or '-':<12}{q.problems:>6}")
    lines.append("")
    if result.due:
        lines.append(click.style("Cần làm:", bold=True))
        lines += [click.style(f"  - {item}", fg="yellow") for item in result.due]
    else:
        lines.append(click.style("Không có việc nào đang chờ.", fg="green"))
    if result.notes:
        lines.append("Ghi chú:")
        lines += [f"  - {note}" for note in result.notes]
    return "\n".join(lines)


# --- the Đảng ủy's summary -------------------------------------------------------------------

@main.command("tong-hop", cls=ChiboCommand)
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--year", type=click.IntRange(2000, 2100),
              help="Năm cần tổng hợp (mặc định: năm ở sổ của đảng ủy).")
@click.option("--quarter", type=click.IntRange(1, 4), help="Tổng hợp quý N (mặc định: quý gần "
              "nhất có chi bộ sinh hoạt chuyên đề).")
@click.option("--year-report", is_flag=True, help="Tổng hợp cả năm.")
@click.option("--dang-uy", "committee_file", type=click.Path(dir_okay=False),
              help="Sổ thông tin của đảng ủy (mặc định: dang-uy.xlsx trong thư mục).")
@click.option("-o", "--output", type=click.Path(file_okay=False),
              help="Thư mục ghi kết quả (mặc định: thư mục output trong thư mục các sổ).")
@click.option("--pdf/--no-pdf", default=True, show_default=True,
              help="Chuyển báo cáo sang PDF bằng LibreOffice.")
@click.option("--csv", is_flag=True, help="Ghi thêm bảng tổng hợp dạng CSV (UTF-8).")
@click.option("--today", hidden=True)
def tong_hop(folder, year, quarter, year_report, committee_file, output, pdf, csv, today):
    """Tổng hợp sổ của mọi chi bộ trong một thư mục: bảng tổng hợp và báo cáo của đảng ủy."""
    import datetime as dt
    from pathlib import Path

    from .summary import COMMITTEE_FILE, cell_workbooks, run_summary

    if quarter and year_report:
        raise click.UsageError("Chỉ chọn một trong hai: --quarter hoặc --year-report.")
    day = _date_option(today) or dt.date.today()
    committee_path = Path(committee_file) if committee_file else Path(folder) / COMMITTEE_FILE
    paths, notes = cell_workbooks(Path(folder), committee_path)
    output_folder = Path(output) if output else Path(folder) / "output"
    arguments = (paths, notes, committee_path, output_folder, year, quarter, year_report, day)
    if sys.stdout.isatty():
        with click.progressbar(length=len(paths), label="Đọc sổ các chi bộ") as bar:
            result = run_summary(*arguments, progress=bar.update, pdf=pdf, csv=csv)
    else:
        result = run_summary(*arguments, pdf=pdf, csv=csv)
    if result.committee_report is not None:
        click.echo(render_report(str(committee_path), result.committee_report)
                   + "\nChưa tổng hợp: hãy sửa sổ thông tin của đảng ủy.")
        sys.exit(1)
    click.echo(f"{result.title}: {len(result.cells)} sổ.")
    for note in result.notes:
        click.echo(f"  {note}")
    from .outputs import UNCHANGED, WRITTEN

    table_written = any(not f.as_pdf and o.status in (WRITTEN, UNCHANGED)
                        for f, o in result.written.files)
    for cell in result.cells:
        if cell.note or cell.errors:
            click.echo(f"  {cell.file} ({cell.name}): " + (cell.note or f"có {cell.errors} lỗi")
                       + (" — xem trang «Vấn đề» của bảng tổng hợp." if table_written else "."))
    for line in render_written(result.written):
        click.echo(line)
    sys.exit(1 if result.written.failed else 0)


# --- the window ------------------------------------------------------------------------------

@main.command(cls=ChiboCommand)
@click.argument("workbook", required=False, type=click.Path(dir_okay=False))
@click.option("--port", type=click.IntRange(0, 65535), default=0,
              help="Cổng trên máy này (mặc định: một cổng còn trống).")
@click.option("--no-browser", is_flag=True, help="Không tự mở trình duyệt.")
@click.option("-o", "--output", type=click.Path(file_okay=False), help=OUTPUT_HELP)
@click.option("--today", hidden=True)
def ui(workbook, port, no_browser, output, today):
    """Mở cửa sổ chibo trong trình duyệt: kiểm tra sổ, lập văn bản, gửi thư — không cần gõ lệnh."""
    from pathlib import Path

    from .places import find_workbook
    from .window import serve

    def announce(address: str) -> None:
        click.echo(address)
        sys.stdout.flush()

    chosen = find_workbook(workbook) if workbook else None
    serve(chosen, Path(output) if output else None, port, not no_browser, _date_option(today),
          announce)


def ui_main() -> None:
    """chibo-ui: the window from a desktop shortcut (on Windows, without a console)."""
    main(["ui"])
