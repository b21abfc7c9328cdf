"""A composed document into its Word file: the template filled in a sandboxed Jinja environment
with autoescape and StrictUndefined — a template is a file people pass around, and text from
cells must appear exactly as typed — the margins from the workbook, and a zip whose bytes
depend only on the content."""

from __future__ import annotations

import copy
import functools
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from ..errors import TemplateBroken
from ..files import zip_archive
from ..wording import in_one_style
from ..workbook.model import Record
from .document import Document


def _templates_dir() -> Path:
    """The shipped templates: templates/ of the repository, installed as the data of the
    package `chibo.templates` (a folder on disk in every install pip makes)."""
    from importlib.resources import files

    return Path(str(files("chibo.templates")))


TEMPLATES_DIR = _templates_dir()


def render(document: Document, templates: Path, settings: Record) -> bytes:
    """The finished .docx: the template filled in, margins from the workbook, and a zip whose
    bytes depend only on the content (so an unchanged document is recognised as unchanged)."""
    from docx.opc.exceptions import PackageNotFoundError   # python-docx: a file that is no zip
    from docx.shared import Mm
    from jinja2 import TemplateError

    source = templates / document.template
    if not source.is_file():
        if not templates.is_dir():
            raise TemplateBroken(f"Không tìm thấy thư mục mẫu văn bản {templates}.")
        source = TEMPLATES_DIR / document.template   # a cell may restyle only some templates
    names = tuple(str(settings.values.get(key) or "")
                  for key in ("cell_name", "superior_committee", "committee_name"))
    try:
        template = _template_class()(source)
        template.render(_in_one_style(document.context, names), jinja_env=_environment(),
                        autoescape=True)
    except TemplateError as error:
        raise TemplateBroken(f"Mẫu văn bản {source} có lỗi: {error}. Hãy sửa mẫu hoặc dùng lại mẫu "
                             "gốc của chibo.") from None
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as error:
        raise TemplateBroken(f"Mẫu văn bản {source} không phải tệp Word (.docx) dùng được "
                             f"({type(error).__name__}).") from None
    for section in template.docx.sections:
        section.top_margin = Mm(settings.margin_top)
        section.bottom_margin = Mm(settings.margin_bottom)
        section.left_margin = Mm(settings.margin_left)
        section.right_margin = Mm(settings.margin_right)
    return _stable_zip(template)


RENDERING = "2"   # raised when the way a document is rendered changes: every recipe changes


def recipe(document: Document, templates: Path, settings: Record) -> str:
    """What a document's Word file is made from, as a hash: its template's bytes, its
    context, the page margins and the rendering itself. The same recipe gives the same
    file, so a document built before whose recipe is unchanged need not be rendered again."""
    import hashlib
    import json

    source = templates / document.template
    if not source.is_file():
        source = TEMPLATES_DIR / document.template
    margins = [settings.margin_top, settings.margin_bottom, settings.margin_left,
               settings.margin_right]
    names = [settings.values.get(key) for key in ("cell_name", "superior_committee",
                                                   "committee_name")]
    made_of = json.dumps([RENDERING, _template_hash(source), margins, names, document.context],
                         ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(made_of.encode("utf-8")).hexdigest()


def _template_hash(source: Path) -> str:
    import hashlib

    try:
        stat = source.stat()
    except OSError:
        return "?"
    key = (str(source), stat.st_size, stat.st_mtime_ns)
    if key not in _TEMPLATE_HASHES:
        _TEMPLATE_HASHES[key] = hashlib.sha256(source.read_bytes()).hexdigest()
    return _TEMPLATE_HASHES[key]


_TEMPLATE_HASHES: dict[tuple, str] = {}


def _in_one_style(value, names: tuple[str, ...]):
    """Every text of a context written one way (see `wording.in_one_style`)."""
    if isinstance(value, str):
        return in_one_style(value, names)
    if isinstance(value, dict):
        return {key: _in_one_style(item, names) for key, item in value.items()}
    if isinstance(value, list):
        return [_in_one_style(item, names) for item in value]
    return value


class _CompilingOnce(SandboxedEnvironment):
    """A sandboxed environment that compiles each template part once: docxtpl asks for the
    same source again for every document made from a template."""

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self.compiled: dict[str, object] = {}

    def from_string(self, source, globals=None, template_class=None):
        if globals or template_class:
            return super().from_string(source, globals, template_class)
        if source not in self.compiled:
            self.compiled[source] = super().from_string(source)
        return self.compiled[source]


@functools.cache
def _template_class() -> Any:
    """docxtpl's template, made cheaper where it repeats itself for every document made from
    one template: each template opened once per process and copied (opening it again cost a
    third of a document), its XML cleaned once per part (`patch_xml` is a pure function),
    and only the paragraphs that hold a tab, a line or a page break looked through for
    them — for every other one, docxtpl's `resolve_listing` gives back what it was given."""
    from docxtpl import DocxTemplate

    class Cheaper(DocxTemplate):
        patched: dict[str, str] = {}
        docx: Any
        is_rendered: bool
        opened: _Opened   # what the document was copied from

        def init_docx(self, reload: bool = True) -> None:
            if not self.docx or (self.is_rendered and reload):
                self.opened = _opened(Path(self.template_file))
                self.docx = self.opened.copy()
                self.is_rendered = False

        def patch_xml(self, src_xml):
            if src_xml not in self.patched:
                if len(self.patched) > 256:
                    self.patched.clear()
                self.patched[src_xml] = super().patch_xml(src_xml)
            return self.patched[src_xml]

        def resolve_listing(self, xml):
            if _LISTING.search(xml) is None:
                return xml
            resolve = super().resolve_listing
            return _PARAGRAPH.sub(lambda found: resolve(found.group(0))
                                  if _LISTING.search(found.group(0)) else found.group(0), xml)

    return Cheaper


# docxtpl's own pattern for a paragraph, and what its `resolve_listing` turns into Word's own
# tab, line break, new paragraph and page break.
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)
_LISTING = re.compile("[\t\a\n\f]")


