"""A report's :class:`Chart` drawn by matplotlib into a given Figure (never pyplot), for
the GUI canvas, the printed page, the PNG file and the xlsx image.

matplotlib is imported inside the functions only: importing this module costs nothing
at start-up.  Text uses matplotlib's bundled DejaVu Sans, which has Cyrillic and "₽".
"""
from __future__ import annotations

import textwrap

from .base import Chart
from .chart_layout import fit, make_room
from .common import t
from .document import format_number, format_percent

THIN = "\u202f"  # narrow no-break space: "1 234 567 ₽"
PALETTE = ("#1e88e5", "#43a047", "#fb8c00", "#8e24aa", "#e53935", "#00acc1", "#6d4c41", "#546e7a")
FONT = 8          # tick labels, value labels: points
MAX_LABELLED = 16  # more bars than this: no value printed on each bar
MAX_BAR_IN = 0.75  # the widest a bar gets (inches): one or two bars still look like bars
MAX_NAMED = 30     # a Pareto chart of more items than this is labelled by rank
TEXT = "#263238"
GRID = "#e3e7ea"


def new_figure(width_in: float = 8.0, height_in: float = 4.5):
    """A plain ``matplotlib.figure.Figure`` with an Agg canvas (no pyplot, no GUI)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    figure = Figure(figsize=(width_in, height_in))
    FigureCanvasAgg(figure)
    return figure


def chart_value(value, value_format: str = "money", lang: str = "ru", short: bool = False) -> str:
    """A value as printed on a chart: "1 234 567 ₽", "66,7 %"; ``short`` abbreviates
    millions for axis ticks ("12,5 млн ₽")."""
    value = float(value or 0)
    if value_format == "percent":
        if short and value == int(value):
            return format_number(value, 0, lang, THIN) + ("%" if lang == "en" else THIN + "%")
        return format_percent(value, lang, THIN)
    if value_format == "days":
        return format_number(value, 0 if value == int(value) else 1, lang, THIN)
    if value_format != "money":
        return format_number(value, 0, lang, THIN)
    if short and abs(value) >= 1_000_000:
        millions = value / 1_000_000
        text = format_number(millions, 0 if millions == int(millions) else 1, lang, THIN)
        return text + t(lang, "M ₽", THIN + "млн ₽")
    return format_number(value, 0, lang, THIN) + THIN + "₽"


def short_label(text, width: int, lines: int = 2) -> str:
    """A category label wrapped to ``width`` characters, at most ``lines`` lines; a word
    or a label too long is cut with "…"."""
    width = max(width, 3)
    parts = textwrap.wrap(str(text), width, break_long_words=False) or [""]
    cut = len(parts) > lines
    parts = [p if len(p) <= width else p[:width - 1] + "…" for p in parts[:lines]]
    if cut and not parts[-1].endswith("…"):
        parts[-1] = parts[-1][:width - 1].rstrip() + "…"
    return "\n".join(parts)


def _values(chart: Chart) -> list[list[float]]:
    n = len(chart.categories)
    out = []
    for s in chart.series:
        vals = [float(v) if v is not None else 0.0 for v in list(s.values)[:n]]
        out.append(vals + [0.0] * (n - len(vals)))
    return out


def _color(chart: Chart, index: int) -> str:
    return chart.series[index].color or PALETTE[index % len(PALETTE)]


def _value_axis(axis, chart: Chart, lang: str) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator
    axis.set_major_formatter(FuncFormatter(lambda v, _pos: chart_value(v, chart.value_format, lang, True)))
    axis.set_major_locator(MaxNLocator(nbins=6, integer=chart.value_format in ("int", "days")))


def _category_axis(ax, chart: Chart, axis: str, width_in: float) -> None:
    """Category labels, wrapped or cut to the room they have; with many categories
    only every step-th is labelled."""
    n = len(chart.categories)
    step = max(1, -(-n // (40 if axis == "y" else 24)))
    ticks = list(range(0, n, step))
    labels = [chart.categories[i] for i in ticks]
    if axis == "y":
        ax.set_yticks(ticks, [short_label(c, 28) for c in labels])
        return
    chars = int(width_in * 72 * step / max(n, 1) / (FONT * 0.62)) - 1
    upright = [short_label(c, chars) for c in labels] if chars >= 6 else []
    # Cut words ("Сентя…") read worse than slanted whole ones: slant unless all fit.
    if upright and not any("…" in u and "…" not in short_label(c, 18, 1)
                           for u, c in zip(upright, labels)):
        ax.set_xticks(ticks, upright)
    else:
        ax.set_xticks(ticks, [short_label(c, 18, 1) for c in labels], rotation=40, ha="right",
                      rotation_mode="anchor")


def _label_bars(ax, bars, values, chart, lang, n_bars, slot_in: float | None = None) -> None:
    """Print each bar's value on it; turned upright when the bars are narrower than the
    text (``slot_in``: the room per bar in inches), left off when there are too many."""
    if n_bars > MAX_LABELLED:
        return
    labels = [chart_value(v, chart.value_format, lang) if v else "" for v in values]
    upright = slot_in is not None and max(len(s) for s in labels) * (FONT - 1) * 0.6 / 72 > slot_in * 0.95
    ax.bar_label(bars, labels=labels, fontsize=FONT - 1, padding=2, color=TEXT,
                 rotation=90 if upright else 0)


def _legend_name(chart: Chart, index: int, values) -> str:
    """A series' legend entry; a series of zeros draws nothing, so it gets none."""
    return chart.series[index].name if any(values) else "_nolegend_"


