"""What the command line prints: a checked book's problems, a build's files, the year's
status, the list of codes — plain text any console shows, colour only on a terminal."""

from __future__ import annotations

import click

from ..files import shown


def render_codes() -> str:
    """Every problem code with its severity and meaning, then every family of failure."""
    from ..errors import FAMILIES
    from ..problems import CATALOGUE, SEVERITY_LABEL

    width = max(map(len, CATALOGUE))
    lines = [f"{c.code:<{width}}  {SEVERITY_LABEL[c.severity]:<8}  {c.meaning}"
             for c in CATALOGUE.values()]
    lines += ["", "Các loại lỗi làm dừng lệnh:"]
    width = max(len(f.family) for f in FAMILIES)
    lines += [f"{f.family:<{width}}  {f.meaning}" for f in FAMILIES]
    return "\n".join(lines)


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
    from ..outputs.folder import STATUS_WORDS as groups

    lines = []
    for kind, outcomes in (("văn bản", written.files), ("PDF", written.pdfs)):
        for status, title in groups.items():
            chosen = [(f, o) for f, o in outcomes if o.status == status]
            if chosen:
                word = kind if all(f.as_pdf for f, _ in chosen) else "tệp"
                lines.append(f"{title} {len(chosen)} {word}:")
                for file, outcome in chosen:
                    lines.append(f"  {shown(outcome.path)} — {file.label}")
                    if outcome.new_version is not None:
                        lines.append(f"  {shown(outcome.new_version)} — bản mới theo sổ")
                    if outcome.message:
                        lines.append(f"    {outcome.message}")
    if written.pdf_failure:
        lines.append(f"Chưa tạo PDF: {written.pdf_failure}")
    return lines


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
    if result.year_end is not None:
        from ..overview.status import year_end_line

        lines += ["", f"Cuối năm: {year_end_line(result.year_end)}"]
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


def render_summary(result) -> str:
    """The Đảng ủy's summary: how many books, the notes on other files, each cell that is
    not fully counted, and what became of the files written."""
    from ..outputs.folder import UNCHANGED, WRITTEN

    lines = [f"{result.title}: {len(result.cells)} sổ."]
    lines += [f"  {note}" for note in result.notes]
    table_written = any(not f.as_pdf and o.status in (WRITTEN, UNCHANGED)
                        for f, o in result.written.files)
    for cell in result.cells:
        if cell.note or cell.errors:
            lines.append(f"  {cell.file} ({cell.name}): " + (cell.note or f"có {cell.errors} lỗi")
                         + (" — xem trang «Vấn đề» của bảng tổng hợp." if table_written else "."))
    return "\n".join(lines + render_written(result.written))
