"""Word to PDF through LibreOffice: one process for all the documents of a run, a private
profile (a shared one fails silently while another LibreOffice runs), a timeout, and a check
that every PDF exists and is not empty."""

from __future__ import annotations

import os
import shutil
import signal
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
    """Run LibreOffice in its own process group, so a hang can be ended whole — and watched
    by a guardian that ends it and removes its folder should chibo itself end first."""
    guardian = _guardian(work)
    # LibreOffice's own temporary files in the folder removed after it, however it ends
    scratch = work / "tam"
    scratch.mkdir(exist_ok=True)
    inside = {name: str(scratch) for name in ("TMPDIR", "TMP", "TEMP")}
    try:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   stdin=subprocess.DEVNULL, env={**os.environ, **inside},
                                   **_own_group())
    except OSError as error:
        _release(guardian)
        raise ConverterMissing(f"Không chạy được LibreOffice ({error}). " + INSTALL_HINT) from None
    _tell(guardian, f"{process.pid}\n")
    try:
        process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(process)
        raise ConversionFailed(f"LibreOffice không chuyển xong sau {int(timeout)} giây và đã bị dừng. "
                               "Các tệp Word (.docx) vẫn đã được ghi; hãy đóng LibreOffice nếu đang mở "
                               "rồi chạy lại.") from None
    finally:
        _release(guardian)


# The guardian: a small process that outlives chibo. It is told LibreOffice's process, then
# «ok» once chibo is done with it; a pipe that closes without «ok» means chibo ended — killed,
# or stopped by a signal — and LibreOffice is ended and its folder removed.
GUARDIAN = """
import os, shutil, signal, subprocess, sys, time
for name in ("SIGINT", "SIGTERM", "SIGHUP"):
    if hasattr(signal, name):
        signal.signal(getattr(signal, name), signal.SIG_IGN)
said = sys.stdin.read().split()
def running(group):
    try:
        os.killpg(group, 0)
        return True
    except (OSError, AttributeError):
        return False
if "ok" not in said:
    group = int(said[0]) if said and said[0].isdigit() else None
    if group is not None and sys.platform.startswith("win"):
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(group)], capture_output=True)
        group = None
    elif group is not None:
        try:
            os.killpg(group, signal.SIGKILL)
        except OSError:
            group = None
    # The folder goes once nothing can write in it: the group is gone, or (a killed process
    # may linger unreaped, writing nothing) the folder has stayed gone for half a second.
    quiet = 0
    for _ in range(150):
        shutil.rmtree(sys.argv[1], ignore_errors=True)
        quiet = 0 if os.path.exists(sys.argv[1]) else quiet + 1
        if quiet and (group is None or not running(group)) or quiet >= 5:
            break
        time.sleep(0.1)
"""


def _own_group() -> dict:
    """Popen's options for a process group of its own, so it can be ended whole (and is not
    stopped by the console's Ctrl+C before chibo says so)."""
    # Windows-only constant: typeshed declares it for win32 alone.
    return ({"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}  # type: ignore[attr-defined,unused-ignore]
            if sys.platform.startswith("win") else {"start_new_session": True})


def _guardian(work: Path) -> subprocess.Popen | None:
    try:
        return subprocess.Popen([sys.executable, "-c", GUARDIAN, str(work)], stdin=subprocess.PIPE,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True,
                                **_own_group())
    except OSError:
        return None   # no guardian: LibreOffice still ends with the conversion


def _tell(guardian: subprocess.Popen | None, words: str) -> None:
    if guardian is not None and guardian.stdin is not None:
        try:
            guardian.stdin.write(words)
            guardian.stdin.flush()
        except OSError:
            pass


def _release(guardian: subprocess.Popen | None) -> None:
    """chibo is done with LibreOffice: the guardian goes without doing anything."""
    if guardian is None:
        return
    _tell(guardian, "ok\n")
    try:
        assert guardian.stdin is not None
        guardian.stdin.close()
    except OSError:
        pass
    guardian.wait()


def _kill(process: subprocess.Popen) -> None:
    try:
        if sys.platform.startswith("win"):
            process.kill()
        else:
            os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()
