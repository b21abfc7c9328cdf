"""chibo: the workbook of a Party cell's secretary, checked and turned into Party documents.

The stages, one module each, data flowing one way:
    reading (workbook -> records) -> checking (records -> problems)
    documents (records -> what each document says) -> building (render, write, PDF)
    -> sending (email); status and summary (tong-hop) look over what was done.
creating writes new workbooks (`chibo init`); cli is the thin command line.
"""

__version__ = "0.1.0"
