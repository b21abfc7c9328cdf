"""Files as chibo writes them and finds them: written whole or not at all, the lock file a
program keeps beside a file it holds open, and a path shown as the secretary would type it."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path
from typing import Iterator

from .errors import OutputNotWritable


def lock_file_beside(path: Path) -> Path | None:
    """The owner file Word or Excel (~$name) or LibreOffice (.~lock.name#) keeps while a file
    is open."""
    for candidate in (f"~${path.name}", f"~${path.name[2:]}", f".~lock.{path.name}#"):
        lock = path.with_name(candidate)
        if lock.exists():
            return lock
    return None


def program_holding(path: Path, lock: Path | None = None) -> str:
    """Which program holds a file open: LibreOffice leaves '.~lock.' files; Word and Excel
    leave '~$' files; without a lock file, the program of the file's kind."""
    if lock is not None and lock.name.startswith(".~lock."):
        return "LibreOffice"
    return {".xlsx": "Excel", ".xls": "Excel", ".pdf": "trình đọc PDF"}.get(path.suffix.lower(),
                                                                         "Word")


def lock_owner(lock: Path) -> str | None:
    """Who holds the file, as its lock file says: LibreOffice writes 'user,host,…';
    Excel and Word write the user's name, its length first, then again in UTF-16 at byte 54."""
    try:
        data = lock.read_bytes()[:512]
    except OSError:
        return None
    if lock.name.startswith(".~lock."):
        owner = data.decode("utf-8", "replace").split(",")[0].strip()
        return owner or None
    if len(data) > 56 and data[54]:
        wide = data[56:56 + 2 * data[54]].decode("utf-16-le", "replace").strip()
        if wide:
            return wide
    if data and 0 < data[0] < len(data):
        return data[1:1 + data[0]].decode("cp1252", "replace").strip() or None
    return None


# What the system says of a path it will not even look at: too long a name or path.
REFUSED_PATHS = (errno.ENAMETOOLONG, errno.ELOOP)


def path_refused(error: OSError) -> str:
    """A path the system refused, in her words."""
    where = str(error.filename or "")
    if error.errno == errno.ENAMETOOLONG:
        return (f"Tên tệp hoặc đường dẫn quá dài ({len(where)} ký tự; mỗi tên tệp tối đa 255 "
                "byte): hãy đặt tên ngắn hơn, hoặc chọn thư mục có đường dẫn ngắn hơn.")
    if error.errno == errno.ELOOP:
        return f"Đường dẫn vòng lặp qua các lối tắt (symlink): {where[:120]}."
    return f"Không dùng được đường dẫn {where[:120]} ({error.strerror or error})."


def system_refusal(error: BaseException) -> str | None:
    """What the system refused, in her words, when it is one of the refusals any step may
    meet — no permission, too long a path, a full disk — else None (a bug)."""
    if not isinstance(error, OSError):
        return None
    where = str(error.filename or "")
    if error.errno in REFUSED_PATHS:
        return path_refused(error)
    if isinstance(error, PermissionError):
        return (f"Không có quyền đọc hoặc ghi {where}: hãy chọn thư mục khác, hoặc xin quyền "
                "đọc và ghi thư mục đó (tệp của người dùng khác, hoặc thư mục chỉ cho đọc).")
    if error.errno == errno.ENOSPC:
        return f"Ổ đĩa đã đầy khi ghi {where}: hãy xóa bớt tệp rồi làm lại."
    return None


def not_a_file(path: Path, what: str = "sổ Excel (.xlsx)") -> str | None:
    """Why `path` cannot be opened as a file — missing, a folder, a pipe or a device (which
    would never finish reading), a name too long — or None for a regular file."""
    import stat

    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return f"Không tìm thấy tệp {path}."
    except OSError as error:
        if error.errno in REFUSED_PATHS:
            return path_refused(error)
        return f"Không mở được {path} ({error.strerror or error})."
    except ValueError:   # a NUL character in the name
        return f"Tên tệp không hợp lệ: {str(path)!r}."
    if stat.S_ISDIR(mode):
        return f"{path} là một thư mục, không phải {what}: hãy chọn một tệp trong thư mục đó."
    if not stat.S_ISREG(mode):
        return f"{path} không phải một tệp thường (mà là một ống dẫn hoặc thiết bị): hãy chọn {what}."
    return None


def shown(path: Path) -> str:
    """A path as the secretary typed it: relative to where she runs chibo, when inside."""
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@contextlib.contextmanager
def folder_refusals(folder: Path) -> Iterator[None]:
    """A folder that cannot be made or written to, said as `OutputNotWritable`."""
    where = shown(folder)
    try:
        yield
    except TimeoutError:   # a wait that ran out is the caller's to say
        raise
    except (FileExistsError, NotADirectoryError):
        raise OutputNotWritable(f"Không tạo được thư mục {where}: trên đường dẫn có một tệp "
                                "trùng tên thư mục.") from None
    except PermissionError:
        raise OutputNotWritable(f"Không có quyền ghi vào thư mục {where}: hãy chọn thư mục "
                                "khác.") from None
    except OSError as error:
        if error.errno in REFUSED_PATHS:
            raise OutputNotWritable(path_refused(error)) from None
        raise OutputNotWritable(f"Không ghi được vào thư mục {where} "
                                f"({error.strerror or error}).") from None


def atomic_write(path: Path, data: bytes) -> None:
    """Write through a temporary file and a rename. The system refusing the rename (a file
    open in Word on Windows, or read-only) raises PermissionError for the caller to report;
    every other failure to write — a folder that cannot be made or written, a path through
    a file, a full disk — is `OutputNotWritable`, naming the place."""
    where = shown(path.parent)
    with folder_refusals(path.parent):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".chibo-", suffix=path.suffix, dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except PermissionError:
        raise
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise OutputNotWritable(f"Ổ đĩa chứa {where} đã đầy: hãy xóa bớt tệp hoặc chọn thư "
                                    "mục khác rồi chạy lại.") from None
        if path.is_dir():
            raise OutputNotWritable(f"Không ghi được {shown(path)}: đã có một thư mục trùng "
                                    "tên.") from None
        raise OutputNotWritable(f"Không ghi được {shown(path)} "
                                f"({error.strerror or error}).") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def zip_archive(members: list[tuple[str, int, int, bool, list[bytes]]]) -> bytes:
    """A zip of members given as (name, CRC, size, deflated, the bytes as they are stored),
    in order, every entry dated 1 January 1980 and readable by all (as zipfile writes them on
    Unix), so that its bytes depend only on its members. zipfile's writer takes no member
    already compressed: it would compress a document's unchanged parts again, and it costs
    ten times as much as this for the twenty small parts of a book held for calamine."""
    import struct

    pieces: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    for name, crc, size, deflated, stored in members:
        try:
            encoded, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            encoded, flags = name.encode("utf-8"), 0x800   # the name's UTF-8 flag
        stored_size = sum(map(len, stored))
        fields = (flags, 8 if deflated else 0, 0, 0x21, crc, stored_size, size, len(encoded))
        local = struct.pack("<4s5H3LHH", b"PK\x03\x04", 20, *fields, 0)
        directory.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 0x314, 20, *fields,
                                     0, 0, 0, 0, 0o644 << 16, offset) + encoded)
        pieces += [local, encoded, *stored]
        offset += len(local) + len(encoded) + stored_size
    central = b"".join(directory)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members),
                      len(central), offset, 0)
    return b"".join([*pieces, central, end])
