"""The report table's view: columns as wide as the report's width hints ask (the
header readable), the spare room given to the first column."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from app.reports.document import NUMERIC_KINDS

MIN_CHARS = 5      # no column narrower than this many digits
MAX_CHARS = 48     # nor wider than this (longer text is elided, the tooltip has it)
WIDE_CHARS = 36    # the first text column grows up to this when there is room
SAMPLE_ROWS = 200  # rows measured for the natural width
PADDING = 18


def _bold(font: QFont) -> QFont:
    font = QFont(font)
    font.setBold(True)
    return font


class ReportTableView(QTableView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("ReportTable")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                                   | Qt.TextFlag.TextWordWrap)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self._columns: list = []
        self._natural: list[int] = []

    def set_columns(self, columns: list) -> None:
        """The report's columns (their width hints), then fit them to the view."""
        self._columns = list(columns)
        self._natural = self._natural_widths()
        self.fit_columns()

    def _natural_widths(self) -> list[int]:
        """Each column as wide as its widest cell among the first rows (and the totals),
        and its header's longest word: the header wraps onto a second line."""
        model = self.model()
        metrics, header_metrics = self.fontMetrics(), self.horizontalHeader().fontMetrics()
        bold = QFontMetrics(_bold(self.font()))
        rows = model.rowCount()
        sample = list(range(min(rows, SAMPLE_ROWS)))
        if rows > SAMPLE_ROWS:
            sample.append(rows - 1)  # the totals row, when there is one
        widths = []
        for index, column in enumerate(self._columns):
            words = max((header_metrics.horizontalAdvance(w) for w in column.title.split()), default=0)
            cells = 0
            for row in sample:
                text = model.data(model.index(row, index)) or ""
                fm = bold if model.is_totals(row) else metrics
                cells = max(cells, fm.horizontalAdvance(text))
            limit = MAX_CHARS * metrics.horizontalAdvance("0")
            widths.append(max(min(cells, limit), words, MIN_CHARS * metrics.horizontalAdvance("0")) + PADDING)
        return widths

    def fit_columns(self) -> None:
        """Natural widths; spare room widens the first text column a little, and when the
        view is too narrow the text columns give up room first (down to their hint)."""
        if not self._columns:
            return
        widths = list(self._natural)
        digit = self.fontMetrics().horizontalAdvance("0")
        text_columns = [i for i, c in enumerate(self._columns) if c.kind not in NUMERIC_KINDS]
        spare = self.viewport().width() - sum(widths)
        if spare > 0 and text_columns:  # a wider first column, not numbers far from their labels
            first = text_columns[0]
            widths[first] += min(spare, max(0, WIDE_CHARS * digit - widths[first]))
        elif spare < 0:
            for i in sorted(text_columns, key=lambda i: -widths[i]):
                floor = max(min(self._columns[i].width, 20) * digit, MIN_CHARS * digit) + PADDING
                give = min(-spare, max(widths[i] - floor, 0))
                widths[i] -= give
                spare += give
                if spare >= 0:
                    break
        for index, width in enumerate(widths):
            self.setColumnWidth(index, width)
        self._fit_header_height(widths)

    def _fit_header_height(self, widths: list[int]) -> None:
        """Tall enough for the most wrapped column title (at most three lines)."""
        header = self.horizontalHeader()
        metrics = header.fontMetrics()
        lines = 1
        for column, width in zip(self._columns, widths):
            box = metrics.boundingRect(0, 0, max(width - PADDING, 10), 1000, Qt.TextFlag.TextWordWrap, column.title)
            lines = max(lines, min(3, round(box.height() / metrics.lineSpacing())))
        header.setFixedHeight(lines * metrics.lineSpacing() + 12)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_columns()
