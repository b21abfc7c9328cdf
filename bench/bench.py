"""make bench: how fast chibo is, with figures, against a naive baseline.

Generates two large synthetic workbooks from the sample (a 60-member cell with five years'
worth of meetings in one plan year, and a 50,000-row variant), then prints the median of
several runs of: `chibo --help`; `chibo check` and `build-report --no-pdf` on the sample and
on both large workbooks; `build-report --pdf` on the sample; the peak memory of each; and, in
the same run, a naive baseline (openpyxl read + one plain docxtpl render per document, no
checks) so the ratio is visible.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RUNS = int(os.environ.get("BENCH_RUNS", "5"))

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
          "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLE = ["Thị", "Văn", "Thị Thu", "Thị Ngọc", "Minh", "Hữu"]
GIVEN = ["An", "Bình", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Khánh", "Lan",
         "Linh", "Mai", "Nga", "Oanh", "Phương", "Quyên", "Tâm", "Thảo", "Uyên", "Vân", "Yến"]


def member_names(count: int) -> list[str]:
    names = [f"{f} {m} {g}" for g, m, f in itertools.product(GIVEN, MIDDLE, FAMILY)]
    return names[:count]


def large_content(meetings: int, absences_per: int, opinions_per: int, tasks_per: int,
                  members: int = 60):
    """Settings and rows like the sample's, scaled up; every row is valid."""
    from chibo.workbook import sample

    settings = dict(sample.SETTINGS)
    names = member_names(members)
    settings["Bí thư"], settings["Phó bí thư"] = names[0], names[1]
    settings["Tỷ lệ dự họp tối thiểu (%)"] = 50
    rows = {sheet: list(sample.ROWS[sheet]) for sheet in ("Căn cứ", "Kế hoạch", "Đánh giá",
                                                          "Nơi nhận")}
    rows["Chuyên đề"] = [dict(t, **{"Người chuẩn bị": names[2]}) for t in sample.ROWS["Chuyên đề"]]
    rows["Đảng viên"] = [{"STT": i + 1, "Họ và tên": name, "Năm sinh": 1970 + i % 30,
                          "Giới tính": "Nữ" if i % 3 else "Nam",
                          "Chức vụ": "Bí thư" if i == 0 else "Phó bí thư" if i == 1 else "Đảng viên",
                          "Loại": "Dự bị" if i % 20 == 19 else "Chính thức"}
                         for i, name in enumerate(names)]
    days = [dt.date(2022, 1, 3) + dt.timedelta(days=d) for d in range(360) if
            (dt.date(2022, 1, 3) + dt.timedelta(days=d)).weekday() < 5]
    rows["Buổi sinh hoạt"], rows["Vắng mặt"], rows["Ý kiến"], rows["Nhiệm vụ"] = [], [], [], []
    rows["Văn bản"] = [{"Loại": "KH", "Kỳ": "Năm", "Số": 1, "Ngày": dt.date(2022, 1, 3)}]
    for index in range(meetings):
        day = days[index * len(days) // meetings]
        meeting_id = f"2022-{index + 1:05d}"
        thematic = index % 12 == 5
        rows["Buổi sinh hoạt"].append({
            "Mã buổi": meeting_id, "Loại": "Kết hợp" if thematic else "Thường kỳ", "Ngày": day,
            "Bắt đầu": dt.time(14, 0), "Kết thúc": dt.time(16, 30), "Địa điểm": "Hội trường",
            "Chủ trì": names[0], "Thư ký": names[1], "Tóm tắt nội dung": "Nội dung buổi họp.",
            "Kết luận": "Chi bộ thống nhất các nhiệm vụ trong tháng.", "Điểm": 92})
        absent = [names[3 + (index + k) % (members - 3)] for k in range(absences_per)]
        rows["Vắng mặt"] += [{"Mã buổi": meeting_id, "Họ và tên": n, "Lý do": "Đi công tác"}
                             for n in absent]
        speakers = [n for n in names[2:] if n not in absent]
        rows["Ý kiến"] += [{"Mã buổi": meeting_id, "Người phát biểu": speakers[k % len(speakers)],
                            "Nội dung": f"Ý kiến số {k + 1} về nội dung buổi họp."}
                           for k in range(opinions_per)]
        rows["Nhiệm vụ"] += [{"Mã buổi": meeting_id, "Nội dung": f"Nhiệm vụ {k + 1}",
                              "Người thực hiện": names[2 + k % 10], "Thời hạn": day,
                              "Kết quả": "Đã hoàn thành."} for k in range(tasks_per)]
        rows["Văn bản"].append({"Loại": "BB", "Kỳ": meeting_id, "Số": index + 1, "Ngày": day})
    rows["Văn bản"] += [{"Loại": "BC", "Kỳ": period, "Số": n + 1, "Ngày": dt.date(2022, 12, 28)}
                        for n, period in enumerate(["Quý 1", "Quý 2", "Quý 3", "Quý 4", "Năm"])]
    return settings, rows


def write_workbook(path: Path, settings: dict, rows: dict) -> None:
    """XlsxWriter in constant-memory mode: a large file is written in seconds."""
    import xlsxwriter

    from chibo.workbook import schema

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    date_format = book.add_format({"num_format": "dd/mm/yyyy"})
    time_format = book.add_format({"num_format": "hh:mm"})
    for sheet in schema.SHEETS:
        ws = book.add_worksheet(sheet.name)
        for column, header in enumerate(c.header for c in sheet.columns):
            ws.write_string(0, column, header)
        records = ([{"Mục": k, "Giá trị": v} for k, v in settings.items()]
                   if sheet.is_key_value else rows.get(sheet.name, []))
        for row, record in enumerate(records, start=1):
            for column, spec in enumerate(sheet.columns):
                value = record.get(spec.header)
                if value is None:
                    continue
                if isinstance(value, dt.date):
                    ws.write_datetime(row, column, dt.datetime.combine(value, dt.time()),
                                      date_format)
                elif isinstance(value, dt.time):
                    ws.write_datetime(row, column, dt.datetime.combine(dt.date(1899, 12, 31),
                                                                       value), time_format)
                elif isinstance(value, str):
                    ws.write_string(row, column, value)
                else:
                    ws.write_number(row, column, value)
    book.close()


def commune_folder(folder: Path, count: int) -> Path:
    """A commune of `count` cells: the sample's book, each copy under its own cell name
    (the name written in the copy's shared strings), and the Đảng ủy's own workbook."""
    import io
    import zipfile

    from chibo.workbook import sample as content
    from chibo.workbook import schema
    from chibo.workbook.creating import build_workbook

    folder.mkdir(parents=True, exist_ok=True)
    build_workbook({"Đảng bộ cấp trên": "Đảng bộ huyện Phù Mỹ", "Tên đảng ủy": "Đảng ủy xã Mỹ Hòa",
                    "Địa danh": "Mỹ Hòa", "Năm": 2022, "Người ký": "Trần Văn Hùng"},
                   {"Nơi nhận": [{"Nơi nhận": "Ban Tổ chức Huyện ủy (báo cáo)"}]},
                   schema.COMMITTEE_SHEETS).save(folder / "dang-uy.xlsx")
    placeholder = "Chi bộ số 000000"
    model = folder / "mau.xlsx"
    write_workbook(model, dict(content.SETTINGS, **{"Tên chi bộ": placeholder}), content.ROWS)
    with zipfile.ZipFile(model) as archive:
        parts = [(info, archive.read(info)) for info in archive.infolist()]
    model.unlink()
    for index in range(count):
        name = f"Chi bộ số {index + 1:06d}".encode()
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for info, data in parts:
                archive.writestr(info, data.replace(placeholder.encode(), name))
        (folder / f"chi-bo-{index + 1:04d}.xlsx").write_bytes(out.getvalue())
    return folder


# --- measuring ----------------------------------------------------------------------------------

def timed(command: list[str]) -> tuple[float, float, int]:
    """(seconds, peak MB of the child, exit code) of one run."""
    import resource

    started = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, peak_kb / 1024, done.returncode


def median_of(command: list[str], runs: int = RUNS, before=None) -> tuple[float, float, int]:
    results = []
    for _ in range(runs):
        if before is not None:
            before()
        results.append(timed(command))
    return (statistics.median(r[0] for r in results), max(r[1] for r in results),
            results[-1][2])


def peak_memory(command: list[str]) -> float:
    """Peak resident memory of one run, in MB, measured by a fresh child of its own."""
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], "
             "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, *command], capture_output=True, text=True)
    return int(out.stdout.strip() or 0) / 1024


