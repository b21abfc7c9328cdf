# The two commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint bench sample docs templates screenshots clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-compile -e '.[test]'   # bytecode as modules load
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/build-report workbook/chibo.xlsx --all -o output

# The suite spreads its test files over the machine's cores (pytest-xdist); a file's tests
# stay together, so its module fixtures are made once.
test: lint
	$(BIN)/python -m pytest -n auto --dist loadfile

# The declared rule set (pyproject.toml): ruff's lint rules, mypy's types and the house's map
# of stages (import-linter), all clean.
lint: $(STAMP)
	$(BIN)/ruff check scripts tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

# Speed figures (median of several runs) against a naive baseline; see bench/bench.py.
# chibo's sources compiled first, as an installed chibo's are (PYTHONDONTWRITEBYTECODE or a
# fresh checkout would otherwise add their compiling to every figure).
bench: $(STAMP)
	$(BIN)/python -m compileall -q scripts/chibo
	$(BIN)/python bench/bench.py

# Rebuild the shipped sample workbook from scripts/chibo/sample.py.
sample: $(STAMP)
	$(BIN)/chibo init workbook/chibo.xlsx --sample --force

# Rebuild docs/so-chi-bo.md, the workbook guide, from the schema.
docs: $(STAMP)
	$(BIN)/python -c "from chibo.workbook.creating import guide_markdown; print(guide_markdown(), end='')" > docs/so-chi-bo.md

# Rebuild the three Word templates from scripts/chibo/template_source.py.
templates: $(STAMP)
	$(BIN)/python -m chibo.documents.template_source templates

# The window's screenshots in docs/images/, shown in the README (needs chromium).
screenshots: $(STAMP)
	$(BIN)/python tests/screenshots.py

clean:
	rm -rf $(VENV) build *.egg-info scripts/*.egg-info
