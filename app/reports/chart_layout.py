"""Where a chart's axes go in their figure: fitted to their area with the tick labels and
the legend (``fit``), and with room inside the plot for the value labels (``make_room``)
so that a label on the tallest bar never reaches the legend above the plot."""
from __future__ import annotations

PAD_PX = 3  # between a value label and the edge of the plot


def renderer_of(figure):
    get_renderer = getattr(figure.canvas, "get_renderer", None)
    return get_renderer() if get_renderer else None


def fit(figure, axes, rect, pad_in: float = 0.08) -> None:
    """Move ``axes`` so that they with their tick labels, axis labels and legend fill
    ``rect`` (figure fractions) exactly: a tight layout restricted to one area."""
    from matplotlib.transforms import Bbox
    renderer = renderer_of(figure)
    width, height = figure.get_size_inches()
    x0, y0, w, h = rect
    tx0, ty0 = x0 + pad_in / width, y0 + pad_in / height
    tx1, ty1 = x0 + w - pad_in / width, y0 + h - pad_in / height
    for _ in range(3):
        boxes = [a.get_tightbbox(renderer) for a in axes]
        tight = Bbox.union([b for b in boxes if b is not None]).transformed(figure.transFigure.inverted())
        pos = axes[0].get_position()
        nx0, ny0 = pos.x0 + tx0 - tight.x0, pos.y0 + ty0 - tight.y0
        nx1, ny1 = pos.x1 - (tight.x1 - tx1), pos.y1 - (tight.y1 - ty1)
        nx1, ny1 = max(nx1, nx0 + w * 0.2), max(ny1, ny0 + h * 0.2)
        for a in axes:
            a.set_position(Bbox.from_extents(nx0, ny0, nx1, ny1))


def make_room(figure, ax, horizontal: bool = False) -> bool:
    """Raise the top of the value axis (the right end for horizontal bars) until every
    value label drawn on ``ax`` lies inside the plot; True when the limits changed."""
    from matplotlib.text import Annotation
    labels = [a for a in ax.texts if isinstance(a, Annotation) and a.get_text()]
    renderer = renderer_of(figure)
    if not labels or renderer is None:
        return False
    i = 0 if horizontal else 1
    low, high = ax.get_xlim() if horizontal else ax.get_ylim()
    size = ax.bbox.width if horizontal else ax.bbox.height
    wanted = high
    for label in labels:
        box = label.get_window_extent(renderer)
        anchor = ax.transData.transform(label.xy)[i]
        beyond = (box.x1 if horizontal else box.y1) - anchor + PAD_PX  # pixels past the value
        room = max(size - beyond, size * 0.3)
        wanted = max(wanted, low + (label.xy[i] - low) * size / room)
    if wanted <= high:
        return False
    (ax.set_xlim if horizontal else ax.set_ylim)(low, wanted)
    return True
