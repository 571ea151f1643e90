"""Printing a :class:`Document` (a report, a client card, the client list).

The pages are the ones ``app.reports.pages.render_pages`` lays out for the PDF, so the
paper and the PDF look the same: each matplotlib page is drawn at the printer's
resolution (at most 300 dpi) and painted over the whole sheet.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMarginsF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from app.reports.base import Document

from .files import ask_save_path, write_in_worker

MAX_DPI = 300
PREVIEW_DPI = 150  # the preview on screen needs less, and shows many pages quicker


def figure_image(figure, dpi: float) -> QImage:
    """A matplotlib Figure drawn by Agg at ``dpi`` as a QImage (its own copy)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    canvas = figure.canvas if isinstance(figure.canvas, FigureCanvasAgg) else FigureCanvasAgg(figure)
    figure.set_dpi(dpi)
    canvas.draw()
    width, height = canvas.get_width_height()
    buffer = canvas.buffer_rgba()
    return QImage(buffer, width, height, width * 4, QImage.Format.Format_RGBA8888).copy()


def setup_printer(printer: QPrinter, doc: Document) -> None:
    """A4 in the document's orientation; the pages carry their own margins."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if doc.landscape
                               else QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    printer.setDocName(doc.title)


def paint_pages(printer: QPrinter, figures: list) -> int:
    """Paint the pages into ``printer`` (one sheet each); returns how many were painted."""
    painter = QPainter()
    if not figures or not painter.begin(printer):
        return 0
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        dpi = min(printer.resolution(), MAX_DPI)
        engine = printer.paintEngine()
        if engine is not None and engine.type() == QPaintEngine.Type.Picture:  # the print preview
            dpi = min(dpi, PREVIEW_DPI)
        for number, figure in enumerate(figures):
            if number:
                printer.newPage()
            target = printer.paperRect(QPrinter.Unit.DevicePixel)
            target.moveTo(0, 0)
            painter.drawImage(target, figure_image(figure, dpi))
    finally:
        painter.end()
    return len(figures)


def _paint_waiting(printer: QPrinter, figures: list) -> int:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return paint_pages(printer, figures)
    finally:
        QGuiApplication.restoreOverrideCursor()


def print_document(parent: QWidget | None, doc: Document, lang: str) -> QPrintPreviewDialog:
    """Show the print preview of ``doc``; the user prints from there."""
    from app.reports.pages import render_pages
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        figures = render_pages(doc, lang)
    finally:
        QGuiApplication.restoreOverrideCursor()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    setup_printer(printer, doc)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "Print preview — {title}").format(title=doc.title))
    dialog.paintRequested.connect(lambda target: _paint_waiting(target, figures))
    dialog.resize(900, 800)
    dialog.exec()
    return dialog


def save_pdf(parent: QWidget | None, doc: Document, lang: str, on_saved=None):
    """Ask where, then write the PDF in a worker; ``on_saved(path)`` when written."""
    from app.reports.pages import write_pdf
    path = ask_save_path(parent, QCoreApplication.translate("Printing", "Save as PDF"), doc.title, "pdf",
                         QCoreApplication.translate("Printing", "PDF documents (*.pdf)"))
    if not path:
        return None
    return write_in_worker(parent, path, lambda: write_pdf(doc, path, lang), on_saved)


def print_client_card(parent: QWidget | None, client_id: int, lang: str) -> QPrintPreviewDialog:
    from app.reports.printouts import client_card_document
    return print_document(parent, client_card_document(client_id, lang), lang)


def print_client_list(parent: QWidget | None, client_ids: list[int], lang: str,
                      filter_lines=()) -> QPrintPreviewDialog:
    from app.reports.printouts import client_list_document
    return print_document(parent, client_list_document(client_ids, lang, list(filter_lines)), lang)
