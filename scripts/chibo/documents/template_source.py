"""The source of the three document templates in templates/ (`make templates` rebuilds them).

Each template is an ordinary Word file in the layout of HD 36-HD/VPTW: A4, Times New Roman,
the two-column header, title and subject line, 14 pt justified body, signature block and
recipients, page numbers from page 2. Every paragraph has a named paragraph style ("CB …"), so
a secretary can restyle a template in Word; the words the product fills in are docxtpl
(Jinja) tags. Margins are set from the workbook when a document is made.
"""

from __future__ import annotations

from pathlib import Path

FONT = "Times New Roman"
TEXT_WIDTH_CM = 16.0      # fits A4 with margins up to 35 + 15 mm

# name: (size pt, bold, italic, alignment, first-line indent cm, space before pt, space after pt)
STYLES = {
    "CB Cơ quan cấp trên": (14, False, False, "center", 0, 0, 0),
    "CB Cơ quan ban hành": (14, True, False, "center", 0, 0, 0),
    "CB Dấu sao": (14, False, False, "center", 0, 0, 0),
    "CB Số hiệu": (14, False, False, "center", 0, 0, 0),
    "CB Tiêu đề Đảng": (15, True, False, "center", 0, 0, 0),
    "CB Địa danh ngày tháng": (14, False, True, "center", 0, 8, 0),
    "CB Tên loại": (16, True, False, "center", 0, 24, 0),
    "CB Trích yếu": (14, True, False, "center", 0, 0, 0),
    "CB Gạch dưới trích yếu": (14, False, False, "center", 0, 0, 12),
    "CB Nội dung": (14, False, False, "justify", 1.0, 0, 6),
    "CB Đề mục 1": (14, True, False, "justify", 1.0, 6, 6),
    "CB Đề mục 2": (14, True, False, "justify", 1.0, 0, 6),
    "CB Gạch đầu dòng": (14, False, False, "justify", 1.0, 0, 4),
    "CB Gạch đầu dòng phụ": (14, False, False, "justify", 1.75, 0, 4),
    "CB Dẫn ý": (14, False, False, "justify", 1.0, 0, 4),
    "CB Ghi chú": (14, False, True, "left", 1.0, 0, 4),
    "CB Bảng": (12, False, False, "left", 0, 2, 2),
    "CB Bảng tiêu đề": (12, True, False, "center", 0, 2, 2),
    "CB Nơi nhận tiêu đề": (12, True, True, "left", 0, 12, 0),
    "CB Nơi nhận": (11, False, False, "left", 0, 0, 0),
    "CB Chữ ký chức danh": (14, True, False, "center", 0, 0, 0),
    "CB Chữ ký khoảng trống": (14, False, False, "center", 0, 0, 0),
    "CB Chữ ký tên": (14, True, False, "center", 0, 0, 0),
    "CB Số trang": (13, False, False, "center", 0, 0, 0),
}


def _docx():
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Mm, Pt

    return (Document, WD_STYLE_TYPE, WD_ALIGN_PARAGRAPH, OxmlElement, qn, Cm, Mm, Pt)


def _set_fonts(rpr, qn, OxmlElement) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    language = rpr.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        rpr.append(language)
    language.set(qn("w:val"), "vi-VN")


