"""Step 3: where each column goes, and which stage or status each value becomes."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QSplitter, QTableView, QVBoxLayout,
                               QWidget, QWizardPage)

from app.importer.review import mapping_is_usable, stage_choices, stage_values

from ..i18n import plural_s
from .delegate import ComboDelegate
from .labels import status_labels, target_options
from .models import MappingModel, ValuesModel, target_label_map


def _swatch(color: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


def _table(parent, model) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
    view.setWordWrap(False)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 14)
    return view


class MappingPage(QWizardPage):
    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.state = state
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(self.tr("Check where each column of the file goes. Columns the program did not "
                                 "recognise go into the client's notes, so nothing is lost."))
        self.options: list[tuple[str, str]] = []
        self.stage_options: list[tuple] = []

        self.model = MappingModel(self)
        self.view = _table(self, self.model)
        self.delegate = ComboDelegate(lambda _index: self.options, parent=self.view)
        self.view.setItemDelegateForColumn(MappingModel.Columns.TARGET, self.delegate)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(MappingModel.Columns.COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MappingModel.Columns.SAMPLES, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MappingModel.Columns.TARGET, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(MappingModel.Columns.COLUMN, 220)
        header.resizeSection(MappingModel.Columns.TARGET, 260)

        self.values_box = QWidget(self)
        values_title = QLabel(self.tr("Funnel stages and statuses"), self.values_box)
        values_title.setObjectName("SectionTitle")
        values_hint = QLabel(self.tr("Each value of the stage and status columns becomes a funnel stage "
                                     "(the client gets a deal in it) or a client status. Check each one; "
                                     "values highlighted in yellow need your choice."), self.values_box)
        values_hint.setWordWrap(True)
        values_hint.setObjectName("PageHint")
        self.values_model = ValuesModel(self)
        self.values_view = _table(self.values_box, self.values_model)
        self.values_delegate = ComboDelegate(lambda _index: self.stage_options, self.tr("Choose…"),
                                             parent=self.values_view)
        self.values_view.setItemDelegateForColumn(ValuesModel.Columns.MAPS_TO, self.values_delegate)
        vheader = self.values_view.horizontalHeader()
        vheader.setSectionResizeMode(ValuesModel.Columns.VALUE, QHeaderView.ResizeMode.Stretch)
        vheader.setSectionResizeMode(ValuesModel.Columns.ROWS, QHeaderView.ResizeMode.Fixed)
        vheader.setSectionResizeMode(ValuesModel.Columns.MAPS_TO, QHeaderView.ResizeMode.Fixed)
        vheader.resizeSection(ValuesModel.Columns.ROWS, 70)
        vheader.resizeSection(ValuesModel.Columns.MAPS_TO, 320)
        box = QVBoxLayout(self.values_box)
        box.setContentsMargins(0, 6, 0, 0)
        box.addWidget(values_title)
        box.addWidget(values_hint)
        box.addWidget(self.values_view, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.values_box)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828;")

        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.problem)

        self.model.modelReset.connect(self.on_model_model_reset)
        self.model.target_changed.connect(self.on_model_target_changed)
        self.values_model.modelReset.connect(self.on_values_model_model_reset)
        self.values_model.confirmed_changed.connect(self.on_values_model_confirmed_changed)

    def initializePage(self) -> None:
        self.options = target_options()
        stages = stage_choices()
        several = len({s.pipeline for s in stages}) > 1
        self.stage_options = [(s.value, f"{s.pipeline} ▸ {s.name}" if several else s.name, _swatch(s.color))
                              for s in stages]
        self.stage_options += list(status_labels().items())
        self.stage_options.append(("", self.tr("Keep in the notes")))
        self.model.set_mapping(self.state.sheet.mapping, target_label_map(self.options))
        self._reload_values()

    def isComplete(self) -> bool:
        return not self._problem_text()

    def _stage_names(self) -> dict[str, str]:
        return {key: label for key, label, *_ in self.stage_options}

    def _reload_values(self) -> None:
        sheet = self.state.sheet
        counts = stage_values(sheet.table, sheet.mapping)
        self.values_model.set_values(sheet.mapping, counts, self._stage_names())
        self.values_box.setVisible(bool(counts))

    def _problem_text(self) -> str:
        sheet = self.state.sheet
        if sheet is None or sheet.mapping is None:
            return " "
        if not mapping_is_usable(sheet.table, sheet.mapping):
            return self.tr("Choose at least one column for the name, phone, e-mail or INN: without them "
                           "a row cannot become a client.")
        waiting = len(self.values_model.unconfirmed())
        if waiting:
            return plural_s(self.tr("Choose what %n value(s) highlighted in yellow become.", "", waiting),
                            waiting)
        return ""

    def _update_problem(self) -> None:
        self.problem.setText(self._problem_text().strip())
        self.completeChanged.emit()

    # ----------------------------------------------------------------- slots

    def on_model_model_reset(self) -> None:
        for row in range(self.model.rowCount()):
            self.view.openPersistentEditor(self.model.index(row, MappingModel.Columns.TARGET))
        self._update_problem()

    def on_model_target_changed(self, _column: int) -> None:
        self.state.plan = None
        self._reload_values()
        self._update_problem()

    def on_values_model_model_reset(self) -> None:
        for row in range(self.values_model.rowCount()):
            self.values_view.openPersistentEditor(self.values_model.index(row, ValuesModel.Columns.MAPS_TO))

    def on_values_model_confirmed_changed(self) -> None:
        self.state.plan = None
        self._update_problem()
