"""chibo: the workbook of a Party cell's secretary, checked and turned into Party documents.

One folder per stage, data flowing one way; each imports only the stages below it (the
import-linter contract of pyproject.toml, drawn in docs/design.md):

    cli, window          the two faces: the command line and the local web page
    overview, commune    where the year stands and what the day asks; the Đảng ủy's summary
    mail                 letters of a period, invitations, the record of mail sent
    outputs              the output folder that keeps her edits, PDF, the build
    rules                a book opened and checked once for a day (rules.checked)
    documents            the declared kinds of document, one module each
    workbook             the file, its contract, its records, new books
    places, files, problems, wording, errors    what every stage shares
"""

__version__ = "0.1.0"
