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

from ..files import path_refused, shown, system_refusal
from .click_vi import install as _vietnamese_click
from .render import render_build, render_report, render_status, render_summary

_vietnamese_click()

class ChiboCommand(click.Command):
    """Turns known errors into a message and exit 1, and hides tracebacks unless --debug."""

    def parse_args(self, ctx, args):
        try:
            return super().parse_args(ctx, args)
        except OSError as error:   # click's checks of a path the system refuses to look at
            raise click.UsageError(path_refused(error)) from None

    def invoke(self, ctx):
        _utf8_when_redirected()
        _collect_less_often()
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as error:
            from ..errors import ChiboError

            if isinstance(error, ChiboError):
                click.echo(f"Lỗi: {error}", err=True)
                ctx.exit(1)
            refusal = system_refusal(error)
            if refusal is not None:
                click.echo(f"Lỗi: {refusal}", err=True)
                ctx.exit(1)
            if ctx.params.get("debug") or ctx.find_root().params.get("debug"):
                raise
            click.echo(f"Lỗi không mong đợi ({type(error).__name__}: {error}). Hãy chạy lại với "
                       "--debug và gửi toàn bộ thông báo cho người hỗ trợ.", err=True)
            ctx.exit(1)


def _collect_less_often() -> None:
    """A run builds tens of thousands of records that all live to its end; Python's cycle
    collector, looking at every new object each 700 allocations, took a fifth of a big
    book's check. It looks far less often; a run is short, and its few cycles go all the same."""
    import gc

    gc.set_threshold(20_000, 50, 1000)


def _utf8_when_redirected() -> None:
    """Output sent to a file or a pipe is UTF-8, whatever the system's code page (a Windows
    console set to cp1252 cannot encode Vietnamese; click writes to a real console itself)."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure") and not stream.isatty():
            stream.reconfigure(encoding="utf-8", errors="replace")


def _today(value: str | None) -> dt.date:
    """The day every command judges by: today, or the hidden --today of the tests."""
    if value is None:
        return dt.date.today()
    try:
        return dt.datetime.strptime(value, "%d/%m/%Y").date()
    except ValueError:
        raise click.BadParameter("cần ngày dạng dd/mm/yyyy") from None


def _find_workbook(ctx, param, value: str | None) -> str:
    """The workbook named (with or without .xlsx), or the only one in the current folder."""
    from ..errors import WorkbookNotFound
    from ..places import find_workbook

    try:
        return str(find_workbook(value))
    except WorkbookNotFound as error:
        raise click.UsageError(str(error)) from None


workbook_argument = click.argument("workbook", required=False, callback=_find_workbook,
                                   type=click.Path(dir_okay=True))


def _output_for(workbook: str, output: str | None) -> str:
    """-o, or else output/ in the workbook's own folder."""
    from ..places import output_beside

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
    from ..errors import OutputExists

    if sum(map(bool, (sample, committee, previous))) > 1:
        raise click.UsageError("Chỉ chọn một trong ba: --sample, --dang-uy hoặc --from.")
    try:
        _init(path, year, force, sample, committee, previous)
    except OutputExists as exists:
        raise OutputExists(f"{exists} Muốn thay tệp này: thêm --force.") from None


def _init(path: str, year: int | None, force: bool, sample: bool, committee: bool,
          previous: str | None) -> None:
    from ..workbook.creating import create_from, create_workbook

    if previous:
        from ..places import find_workbook

        written, carried = create_from(path, find_workbook(previous), year=year, force=force)
        click.echo(f"Đã tạo sổ {written} từ sổ {previous}. Đã chép:")
        click.echo("\n".join(f"  - {line}" for line in carried))
        click.echo("Kế hoạch, chuyên đề, buổi sinh hoạt, vắng mặt, ý kiến, nhiệm vụ, đánh giá và "
                   "trang Văn bản bắt đầu trống.")
        return
    year = year or (None if sample else dt.date.today().year)
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
    if codes:
        from .render import render_codes

        click.echo(render_codes())
        return
    from ..overview.today import check_for_the_day

    report = check_for_the_day(workbook, _today(today))
    if as_json:
        click.echo(json.dumps({"workbook": workbook, "errors": len(report.errors),
                               "warnings": len(report.warnings), "problems": report.as_dicts()},
                              ensure_ascii=False, indent=2))
    else:
        click.echo(render_report(workbook, report))
    sys.exit(1 if report.has_errors else 0)


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

    from ..outputs.build import build
    from ..rules.checked import open_checked

    asked = click.get_current_context().get_parameter_source("pdf") == ParameterSource.COMMANDLINE
    result = build(open_checked(workbook, _today(today)), choose, _output_for(workbook, output),
                   templates_dir=templates, pdf=pdf, pdf_required=pdf and asked, while_open=force)
    click.echo(render_build(workbook, result))
    sys.exit(1 if result.failed else 0)


