"""The commune stage: the Đảng ủy's summary of its cells' books — each cell read and checked,
the table of cells and quarters, the summary workbook and the Đảng ủy's report."""
