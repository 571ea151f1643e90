"""A combo box editor for one column of a table: the model stores a key, the combo
shows labels.  Choosing an item writes it to the model at once."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

KEY_ROLE = Qt.ItemDataRole.EditRole

# (key, label) or (key, label, icon)
Options = list[tuple]


class ComboDelegate(QStyledItemDelegate):
    """``options(index)`` lists the choices of one cell; the model's EditRole is the key
    (``None`` shows the placeholder: nothing chosen yet)."""

    def __init__(self, options: Callable[[QModelIndex], Options], placeholder: str = "", parent=None):
        super().__init__(parent)
        self._options = options
        self._placeholder = placeholder
        self._filling = False

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("CellCombo")
        combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        combo.setMaxVisibleItems(20)
        if self._placeholder:
            combo.setPlaceholderText(self._placeholder)
        for item in self._options(index):
            key, label = item[0], item[1]
            if len(item) > 2 and isinstance(item[2], QIcon):
                combo.addItem(item[2], label, key)
            else:
                combo.addItem(label, key)
        combo.currentIndexChanged.connect(lambda _i, c=combo: self._chosen(c))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        key = index.data(KEY_ROLE)
        self._filling = True
        try:
            editor.setCurrentIndex(editor.findData(key) if key is not None else -1)
        finally:
            self._filling = False

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        if editor.currentIndex() >= 0:
            model.setData(index, editor.currentData(), KEY_ROLE)

    def updateEditorGeometry(self, editor: QWidget, option, index: QModelIndex) -> None:
        editor.setGeometry(option.rect.adjusted(1, 1, -1, -1))

    def _chosen(self, combo: QComboBox) -> None:
        if not self._filling:
            self.commitData.emit(combo)
