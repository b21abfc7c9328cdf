"""The rules stage: a workbook opened and checked once for a day (checked), one module per
family of rules over the records, each reporting problems from the declared catalogue."""
