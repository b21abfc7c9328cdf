"""chibo's mark on what it writes, so that its own file is known by its content alone — after
a crash between writing a file and the manifest, or a second build writing meanwhile, a
file of chibo's is never taken for one the secretary edited.

- A Word file carries, as its zip comment, a hash of its parts (names, checksums, sizes).
  Word and LibreOffice write a new zip when they save: the mark is gone, the file is hers.
- A PDF ends with a comment line after LibreOffice's own end: the hash of every byte before
  it and of the document it was made from. A scan, a signature, an edit: the mark no longer
  fits what precedes it, and the file is hers.
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
import zipfile

DOCX_MARK = b"chibo:"
PDF_MARK = re.compile(rb"\n%chibo:([0-9a-f]{64}):([0-9a-f]{64})\n\Z")
END_OF_CENTRAL_DIRECTORY = b"PK\x05\x06"


def _parts_digest(archive: zipfile.ZipFile) -> str:
    listed = [(i.filename, i.CRC, i.file_size) for i in archive.infolist()]
    return hashlib.sha256(repr(listed).encode("utf-8")).hexdigest()


def mark_docx(data: bytes) -> bytes:
    """The same zip with chibo's mark as its comment (only the end record changes)."""
    end = len(data) - 22
    if end < 0 or data[end:end + 4] != END_OF_CENTRAL_DIRECTORY or data[-2:] != b"\0\0":
        return data   # not a plain zip without a comment: left as it is
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        comment = DOCX_MARK + _parts_digest(archive).encode("ascii")
    return data[:-2] + struct.pack("<H", len(comment)) + comment


def docx_is_marked(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            comment = archive.comment
            return comment == DOCX_MARK + _parts_digest(archive).encode("ascii")
    except (zipfile.BadZipFile, ValueError, OSError):
        return False


def mark_pdf(data: bytes, source: str) -> bytes:
    """The PDF with chibo's mark: made from the document of hash `source`."""
    body = data if data.endswith(b"\n") else data + b"\n"
    return body + b"%chibo:" + source.encode("ascii") + b":" + \
        hashlib.sha256(body).hexdigest().encode("ascii") + b"\n"


def pdf_source(data: bytes) -> str | None:
    """The hash of the document a PDF of chibo's was made from; None for anyone else's."""
    found = PDF_MARK.search(data[-200:])
    if found is None:
        return None
    body = data[:len(data) - len(found.group(0)) + 1]
    if hashlib.sha256(body).hexdigest().encode("ascii") != found.group(2):
        return None
    return found.group(1).decode("ascii")


def is_marked(relative: str, data: bytes) -> bool:
    """Whether this file's content says chibo wrote it as it is."""
    if relative.endswith(".docx"):
        return docx_is_marked(data)
    if relative.endswith(".pdf"):
        return pdf_source(data) is not None
    return False
