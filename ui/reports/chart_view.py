"""A report's chart on screen: a matplotlib canvas drawn by ``app.reports.charts``.

matplotlib is imported when the first chart is shown, never at start-up.  The chart is
drawn again (after a short pause) when the view is resized, so its labels are laid out
for the size it really has."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from app.reports.base import Chart


class ChartView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ReportChart")
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas = None
        self.figure = None
        self.chart: Chart | None = None
        self.lang = "en"
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._redraw_timer = QTimer(self, singleShot=True, interval=120)
        self._redraw_timer.timeout.connect(self.redraw)

    def _ensure_canvas(self) -> None:
        if self.canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        from app.reports.charts import new_figure
        self.figure = new_figure(max(self.width(), 200) / 100, max(self.height(), 120) / 100)
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setParent(self)
        self.canvas.setMinimumSize(1, 1)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._layout.addWidget(self.canvas)

    def show_chart(self, chart: Chart | None, lang: str) -> None:
        self.chart, self.lang = chart, lang
        fresh = self.canvas is None
        self._ensure_canvas()
        self.redraw()
        if fresh:  # laid out for the size the new canvas gets once shown
            self._redraw_timer.start()

    def redraw(self) -> None:
        self._redraw_timer.stop()
        if self.canvas is None:
            return
        from app.reports.charts import draw_chart
        if self.chart is None:
            self.figure.clear()
        else:
            draw_chart(self.figure, self.chart, self.lang)
        self.canvas.draw_idle()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.chart is not None:
            self._redraw_timer.start()
