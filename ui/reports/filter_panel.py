"""The filters above a report: the period, responsible, pipeline, region or city,
source, tag and the report's own choice (its grouping or view)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSettings, QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QWidget

from app.report_lookups import report_choices
from app.reports.base import PERIOD_PRESETS, Filters, ReportDef
from app.reports.common import period_range

from ..widgets.combos import refill_combo
from ..widgets.flow_layout import FlowLayout

PERIOD_KEY = "reports/period"
MAX_WIDTH = 300


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _combo(name: str, length: int) -> QComboBox:
    """A combo as wide as its longest item (at least ``length`` characters, at most
    MAX_WIDTH pixels: longer items are elided)."""
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    combo.setMinimumContentsLength(length)
    combo.setMaximumWidth(MAX_WIDTH)
    return combo


class ReportFilterPanel(QWidget):
    changed = Signal()
    """The user changed a filter; read them with ``filters()``."""

    def __init__(self, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.setObjectName("ReportFilters")
        self._today = today
        self._definition: ReportDef | None = None
        self._options: dict[str, str] = {}  # report name -> the option last chosen for it
        self.period_combo = _combo("period", 8)
        titles = {"this_month": self.tr("This month"), "last_month": self.tr("Last month"),
                  "this_quarter": self.tr("This quarter"), "last_quarter": self.tr("Last quarter"),
                  "this_year": self.tr("This year"), "last_year": self.tr("Last year"),
                  "custom": self.tr("Dates…")}
        for key in PERIOD_PRESETS:
            self.period_combo.addItem(titles[key], key)
        saved = QSettings().value(PERIOD_KEY, "this_month")
        self.period_combo.setCurrentIndex(max(self.period_combo.findData(saved), 0))
        start, end = period_range("this_month", self.today())
        self.from_edit = QDateEdit(_qdate(start))
        self.from_edit.setObjectName("date_from")
        self.to_edit = QDateEdit(_qdate(end))
        self.to_edit.setObjectName("date_to")
        self.dash = QLabel("—")
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.option_combo = _combo("option", 8)
        self.option_combo.setMaximumWidth(MAX_WIDTH + 80)
        self.option_combo.setToolTip(self.tr("What the report shows"))
        self.responsible_combo = _combo("responsible", 8)
        self.pipeline_combo = _combo("pipeline", 8)
        self.region_combo = _combo("region", 19)
        self.region_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.region_combo.setEditable(True)
        self.region_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.region_combo.lineEdit().setPlaceholderText(self.tr("Any city or region"))
        self.region_combo.lineEdit().setClearButtonEnabled(True)
        self.region_combo.setToolTip(self.tr("Clients of this city or region"))
        self.source_combo = _combo("source", 8)
        self.tag_combo = _combo("tag", 6)

        for widget, name in ((self.period_combo, self.tr("Period")), (self.from_edit, self.tr("From")),
                             (self.to_edit, self.tr("To")), (self.option_combo, self.tr("Report option")),
                             (self.responsible_combo, self.tr("Responsible filter")),
                             (self.pipeline_combo, self.tr("Pipeline")),
                             (self.region_combo, self.tr("City or region")),
                             (self.source_combo, self.tr("Source filter")), (self.tag_combo, self.tr("Tag filter"))):
            widget.setAccessibleName(name)
        layout = FlowLayout(self)
        for widget in (self.period_combo, self.from_edit, self.dash, self.to_edit, self.option_combo,
                       self.responsible_combo, self.pipeline_combo, self.region_combo, self.source_combo,
                       self.tag_combo):
            layout.addWidget(widget)
        from ..segments.filter_combo import SegmentFilterCombo  # clients of a saved segment
        self.segment_combo = SegmentFilterCombo(self)
        self.segment_combo.setMaximumWidth(MAX_WIDTH)
        layout.addWidget(self.segment_combo)

        self.reload_choices()
        self._sync_dates()
        self._show_dates()
        self.period_combo.activated.connect(self.on_period_combo_activated)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self.on_filter_edited)
        for combo in (self.option_combo, self.responsible_combo, self.pipeline_combo, self.source_combo,
                      self.tag_combo):
            combo.activated.connect(self.on_filter_edited)
        self.region_combo.editTextChanged.connect(self.on_filter_edited)
        self.segment_combo.segment_changed.connect(self.on_filter_edited)

    def today(self) -> date:
        return self._today or date.today()

    def reload_choices(self) -> None:
        """Employees, pipelines, places, sources and tags again (the choice is kept)."""
        choices = report_choices()
        refill_combo(self.responsible_combo, choices.employees, self.tr("Any responsible"))
        refill_combo(self.pipeline_combo, choices.pipelines, self.tr("All pipelines"))
        refill_combo(self.source_combo, [(s, s) for s in choices.sources], self.tr("Any source"))
        refill_combo(self.tag_combo, choices.tags, self.tr("Any tag"))
        text = self.region_combo.currentText()
        with QSignalBlocker(self.region_combo):
            self.region_combo.clear()
            self.region_combo.addItems(choices.places)
            self.region_combo.setEditText(text)
        self.pipeline_combo.setVisible(len(choices.pipelines) > 1)

    def set_definition(self, definition: ReportDef | None, lang: str) -> None:
        """Offer the report's own choices (hidden when it has none), with the one last
        chosen for this report."""
        if self._definition is not None and self.option_combo.count():
            self._options[self._definition.name] = self.option_combo.currentData()
        self._definition = definition
        chosen = self._options.get(definition.name) if definition else None
        with QSignalBlocker(self.option_combo):
            self.option_combo.clear()
            for option in definition.options if definition else ():
                titles = definition.option_titles.get(option, {})
                title = titles.get(lang) or titles.get("en") or option
                self.option_combo.addItem(title[:1].upper() + title[1:], option)
            self.option_combo.setCurrentIndex(max(self.option_combo.findData(chosen), 0))
        self.option_combo.setVisible(self.option_combo.count() > 0)

    def period(self) -> tuple[date, date]:
        key = self.period_combo.currentData()
        if key == "custom":
            a, b = self.from_edit.date().toPython(), self.to_edit.date().toPython()
            return min(a, b), max(a, b)
        return period_range(key, self.today())

    def filters(self) -> Filters:
        start, end = self.period()
        return Filters(date_from=start, date_to=end, responsible_id=self.responsible_combo.currentData(),
                       pipeline_id=self.pipeline_combo.currentData() if self.pipeline_combo.isVisibleTo(self)
                       else None,
                       region=self.region_combo.currentText().strip(), source=self.source_combo.currentData() or "",
                       tag_id=self.tag_combo.currentData(), segment_id=self.segment_combo.segment_id(),
                       option=self.option_combo.currentData() or "")

    def _sync_dates(self) -> None:
        """Dates follow a preset, so "Dates…" starts from the period last shown."""
        key = self.period_combo.currentData()
        if key != "custom":
            start, end = period_range(key, self.today())
            with QSignalBlocker(self.from_edit), QSignalBlocker(self.to_edit):
                self.from_edit.setDate(_qdate(start))
                self.to_edit.setDate(_qdate(end))

    def _show_dates(self) -> None:
        custom = self.period_combo.currentData() == "custom"
        for widget in (self.from_edit, self.dash, self.to_edit):
            widget.setVisible(custom)

    def on_period_combo_activated(self, *_args) -> None:
        key = self.period_combo.currentData()
        QSettings().setValue(PERIOD_KEY, key)
        self._sync_dates()
        self._show_dates()
        self.changed.emit()

    def on_filter_edited(self, *_args) -> None:
        self.changed.emit()