@main.command(cls=ChiboCommand)
@workbook_argument
@document_options
def plan(workbook, output, templates, today, pdf, force):
    """Lập KẾ HOẠCH sinh hoạt chuyên đề của năm."""
    from ..outputs.build import choose_plan

    run_build(workbook, choose_plan, output, templates, today, pdf, force)


@main.command(cls=ChiboCommand)
@workbook_argument
@click.option("--quarter", type=click.IntRange(1, 4), help="Các buổi của quý N (mặc định: quý "
              "gần nhất có buổi sinh hoạt).")
@click.option("--meeting", help="Chỉ buổi có Mã buổi này.")
@document_options
def minutes(workbook, quarter, meeting, output, templates, today, pdf, force):
    """Lập BIÊN BẢN, mỗi buổi sinh hoạt một biên bản."""
    from ..outputs.build import choose_minutes

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
    from ..outputs.build import choose_report

    if quarter and whole_year:
        raise click.UsageError("Chỉ chọn một trong hai: --quarter hoặc --year.")
    run_build(workbook, choose_report(quarter, whole_year), output, templates, today, pdf, force)


@click.command("build-report", cls=ChiboCommand, context_settings=CONTEXT)
@workbook_argument
@click.option("--quarter", type=click.IntRange(1, 4), help="Quý cần làm (mặc định: quý gần nhất "
              "có buổi sinh hoạt).")
@click.option("--all", "everything", is_flag=True, help="Lập lại toàn bộ văn bản của năm (cả hồ "
              "sơ kiểm điểm cuối năm khi đến kỳ).")
@click.option("--year-end", is_flag=True, help="Chỉ lập hồ sơ kiểm điểm, xếp loại cuối năm: báo "
              "cáo tập thể (Mẫu 01), bản kiểm điểm từng đảng viên, biên bản hội nghị, danh sách "
              "đề nghị xếp loại.")
@document_options
@click.option("--debug", is_flag=True, hidden=True)
def build_report(workbook, quarter, everything, year_end, output, templates, today, pdf, force,
                 debug):
    """Việc cuối quý: kiểm tra sổ, lập biên bản các buổi và báo cáo quý (kế hoạch năm nếu chưa
    lập, báo cáo năm sau quý 4); tháng 12: hồ sơ kiểm điểm cuối năm (--year-end)."""
    from ..outputs.build import choose_quarter_end, choose_year_end

    if sum(map(bool, (quarter, everything, year_end))) > 1:
        raise click.UsageError("Chỉ chọn một trong ba: --quarter, --all hoặc --year-end.")
    choice = choose_year_end if year_end else choose_quarter_end(quarter, everything)
    run_build(workbook, choice, output, templates, today, pdf, force)


main.add_command(build_report)


# --- sending ---------------------------------------------------------------------------------

@main.command(cls=ChiboCommand)
@workbook_argument
@click.option("--quarter", type=click.IntRange(1, 4), help="Gửi văn bản của quý N (mặc định: "
              "quý gần nhất có buổi sinh hoạt).")
@click.option("--year", "whole_year", is_flag=True, help="Gửi báo cáo năm.")
@click.option("--year-end", is_flag=True, help="Gửi hồ sơ kiểm điểm, xếp loại cuối năm tới nơi "
              "nhận ghi «XL».")
@click.option("--self-reviews", is_flag=True, help="Gửi mỗi đảng viên bản kiểm điểm cá nhân của "
              "mình (tệp Word đã ghi sẵn) để hoàn thiện.")
