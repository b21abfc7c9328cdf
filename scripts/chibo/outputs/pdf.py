"""Word to PDF through LibreOffice: one process for all the documents of a run, a private
profile (a shared one fails silently while another LibreOffice runs), a timeout, and a check
that every PDF exists and is not empty."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..errors import ConversionFailed, ConverterMissing

START_SECONDS = 60        # LibreOffice's first start on a slow machine
SECONDS_PER_DOCUMENT = 10

INSTALL_HINT = ("Cài LibreOffice (miễn phí, libreoffice.org; trên Debian/Ubuntu: "
                "apt install libreoffice-writer) rồi chạy lại, hoặc ghi đường dẫn tới soffice "
                "vào biến môi trường CHIBO_SOFFICE. Các tệp Word (.docx) vẫn đã được ghi.")


def _usual_places() -> list[Path]:
    if sys.platform.startswith("win"):
        roots = [os.environ.get(v) for v in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432")]
        return [Path(r) / "LibreOffice" / "program" / "soffice.exe" for r in roots if r]
    if sys.platform == "darwin":
        return [Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
                Path.home() / "Applications/LibreOffice.app/Contents/MacOS/soffice"]
    return [Path("/usr/bin/soffice"), Path("/usr/lib/libreoffice/program/soffice"),
            Path("/opt/libreoffice/program/soffice"), Path("/snap/bin/libreoffice")]


def find_soffice() -> Path:
    configured = os.environ.get("CHIBO_SOFFICE")
    if configured:
        if Path(configured).is_file():
            return Path(configured)
        raise ConverterMissing(f"CHIBO_SOFFICE chỉ tới {configured} nhưng không có tệp đó. "
                               + INSTALL_HINT)
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    for place in _usual_places():
        if place.is_file():
            return place
    raise ConverterMissing("Không tìm thấy LibreOffice để chuyển sang PDF. " + INSTALL_HINT)


def convert_to_pdf(documents: list[Path]) -> dict[Path, bytes | None]:
    """PDF bytes for each .docx (None where LibreOffice made no usable PDF)."""
    if not documents:
        return {}
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="chibo-pdf-") as folder:
        work = Path(folder)
        inputs = []
        # Numbered copies: documents from different folders may share a name.
        for index, document in enumerate(documents):
            copy = work / "in" / f"{index:04d}-{document.name}"
            copy.parent.mkdir(exist_ok=True)
            shutil.copyfile(document, copy)
            inputs.append(copy)
        command = [str(soffice), f"-env:UserInstallation={(work / 'profile').as_uri()}",
                   "--headless", "--norestore", "--nologo", "--nodefault", "--convert-to", "pdf",
                   "--outdir", str(work / "out"), *map(str, inputs)]
        timeout = START_SECONDS + SECONDS_PER_DOCUMENT * len(inputs)
        _run(command, timeout, work)
        results = {}
        for document, copy in zip(documents, inputs, strict=True):
            pdf = work / "out" / (copy.stem + ".pdf")
            data = pdf.read_bytes() if pdf.is_file() else b""
            results[document] = data if data.startswith(b"%PDF") else None
        return results


def _run(command: list[str], timeout: float, work: Path) -> None:
    """Run LibreOffice through the runner (below), which starts it, ends it on time, and ends
    it and removes its folder should chibo itself end first."""
    # LibreOffice's own temporary files in the folder removed after it, however it ends
    (work / "tam").mkdir(exist_ok=True)
    try:
        runner = subprocess.Popen([sys.executable, "-c", RUNNER, str(work), str(timeout), *command],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, text=True, **_own_group())
    except OSError as error:
        raise ConverterMissing(f"Không chạy được LibreOffice ({error}). " + INSTALL_HINT) from None
    try:
        assert runner.stdout is not None
        said = runner.stdout.readline().split(maxsplit=1)
    finally:
        _release(runner)
    if said and said[0] == "missing":
        reason = said[1] if len(said) > 1 else ""
        raise ConverterMissing(f"Không chạy được LibreOffice ({reason}). " + INSTALL_HINT)
    if said != ["finished"]:
        raise ConversionFailed(f"LibreOffice không chuyển xong sau {int(timeout)} giây và đã bị dừng. "
                               "Các tệp Word (.docx) vẫn đã được ghi; hãy đóng LibreOffice nếu đang mở "
                               "rồi chạy lại.")


# The runner: a small process that is LibreOffice's parent and outlives chibo. Being the one
# that starts LibreOffice, it always knows which process to end (a guardian told afterwards
# could be left untold by a chibo killed in between). It says «finished», «timeout» or
# «missing …», then waits for chibo's «ok»; a pipe that closes without «ok» means chibo ended —
# killed, or stopped by a signal — and LibreOffice is ended and its folder removed.
RUNNER = """
import os, shutil, signal, subprocess, sys, threading, time
for name in ("SIGINT", "SIGTERM", "SIGHUP"):
    if hasattr(signal, name):
        signal.signal(getattr(signal, name), signal.SIG_IGN)
work, timeout, command = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
windows = sys.platform.startswith("win")
scratch = {name: os.path.join(work, "tam") for name in ("TMPDIR", "TMP", "TEMP")}
own_group = ({"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP} if windows
             else {"start_new_session": True})
def running(group):
    try:
        os.killpg(group, 0)
        return True
    except (OSError, AttributeError):
        return False
def end(process):
    if windows:
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)], capture_output=True)
    else:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except OSError:
            pass
def say(word):
    try:
        print(word, flush=True)
    except OSError:
        pass   # chibo is gone: the watcher below is ending LibreOffice, and must not be cut short
def remove_folder(group):
    # The folder goes once nothing can write in it: the group is gone, or (a killed process
    # may linger unreaped, writing nothing) the folder has stayed gone for half a second.
    quiet = 0
    for _ in range(150):
        shutil.rmtree(work, ignore_errors=True)
        quiet = 0 if os.path.exists(work) else quiet + 1
        if quiet and (group is None or not running(group)) or quiet >= 5:
            break
        time.sleep(0.1)
try:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               stdin=subprocess.DEVNULL, env={**os.environ, **scratch}, **own_group)
except OSError as error:
    process = None
    say(f"missing {error}")
def watch():
    if "ok" not in sys.stdin.read().split():
        if process is not None:
            end(process)
        remove_folder(None if process is None or windows else process.pid)
        os._exit(0)
watching = threading.Thread(target=watch, daemon=True)
watching.start()
if process is not None:
    try:
        process.wait(timeout)
        say("finished")
    except subprocess.TimeoutExpired:
        end(process)
        process.wait()
        say("timeout")
watching.join()
"""


def _own_group() -> dict:
    """Popen's options for a process group of its own, so it can be ended whole (and is not
    stopped by the console's Ctrl+C before chibo says so)."""
    # Windows-only constant: typeshed declares it for win32 alone.
    return ({"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}  # type: ignore[attr-defined,unused-ignore]
            if sys.platform.startswith("win") else {"start_new_session": True})


def _release(runner: subprocess.Popen) -> None:
    """chibo is done with LibreOffice: the runner goes without doing anything more."""
    try:
        assert runner.stdin is not None
        runner.stdin.write("ok\n")
        runner.stdin.close()
    except OSError:
        pass
    runner.wait()