def new_document():
    """An empty A4 document with Times New Roman everywhere and the CB styles."""
    Document, WD_STYLE_TYPE, WD_ALIGN_PARAGRAPH, OxmlElement, qn, Cm, Mm, Pt = _docx()
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)

    defaults = document.styles.element.find(qn("w:docDefaults"))
    _set_fonts(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")), qn, OxmlElement)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    _set_fonts(normal.element.get_or_add_rPr(), qn, OxmlElement)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0

    alignments = {"center": WD_ALIGN_PARAGRAPH.CENTER, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
                  "left": WD_ALIGN_PARAGRAPH.LEFT}
    for name, (size, bold, italic, align, indent, before, after) in STYLES.items():
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        style.font.name, style.font.size = FONT, Pt(size)
        style.font.bold, style.font.italic = bold, italic
        _set_fonts(style.element.get_or_add_rPr(), qn, OxmlElement)
        layout = style.paragraph_format
        layout.alignment = alignments[align]
        layout.first_line_indent = Cm(indent) if indent else None
        layout.space_before, layout.space_after = Pt(before), Pt(after)
        if name.startswith("CB Đề mục") or name in ("CB Tên loại", "CB Trích yếu", "CB Dẫn ý"):
            layout.keep_with_next = True   # a heading or a lead-in stays with what follows
    _page_numbers_from_page_two(document)
    _trim_package(document)
    return document


def _trim_package(document) -> None:
    """Drop what python-docx's default template carries and no chibo document uses — 100
    table styles, the Word 2010 copy of the styles, a thumbnail picture — so that each
    document is small and quick to write."""
    _, _, _, _, qn, _, _, _ = _docx()
    keep = {"TableNormal", "TableGrid"}
    styles = document.styles.element
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) == "table" and style.get(qn("w:styleId")) not in keep:
            styles.remove(style)
    for owner in (document.part, document.part.package):
        for key, rel in list(owner.rels.items()):
            if rel.reltype.endswith(("/stylesWithEffects", "/thumbnail")):
                del owner.rels[key]
    properties = document.core_properties
    properties.author = properties.last_modified_by = "chibo"
    properties.title, properties.comments = "", ""
    properties.revision = 1
    import datetime as dt

    properties.created = properties.modified = dt.datetime(2022, 1, 1)


def _page_numbers_from_page_two(document) -> None:
    """A centred PAGE field in the header, with an empty first-page header (HD 36)."""
    _, _, _, OxmlElement, qn, _, _, _ = _docx()
    section = document.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.style = document.styles["CB Số trang"]
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def paragraph(container, style: str, *runs):
    """A paragraph of `style`; each run is text, or (text, {'bold': True, ...})."""
    para = container.add_paragraph(style=style)
    for run in runs:
        text, looks = (run, {}) if isinstance(run, str) else run
        added = para.add_run(text)
        for key, value in looks.items():
            setattr(added.font, key, value)
    return para


def table(container, widths_cm: list[float], rows: int = 1, borders: bool = False):
    """A table with fixed column widths that Word (cell widths) and LibreOffice (the grid)
    both respect."""
    _, _, _, OxmlElement, qn, Cm, _, _ = _docx()
    grid_table = container.add_table(rows=rows, cols=len(widths_cm))
    grid_table.autofit = False
    properties = grid_table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    properties.append(layout)
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(int(sum(widths_cm) * 567)))
    width.set(qn("w:type"), "dxa")
    for old in properties.findall(qn("w:tblW")):
        properties.remove(old)
    properties.append(width)
    for index, column in enumerate(grid_table._tbl.tblGrid.findall(qn("w:gridCol"))):
        column.set(qn("w:w"), str(int(widths_cm[index] * 567)))
    for row in grid_table.rows:
        for index, cell in enumerate(row.cells):
            cell.width = Cm(widths_cm[index])
    _borders(grid_table, "single" if borders else "nil")
    return grid_table


def _borders(grid_table, kind: str) -> None:
    """Every edge of the table 'single' (a grid) or 'nil' (the borderless header)."""
    _, _, _, OxmlElement, qn, _, _, _ = _docx()
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), kind)
        if kind != "nil":
            element.set(qn("w:sz"), "4")
            element.set(qn("w:color"), "000000")
        borders.append(element)
    grid_table._tbl.tblPr.append(borders)


def _underline_paragraph(para, indent_cm: float) -> None:
    """The solid line under ĐẢNG CỘNG SẢN VIỆT NAM: a bottom border, indented to the text."""
    _, _, _, OxmlElement, qn, Cm, _, _ = _docx()
    para.paragraph_format.left_indent = Cm(indent_cm)
    para.paragraph_format.right_indent = Cm(indent_cm)
    properties = para._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"),
                       ("w:color", "000000")):
        bottom.set(qn(key), value)
    border.append(bottom)
    properties.append(border)


