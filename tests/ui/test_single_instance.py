"""A second launch on the same database raises the running window instead of opening
another Kartoteka on the same file."""
import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtNetwork import QLocalSocket

from ui.single_instance import SingleInstance, bring_to_front, server_name

ROOT = Path(__file__).resolve().parents[2]


def test_second_instance_asks_the_first_to_show_itself(qtbot, tmp_path):
    first = SingleInstance(str(tmp_path / "a.db"))
    assert first.notify_running() is False
    assert first.listen()
    second = SingleInstance(str(tmp_path / "a.db"))
    with qtbot.waitSignal(first.activated, timeout=3000):
        assert second.notify_running() is True
    other_db = SingleInstance(str(tmp_path / "b.db"))
    assert other_db.notify_running() is False  # another database: another Kartoteka may run
    first.close()
    assert SingleInstance(str(tmp_path / "a.db")).notify_running() is False


def test_hidden_window_comes_back(qtbot):
    from PySide6.QtWidgets import QMainWindow
    window = QMainWindow()
    qtbot.addWidget(window)
    window.showMinimized()
    window.hide()
    bring_to_front(window)
    assert window.isVisible() and not window.isMinimized()


def test_second_launch_exits_at_once_and_leaves_the_first_running(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               XDG_DATA_HOME=str(tmp_path / "data"), HOME=str(tmp_path))
    db = str(tmp_path / "shop.db")
    first = subprocess.Popen([sys.executable, "-m", "app", "--db", db], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        probe = QLocalSocket()
        while True:  # wait until the first instance listens
            probe.connectToServer(server_name(db))
            if probe.waitForConnected(200):
                probe.disconnectFromServer()
                break
            assert first.poll() is None, first.stderr.read().decode()
            assert time.monotonic() < deadline, "the first instance never started listening"
            time.sleep(0.2)
        second = subprocess.run([sys.executable, "-m", "app", "--db", db], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=60)
        assert second.returncode == 0, second.stderr
        assert first.poll() is None  # still running
    finally:
        first.kill()
        first.wait()