# What docxtpl's rendering writes: the body, headers, footers, footnotes and properties.
RENDERED_PARTS = ("document.main+xml", "header+xml", "footer+xml", "footnotes+xml",
                  "core-properties+xml")


@dataclass
class _Opened:
    """A template as python-docx opens it, never changed: each document renders a copy,
    which shares the parts no rendering writes (styles, theme, fonts, numbering); and each
    part as it is written into a Word file: its bytes, their CRC, compressed."""

    document: object
    shared: dict[int, object]   # the parts every copy shares, by id (as deepcopy's memo)
    written: dict[str, tuple[bytes, int, bytes]]

    def copy(self):
        """A copy of the template to render, sharing what rendering never writes."""
        return copy.deepcopy(self.document, dict(self.shared))


def _opened(source: Path) -> _Opened:
    stat = source.stat()
    return _opened_as_saved(str(source), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=32)   # a template changed on disk is opened again
def _opened_as_saved(source: str, size: int, mtime_ns: int) -> _Opened:
    import docx

    document = docx.Document(source)
    shared = {id(part): part for part in document.part.package.parts
              if not part.content_type.endswith(RENDERED_PARTS)}
    return _Opened(document, shared, {name: (blob, zlib.crc32(blob), _deflated(blob))
                                      for name, blob in _part_blobs(document)})


def _deflated(blob: bytes) -> bytes:
    """As zipfile compresses an entry (raw deflate, zlib's default level)."""
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return compressor.compress(blob) + compressor.flush()


@functools.cache
def _environment() -> _CompilingOnce:
    """One environment per process: autoescape (a '<' from a cell must not break the XML)
    and StrictUndefined (a missing variable must not print nothing)."""
    return _CompilingOnce(autoescape=True, undefined=StrictUndefined)


def _stable_zip(template) -> bytes:
    """The filled-in template as a zip whose bytes depend only on its content (every entry
    dated 1 January 1980), each part compressed once: a part the rendering left as the
    template had it (styles, theme, fonts) is taken as compressed when the template was
    opened. python-docx's own save dates each entry with the time of day."""
    unchanged = template.opened.written
    members = []
    for name, blob in _part_blobs(template.docx, template.opened):
        known = unchanged.get(name)
        crc, deflated = known[1:] if known is not None and known[0] == blob else (
            zlib.crc32(blob), _deflated(blob))
        members.append((name, crc, len(blob), True, [deflated]))
    return zip_archive(members)


def _part_blobs(document, opened: _Opened | None = None) -> list[tuple[str, bytes]]:
    """Each part of a python-docx document as its package writer would write it, in its
    order (the writer's steps are static; it is given entries of our own); a part it shares
    with the template it was `opened` from, as written then."""
    from docx.opc.phys_pkg import PhysPkgWriter
    from docx.opc.pkgwriter import PackageWriter

    package = document.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()   # as python-docx's own save does (for no part chibo renders)
    entries = _Entries()
    writer = cast(PhysPkgWriter, entries)   # the one method it calls
    PackageWriter._write_content_types_stream(writer, parts)
    PackageWriter._write_pkg_rels(writer, package.rels)
    for part in parts:   # as PackageWriter._write_parts, a shared part not written again
        name = part.partname.membername
        if opened is not None and id(part) in opened.shared:
            entries.written.append((name, opened.written[name][0]))
        else:
            entries.written.append((name, part.blob))
        if len(part.rels):
            entries.written.append((part.partname.rels_uri.membername, part.rels.xml))
    return entries.written


class _Entries:
    """What python-docx's package writer writes to: each part's name and bytes, in order."""

    def __init__(self) -> None:
        self.written: list[tuple[str, bytes]] = []

    def write(self, pack_uri, blob: bytes) -> None:
        self.written.append((pack_uri.membername, blob))
