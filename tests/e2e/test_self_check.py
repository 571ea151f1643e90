"""``--self-check`` proves an installation works without touching the user's data."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(tmp_path, cwd=ROOT):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    return subprocess.run([sys.executable, "-m", "app", "--self-check"], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_self_check_passes_and_leaves_no_data_behind(tmp_path):
    out = _run(tmp_path)
    assert out.returncode == 0, out.stderr
    steps = [line.split(":")[0] for line in out.stdout.splitlines() if line.startswith("ok")]
    assert steps == ["ok  resources", "ok  database", "ok  write", "ok  search", "ok  backup",
                     "ok  verify", "ok  report", "ok  document", "ok  locale", "ok  interface"]
    assert out.stdout.strip().endswith("Self-check passed.")
    assert not (tmp_path / "data").exists()  # the user's data folder was never created
    assert not (tmp_path / "config" / "Kartoteka").exists()  # nor the user's settings


def test_self_check_names_the_failing_step(tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", ".git", "tests", "*.png",
                                                               "benchmarks", "build", "dist"))
    (copy / "resources" / "i18n" / "kartoteka_ru.qm").unlink()
    out = _run(tmp_path, cwd=copy)
    assert out.returncode == 2
    assert "self-check failed at “resources”" in out.stderr
    assert "kartoteka_ru.qm" in out.stderr
    assert "Traceback" not in out.stderr