def _clear_first_paragraph(cell) -> None:
    """A new cell holds one empty paragraph; remove it once the cell has content."""
    first = cell.paragraphs[0]
    if not first.text and len(cell.paragraphs) > 1:
        first._p.getparent().remove(first._p)


def header(document) -> None:
    """The two-column header of page 1 (HD 36): issuer on the left, the Party on the right."""
    grid = table(document, [7.0, TEXT_WIDTH_CM - 7.0])
    left, right = grid.rows[0].cells
    paragraph(left, "CB Cơ quan cấp trên", "{{ superior_body }}")
    paragraph(left, "CB Cơ quan ban hành", "{{ issuer }}")
    paragraph(left, "CB Dấu sao", "*")
    paragraph(left, "CB Số hiệu", "{{ number }}")
    party = paragraph(right, "CB Tiêu đề Đảng", "ĐẢNG CỘNG SẢN VIỆT NAM")
    _underline_paragraph(party, 0.6)
    paragraph(right, "CB Địa danh ngày tháng", "{{ place_date }}")
    for cell in (left, right):
        _clear_first_paragraph(cell)


def title(document, kind: str) -> None:
    paragraph(document, "CB Tên loại", kind)
    paragraph(document, "CB Trích yếu", "{{ subject }}")
    paragraph(document, "CB Gạch dưới trích yếu", "-----")


def loop(document, style: str, items: str, text: str = "{{ item }}", name: str = "item") -> None:
    """One paragraph per item of a list in the context."""
    paragraph(document, "CB Nội dung", f"{{%p for {name} in {items} %}}")
    paragraph(document, style, text)
    paragraph(document, "CB Nội dung", "{%p endfor %}")


def recipients(cell_or_document) -> None:
    paragraph(cell_or_document, "CB Nơi nhận tiêu đề", ("Nơi nhận:", {"underline": True}))
    paragraph(cell_or_document, "CB Nơi nhận", "{%p for line in recipients %}")
    paragraph(cell_or_document, "CB Nơi nhận", "{{ line }}")
    paragraph(cell_or_document, "CB Nơi nhận", "{%p endfor %}")


def closing(document, text: str) -> None:
    """The last paragraph, kept on the page of the signature that follows it. Its room
    before the signature is space after it, not an empty paragraph: LibreOffice drops the
    keeping at an empty paragraph that ends a page."""
    _, _, _, _, _, _, _, Pt = _docx()
    last = paragraph(document, "CB Nội dung", text)
    last.paragraph_format.keep_with_next = True
    last.paragraph_format.space_after = Pt(14)


def signature_for_the_cell(document) -> None:
    """Recipients bottom left; T/M CHI BỘ, BÍ THƯ and the name bottom right."""
    grid = table(document, [8.0, TEXT_WIDTH_CM - 8.0])
    left, right = grid.rows[0].cells
    recipients(left)
    paragraph(right, "CB Chữ ký chức danh", "{{ sign_for }}")
    paragraph(right, "CB Chữ ký chức danh", "{{ sign_role }}")
    for _ in range(4):
        paragraph(right, "CB Chữ ký khoảng trống", "")
    paragraph(right, "CB Chữ ký tên", "{{ signer }}")
    for cell in (left, right):
        _clear_first_paragraph(cell)
    _keep_row_on_one_page(grid.rows[0])


