# The two commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test sample bench clean

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

clean:
	rm -rf $(VENV) build *.egg-info scripts/*.egg-info
