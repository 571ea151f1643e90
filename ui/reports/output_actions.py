"""What the Reports page does with the report on screen: print it, save it as PDF,
xlsx or the chart as PNG, and edit the monthly plans the plan-aware reports compare with."""
from __future__ import annotations

from PySide6.QtCore import Qt

PLAN_METRICS = {"activity": ("calls", "meetings", "emails", "tasks"), "forecast": ("revenue",)}


class ReportOutputActions:
    """Mixed into ``ReportsPage``: uses its ``report``, ``lang``, ``filters`` and ``message``."""

    def print_report(self) -> None:
        if self.report is not None:
            from app.reports.document import report_document

            from .printing import print_document
            print_document(self, report_document(self.report), self.lang)

    def save_pdf(self):
        if self.report is not None:
            from app.reports.document import report_document

            from .printing import save_pdf
            return save_pdf(self, report_document(self.report), self.lang, self.on_file_saved)
        return None

    def save_xlsx(self):
        if self.report is None:
            return None
        from app.reports.xlsx import write_report_xlsx

        from .files import ask_save_path, write_in_worker
        report, lang = self.report, self.lang
        path = ask_save_path(self, self.tr("Save as Excel workbook"), report.title, "xlsx",
                             self.tr("Excel workbooks (*.xlsx)"))
        if not path:
            return None
        return write_in_worker(self, path, lambda: write_report_xlsx(report, path, lang), self.on_file_saved)

    def save_png(self):
        if self.report is None or self.report.chart is None:
            return None
        from app.reports.charts import write_chart_png

        from .files import ask_save_path, write_in_worker
        chart, lang = self.report.chart, self.lang
        path = ask_save_path(self, self.tr("Save the chart"), self.report.title, "png",
                             self.tr("PNG pictures (*.png)"))
        if not path:
            return None
        return write_in_worker(self, path, lambda: write_chart_png(chart, path, lang), self.on_file_saved)

    def edit_plans(self):
        definition = self.definition()
        if definition is None or definition.name not in PLAN_METRICS:
            return None
        from app.reports.plans import month_of

        from .plan_dialog import PlanDialog
        dialog = PlanDialog(PLAN_METRICS[definition.name], month_of(self.filters.period()[0]), self.lang, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def on_file_saved(self, path: str) -> None:
        self.message.emit(self.tr("Saved: {path}").format(path=path))
