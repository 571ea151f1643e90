"""Step 4: the plan — what will be created, merged and skipped — with a choice per
duplicate and every problem the rows have.  Nothing is written yet."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QListWidget,
                               QProgressBar, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget,
                               QWizard, QWizardPage)

from ..errors import message
from ..i18n import plural_s
from ..workers import run_in_worker
from .delegate import ComboDelegate
from .plan_model import PlanModel
from .state import make_plan


class PreviewPage(QWizardPage):
    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.state = state
        self._task = None
        self.setTitle(self.tr("Duplicates and preview"))
        self.setSubTitle(self.tr("What the import will do with each row. Rows that match a client already "
                                 "in the card index (or an earlier row) are merged unless you choose "
                                 "otherwise."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))

        self.progress = QProgressBar(self)
        self.progress.hide()
        self.counts = QLabel(self)
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.counts.setWordWrap(True)
        self.merge_all = QPushButton(self.tr("Merge all duplicates"), self)
        self.create_all = QPushButton(self.tr("Create all as new"), self)
        self.skip_all = QPushButton(self.tr("Skip all duplicates"), self)
        for button, tip in ((self.merge_all, self.tr("Add the new phones, e-mails and notes to the client "
                                                     "already there")),
                            (self.create_all, self.tr("Make a separate client of every row")),
                            (self.skip_all, self.tr("Leave out the rows that are already there"))):
            button.setToolTip(tip)

        self.model = PlanModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(2 * self.fontMetrics().lineSpacing() + 12)
        self.delegate = ComboDelegate(self.model.options, parent=self.view)
        self.view.setItemDelegateForColumn(PlanModel.Columns.ACTION, self.delegate)
        header = self.view.horizontalHeader()
        widths = {PlanModel.Columns.ROW: 48, PlanModel.Columns.NAME: 210, PlanModel.Columns.CONTACTS: 190,
                  PlanModel.Columns.ACTION: 190, PlanModel.Columns.EXISTING: 210,
                  PlanModel.Columns.EXISTING_CONTACTS: 190}
        # the row number's column as wide as its header («Строка») and a six-digit row
        title = str(self.model.headerData(PlanModel.Columns.ROW, Qt.Orientation.Horizontal))
        widths[PlanModel.Columns.ROW] = max(header.fontMetrics().horizontalAdvance(title),
                                            self.fontMetrics().horizontalAdvance("000000")) + 20
        for column, width in widths.items():
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(PlanModel.Columns.ROW, QHeaderView.ResizeMode.Fixed)

        problems_box = QWidget(self)
        self.problems_title = QLabel(problems_box)
        self.problems_title.setObjectName("SectionTitle")
        self.problems = QListWidget(problems_box)
        self.problems.setUniformItemSizes(True)
        box = QVBoxLayout(problems_box)
        box.setContentsMargins(0, 6, 0, 0)
        box.addWidget(self.problems_title)
        box.addWidget(self.problems, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(problems_box)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        buttons = QHBoxLayout()
        buttons.addWidget(self.counts, 1)
        buttons.addWidget(self.merge_all)
        buttons.addWidget(self.create_all)
        buttons.addWidget(self.skip_all)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)

        self.merge_all.clicked.connect(self.on_merge_all_clicked)
        self.create_all.clicked.connect(self.on_create_all_clicked)
        self.skip_all.clicked.connect(self.on_skip_all_clicked)
        self.model.actions_changed.connect(self.on_model_actions_changed)

    # -------------------------------------------------------------- wizard

    def initializePage(self) -> None:
        self.cancel()
        self.state.plan, self.state.existing = None, {}
        self.model.set_plan(None, {})
        self.problems.clear()
        self.problems_title.clear()
        self.counts.setText(self.tr("Checking the rows and looking for duplicates…"))
        self._set_buttons()
        self.progress.setRange(0, 0)
        self.progress.show()
        sheet = self.state.sheet
        self._task = run_in_worker(lambda progress, cancelled: make_plan(sheet.table, sheet.mapping,
                                                                         progress, cancelled),
                                   on_progress=self.on_task_progress, on_done=self.on_task_done,
                                   on_error=self.on_task_error, on_cancelled=lambda _exc: None)
        self.completeChanged.emit()

    def cleanupPage(self) -> None:
        self.cancel()

    def cancel(self) -> None:
        if self._task is not None and self._task.is_running():
            self._task.cancel()
            self._task.wait()
        self._task = None
        self.progress.hide()

    def isComplete(self) -> bool:
        plan = self.state.plan
        if plan is None or (self._task is not None and self._task.is_running()):
            return False
        return plan.count("create") + plan.count("merge") > 0

    # ------------------------------------------------------------- internals

    def _set_buttons(self) -> None:
        plan = self.state.plan
        has = plan is not None and any(r.duplicate for r in plan.rows)
        for button in (self.merge_all, self.create_all, self.skip_all):
            button.setEnabled(has)

    def _show_counts(self) -> None:
        plan = self.state.plan
        created, merged, skipped = plan.count("create"), plan.count("merge"), plan.count("skip")
        warnings = len(plan.warnings)
        parts = [plural_s(self.tr("<b>%n</b> new client(s)", "", created), created),
                 plural_s(self.tr("<b>%n</b> row(s) merged into existing clients", "", merged), merged),
                 plural_s(self.tr("<b>%n</b> row(s) skipped", "", skipped), skipped),
                 plural_s(self.tr("<b>%n</b> warning(s)", "", warnings), warnings)]
        campaigns = plan.new_campaigns
        text = " · ".join(parts)
        if campaigns:  # created by the import (and removed again by its undo)
            text += "<br>" + plural_s(self.tr("<b>%n</b> new campaign(s): %1", "", len(campaigns)),
                                      len(campaigns)).replace("%1", html.escape(", ".join(campaigns)))
        self.counts.setText(text)
        self.completeChanged.emit()

    def _show_problems(self) -> None:
        plan = self.state.plan
        self.problems.clear()
        lines = [(w["row"], w["message"]) for w in plan.warnings]
        lines += [(row, self.tr("not imported: %1").replace("%1", reason)) for row, reason in plan.ignored]
        lines.sort(key=lambda x: x[0])
        self.problems.addItems([self.tr("Row %1: %2").replace("%1", str(row)).replace("%2", text)
                                for row, text in lines])
        unknown = plan.unknown_values
        if unknown:
            self.problems.addItem(self.tr("Not a funnel stage, kept in the notes: %1").replace(
                "%1", ", ".join(unknown)))
        n = self.problems.count()
        self.problems_title.setText(self.tr("Problems (%1)").replace("%1", str(n)) if n
                                    else self.tr("No problems found"))

    def _set_all(self, action: str) -> None:
        self.model.set_all_duplicates(action)

    # ----------------------------------------------------------------- slots

    def on_task_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def on_task_done(self, result) -> None:
        self.progress.hide()
        self.state.plan, self.state.existing = result
        self.model.set_plan(*result)
        self._set_buttons()
        self._show_counts()
        self._show_problems()

    def on_task_error(self, exc) -> None:
        self.progress.hide()
        self.counts.setText(f"<span style='color:#c62828'>{html.escape(message(exc))}</span>")
        self.completeChanged.emit()

    def on_model_actions_changed(self) -> None:
        self._show_counts()
        self._show_problems()

    def on_merge_all_clicked(self) -> None:
        self._set_all("merge")

    def on_create_all_clicked(self) -> None:
        self._set_all("create")

    def on_skip_all_clicked(self) -> None:
        self._set_all("skip")