def baseline_command(workbook: Path, work: Path) -> list[str]:
    """The naive way, as a process of its own like chibo's: openpyxl reads everything, then
    one plain docxtpl render per document (no checks, no sandbox, no atomic writes). The
    documents' contexts are chibo's own, prepared beforehand into a JSON file, so the
    comparison is of reading and rendering."""
    import json

    from chibo.outputs.build import choose_quarter_end
    from chibo.outputs.folder import OutputFolder
    from chibo.rules.checked import open_checked

    checked = open_checked(workbook, dt.date.today())
    documents, _ = choose_quarter_end(None, True)(checked, OutputFolder(work / "unused"), False)
    jobs = work / "naive-jobs.json"
    jobs.write_text(json.dumps([[d.template, d.path, d.context] for d in documents],
                               ensure_ascii=False), encoding="utf-8")
    return [sys.executable, __file__, "--naive", str(workbook), str(jobs), str(work / "naive")]


def naive(workbook: str, jobs: str, output: str) -> None:
    import json

    import openpyxl
    from docxtpl import DocxTemplate

    book = openpyxl.load_workbook(workbook, data_only=True)
    for sheet in book.worksheets:
        for _ in sheet.iter_rows(values_only=True):
            pass
    for template, path, context in json.loads(Path(jobs).read_text(encoding="utf-8")):
        document = DocxTemplate(ROOT / "templates" / template)
        document.render(context)
        target = Path(output) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        document.save(target)


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="chibo-bench-"))
    sample = ROOT / "workbook" / "chibo.xlsx"
    five_years = work / "5-nam-60-dang-vien.xlsx"
    fifty_k = work / "50000-dong.xlsx"
    started = time.perf_counter()
    write_workbook(five_years, *large_content(meetings=65, absences_per=5, opinions_per=6,
                                               tasks_per=3))
    write_workbook(fifty_k, *large_content(meetings=1000, absences_per=10, opinions_per=30,
                                            tasks_per=9))
    generated = time.perf_counter() - started
    chibo, build = str(BIN / "chibo"), str(BIN / "build-report")

    print(f"chibo bench — {platform.node()}: {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}; median of {RUNS} runs")
    print(f"(large workbooks generated in {generated:.1f} s: {five_years.name}, {fifty_k.name})")
    rows = []

    def measure(label, command, target=None, runs=RUNS, before=None):
        seconds, _, code = median_of(command, runs, before)
        memory = peak_memory(command)
        verdict = "" if target is None else ("  OK" if seconds < target else f"  > {target} s!")
        rows.append((label, seconds, memory, code, verdict))
        print(f"  {label:<58} {seconds:7.3f} s  {memory:6.0f} MB  exit {code}{verdict}",
              flush=True)

    measure("chibo --help", [chibo, "--help"], target=0.15)
    measure("chibo check: sample", [chibo, "check", str(sample)])
    measure("chibo check: 5 years, 60 members", [chibo, "check", str(five_years)])
    measure("chibo check: 50,000 rows", [chibo, "check", str(fifty_k)], target=1.0)
    out = work / "out"
    measure("build-report --all --no-pdf: sample", [build, str(sample), "--all", "--no-pdf",
                                                    "-o", str(out / "a")], target=1.5)
    measure("build-report --no-pdf: 5 years (latest quarter)",
            [build, str(five_years), "--no-pdf", "-o", str(out / "b")], runs=3)
    measure("build-report --no-pdf: 50,000 rows (latest quarter, first build)",
            [build, str(fifty_k), "--no-pdf", "-o", str(out / "c")], target=4.0, runs=3,
            before=lambda: shutil.rmtree(out / "c", ignore_errors=True))
    measure("build-report --no-pdf: 50,000 rows (built before, nothing changed)",
            [build, str(fifty_k), "--no-pdf", "-o", str(out / "c")], target=4.0, runs=3)
    measure("build-report --year-end --no-pdf: 60 members (self-reviews)",
            [build, str(five_years), "--year-end", "--no-pdf", "--today", "20/12/2022",
             "-o", str(out / "e")], target=2.0, runs=3)
    text = work / "xuat-du-lieu.xlsx"
    write_text_export(text)
    measure("chibo check: 150,000 rows x 26 text cells", [chibo, "check", str(text)],
            target=10.0, runs=3)
    pdf_figure(build, sample, out)
    for count, target in ((200, 1.5), (2000, 10.0)):
        cells = commune_folder(work / f"{count}-chi-bo", count)
        measure(f"chibo tong-hop: {count} cells' workbooks ({os.cpu_count()} cores)",
                [chibo, "tong-hop", str(cells), "--quarter", "1", "--no-pdf", "-o",
                 str(out / f"th-{count}")], target=target, runs=3 if count < 1000 else 1)
        shutil.rmtree(cells, ignore_errors=True)
    measure("baseline: openpyxl + plain docxtpl, no checks: sample",
            baseline_command(sample, work))
    corpus_figures(work, chibo, build)
    ours = next(r[1] for r in rows if r[0].startswith("build-report --all --no-pdf"))
    naive_seconds = rows[-1][1]
    ratio = ours / naive_seconds
    print(f"  chibo / baseline (build-report --all --no-pdf: sample): {ratio:.2f}"
          f"{'  OK' if ratio <= 0.6 else '  > 0.6!'} (target: at most 0.6)")
    shutil.rmtree(work, ignore_errors=True)


