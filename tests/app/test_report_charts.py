"""How report charts look at real sizes: value labels clear of the legend, a Pareto of
hundreds of clients labelled by rank, bars that stay bars when there are one or two,
no legend entry for a series of zeros; and report texts written the Russian way."""
from __future__ import annotations

import pytest

from app.reports.base import Chart, Series

MANAGERS = ["Белов Артём", "Владелец", "Зайцева Екатерина", "Кузнецов Дмитрий", "Орлова Марина"]


def _draw(chart, size=(8.0, 4.5), lang="ru"):
    from app.reports.charts import draw_chart, new_figure
    fig = new_figure(*size)
    draw_chart(fig, chart, lang)
    return fig, fig.axes[0], fig.canvas.get_renderer()


def _activity_chart(tasks=(0, 0, 0, 0, 0)):
    return Chart("stacked", MANAGERS, [Series("Звонки", [278, 237, 237, 282, 295]),
                                       Series("Встречи", [47, 33, 45, 57, 45]),
                                       Series("Письма", [95, 89, 106, 91, 90]),
                                       Series("Задачи", list(tasks))], value_format="int")


@pytest.mark.parametrize("chart", [
    _activity_chart(),  # a last series of zeros once pinned the top of the plot to the tallest bar
    Chart("bar", MANAGERS, [Series("Сейчас", [9e6, 7e6, 12e6, 3e6, 12.5e6]),
                            Series("Раньше", [8e6, 6e6, 11e6, 2e6, 12.4e6])], "money"),
], ids=["stacked", "bar"])
@pytest.mark.parametrize("size", [(7.0, 2.0), (7.0, 2.6), (8.0, 4.5)])
def test_value_labels_stay_inside_the_plot_clear_of_the_legend(chart, size):
    fig, ax, renderer = _draw(chart, size)
    legend = ax.get_legend().get_window_extent(renderer)
    labels = [a for a in ax.texts if a.get_text()]
    assert labels
    for label in labels:
        box = label.get_window_extent(renderer)
        assert box.y1 <= ax.bbox.y1 + 0.5, label.get_text()   # inside the plot
        assert not box.overlaps(legend), label.get_text()


def test_a_series_of_zeros_has_no_legend_entry_but_keeps_its_bars():
    fig, ax, _ = _draw(_activity_chart())
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Звонки", "Встречи", "Письма"]
    assert len(ax.patches) == 4 * len(MANAGERS)


@pytest.mark.parametrize("n_series", [1, 2])
def test_one_category_draws_bars_not_half_the_chart(n_series):
    from app.reports.charts import MAX_BAR_IN
    chart = Chart("bar", ["Ноябрь 2026"], [Series(f"Период {j}", [11_745_000 + j]) for j in range(n_series)])
    fig, ax, renderer = _draw(chart)
    assert len(ax.patches) == n_series
    for bar in ax.patches:
        width_in = bar.get_window_extent(renderer).width / fig.dpi
        assert 0.3 < width_in <= MAX_BAR_IN * 1.1  # the cap is set before the plot is fitted
    assert ax.bbox.width / fig.dpi > 5  # the plot itself still fills the figure


def test_a_pareto_of_hundreds_of_clients_is_labelled_by_rank():
    names = [f"ООО «Клиент с длинным названием {i}»" for i in range(200)]
    chart = Chart("pareto", names, [Series("Выручка", [5000.0 - i * 20 - i % 7 for i in range(200)])],
                  colors=["#43a047"] * 60 + ["#ffb300"] * 60 + ["#9e9e9e"] * 80)
    fig, ax, _ = _draw(chart)
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert 3 <= len(labels) <= 12
    assert labels[0] == "1" and all(lab.isdigit() for lab in labels) and int(labels[-1]) <= 200
    assert not any(t.get_rotation() for t in ax.get_xticklabels())
    assert ax.get_xlabel() == "Место по убыванию"
    # the bars are one solid shape per class colour, not 200 slivers with gaps between
    assert len(ax.patches) == 3
    assert ax.get_xlim() == pytest.approx((-0.5, 199.5))
    twin = fig.axes[1]
    assert twin.get_lines()[0].get_ydata()[-1] == pytest.approx(100)


def test_a_short_pareto_still_names_its_clients():
    chart = Chart("pareto", ["Альфа", "Бета", "Гамма"], [Series("Выручка", [10.0, 30.0, 20.0])])
    _, ax, _ = _draw(chart)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Бета", "Гамма", "Альфа"]


def test_every_report_option_title_is_capitalized_like_a_menu_item():
    from app.reports import definitions
    titles = [title for d in definitions() for names in d.option_titles.values() for title in names.values()]
    assert titles and all(title[0].isupper() for title in titles), titles


def test_the_activity_report_names_its_grouping_like_the_others(db):
    from app.reports import build_report
    from app.reports.base import Filters
    report = build_report("activity", Filters(option="week"), "ru")
    assert report.filter_lines[-1] == "По неделям"
