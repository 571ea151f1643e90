"""A :class:`Document` laid out on A4 pages as matplotlib Figures, and written to PDF.

The layout is done by hand in inches, from text widths measured with the font itself,
so it is deterministic: the same document always gives the same pages.  Each page has
a header (company on the left, print date on the right) and a "Page N of M" footer;
the first page carries the title and the filter lines; a table that does not fit goes
on over the next pages with its header row repeated, and ends with the bold totals row.
"""
from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from .base import ChartBlock, Document, FieldsBlock, TableBlock
from .common import t
from .document import NUMERIC_KINDS, format_value
from .textfit import FAMILY, fit, text_width, wrap

A4 = (8.27, 11.69)
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 0.55, 0.4, 0.45
HEADER_H, FOOTER_H = 0.38, 0.3
SIZE, HEAD_SIZE, SMALL = 8.0, 8.0, 7.5       # points: table cells, table header, page header
ROW_H, LINE_H, PAD = 0.2, 0.15, 0.05          # inches
GAP = 0.18
TEXT, GREY, RULE = "#212121", "#616161", "#90a4ae"
ZEBRA, HEAD_FILL = "#f3f5f7", "#e3e8ec"


def _head(title: str, width: float) -> tuple[float, list[str]]:
    """A column title in up to three lines, in a smaller font when a word does not fit."""
    for size in (HEAD_SIZE, 7.0, 6.5):
        lines = wrap(title, width, size, True, 3)
        if not any(line.endswith("…") for line in lines):
            break
    return size, lines