@click.option("--dry-run", is_flag=True, help="Chỉ ghi thư nháp (.eml) vào thư mục thu/, không gửi.")
@click.option("--resend", is_flag=True, help="Gửi lại cả những văn bản đã gửi.")
@click.option("--yes", "-y", is_flag=True, help="Không hỏi lại trước khi gửi.")
@click.option("-o", "--output", type=click.Path(file_okay=False), help=OUTPUT_HELP)
@click.option("--today", hidden=True)
def send(workbook, quarter, whole_year, year_end, self_reviews, dry_run, resend, yes, output,
         today):
    """Gửi văn bản đã lập qua email tới các địa chỉ ở trang Nơi nhận (mỗi văn bản một lần)."""
    from ..documents.kinds import Period
    from ..mail.self_reviews import prepare_self_reviews
    from ..mail.sending import prepare_letters
    from ..rules.checked import open_checked

    if sum(map(bool, (quarter, whole_year, year_end, self_reviews))) > 1:
        raise click.UsageError("Chỉ chọn một trong: --quarter, --year, --year-end, "
                               "--self-reviews.")
    checked = open_checked(workbook, _today(today))
    output = _output_for(workbook, output)
    if self_reviews:
        mailing = prepare_self_reviews(checked, output, resend, dry_run)
    else:
        period = (Period(year_end=True) if year_end else Period() if whole_year
                  else Period(quarter) if quarter else None)
        mailing = prepare_letters(checked, output, period, resend, dry_run)
    if mailing is None:
        click.echo(render_report(workbook, checked.problems) + "\nChưa gửi thư nào: hãy sửa các lỗi "
                   "trên.")
        sys.exit(1)
    _deliver(mailing, dry_run, yes, "Không có văn bản mới để gửi: mọi văn bản của kỳ này đã "
             "được gửi tới từng nơi nhận (dùng --resend để gửi lại).")


@main.command(cls=ChiboCommand)
@workbook_argument
@click.option("--meeting", required=True, help="Mã buổi của buổi sinh hoạt sắp tới.")
@click.option("--dry-run", is_flag=True, help="Chỉ ghi thư nháp (.eml), không gửi.")
@click.option("--yes", "-y", is_flag=True, help="Không hỏi lại trước khi gửi.")
@click.option("-o", "--output", type=click.Path(file_okay=False), help=OUTPUT_HELP)
@click.option("--today", hidden=True)
def invite(workbook, meeting, dry_run, yes, output, today):
    """Gửi giấy mời một buổi sinh hoạt, kèm tài liệu, tới từng đảng viên và đồng chí phụ trách."""
    from ..mail.invitations import prepare_invitations
    from ..rules.checked import open_checked

    checked = open_checked(workbook, _today(today))
    mailing = prepare_invitations(checked, meeting, _output_for(workbook, output), dry_run)
    if mailing is None:
        click.echo(render_report(workbook, checked.problems) + "\nChưa gửi giấy mời: hãy sửa các "
                   "lỗi trên.")
        sys.exit(1)
    _deliver(mailing, dry_run, yes, "Mọi người đã nhận giấy mời của buổi này (buổi chưa thay đổi).")


def ask(question: str) -> bool:
    """A yes/no question on the terminal, answered in Vietnamese (c/k) or English (y/n)."""
    answers = {"c": True, "có": True, "co": True, "y": True, "yes": True,
               "k": False, "không": False, "khong": False, "n": False, "no": False}
    while True:
        answer = click.prompt(f"{question} (c/k)", default="k", show_default=False)
        if answer.strip().lower() in answers:
            return answers[answer.strip().lower()]
        click.echo("Hãy gõ c (có) hoặc k (không).")


def _deliver(mailing, dry_run: bool, yes: bool, nothing_new: str) -> None:
    """Show the letters, then draft or send them: what `send` and `invite` share."""
    from ..mail.dialogue import Sending

    if not mailing.letters:
        click.echo(nothing_new)
        return
    _show_letters(mailing, dry_run)
    if dry_run:
        for path in mailing.draft():
            click.echo(f"  đã ghi {shown(path)}")
        return
    if not yes:
        if not sys.stdin.isatty():
            raise click.UsageError("Không có bàn phím để xác nhận: thêm --yes để gửi.")
        if not ask("Gửi các thư này?"):
            click.echo("Đã hủy: chưa gửi thư nào.")
            sys.exit(1)
    dialogue = Sending(mailing)
    result = _send(dialogue)
    if dialogue.may_keep and ask("Lưu mật khẩu trên máy này?"):
        click.echo("Đã lưu mật khẩu trong kho mật khẩu của máy." if dialogue.keep() else
                   "Máy này không có kho mật khẩu: lần sau chibo sẽ hỏi lại.")
    for letter in result.sent:
        click.echo(f"Đã gửi tới {letter.address}: {len(letter.files)} tệp.")
    for letter in result.sent_elsewhere:
        click.echo(f"Thư gửi {letter.address} vừa được một lần gửi khác gửi đi: không gửi lại.")
    for refusal in result.refused:
        click.echo(refusal.sentence)
    if result.stopped:
        click.echo(result.stopped)
    sys.exit(1 if result.failed else 0)