def plan_template():
    document = new_document()
    header(document)
    title(document, "KẾ HOẠCH")
    paragraph(document, "CB Nội dung", "{{ opening }}")
    paragraph(document, "CB Nội dung", "{{ intro }}")
    paragraph(document, "CB Đề mục 1", "I. MỤC ĐÍCH, YÊU CẦU")
    paragraph(document, "CB Đề mục 2", "1. Mục đích")
    loop(document, "CB Nội dung", "purposes")
    paragraph(document, "CB Đề mục 2", "2. Yêu cầu")
    loop(document, "CB Nội dung", "requirements")
    paragraph(document, "CB Đề mục 1", "II. NỘI DUNG SINH HOẠT CHUYÊN ĐỀ")
    paragraph(document, "CB Nội dung", "{%p for theme in themes %}")
    paragraph(document, "CB Nội dung", ("Quý {{ theme.quarter }}: ", {"bold": True}),
              "{{ theme.title }}")
    paragraph(document, "CB Nội dung", "{%p if theme.detail %}")
    paragraph(document, "CB Ghi chú", "{{ theme.detail }}")
    paragraph(document, "CB Nội dung", "{%p endif %}")
    paragraph(document, "CB Nội dung", "{%p endfor %}")
    paragraph(document, "CB Đề mục 1", "III. BIỆN PHÁP THỰC HIỆN")
    loop(document, "CB Nội dung", "measures")
    closing(document, "{{ closing }}")
    signature_for_the_cell(document)
    return document


def minutes_template():
    document = new_document()
    header(document)
    title(document, "BIÊN BẢN")
    paragraph(document, "CB Nội dung", "{{ opening }}")
    paragraph(document, "CB Đề mục 1", "I. THÀNH PHẦN")
    paragraph(document, "CB Nội dung", "{%p for item in attendance %}")
    paragraph(document, "CB Nội dung", "{%p if item.sub %}")
    paragraph(document, "CB Gạch đầu dòng phụ", "+ {{ item.text }}")
    paragraph(document, "CB Nội dung", "{%p else %}")
    paragraph(document, "CB Gạch đầu dòng", "- {{ item.text }}")
    paragraph(document, "CB Nội dung", "{%p endif %}")
    paragraph(document, "CB Nội dung", "{%p endfor %}")
    paragraph(document, "CB Đề mục 1", "II. NỘI DUNG")
    paragraph(document, "CB Nội dung", "{%p for part in parts %}")
    paragraph(document, "CB Đề mục 2", "{{ part.heading }}")
    paragraph(document, "CB Nội dung", "{%p for line in part.lines %}")
    paragraph(document, "CB Nội dung", "{%p if line.speaker %}")
    paragraph(document, "CB Gạch đầu dòng", ("- Đồng chí {{ line.speaker }}: ", {"bold": True}),
              "{{ line.text }}")
    paragraph(document, "CB Nội dung", "{%p elif line.item %}")
    paragraph(document, "CB Gạch đầu dòng", "- {{ line.text }}")
    paragraph(document, "CB Nội dung", "{%p elif line.lead %}")
    paragraph(document, "CB Dẫn ý", "{{ line.text }}")
    paragraph(document, "CB Nội dung", "{%p else %}")
    paragraph(document, "CB Nội dung", "{{ line.text }}")
    paragraph(document, "CB Nội dung", "{%p endif %}")
    paragraph(document, "CB Nội dung", "{%p endfor %}")
    paragraph(document, "CB Nội dung", "{%p endfor %}")
    closing(document, "{{ closing }}")
    signatures_of_the_meeting(document, with_recipients=True)
    return document


def signatures_of_the_meeting(document, with_recipients: bool) -> None:
    """THƯ KÝ on the left, CHỦ TRÌ on the right, in one row that never splits; the minutes'
    recipients sit under the secretary's signature, so signatures and «Nơi nhận» never part
    across a page."""
    grid = table(document, [TEXT_WIDTH_CM / 2, TEXT_WIDTH_CM / 2])
    for cell, role, name in zip(grid.rows[0].cells, ("THƯ KÝ", "CHỦ TRÌ"),
                                ("{{ minute_taker }}", "{{ chair }}"), strict=True):
        paragraph(cell, "CB Chữ ký chức danh", role)
        for _ in range(4):
            paragraph(cell, "CB Chữ ký khoảng trống", "")
        paragraph(cell, "CB Chữ ký tên", name)
        if with_recipients and role == "THƯ KÝ":
            paragraph(cell, "CB Nội dung", "{%p if recipients %}")
            recipients(cell)
            paragraph(cell, "CB Nội dung", "{%p endif %}")
        _clear_first_paragraph(cell)
    _keep_row_on_one_page(grid.rows[0])


