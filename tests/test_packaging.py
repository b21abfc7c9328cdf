"""What `pip install .` gives a secretary: the templates inside the package, one version
number, and every library chibo imports declared as a dependency."""

import ast
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# import name -> distribution name, where they differ
DISTRIBUTIONS = {"docx": "python-docx", "python_calamine": "python-calamine",
                 "msoffcrypto": "msoffcrypto-tool"}


def test_the_wheel_carries_every_module_the_templates_and_the_license(tmp_path):
    import shutil

    source = tmp_path / "chibo"   # a clean copy: no build/ left from an earlier wheel
    source.mkdir()
    for part in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / part, source / part)
    for folder in ("scripts", "templates"):
        shutil.copytree(ROOT / folder, source / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path),
                    str(source)], check=True, capture_output=True, timeout=300)
    (wheel,) = tmp_path.glob("chibo-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for template in ("ke-hoach.docx", "bien-ban.docx", "bao-cao.docx", "bao-cao-tong-hop.docx"):
        assert f"chibo/templates/{template}" in names
    assert any(n.endswith("licenses/LICENSE") for n in names)
    modules = {p.relative_to(ROOT / "scripts").as_posix()
               for p in (ROOT / "scripts" / "chibo").rglob("*.py")}
    assert modules <= set(names), modules - set(names)   # every stage is installed
    assert "chibo/window/html/so.html" in names          # the window's pages
    assert "chibo/workbook/sample_materials/de-cuong-quy-1.docx" in names   # the sample's
    import chibo

    assert wheel.name.startswith(f"chibo-{chibo.__version__}-")


def test_every_library_imported_is_declared():
    declared = {re.split(r"[<>=\[ ]", d)[0].lower() for d in
                tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]}
    imported = set()
    for source in (ROOT / "scripts" / "chibo").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = {name for name in imported
                   if name not in sys.stdlib_module_names and name != "chibo"}
    assert {DISTRIBUTIONS.get(n, n).lower() for n in third_party} <= declared
