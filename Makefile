# The two commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test sample docs clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/chibo check workbook/chibo.xlsx

test: $(STAMP)
	$(BIN)/python -m pytest

# Rebuild the shipped sample workbook from scripts/chibo/sample.py.
sample: $(STAMP)
	$(BIN)/chibo init workbook/chibo.xlsx --sample --force

# Rebuild docs/so-chi-bo.md, the workbook guide, from the schema.
docs: $(STAMP)
	$(BIN)/python -c "from chibo.creating import guide_markdown; print(guide_markdown(), end='')" > docs/so-chi-bo.md

clean:
	rm -rf $(VENV) build *.egg-info scripts/*.egg-info