REPORT_COLUMNS = [  # (header, width cm, field of a meeting row)
    ("TT", 1.0, "number"), ("Ngày", 2.5, "date"), ("Nội dung, chuyên đề", 4.2, "topic"),
    ("Người trình bày", 2.5, "presenter"), ("Dự họp", 2.2, "attendance"),
    ("Thời lượng", 2.0, "duration"), ("Xếp loại", 1.6, "rating"),
]


def _report_table(document) -> None:
    """The meetings of the period: a header row; per meeting a row of figures and a row of
    its conclusions across the table; the year's totals. docxtpl drops each row that holds a
    {%tr %} tag, keeping what lies between."""
    grid = table(document, [width for _, width, _ in REPORT_COLUMNS], rows=11, borders=True)
    rows = [
        ("CB Bảng tiêu đề", [label for label, _, _ in REPORT_COLUMNS]),
        ("CB Bảng", ["{%tr for m in meetings %}"]),
        ("CB Bảng", [f"{{{{ m.{field} }}}}" for _, _, field in REPORT_COLUMNS]),
        ("CB Bảng", ["{%tr if m.conclusion %}"]),
        ("CB Bảng", ["Kết luận: {{ m.conclusion }}"]),
        ("CB Bảng", ["{%tr endif %}"]),
        ("CB Bảng", ["{%tr endfor %}"]),
        ("CB Bảng", ["{%tr if totals %}"]),
        ("CB Bảng tiêu đề", ["{{ totals }}"]),
        ("CB Bảng", ["{%tr endif %}"]),
    ]
    for across in (grid.rows[4], grid.rows[8]):
        across.cells[0].merge(across.cells[-1])
    _drop_last_row(grid)
    for row, (style, texts) in zip(grid.rows, rows, strict=True):
        cells = list(dict.fromkeys(row.cells))  # a merged cell is listed once per column
        for cell, text in zip(cells, texts, strict=False):  # a {%tr %} row: one text, in its first cell
            cell.paragraphs[0].style = document.styles[style]
            cell.paragraphs[0].add_run(text)
    _repeat_as_header(grid.rows[0])
    for row in grid.rows:
        _keep_row_on_one_page(row)
    for cell in grid.rows[2].cells:   # a meeting's figures stay with its conclusions
        cell.paragraphs[0].paragraph_format.keep_with_next = True


def _drop_last_row(grid) -> None:
    row = grid.rows[-1]._tr
    row.getparent().remove(row)


def _repeat_as_header(row) -> None:
    """The header row repeats at the top of each page the table runs onto."""
    _, _, _, OxmlElement, qn, _, _, _ = _docx()
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _keep_row_on_one_page(row) -> None:
    _, _, _, OxmlElement, qn, _, _, _ = _docx()
    properties = row._tr.get_or_add_trPr()
    cant_split = OxmlElement("w:cantSplit")
    cant_split.set(qn("w:val"), "true")
    properties.append(cant_split)


