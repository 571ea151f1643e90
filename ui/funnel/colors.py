"""Colours of the board: text that stays readable on any stage colour."""
from __future__ import annotations

from PySide6.QtGui import QColor

STUCK_COLOR = "#d32f2f"
WARNING_COLOR = "#e65100"
CARD_BORDER = "#d5dae1"
SELECTED_BORDER = "#2f6fde"
SELECTED_FILL = "#eef4ff"


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(color: QColor) -> float:
    """Relative luminance (WCAG 2)."""
    return 0.2126 * _channel(color.red()) + 0.7152 * _channel(color.green()) + 0.0722 * _channel(color.blue())


def readable_text(background: QColor | str) -> QColor:
    """Near-black or white, whichever contrasts more with ``background``."""
    bg = QColor(background)
    lum = luminance(bg)
    dark = (lum + 0.05) / (luminance(QColor("#1b1f24")) + 0.05)
    light = 1.05 / (lum + 0.05)
    return QColor("#1b1f24") if dark >= light else QColor("#ffffff")


def tint(color: QColor | str, alpha: int = 40) -> QColor:
    out = QColor(color)
    out.setAlpha(alpha)
    return out
