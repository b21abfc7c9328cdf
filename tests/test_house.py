"""The house itself: the map of stages holds, every failure and every problem is declared,
no function is a wall, document kinds are compared in one place, and checking a book never
depends on the record of mail."""

import ast
from pathlib import Path

import pytest

from conftest import SAMPLE, run

PACKAGE = Path(__file__).resolve().parent.parent / "scripts" / "chibo"
SOURCES = sorted(PACKAGE.rglob("*.py"))


def parsed():
    for path in SOURCES:
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def test_the_stages_keep_their_map():
    """import-linter's contracts of pyproject.toml: each stage imports only those below, and
    no module of a stage imports in a circle."""
    import subprocess
    import sys

    linter = Path(sys.executable).parent / "lint-imports"
    done = subprocess.run([str(linter), "--no-cache"], capture_output=True, text=True,
                          cwd=PACKAGE.parent.parent, timeout=120)
    assert done.returncode == 0, done.stdout
    assert "Contracts: 2 kept, 0 broken." in done.stdout


def test_no_function_is_longer_than_a_screen():
    long = [f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}"
            for path, tree in parsed() for node in ast.walk(tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > 80]
    assert not long


def test_every_failure_raised_belongs_to_a_declared_family():
    from chibo import errors

    declared = {family.__name__ for family in errors.FAMILIES} | {"SeveralWorkbooks"}
    raised = set()
    for _, tree in parsed():
        for node in ast.walk(tree):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                name = getattr(node.exc.func, "id", getattr(node.exc.func, "attr", ""))
                if name.endswith(("Error", "Unreadable", "Refused", "Missing", "Failed",
                                  "Exists", "Ready", "Found", "Damaged", "Busy", "Writable",
                                  "Broken", "SetUp", "Unreachable")):
                    raised.add(name)
    assert "ChiboError" not in raised
    chibo_errors = {n for n in raised if hasattr(errors, n) or n == "SeveralWorkbooks"}
    assert chibo_errors <= declared
    assert len({f.family for f in errors.FAMILIES}) == len(errors.FAMILIES)


def test_every_problem_code_is_declared_used_and_listed():
    from chibo.problems import CATALOGUE

    reported = set()
    literals = set()
    for path, tree in parsed():
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                    path.name != "problems.py":
                literals.add(node.value)
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name in ("add", "flag", "problem", "unreadable", "WorkbookUnreadable"):
                    reported.add(node.args[0].value)
    assert reported <= set(CATALOGUE), reported - set(CATALOGUE)
    assert set(CATALOGUE) <= literals, set(CATALOGUE) - literals   # no code left unused
    listed = run("check", "--codes").output
    assert all(code in listed for code in CATALOGUE)
    assert "workbook-unreadable" in listed and "password-refused" in listed


def test_every_template_of_the_catalogue_names_its_fields_plainly():
    """A template's fields never take the names of a problem's place (sheet, cell)."""
    from string import Formatter

    from chibo.problems import CATALOGUE

    for code in CATALOGUE.values():
        fields = {name for _, name, _, _ in Formatter().parse(code.template) if name}
        assert not fields & {"sheet", "cell", "code"}, code.code


def test_kind_codes_are_compared_only_where_the_kinds_are_declared():
    allowed = {PACKAGE / "documents" / "kinds.py", PACKAGE / "workbook" / "schema.py",
               PACKAGE / "workbook" / "sample.py"}
    found = [f"{path.relative_to(PACKAGE)}:{node.lineno}" for path, tree in parsed()
             if path not in allowed for node in ast.walk(tree)
             if isinstance(node, ast.Constant) and node.value in ("KH", "BB", "BC", "NQ", "DG")]
    assert not found


def test_the_declared_kinds_are_the_codes_of_the_register():
    from chibo.documents.kinds import REGISTER_CODES
    from chibo.workbook import schema

    assert set(REGISTER_CODES) == set(schema.DOCUMENT_TYPES)


def test_today_has_its_default_only_at_the_faces():
    faces = (PACKAGE / "cli", PACKAGE / "window")
    found = [f"{path.relative_to(PACKAGE)}" for path in SOURCES
             if not path.is_relative_to(faces[0]) and not path.is_relative_to(faces[1])
             and "date.today()" in path.read_text(encoding="utf-8")]
    assert not found


@pytest.mark.parametrize("damage", ["record", "stray"])
def test_checking_a_clean_book_never_depends_on_the_record_of_mail(tmp_path, monkeypatch,
                                                                   damage, data_folder):
    """A damaged record of mail sent, or a stray old record in the current folder, is the
    mail stage's business: the clean sample still checks clean."""
    from conftest import sent_record

    if damage == "record":
        sent_record().parent.mkdir(parents=True, exist_ok=True)
        sent_record().write_text("{hỏng", encoding="utf-8")
    else:
        (tmp_path / ".chibo-sent.json").write_text("[1, 2", encoding="utf-8")
        monkeypatch.chdir(tmp_path)
    result = run("check", SAMPLE)
    assert result.exit_code == 0 and "Sổ hợp lệ" in result.output, result.output
