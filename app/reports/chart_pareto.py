"""The Pareto chart of the ABC report: the items as bars, largest first, with the
cumulative share on a second axis and the 80 % and 95 % levels dotted.  Up to
MAX_NAMED items are named under their bars; more are labelled by rank (1, 50, 100 …)
and drawn as one solid silhouette per class colour."""
from __future__ import annotations

from .base import Chart
from .charts import (FONT, MAX_NAMED, TEXT, _bar_width, _category_axis, _color, _label_bars, _value_axis,
                     chart_value)
from .common import t


def _rank_axis(ax, n: int, lang: str) -> None:
    """Ticks at ranks 1, step, 2·step … (at most about ten) instead of item names."""
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10**9)
                if n / s <= 10)
    ranks = [1] + [r for r in range(step, n + 1, step) if r > 1]
    ax.set_xticks([r - 1 for r in ranks], [str(r) for r in ranks])
    ax.set_xlabel(t(lang, "Rank, largest first", "Место по убыванию"), fontsize=FONT + 1, color=TEXT)


def _pareto_bars(ax, vals, colors, chart, lang, width_in) -> None:
    n = len(vals)
    if n <= MAX_NAMED:
        width = _bar_width(n, 0.75, width_in)
        bars = ax.bar(range(n), vals, width, color=colors, label=chart.series[0].name)
        _label_bars(ax, bars, vals, chart, lang, n, width * width_in / n)
        _category_axis(ax, chart, "x", width_in)
        return
    # Hundreds of bars a pixel or two wide look uneven: draw one solid silhouette per
    # run of one colour instead.
    colors = colors if isinstance(colors, list) else [colors] * n
    start = 0
    for i in range(1, n + 1):
        if i == n or colors[i] != colors[start]:
            ax.stairs(vals[start:i], [x - 0.5 for x in range(start, i + 1)], fill=True,
                      color=colors[start], linewidth=0)
            start = i
    _rank_axis(ax, n, lang)


def draw_pareto(ax, chart, lang, data, width_in):
    from matplotlib.ticker import FuncFormatter
    vals = data[0]
    order = sorted(range(len(vals)), key=lambda i: -vals[i])
    colors = [chart.colors[i] for i in order] if chart.colors else _color(chart, 0)
    chart = Chart(chart.kind, [chart.categories[i] for i in order], chart.series, chart.value_format)
    vals = [vals[i] for i in order]
    xs = list(range(len(vals)))
    _pareto_bars(ax, vals, colors, chart, lang, width_in)
    ax.set_xlim(-0.5, len(vals) - 0.5)
    ax.margins(y=0.12)
    total = sum(vals) or 1.0
    running, cumulative = 0.0, []
    for v in vals:
        running += v
        cumulative.append(running / total * 100)
    twin = ax.twinx()
    twin.plot(xs, cumulative, color="#e53935", marker="o" if len(xs) <= MAX_NAMED else None, markersize=3,
              linewidth=1.8, label=t(lang, "Cumulative, %", "Нарастающим итогом, %"))
    for level in (80, 95):
        twin.axhline(level, color="#e53935", linewidth=0.7, linestyle=":", alpha=0.7)
    twin.set_ylim(0, 105)
    twin.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: chart_value(v, "percent", lang, True)))
    twin.tick_params(labelsize=FONT, colors=TEXT)
    twin.spines["top"].set_visible(False)
    _value_axis(ax.yaxis, chart, lang)
    return [twin]