def _bar_width(n: int, per_slot: float, length_in: float) -> float:
    """The width of one bar in category units: ``per_slot`` but never wider than
    MAX_BAR_IN on a value axis ``length_in`` inches long holding ``n`` categories."""
    return min(per_slot, MAX_BAR_IN * n / max(length_in, 0.1))


def _axes_height_in(ax) -> float:
    return ax.get_position().height * ax.figure.get_size_inches()[1]


def _bar(ax, chart, lang, data, width_in):
    n, k = len(chart.categories), len(data)
    step = _bar_width(n, 0.8 / k, width_in)
    for j, vals in enumerate(data):
        colors = chart.colors if k == 1 and chart.colors else _color(chart, j)
        xs = [i + step * (j - (k - 1) / 2) for i in range(n)]
        bars = ax.bar(xs, vals, step * 0.92, color=colors, label=_legend_name(chart, j, vals))
        _label_bars(ax, bars, vals, chart, lang, n * k, step * width_in / n)
    ax.set_xlim(-0.5, n - 0.5)
    ax.margins(y=0.12)
    _category_axis(ax, chart, "x", width_in)
    _value_axis(ax.yaxis, chart, lang)
    return []


def _barh(ax, chart, lang, data, width_in):
    n, k = len(chart.categories), len(data)
    step = _bar_width(n, 0.8 / k, _axes_height_in(ax))
    for j, vals in enumerate(data):
        colors = chart.colors if k == 1 and chart.colors else _color(chart, j)
        ys = [i + step * (j - (k - 1) / 2) for i in range(n)]
        bars = ax.barh(ys, vals, step * 0.92, color=colors, label=_legend_name(chart, j, vals))
        _label_bars(ax, bars, vals, chart, lang, n * k)
    _category_axis(ax, chart, "y", width_in)
    _value_axis(ax.xaxis, chart, lang)
    ax.set_ylim(n - 0.5, -0.5)
    ax.margins(x=0.08)
    ax.grid(axis="x", color=GRID)
    ax.grid(axis="y", visible=False)
    return []


def _line(ax, chart, lang, data, width_in):
    n = len(chart.categories)
    xs = list(range(n))
    for j, vals in enumerate(data):
        ax.plot(xs, vals, marker="o", markersize=3.5, linewidth=1.8, color=_color(chart, j),
                label=_legend_name(chart, j, vals))
        if len(data) == 1 and n <= MAX_LABELLED:
            for x, v in zip(xs, vals):
                ax.annotate(chart_value(v, chart.value_format, lang), (x, v), textcoords="offset points",
                            xytext=(0, 5), ha="center", fontsize=FONT - 1, color=TEXT)
    _category_axis(ax, chart, "x", width_in)
    _value_axis(ax.yaxis, chart, lang)
    ax.margins(x=0.04, y=0.15)
    if min(min(vals) for vals in data) >= 0:
        ax.set_ylim(bottom=0)
    return []


