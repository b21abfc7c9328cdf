"""The outputs stage: the output folder that keeps the secretary's edits (folder), PDF through
one LibreOffice run (pdf), and the build that writes a checked workbook's documents (build)."""
