"""A quiet page that says what will be here, in one sentence."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from . import style


class InfoPage(QWidget):
    def __init__(self, icon_name: str, title: str, text: str, parent=None):
        super().__init__(parent)
        self.setObjectName("Page")
        picture = QLabel(self)
        picture.setPixmap(style.icon(icon_name, "#b8c2cf").pixmap(QSize(48, 48)))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = QLabel(title, self)
        heading.setObjectName("PageTitle")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body = QLabel(text, self)
        body.setObjectName("PageHint")
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column = QVBoxLayout()  # no alignment flags: the wrapped text gets its full height
        column.addWidget(picture)
        column.addWidget(heading)
        column.addWidget(body)
        centre = QWidget(self)
        centre.setFixedWidth(480)
        centre.setLayout(column)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(centre)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addLayout(row)
        layout.addStretch(3)