def report_template():
    document = new_document()
    header(document)
    title(document, "BÁO CÁO")
    paragraph(document, "CB Nội dung", "{{ opening }}")
    paragraph(document, "CB Đề mục 1", "I. KẾT QUẢ THỰC HIỆN")
    paragraph(document, "CB Đề mục 2", "1. Các buổi sinh hoạt chi bộ")
    paragraph(document, "CB Nội dung", "{{ meetings_summary }}")
    paragraph(document, "CB Nội dung", "{%p if meetings %}")
    _report_table(document)
    paragraph(document, "CB Nội dung", "{%p endif %}")
    paragraph(document, "CB Đề mục 2", "2. Thực hiện kế hoạch sinh hoạt chuyên đề")
    loop(document, "CB Gạch đầu dòng", "themes", "- {{ item }}")
    paragraph(document, "CB Đề mục 2", "3. Thực hiện các nhiệm vụ đã đề ra")
    loop(document, "CB Gạch đầu dòng", "tasks", "- {{ item }}")
    paragraph(document, "CB Đề mục 2", "4. Tình hình đảng viên")
    loop(document, "CB Gạch đầu dòng", "members", "- {{ item }}")
    paragraph(document, "CB Đề mục 1", "II. ĐÁNH GIÁ CHUNG")
    paragraph(document, "CB Đề mục 2", "1. Ưu điểm")
    loop(document, "CB Nội dung", "strengths")
    paragraph(document, "CB Đề mục 2", "2. Hạn chế")
    loop(document, "CB Nội dung", "weaknesses")
    paragraph(document, "CB Đề mục 2", "3. Nguyên nhân")
    loop(document, "CB Nội dung", "causes")
    paragraph(document, "CB Đề mục 1", "III. PHƯƠNG HƯỚNG {{ next_period }}")
    loop(document, "CB Nội dung", "direction")
    paragraph(document, "CB Đề mục 1", "IV. KIẾN NGHỊ, ĐỀ XUẤT")
    loop(document, "CB Nội dung", "requests")
    closing(document, "{{ closing }}")
    signature_for_the_cell(document)
    return document


COMMITTEE_COLUMNS = [  # (header, width cm, field of a cell row)
    ("TT", 1.0, "number"), ("Chi bộ", 4.0, "cell"), ("Sinh hoạt chuyên đề", 2.8, "held"),
    ("Chuyên đề", 4.4, "theme"), ("Dự họp", 2.0, "attendance"), ("Xếp loại", 1.8, "rating"),
]


def row_table(document, columns: list[tuple[str, float, str]], items: str):
    """A bordered table: a header row repeated on each page, then one row per item of the
    context's list `items` (docxtpl drops each row that holds a {%tr %} tag, keeping what lies
    between), no row split across pages."""
    grid = table(document, [width for _, width, _ in columns], rows=4, borders=True)
    rows = [
        ("CB Bảng tiêu đề", [label for label, _, _ in columns]),
        ("CB Bảng", [f"{{%tr for row in {items} %}}"]),
        ("CB Bảng", [f"{{{{ row.{field} }}}}" for _, _, field in columns]),
        ("CB Bảng", ["{%tr endfor %}"]),
    ]
    for row, (style, texts) in zip(grid.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=False):  # a {%tr %} row: one text, in its first cell
            cell.paragraphs[0].style = document.styles[style]
            cell.paragraphs[0].add_run(text)
    _repeat_as_header(grid.rows[0])
    for row in grid.rows:
        _keep_row_on_one_page(row)
    return grid


def committee_report_template():
    """The Đảng ủy's report on all its cells (chibo tong-hop)."""
    document = new_document()
    header(document)
    title(document, "BÁO CÁO")
    paragraph(document, "CB Nội dung", "{{ opening }}")
    paragraph(document, "CB Đề mục 1", "I. KẾT QUẢ CHUNG")
    loop(document, "CB Gạch đầu dòng", "summary", "- {{ item }}")
    paragraph(document, "CB Đề mục 1", "II. KẾT QUẢ CỦA TỪNG CHI BỘ")
    row_table(document, COMMITTEE_COLUMNS, "cells")
    paragraph(document, "CB Đề mục 1", "III. CÁC CHI BỘ CHƯA TỔ CHỨC SINH HOẠT CHUYÊN ĐỀ")
    loop(document, "CB Gạch đầu dòng", "missing", "- {{ item }}")
    paragraph(document, "CB Đề mục 1", "IV. CÁC CHI BỘ CHƯA BÁO CÁO, BÁO CÁO CHƯA ĐẦY ĐỦ")
    loop(document, "CB Gạch đầu dòng", "broken", "- {{ item }}")
    paragraph(document, "CB Nội dung", "{%p if ratings %}")
    paragraph(document, "CB Đề mục 1", "V. KẾT QUẢ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG")
    loop(document, "CB Gạch đầu dòng", "ratings", "- {{ item }}")
    paragraph(document, "CB Nội dung", "{%p endif %}")
    closing(document, "{{ closing }}")
    signature_for_the_cell(document)
    return document


