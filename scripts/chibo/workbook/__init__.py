"""The workbook stage: the file (container), its contract (schema), a cell's value (values),
the reader (reading) that turns the file into records (model), and the writer of new books
(creating) and of the sample. Nothing here knows of documents, mail or the window."""