def _stacked(ax, chart, lang, data, width_in):
    n = len(chart.categories)
    width = _bar_width(n, 0.7, width_in)
    bottom = [0.0] * n
    bars = None
    for j, vals in enumerate(data):
        bars = ax.bar(range(n), vals, width, bottom=bottom, color=_color(chart, j),
                      label=_legend_name(chart, j, vals))
        for bar in bars if j else ():  # an upper layer of zeros must not pin the top of the plot
            bar.sticky_edges.y.clear()
        bottom = [b + v for b, v in zip(bottom, vals)]
    ax.set_xlim(-0.5, n - 0.5)
    ax.margins(y=0.12)
    if bars is not None:
        _label_bars(ax, bars, bottom, chart, lang, n, width * width_in / n)
    _category_axis(ax, chart, "x", width_in)
    _value_axis(ax.yaxis, chart, lang)
    return []


def _pareto(ax, chart, lang, data, width_in):
    from .chart_pareto import draw_pareto
    return draw_pareto(ax, chart, lang, data, width_in)


def _luminance(color) -> float:
    from matplotlib.colors import to_rgb
    r, g, b = to_rgb(color)
    return 0.299 * r + 0.587 * g + 0.114 * b


def _funnel(ax, chart, lang, data, width_in):
    vals = data[0]
    top = max(vals) or 1.0
    n = len(vals)
    colors = list(chart.colors or []) + [_color(chart, 0)] * n
    ax.barh(range(n), vals, 0.8, left=[(top - v) / 2 for v in vals], color=colors[:n])
    for i, v in enumerate(vals):
        light = v < top * 0.2 or _luminance(colors[i]) > 0.55
        ax.text(top / 2, i, chart_value(v, chart.value_format, lang), ha="center", va="center",
                fontsize=FONT + 1, color=TEXT if light else "white", fontweight="bold")
    _category_axis(ax, chart, "y", width_in)
    ax.set_xlim(0, top)
    ax.invert_yaxis()
    ax.xaxis.set_visible(False)
    ax.grid(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0)
    return []


DRAWERS = {"bar": _bar, "barh": _barh, "line": _line, "stacked": _stacked, "pareto": _pareto,
           "funnel": _funnel}


def draw_chart_in(figure, chart: Chart, lang: str = "ru", rect=(0.0, 0.0, 1.0, 1.0)) -> list:
    """Draw ``chart`` into the part ``rect`` (left, bottom, width, height in figure
    fractions) of ``figure``; returns the axes made.  An empty chart says "No data"."""
    ax = figure.add_axes((rect[0] + rect[2] * 0.1, rect[1] + rect[3] * 0.15, rect[2] * 0.8, rect[3] * 0.75))
    data = _values(chart)
    if not chart.categories or not data or not any(v for vals in data for v in vals):
        ax.set_axis_off()
        ax.text(0.5, 0.5, t(lang, "No data", "Нет данных"), ha="center", va="center",
                transform=ax.transAxes, fontsize=11, color="#90a4ae")
        return [ax]
    ax.set_axisbelow(True)
    ax.grid(axis="y", color=GRID, linewidth=0.8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color("#b0bec5")
    ax.tick_params(labelsize=FONT, colors=TEXT)
    width_in = figure.get_size_inches()[0] * rect[2] * 0.8
    extra = DRAWERS.get(chart.kind, _bar)(ax, chart, lang, data, width_in)
    if chart.x_label:
        ax.set_xlabel(chart.x_label, fontsize=FONT + 1, color=TEXT)
    if chart.y_label:
        ax.set_ylabel(chart.y_label, fontsize=FONT + 1, color=TEXT)
    if len(chart.series) > 1 and chart.kind not in ("pareto", "funnel"):
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1.01), ncols=min(len(chart.series), 4),
                  fontsize=FONT, frameon=False, borderaxespad=0)
    axes = [ax, *extra]
    fit(figure, axes, rect)
    if make_room(figure, ax, horizontal=chart.kind == "barh"):
        fit(figure, axes, rect)
    return axes


def draw_chart(figure, chart: Chart, lang: str = "ru") -> None:
    """Clear ``figure`` and draw ``chart`` filling it."""
    figure.clear()
    figure.set_facecolor("white")
    draw_chart_in(figure, chart, lang)


def write_chart_png(chart: Chart, path, lang: str = "ru", dpi: int = 150, size=(8.0, 4.5)) -> None:
    figure = new_figure(*size)
    draw_chart(figure, chart, lang)
    figure.savefig(path, dpi=dpi, format="png", facecolor="white")