class _Layout:
    """Places the blocks of a document on pages; each page is a list of drawing ops
    with coordinates in inches from the page's top-left corner."""

    def __init__(self, doc: Document, lang: str):
        self.doc, self.lang = doc, lang
        self.width, self.height = (A4[1], A4[0]) if doc.landscape else A4
        self.left, self.right = MARGIN_X, self.width - MARGIN_X
        self.top, self.bottom = MARGIN_TOP + HEADER_H, self.height - MARGIN_BOTTOM - FOOTER_H
        self.pages: list[list[tuple]] = []
        self.new_page()

    @property
    def content_width(self) -> float:
        return self.right - self.left

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.top

    def ensure(self, need: float) -> None:
        if self.y + need > self.bottom and self.y > self.top:
            self.new_page()

    def text(self, x, y, s, size=SIZE, bold=False, ha="left", color=TEXT) -> None:
        if s:
            self.pages[-1].append(("text", x, y, s, size, bold, ha, color))

    def rect(self, x, y, w, h, color) -> None:
        self.pages[-1].append(("rect", x, y, w, h, color))

    def rule(self, y, width=0.6, color=RULE) -> None:
        self.pages[-1].append(("line", self.left, y, self.right, width, color))

    # --- blocks -------------------------------------------------------------------

    def title(self) -> None:
        for line in wrap(self.doc.title, self.content_width, 15, True, 2):
            self.text(self.left, self.y + 0.15, line, 15, True)
            self.y += 0.3
        for sub in self.doc.subtitle_lines:
            for line in wrap(sub, self.content_width, 9, False, 2):
                self.text(self.left, self.y + 0.09, line, 9, color=GREY)
                self.y += 0.18
        self.y += GAP * 0.7

    def heading(self, text: str) -> None:
        self.text(self.left, self.y + 0.12, fit(text, self.content_width, 10.5, True), 10.5, True)
        self.y += 0.3

    def chart(self, block: ChartBlock) -> None:
        h = self.height * 0.4
        self.ensure(h)
        self.pages[-1].append(("chart", self.left, self.y, self.content_width, h, block.chart))
        self.y += h + GAP

    def fields(self, block: FieldsBlock) -> None:
        if block.title:
            self.ensure(0.3 + LINE_H * 2)
            self.heading(block.title)
        if all(not label for label, _ in block.pairs):
            for _, value in block.pairs:
                for line in wrap(value, self.content_width, SIZE + 1, False, 12):
                    self.ensure(LINE_H + 0.02)
                    self.text(self.left, self.y + 0.08, line, SIZE + 1)
                    self.y += LINE_H + 0.02
                self.y += 0.05
            self.y += GAP
            return
        half = -(-len(block.pairs) // 2)
        col_w = (self.content_width - 0.3) / 2
        label_w = col_w * 0.36
        for i in range(half):
            cells = []
            for pair, x in ((block.pairs[i], self.left), (block.pairs[i + half] if i + half < len(block.pairs)
                                                          else None, self.left + col_w + 0.3)):
                if pair:
                    cells.append((x, wrap(pair[0], label_w - PAD, SIZE + 0.5, False, 2),
                                  wrap(pair[1], col_w - label_w, SIZE + 0.5, False, 4)))
            h = max(max(len(lab), len(val)) for _, lab, val in cells) * (LINE_H + 0.01) + 0.06
            self.ensure(h)
            for x, labels, values in cells:
                for n, line in enumerate(labels):
                    self.text(x, self.y + 0.09 + n * (LINE_H + 0.01), line, SIZE + 0.5, color=GREY)
                for n, line in enumerate(values):
                    self.text(x + label_w, self.y + 0.09 + n * (LINE_H + 0.01), line, SIZE + 0.5)
            self.y += h
        self.y += GAP

    def table(self, block: TableBlock) -> None:
        cols = block.columns
        if not cols:
            return
        weights = [max(c.width, 3) for c in cols]
        widths = [w * self.content_width / sum(weights) for w in weights]
        xs = [self.left + sum(widths[:i]) for i in range(len(cols))]
        heads = [_head(c.title, w - 2 * PAD) for c, w in zip(cols, widths)]
        head_h = max(len(h) for _, h in heads) * LINE_H + 0.08

        def header():
            self.rect(self.left, self.y, self.content_width, head_h, HEAD_FILL)
            for col, x, w, (size, lines) in zip(cols, xs, widths, heads):
                right = col.kind in NUMERIC_KINDS
                for n, line in enumerate(lines):
                    y = self.y + head_h / 2 + (n - (len(lines) - 1) / 2) * LINE_H
                    self.text(x + w - PAD if right else x + PAD, y, line, size, True,
                              "right" if right else "left")
            self.y += head_h

        def row(values, bold=False, fill=None):
            if self.y + ROW_H > self.bottom:
                self.new_page()
                header()
            if fill:
                self.rect(self.left, self.y, self.content_width, ROW_H, fill)
            if bold:
                self.rule(self.y, 0.9, TEXT)
            values = list(values) + [None] * (len(cols) - len(values))
            for col, x, w, value in zip(cols, xs, widths, values):
                right = col.kind in NUMERIC_KINDS
                text = fit(format_value(value, col.kind, self.lang), w - 2 * PAD, SIZE, bold)
                self.text(x + w - PAD if right else x + PAD, self.y + ROW_H / 2, text, SIZE, bold,
                          "right" if right else "left")
            self.y += ROW_H

        self.ensure((0.3 if block.title else 0) + head_h + ROW_H * min(len(block.rows) + 1, 4))
        if block.title:
            self.heading(block.title)
        header()
        for i, values in enumerate(block.rows):
            row(values, fill=ZEBRA if i % 2 else None)
        if not block.rows:
            row([t(self.lang, "No data", "Нет данных")])
        if block.totals is not None:
            row(block.totals, bold=True)
        self.y += GAP

    def run(self) -> list[list[tuple]]:
        self.title()
        for block in self.doc.blocks:
            if isinstance(block, TableBlock):
                self.table(block)
            elif isinstance(block, FieldsBlock):
                self.fields(block)
            elif isinstance(block, ChartBlock):
                self.chart(block)
        return self.pages


def layout(doc: Document, lang: str = "ru") -> tuple[tuple[float, float], list[list[tuple]]]:
    lay = _Layout(doc, lang)
    return (lay.width, lay.height), lay.run()


def page_count(doc: Document, lang: str = "ru") -> int:
    return len(layout(doc, lang)[1])


def _frame(ops: list, doc: Document, lang: str, size, number: int, total: int, printed: str) -> None:
    """Add the page header and footer ops."""
    width, height = size
    right = width - MARGIN_X
    stamp = f"{t(lang, 'Printed', 'Напечатано')}: {printed}"
    stamp_w = text_width(stamp, SMALL)
    left = doc.company if number == 1 else " · ".join(p for p in (doc.company, doc.title) if p)
    y = MARGIN_TOP + 0.1
    left = fit(left, right - MARGIN_X - stamp_w - 0.3, SMALL)
    ops.append(("text", MARGIN_X, y, left, SMALL, False, "left", GREY))
    ops.append(("text", right, y, stamp, SMALL, False, "right", GREY))
    ops.append(("line", MARGIN_X, MARGIN_TOP + 0.22, right, 0.6, RULE))
    footer = t(lang, f"Page {number} of {total}", f"Страница {number} из {total}")
    ops.append(("text", width / 2, height - MARGIN_BOTTOM - 0.08, footer, SMALL, False, "center", GREY))


def _draw(ops: list, size, lang: str):
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    from .charts import draw_chart_in, new_figure
    width, height = size
    fig = new_figure(width, height)
    for op in ops:
        kind = op[0]
        if kind == "text":
            _, x, y, s, pt, bold, ha, color = op
            fig.text(x / width, 1 - y / height, s, fontsize=pt, fontweight="bold" if bold else "normal",
                     ha=ha, va="center", color=color, family=FAMILY)
        elif kind == "rect":
            _, x, y, w, h, color = op
            fig.add_artist(Rectangle((x / width, 1 - (y + h) / height), w / width, h / height,
                                     facecolor=color, edgecolor="none", zorder=0))
        elif kind == "line":
            _, x0, y, x1, lw, color = op
            fig.add_artist(Line2D([x0 / width, x1 / width], [1 - y / height] * 2, linewidth=lw, color=color))
        elif kind == "chart":
            _, x, y, w, h, chart = op
            draw_chart_in(fig, chart, lang, (x / width, 1 - (y + h) / height, w / width, h / height))
    return fig


def render_pages(doc: Document, lang: str = "ru", printed_at: datetime | None = None) -> list:
    """The document as A4 Figures (portrait 8.27×11.69 in, or landscape), one per page."""
    size, pages = layout(doc, lang)
    printed = (printed_at or datetime.now()).strftime("%d.%m.%Y %H:%M")
    figures = []
    for number, ops in enumerate(pages, 1):
        _frame(ops, doc, lang, size, number, len(pages), printed)
        figures.append(_draw(ops, size, lang))
    return figures


def write_pdf(doc: Document, path, lang: str = "ru", printed_at: datetime | None = None) -> int:
    """Write the document as a PDF (TrueType fonts embedded, so the text can be copied);
    returns the number of pages.  The file appears only when complete."""
    import matplotlib
    from matplotlib.backends.backend_pdf import PdfPages
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    figures = render_pages(doc, lang, printed_at)
    try:
        with matplotlib.rc_context({"pdf.fonttype": 42}):
            with PdfPages(tmp, metadata={"Title": doc.title, "Creator": "Kartoteka"}) as pdf:
                for fig in figures:
                    pdf.savefig(fig)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return len(figures)