SCORE_COLUMNS = [("TT", 1.2, "number"), ("Tiêu chí", 10.0, "title"), ("Tối đa", 2.4, "maximum"),
                 ("Đạt", 2.4, "points")]


def score_template():
    """The score sheet of a meeting (BIỂU ĐÁNH GIÁ CHẤT LƯỢNG BUỔI SINH HOẠT)."""
    document = new_document()
    header(document)
    title(document, "BIỂU ĐÁNH GIÁ CHẤT LƯỢNG BUỔI SINH HOẠT")
    row_table(document, SCORE_COLUMNS, "criteria")
    for text in ("{{ total }}", "{{ rating }}"):   # kept on the page of the signatures
        paragraph(document, "CB Đề mục 2", text).paragraph_format.keep_with_next = True
    signatures_of_the_meeting(document, with_recipients=False)
    return document


def resolution_template():
    """The cell's NGHỊ QUYẾT after a meeting."""
    document = new_document()
    header(document)
    title(document, "NGHỊ QUYẾT")
    loop(document, "CB Ghi chú", "bases", "- {{ item }}")
    paragraph(document, "CB Nội dung", "{%p if review %}")
    paragraph(document, "CB Dẫn ý", "{{ review_heading }}")
    loop(document, "CB Gạch đầu dòng", "review", "- {{ item }}")
    paragraph(document, "CB Nội dung", "{%p endif %}")
    paragraph(document, "CB Trích yếu", "{{ resolves }}")
    loop(document, "CB Nội dung", "points")
    paragraph(document, "CB Nội dung", "{{ vote }}")
    closing(document, "{{ closing }}")
    signature_for_the_cell(document)
    return document


def review_report_template():
    """Mẫu 01: the collective's review of its year (BÁO CÁO kiểm điểm tập thể)."""
    document = new_document()
    header(document)
    title(document, "BÁO CÁO")
    paragraph(document, "CB Nội dung", "{{ opening }}")
    paragraph(document, "CB Đề mục 1", "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ")
    loop(document, "CB Gạch đầu dòng", "results", "- {{ item }}")
    paragraph(document, "CB Đề mục 1", "II. ƯU ĐIỂM")
    loop(document, "CB Nội dung", "strengths")
    paragraph(document, "CB Đề mục 1", "III. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN")
    paragraph(document, "CB Đề mục 2", "1. Hạn chế, khuyết điểm")
    loop(document, "CB Nội dung", "weaknesses")
    paragraph(document, "CB Đề mục 2", "2. Nguyên nhân")
    loop(document, "CB Nội dung", "causes")
    paragraph(document, "CB Đề mục 1", "IV. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC")
    loop(document, "CB Nội dung", "direction")
    paragraph(document, "CB Đề mục 1", "V. TỰ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG")
    loop(document, "CB Nội dung", "level")
    closing(document, "{{ closing }}")
    signature_for_the_cell(document)
    return document