def write_text_export(path: Path, rows: int = 150_000) -> None:
    """A data export: one sheet of short texts, 26 columns, as other programs write them."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet()
    for row in range(rows):
        for column in range(26):
            sheet.write_string(row, column, f"v{(row * 26 + column) % 500}")
    book.close()


def pdf_figure(build: str, sample: Path, out: Path) -> None:
    if not (shutil.which("soffice") or os.environ.get("CHIBO_SOFFICE")):
        print("  build-report --pdf: LibreOffice not installed, not measured")
        return
    runs = []
    for _ in range(3):
        shutil.rmtree(out / "d", ignore_errors=True)
        runs.append(timed([build, str(sample), "--all", "--pdf", "-o", str(out / "d")]))
    seconds = statistics.median(r[0] for r in runs)
    pdfs = len(list((out / "d").rglob("*.pdf")))
    print(f"  {'build-report --all --pdf: sample (' + str(pdfs) + ' PDF)':<58} "
          f"{seconds:7.3f} s{'  OK' if seconds < 15 else '  > 15 s!'}")


def corpus_figures(work: Path, chibo: str, build: str) -> None:
    """Every file of tests/corpus.py through check, status and build-report, once each:
    the slowest run and the largest memory, which must stay under 10 s and 500 MB."""
    sys.path.insert(0, str(ROOT / "tests"))
    from corpus import write_corpus

    runs = []
    for path, family, _ in write_corpus(work / "corpus"):
        for command in ([chibo, "check", str(path)],
                        [chibo, "status", str(path), "-o", str(work / "corpus-out")],
                        [build, str(path), "--no-pdf", "-o", str(work / "corpus-out")]):
            seconds, _, code = timed(command)
            runs.append((seconds, peak_memory(command), code, family, Path(command[0]).name
                         + " " + (command[1] if command[1] in ("check", "status") else "")))
    slowest, largest = max(runs), max(runs, key=lambda r: r[1])
    codes = sorted({r[2] for r in runs})
    print(f"  corpus: {len(runs)} runs over {len(runs) // 3} files, exit codes {codes}")
    print(f"    slowest: {slowest[0]:.3f} s ({slowest[4].strip()}, {slowest[3]})"
          f"{'  OK' if slowest[0] < 10 else '  > 10 s!'}")
    print(f"    largest: {largest[1]:.0f} MB ({largest[4].strip()}, {largest[3]})"
          f"{'  OK' if largest[1] < 500 else '  > 500 MB!'}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--naive"]:
        naive(*sys.argv[2:5])
    else:
        main()
