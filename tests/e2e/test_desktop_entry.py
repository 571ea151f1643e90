"""The Linux menu entry: ``make install-desktop`` / the bundle's install-desktop.sh."""
import configparser
import shlex
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "resources" / "desktop" / "install-desktop.sh"


def _install(tmp_path, *command):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "share")}
    return subprocess.run(["sh", str(SCRIPT), *command], env=env, capture_output=True, text=True)


def test_menu_entry_starts_the_given_command_and_has_the_icon(tmp_path):
    out = _install(tmp_path, "/opt/Kartoteka 1.0/kartoteka", "--db", "/home/shop/клиенты & co.db")
    assert out.returncode == 0, out.stderr
    entry = tmp_path / "share" / "applications" / "kartoteka.desktop"
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(entry, encoding="utf-8")
    desktop = parser["Desktop Entry"]
    assert shlex.split(desktop["Exec"]) == ["/opt/Kartoteka 1.0/kartoteka", "--db",
                                            "/home/shop/клиенты & co.db"]
    assert desktop["Name[ru]"] == "Картотека"
    assert desktop["Icon"] == "kartoteka"
    icon = tmp_path / "share" / "icons" / "hicolor" / "256x256" / "apps" / "kartoteka.png"
    assert icon.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_without_a_command_it_explains_its_use(tmp_path):
    out = _install(tmp_path)
    assert out.returncode == 2
    assert "usage" in out.stderr
    assert not (tmp_path / "share").exists()