def self_review_template():
    """Mẫu 2A, 2B, 2C: a member's self-review, signed by her."""
    document = new_document()
    header(document)
    paragraph(document, "CB Tên loại", "BẢN KIỂM ĐIỂM CÁ NHÂN")
    paragraph(document, "CB Trích yếu", "{{ subject }}")
    paragraph(document, "CB Ghi chú", "{{ form }}").alignment = 1   # centred
    paragraph(document, "CB Gạch dưới trích yếu", "-----")
    loop(document, "CB Gạch đầu dòng", "identity", "- {{ item }}")
    paragraph(document, "CB Nội dung", "{{ opening }}")
    paragraph(document, "CB Đề mục 1", "I. ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC")
    paragraph(document, "CB Đề mục 2", "1. Chấp hành sinh hoạt chi bộ")
    paragraph(document, "CB Nội dung", "{{ meetings }}")
    paragraph(document, "CB Đề mục 2", "2. Thực hiện nhiệm vụ chi bộ giao")
    loop(document, "CB Gạch đầu dòng", "tasks", "- {{ item }}")
    paragraph(document, "CB Đề mục 2", "3. Ưu điểm, kết quả khác")
    loop(document, "CB Nội dung", "strengths")
    paragraph(document, "CB Nội dung", "{%p if leading %}")
    paragraph(document, "CB Đề mục 2", "4. Trách nhiệm lãnh đạo, quản lý")
    loop(document, "CB Nội dung", "leading")
    paragraph(document, "CB Nội dung", "{%p endif %}")
    paragraph(document, "CB Đề mục 1", "II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN")
    loop(document, "CB Nội dung", "shortcomings")
    paragraph(document, "CB Đề mục 1", "III. BIỆN PHÁP KHẮC PHỤC")
    loop(document, "CB Nội dung", "remedies")
    paragraph(document, "CB Đề mục 1", "IV. TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG")
    last = paragraph(document, "CB Nội dung", "{{ level }}")
    last.paragraph_format.keep_with_next = True
    grid = table(document, [8.0, TEXT_WIDTH_CM - 8.0])
    right = grid.rows[0].cells[1]
    paragraph(right, "CB Chữ ký chức danh", "NGƯỜI TỰ KIỂM ĐIỂM")
    paragraph(right, "CB Ghi chú", "(Ký, ghi rõ họ tên)").alignment = 1
    for _ in range(3):
        paragraph(right, "CB Chữ ký khoảng trống", "")
    paragraph(right, "CB Chữ ký tên", "{{ signer }}")
    _clear_first_paragraph(right)
    _keep_row_on_one_page(grid.rows[0])
    return document


LIST_COLUMNS = [  # (header, width cm, field of a row)
    ("TT", 1.0, "number"), ("Họ và tên", 3.6, "name"), ("Chức vụ", 2.4, "post"),
    ("Tự xếp loại", 2.6, "self"), ("Chi bộ đề nghị", 2.6, "proposed"),
    ("Biểu quyết", 1.8, "vote"), ("Ghi chú", 2.0, "note"),
]


def proposal_list_template():
    """The list of proposed levels, one row per member, then the counts."""
    document = new_document()
    header(document)
    title(document, "DANH SÁCH")
    row_table(document, LIST_COLUMNS, "rows")
    paragraph(document, "CB Nội dung", "")
    loop(document, "CB Gạch đầu dòng", "summary", "- {{ item }}")
    closing(document, "{{ closing }}")
    signature_for_the_cell(document)
    return document


TEMPLATES = {"ke-hoach.docx": plan_template, "bien-ban.docx": minutes_template,
             "bao-cao.docx": report_template, "bao-cao-tong-hop.docx": committee_report_template,
             "nghi-quyet.docx": resolution_template, "bieu-danh-gia.docx": score_template,
             "kiem-diem-tap-the.docx": review_report_template,
             "ban-kiem-diem.docx": self_review_template,
             "danh-sach-xep-loai.docx": proposal_list_template}


def write_templates(folder: str | Path) -> list[Path]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, build in TEMPLATES.items():
        build().save(folder / name)
        written.append(folder / name)
    return written


if __name__ == "__main__":
    import sys

    for path in write_templates(sys.argv[1] if len(sys.argv) > 1 else "templates"):
        print(path)
