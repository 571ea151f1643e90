"""The look: a calm style sheet, status colours and the line icons in resources/icons."""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from resources import ROOT as RESOURCES

ICON_DIR = RESOURCES / "icons"
STYLE_SHEET = RESOURCES / "style.qss"

STATUS_COLORS = {
    "lead": "#2f7de1",
    "active": "#2e9d4f",
    "refused": "#d9403a",
    "archived": "#8a9099",
}
OVERDUE_COLOR = "#c62828"
ACCENT = "#2f6fde"


def status_color(status: str) -> QColor:
    return QColor(STATUS_COLORS.get(status, "#8a9099"))


def status_tint(status: str) -> QColor:
    """A light wash of the status colour for a whole row (works on light and dark bases)."""
    colour = status_color(status)
    colour.setAlpha(26)
    return colour


@lru_cache(maxsize=None)
def _svg(name: str) -> str:
    return (ICON_DIR / f"{name}.svg").read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _icon(name: str, color: str) -> QIcon:
    renderer = QSvgRenderer(QByteArray(_svg(name).replace("currentColor", color).encode("utf-8")))
    icon = QIcon()
    for size in (16, 20, 24, 32, 48):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def icon(name: str, color: str | None = None) -> QIcon:
    """A line icon from resources/icons drawn in ``color`` (the text colour by default)."""
    if color is None:
        app = QApplication.instance()
        color = app.palette().color(QPalette.ColorRole.WindowText).name() if app else "#333333"
    return _icon(name, color)


def apply(app: QApplication) -> None:
    """Install the style sheet and the window icon."""
    window = app.palette().color(QPalette.ColorRole.Window)
    if STYLE_SHEET.exists() and window.lightness() >= 128:  # a dark system theme keeps its own look
        app.setStyleSheet(STYLE_SHEET.read_text(encoding="utf-8"))
    app.setWindowIcon(icon("app"))
