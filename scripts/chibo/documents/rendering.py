"""A composed document into its Word file: the template filled in a sandboxed Jinja environment
with autoescape and StrictUndefined — a template is a file people pass around, and text from
cells must appear exactly as typed — the margins from the workbook, and a zip whose bytes
depend only on the content."""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from ..errors import TemplateBroken
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
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
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
def _template_class():
    """docxtpl's template, its XML cleaned once per template part: docxtpl cleans the same
    XML again for every document made from a template (`patch_xml` is a pure function)."""
    from docxtpl import DocxTemplate

    class PatchingOnce(DocxTemplate):
        patched: dict[str, str] = {}

        def patch_xml(self, src_xml):
            if src_xml not in self.patched:
                if len(self.patched) > 256:
                    self.patched.clear()
                self.patched[src_xml] = super().patch_xml(src_xml)
            return self.patched[src_xml]

    return PatchingOnce


@functools.cache
def _environment() -> _CompilingOnce:
    """One environment per process: autoescape (a '<' from a cell must not break the XML)
    and StrictUndefined (a missing variable must not print nothing)."""
    return _CompilingOnce(autoescape=True, undefined=StrictUndefined)


def _stable_zip(template) -> bytes:
    """The filled-in template as a zip whose bytes depend only on its content (every entry
    dated 1 January 1980), each part compressed once. python-docx's own save dates each entry
    with the time of day, and setting that right meant compressing everything again: a fifth
    of a document's rendering."""
    from typing import cast

    from docx.opc.phys_pkg import PhysPkgWriter
    from docx.opc.pkgwriter import PackageWriter

    package = template.docx.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()   # as python-docx's own save does
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        entries = cast(PhysPkgWriter, _DatedEntries(archive))   # the two methods it calls
        # python-docx's package writer, given entries of our own (its steps are static)
        PackageWriter._write_content_types_stream(entries, parts)
        PackageWriter._write_pkg_rels(entries, package.rels)
        PackageWriter._write_parts(entries, parts)
    return out.getvalue()


class _DatedEntries:
    """What python-docx's package writer writes to: each part an entry of fixed date."""

    def __init__(self, archive: zipfile.ZipFile):
        self.archive = archive

    def write(self, pack_uri, blob: bytes) -> None:
        info = zipfile.ZipInfo(pack_uri.membername, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self.archive.writestr(info, blob)
