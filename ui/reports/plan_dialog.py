"""Monthly plans per manager: calls, meetings, e-mails and tasks (the activity report)
or revenue (the forecast).  Saved through ``app.reports.plans.set_plan``."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractSpinBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox,
                               QHBoxLayout, QHeaderView, QLabel, QSpinBox, QTableWidget, QVBoxLayout,
                               QWidget)

from app.card_lookups import active_employees
from app.errors import KartotekaError
from app.report_lookups import month_plans
from app.reports.plans import COUNT_METRICS, month_label, month_start, months_between, set_plan

from ..errors import show_error


class PlanDialog(QDialog):
    def __init__(self, metrics: tuple[str, ...], month: str, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Monthly plans"))
        self.metrics, self.lang = metrics, lang
        self.employees = active_employees()
        self._edits: dict[tuple[int, str, str], Decimal] = {}
        self._loading = False
        titles = {"calls": self.tr("Calls"), "meetings": self.tr("Meetings"), "emails": self.tr("E-mails"),
                  "tasks": self.tr("Tasks"), "revenue": self.tr("Revenue, ₽")}

        self.month_combo = QComboBox(self)
        today = date.today()
        first = date(today.year - 1, today.month, 1)
        last = date(today.year + 1, today.month, 1)
        months = months_between(min(first, month_start(month)), max(last, month_start(month)))
        for value in months:
            self.month_combo.addItem(month_label(value, lang), value)
        self.month_combo.setCurrentIndex(max(self.month_combo.findData(month), 0))
        self.table = QTableWidget(len(self.employees), len(metrics), self)
        self.table.setHorizontalHeaderLabels([titles.get(m, m) for m in metrics])
        self.table.setVerticalHeaderLabels([name for _id, name in self.employees])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for row in range(len(self.employees)):
            for column, metric in enumerate(metrics):
                self.table.setCellWidget(row, column, self._spin(row, metric))
        hint = QLabel(self.tr("Targets for the month; zero means no plan."), self)
        hint.setObjectName("PageHint")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month:"), self, buddy=self.month_combo))
        self.table.setAccessibleName(self.tr("Plans of the managers"))
        top.addWidget(self.month_combo)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        rows_height = self.table.horizontalHeader().sizeHint().height() + self.table.verticalHeader().length() + 4
        self.table.setMinimumHeight(min(rows_height, 420))
        self.resize(max(420, 160 + 120 * len(metrics)), self.sizeHint().height())

        self.month_combo.currentIndexChanged.connect(self.on_month_combo_current_index_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.load()

    def _spin(self, row: int, metric: str) -> QAbstractSpinBox:
        if metric in COUNT_METRICS:
            spin = QSpinBox()
            spin.setRange(0, 1_000_000)
        else:
            spin = QDoubleSpinBox()
            spin.setRange(0, 1e12)
            spin.setDecimals(2)
        spin.setGroupSeparatorShown(True)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        spin.setFrame(False)
        spin.valueChanged.connect(lambda value, r=row, m=metric: self.on_spin_value_changed(r, m, value))
        return spin

    def month(self) -> str:
        return self.month_combo.currentData()

    def spin(self, employee_id: int, metric: str) -> QAbstractSpinBox:
        row = next(i for i, (eid, _name) in enumerate(self.employees) if eid == employee_id)
        return self.table.cellWidget(row, self.metrics.index(metric))

    def load(self) -> None:
        """Show the month's targets (with what was typed for it and not saved yet)."""
        self._loading = True
        month = self.month()
        for column, metric in enumerate(self.metrics):
            saved = month_plans(month, metric)
            for row, (emp, _name) in enumerate(self.employees):
                value = self._edits.get((emp, month, metric), saved.get(emp, Decimal(0)))
                spin = self.table.cellWidget(row, column)
                spin.setValue(int(value) if isinstance(spin, QSpinBox) else float(value))
        self._loading = False

    def save(self) -> bool:
        try:
            for (emp, month, metric), value in self._edits.items():
                set_plan(emp, month, metric, value)
        except KartotekaError as exc:
            show_error(self, exc, self.tr("Monthly plans"))
            return False
        self._edits.clear()
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()

    def on_month_combo_current_index_changed(self, _index: int) -> None:
        self.load()

    def on_spin_value_changed(self, row: int, metric: str, value) -> None:
        if not self._loading:
            amount = Decimal(str(value)).quantize(Decimal("0.01"))
            self._edits[(self.employees[row][0], self.month(), metric)] = amount

