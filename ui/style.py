"""The look: a calm style sheet, status colours and the line icons in resources/icons."""
from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from resources import ROOT as RESOURCES

ICON_DIR = RESOURCES / "icons"
STYLE_SHEET = RESOURCES / "style.qss"
DARK_STYLE_SHEET = RESOURCES / "style-dark.qss"  # what only the dark look needs

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


THEME_KEY = "appearance/theme"
THEMES = ("system", "light", "dark")

# The style sheet is written for the light look; the dark one swaps each of its colours.
DARK_COLORS = {
    "#ffffff": "#1f2329", "#f7f8fa": "#262b32", "#f4f6f9": "#252a31", "#eef0f3": "#2e343c",
    "#eceff3": "#2e343c", "#e9ecf0": "#343a43", "#e8ecf2": "#303743", "#e4e7ec": "#3a414b",
    "#e1e5eb": "#363c45", "#dfe3e9": "#3b424c", "#dfe9fb": "#23406e", "#cfe0fb": "#2a4a7c",
    "#cfd6df": "#4a525e", "#6b7785": "#9aa5b4", "#4a5568": "#b2bccb", "#334155": "#cbd5e1",
    "#1f2d3d": "#e2e8f0", "#10243f": "#edf2fa", "#2f6fde": "#3d7be6", "#2a63c7": "#5a8ff0",
    "#2456b0": "#7aa5f4", "#1d4fa8": "#a8c4f8",
}
# Colours painted by hand (backgrounds, text on a surface) and their dark-theme twins.
SURFACE_DARK = {
    **DARK_COLORS,
    "#fff8e1": "#3a3320", "#fff4d6": "#3a3320", "#ffebee": "#3d2326", "#e0e0e0": "#353b44",
    "#616161": "#a0a8b3", "#757575": "#9aa3ad", "#f4f7fb": "#262c34", "#eef2f6": "#2c323a",
    "#f2f7ff": "#22324a", "#e4eeff": "#27406a", "#f8f9fb": "#1b1f24", "#e3e7ed": "#363c45",
    "#f0f2f5": "#2c3139", "#d6e4ff": "#2a4a7c", "#a0a8b3": "#6b7380", "#eaf1fd": "#22324a",
    "#eef4ff": "#22324a", "#d5dae1": "#3a414b", "#9aa3ad": "#7d8693", "#5b6675": "#aab4c3",
    "#e3f2fd": "#1d3550", "#90caf9": "#3d6a99", "#fff3e0": "#3a2e1c", "#ffb74d": "#8a6a30",
}


def banner_style(name: str, background: str, border: str) -> str:
    """The style sheet of a calm banner (``#name``) in the current light or dark look."""
    return (f"#{name} {{ background: {themed(background).name()}; border: 1px solid "
            f"{themed(border).name()}; border-radius: 3px; }} "
            f"#{name} QLabel {{ color: {themed('#1f2d3d').name()}; }}")


def themed(color: str) -> QColor:
    """``color`` as written for the light look, or its twin when the interface is dark.

    For hand-painted surfaces and the text on them; white text on a coloured badge stays
    white (do not pass it here)."""
    if is_dark():
        return QColor(SURFACE_DARK.get(color.lower(), color))
    return QColor(color)


_DARK_PALETTE = {
    "Window": "#1f2329", "WindowText": "#e2e8f0", "Base": "#191c21", "AlternateBase": "#22272e",
    "Text": "#e2e8f0", "Button": "#2b3038", "ButtonText": "#e2e8f0", "BrightText": "#ffffff",
    "Highlight": "#3d7be6", "HighlightedText": "#ffffff", "ToolTipBase": "#2b3038",
    "ToolTipText": "#e2e8f0", "PlaceholderText": "#8893a2", "Link": "#7aa5f4",
    "LinkVisited": "#a88cf0", "Light": "#3a414b", "Midlight": "#30363f", "Mid": "#262b32",
    "Dark": "#14171b", "Shadow": "#000000",
}
_LIGHT_PALETTE = {
    "Window": "#f4f6f9", "WindowText": "#1f2d3d", "Base": "#ffffff", "AlternateBase": "#f7f8fa",
    "Text": "#1f2d3d", "Button": "#f4f6f9", "ButtonText": "#1f2d3d", "Highlight": "#2f6fde",
    "HighlightedText": "#ffffff", "ToolTipBase": "#ffffff", "ToolTipText": "#1f2d3d",
    "PlaceholderText": "#8a9099", "Link": "#2456b0",
}


def chosen_theme() -> str:
    from PySide6.QtCore import QSettings
    value = str(QSettings().value(THEME_KEY, "system") or "system")
    return value if value in THEMES else "system"


def set_chosen_theme(value: str) -> None:
    from PySide6.QtCore import QSettings
    QSettings().setValue(THEME_KEY, value if value in THEMES else "system")


def is_dark(app: QApplication | None = None) -> bool:
    """Whether the interface is dark (chosen, or the system's own theme)."""
    app = app or QApplication.instance()
    return bool(app) and app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def _palette(colors: dict[str, str]) -> QPalette:
    palette = QPalette()
    for role, value in colors.items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(value))
    muted = QColor(colors.get("PlaceholderText", "#8a9099"))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, muted)
    return palette


def style_sheet(dark: bool) -> str:
    text = STYLE_SHEET.read_text(encoding="utf-8")
    if dark:
        text = re.sub(r"#[0-9a-fA-F]{6}\b", lambda m: DARK_COLORS.get(m.group(0).lower(), m.group(0)), text)
        if DARK_STYLE_SHEET.exists():
            text += "\n" + DARK_STYLE_SHEET.read_text(encoding="utf-8").replace("{icons}", ICON_DIR.as_posix())
    return text


def apply(app: QApplication, theme: str | None = None) -> None:
    """Install the theme (system, light or dark), the style sheet and the window icon.

    "system" follows the desktop: a dark system palette gets the dark style sheet."""
    theme = theme if theme in THEMES else chosen_theme()
    if theme in ("light", "dark"):
        app.setStyle("Fusion")  # the only style that follows a palette on every system
        app.setPalette(_palette(_DARK_PALETTE if theme == "dark" else _LIGHT_PALETTE))
    if STYLE_SHEET.exists():
        app.setStyleSheet(style_sheet(is_dark(app)))
    _icon.cache_clear()
    app.setWindowIcon(icon("app"))
