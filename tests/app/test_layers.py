"""The core must stay free of Qt: app/ and db/ never import PySide6 or ui/.

``app/__main__.py`` is the program's entry point, the one place allowed to hand
over to the GUI."""
import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_no_qt_import_in_core_sources():
    offenders = []
    for package in ("app", "db"):
        for path in (ROOT / package).rglob("*.py"):
            if path == ROOT / "app" / "__main__.py":
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                if any(n == "PySide6" or n.startswith(("PySide6.", "ui.", "shiboken")) or n == "ui"
                       for n in names):
                    offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_core_cli_runs_without_loading_qt(tmp_path):
    code = ("import sys; from app.cli import main; main(['--db', sys.argv[1], 'search', 'x']);"
            "print('PySide6' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "a.db")], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "False"
