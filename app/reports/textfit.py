"""Text measured with the font the pages are drawn in (matplotlib's DejaVu Sans), so
that the page layout knows how wide a text is without drawing it: cut to a width with
"…", or word-wrapped to a number of lines."""
from __future__ import annotations

from functools import lru_cache

FAMILY = "DejaVu Sans"
HINTING_SLACK = 1.03


@lru_cache(maxsize=2)
def _font_path(bold: bool) -> str:
    from matplotlib.font_manager import FontProperties, findfont
    return findfont(FontProperties(family=FAMILY, weight="bold" if bold else "normal"))


_ADVANCES: dict[tuple[bool, str], float] = {}


def _advance(char: str, bold: bool) -> float:
    """The advance width of one character at 1 pt, in points (unhinted)."""
    key = (bold, char)
    width = _ADVANCES.get(key)
    if width is None:
        from matplotlib import ft2font
        from matplotlib.font_manager import get_font
        flags = ft2font.LoadFlags.NO_HINTING if hasattr(ft2font, "LoadFlags") else ft2font.LOAD_NO_HINTING
        font = get_font(_font_path(bold))
        font.set_size(100, 72)
        width = font.load_char(ord(char), flags=flags).linearHoriAdvance / 65536 / 100
        _ADVANCES[key] = width
    return width


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of ``text`` in inches at ``size`` points: the sum of the advance widths,
    plus the few per cent that hinting adds on a screen (a PDF draws it exactly)."""
    return sum(_advance(c, bold) for c in text) * size / 72 * HINTING_SLACK


def fit(text: str, width: float, size: float, bold: bool = False) -> str:
    """``text`` cut with "…" so that it is at most ``width`` inches wide."""
    if text_width(text, size, bold) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if text_width(text[:mid].rstrip() + "…", size, bold) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"


def _wrap_paragraph(text: str, width: float, size: float, bold: bool) -> list[str]:
    lines, current = [], ""
    # split at plain spaces only: a no-break space keeps "1 234,50" or a phone together
    for word in (w for w in text.split(" ") if w):
        trial = f"{current} {word}" if current else word
        if current and text_width(trial, size, bold) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    return lines + [current]


def wrap(text: str, width: float, size: float, bold: bool = False, max_lines: int = 2) -> list[str]:
    """Word-wrap ``text`` to lines of ``width`` inches; the last allowed line ends with "…"
    when the text is longer."""
    lines = [line for para in str(text).splitlines() or [""]
             for line in _wrap_paragraph(para, width, size, bold)]
    if len(lines) > max_lines:
        lines = lines[:max_lines - 1] + [" ".join(lines[max_lines - 1:]) + " …"]
    return [fit(line, width, size, bold) for line in lines]