def _show_letters(mailing, dry_run: bool) -> None:
    for note in mailing.notes:
        click.echo(f"Lưu ý: {note}")
    click.echo("Sẽ gửi:" if not dry_run else "Thư nháp (không gửi):")
    for letter in mailing.letters:
        names = [a.path.name for a in letter.files] or [
            p.get_filename() for p in letter.message.iter_attachments()]
        click.echo(f"  {letter.address} ({letter.addressee})" + (f": {', '.join(names)}"
                                                                 if names else ""))


def _send(dialogue):
    """The send, with the password asked (hidden) when none is known on this machine."""
    from ..errors import PasswordRefused

    typed = None
    if dialogue.needs_password():
        if not sys.stdin.isatty():
            raise click.UsageError(f"Chưa có mật khẩu thư của {dialogue.account}: hãy chạy «chibo "
                                   "send» trong cửa sổ dòng lệnh một lần để gõ mật khẩu và lưu "
                                   "trên máy.")
        typed = click.prompt(f"Mật khẩu thư của {dialogue.account}", hide_input=True)
    try:
        return dialogue.send(typed)
    except PasswordRefused:
        if dialogue.forgot_saved:
            click.echo("Mật khẩu đã lưu trên máy này không còn đúng và đã được xóa.", err=True)
        raise


# --- status ----------------------------------------------------------------------------------

@main.command(cls=ChiboCommand)
@workbook_argument
@click.option("-o", "--output", type=click.Path(file_okay=False), help=OUTPUT_HELP)
@click.option("--json", "as_json", is_flag=True, help="In kết quả dưới dạng JSON.")
@click.option("--today", hidden=True)
def status(workbook, output, as_json, today):
    """Tình hình cả năm: từng quý đã họp, đã lập, đã gửi gì, và việc cần làm ngay."""
    from ..overview.status import status as year_status
    from ..rules.checked import open_checked

    checked = open_checked(workbook, _today(today))
    if checked.workbook is None:
        click.echo(render_report(workbook, checked.problems))
        sys.exit(1)
    if checked.workbook.settings.year is None:
        click.echo(render_report(workbook, checked.problems)
                   + "\nChưa xem được tình hình năm: sổ chưa có «Năm» đọc được ở trang Thông tin.")
        sys.exit(1)
    result = year_status(checked, _output_for(workbook, output))
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(render_status(result))


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
    from pathlib import Path

    from ..commune.cells import COMMITTEE_FILE, cell_workbooks
    from ..commune.summary import run_summary

    if quarter and year_report:
        raise click.UsageError("Chỉ chọn một trong hai: --quarter hoặc --year-report.")
    committee_path = Path(committee_file) if committee_file else Path(folder) / COMMITTEE_FILE
    if not committee_path.exists():
        click.echo(f"Lỗi: Chưa có sổ thông tin của đảng ủy {committee_path}: hãy tạo bằng "
                   f"«chibo init --dang-uy {committee_path}» rồi ghi thông tin.", err=True)
        sys.exit(1)
    paths, notes = cell_workbooks(Path(folder), committee_path)
    output_folder = Path(output) if output else Path(folder) / "output"
    arguments = (paths, notes, committee_path, output_folder, year, quarter, year_report,
                 _today(today))
    if sys.stdout.isatty():
        with click.progressbar(length=len(paths), label="Đọc sổ các chi bộ") as bar:
            result = run_summary(*arguments, progress=bar.update, pdf=pdf, csv=csv)
    else:
        result = run_summary(*arguments, pdf=pdf, csv=csv)
    if result.committee_report is not None:
        click.echo(render_report(str(committee_path), result.committee_report)
                   + "\nChưa tổng hợp: hãy sửa sổ thông tin của đảng ủy.")
        sys.exit(1)
    click.echo(render_summary(result))
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

    from ..places import find_workbook
    from ..window.serving import serve

    def announce(address: str) -> None:
        click.echo(address)
        sys.stdout.flush()

    chosen = find_workbook(workbook) if workbook else None
    serve(chosen, Path(output) if output else None, port, not no_browser,
          _today(today) if today else None, announce)


def ui_main() -> None:
    """chibo-ui: the window from a desktop shortcut (on Windows, without a console); what
    follows the name is `chibo ui`'s (`chibo-ui --help` prints its help, starting nothing)."""
    main(["ui", *sys.argv[1:]])
