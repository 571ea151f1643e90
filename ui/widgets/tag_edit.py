"""Comma-separated tags with completion of the tag being typed."""
from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget


class _LastTokenCompleter(QCompleter):
    """Completes only the text after the last comma."""

    def __init__(self, edit: QLineEdit):
        super().__init__(QStringListModel(edit), edit)
        self._edit = edit
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 - Qt override
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index) -> str:  # noqa: N802 - Qt override
        head = self._edit.text().split(",")[:-1]
        parts = [p.strip() for p in head if p.strip()] + [index.data()]
        return ", ".join(parts) + ", "


class TagEdit(QLineEdit):
    """Tags typed as "опт, VIP"; the known tag names complete."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Comma-separated, e.g. VIP, wholesale"))
        self._completer = _LastTokenCompleter(self)
        self.setCompleter(self._completer)

    def set_known_tags(self, names: list[str]) -> None:
        self._completer.model().setStringList(sorted(names, key=str.casefold))

    def tags(self) -> list[str]:
        return list(dict.fromkeys(t.strip() for t in self.text().split(",") if t.strip()))

    def set_tags(self, tags: list[str]) -> None:
        self.setText(", ".join(tags))
