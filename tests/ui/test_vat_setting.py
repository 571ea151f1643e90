"""Settings ▸ Company ▸ VAT: the rate chosen there is what a generated invoice prints."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app import settings
from app.errors import ValidationError
from app.vat import set_vat_rate, vat_rate
from tests.app.test_documents import NBSP, deal_id, make, text_of  # noqa: F401 - deal_id is a fixture
from tests.ui.test_requisites_editor import make_editor


def choose(qtbot, combo, text: str) -> None:
    """Pick an item with the keyboard, as a user tabbing through the form would."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentText() != text:
        before = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != before, f"{text!r} is not offered"


def test_chosen_vat_is_saved_and_printed_on_the_invoice(qtbot, deal_id, tmp_path):  # noqa: F811
    editor = make_editor(qtbot)
    assert editor.vat.currentText() == "No VAT"
    assert [editor.vat.itemText(i) for i in range(editor.vat.count())] == \
        ["No VAT", f"0{NBSP}%", f"10{NBSP}%", f"20{NBSP}%", f"22{NBSP}%"]
    choose(qtbot, editor.vat, f"20{NBSP}%")
    assert editor.is_dirty()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.status.text() == "Saved." and not editor.is_dirty()
    assert settings.get("vat_rate") == 20
    text = text_of(make("builtin:invoice", tmp_path, deal_id=deal_id).path)
    # 185 223,75 with 20 % included: 30 870,63 of VAT
    assert f"В том числе НДС 20{NBSP}%" in text and f"30{NBSP}870,63" in text and "Без НДС" not in text

    choose(qtbot, editor.vat, "No VAT")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert vat_rate() is None
    text = text_of(make("builtin:invoice", tmp_path, deal_id=deal_id).path)
    assert "Без НДС" in text and "В том числе НДС" not in text


def test_zero_rate_is_a_rate_not_no_vat(qtbot, deal_id, tmp_path):  # noqa: F811
    set_vat_rate("0")
    editor = make_editor(qtbot)
    assert editor.vat.currentText() == f"0{NBSP}%"
    text = text_of(make("builtin:invoice", tmp_path, deal_id=deal_id).path)
    assert f"В том числе НДС 0{NBSP}%" in text and "Без НДС" not in text


def test_a_rate_that_is_not_offered_is_refused(db):
    with pytest.raises(ValidationError):
        set_vat_rate(18)
    set_vat_rate(22)
    assert vat_rate() == 22
    set_vat_rate(None)
    assert settings.get("vat_rate") is None
