"""The dark theme: chosen in Settings, and every hand-painted surface follows it."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from ui import style


@pytest.fixture
def restore_look(qapp):
    palette, sheet, name = qapp.palette(), qapp.styleSheet(), qapp.style().name()
    yield
    qapp.setStyle(name)
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)
    style._icon.cache_clear()


def _lightness(image, x, y) -> int:
    return image.pixelColor(x, y).lightness()


def test_dark_theme_darkens_window_and_style_sheet(qapp, restore_look):
    style.apply(qapp, "dark")
    assert style.is_dark()
    assert qapp.palette().color(QPalette.ColorRole.Base).lightness() < 60
    sheet = qapp.styleSheet()
    light_backgrounds = [c for c in style.DARK_COLORS if c in sheet]
    assert light_backgrounds == []
    assert "color: white" in sheet  # text on the blue primary button stays readable
    assert style.themed("#fff8e1").lightness() < 80  # planned activities' wash

    style.apply(qapp, "light")
    assert not style.is_dark()
    assert style.themed("#fff8e1").name() == "#fff8e1"


def test_client_list_and_calendar_are_painted_dark(main_window, qtbot, restore_look):
    style.apply(QApplication.instance(), "dark")
    main_window.resize(1200, 760)
    main_window.show()
    qtbot.waitExposed(main_window)
    image = main_window.grab().toImage()
    # the page background to the right of the navigation, under the top bar
    assert _lightness(image, image.width() - 30, image.height() // 2) < 80
    main_window.show_page(main_window.CALENDAR)
    qtbot.waitUntil(lambda: main_window.calendar_page is not None)
    calendar = main_window.calendar_page.grab().toImage()
    # the month grid: the middle of the calendar (day cells) is a dark surface
    assert _lightness(calendar, calendar.width() // 3, calendar.height() * 2 // 3) < 80

def test_settings_remember_the_chosen_look(main_window, qtbot):
    page = main_window.settings_page
    page.theme.setCurrentIndex(page.theme.findData("dark"))
    assert style.chosen_theme() == "dark"
    page.theme.setCurrentIndex(page.theme.findData("system"))
    assert style.chosen_theme() == "system"


@pytest.mark.parametrize("kind", ["check box", "radio button"])
def test_an_unchecked_box_can_be_seen_in_the_dark_look(qapp, qtbot, restore_look, kind):
    """Fusion outlines boxes a shade darker than the window: on the dark window an
    unchecked box vanished.  Its outline must stand out from the window around it."""
    from PySide6.QtWidgets import QCheckBox, QRadioButton, QStyle, QStyleOptionButton
    style.apply(qapp, "dark")
    box = (QCheckBox if kind == "check box" else QRadioButton)("Просроченные")
    qtbot.addWidget(box)
    box.resize(box.sizeHint())
    box.show()
    qtbot.waitExposed(box)
    option = QStyleOptionButton()
    box.initStyleOption(option)
    element = (QStyle.SubElement.SE_CheckBoxIndicator if kind == "check box"
               else QStyle.SubElement.SE_RadioButtonIndicator)
    rect = box.style().subElementRect(element, option, box)
    image = box.grab().toImage()
    window = image.pixelColor(0, 0).lightness()
    # brightest pixel inside the indicator's square: its outline
    outline = max(image.pixelColor(x, y).lightness()
                  for x in range(rect.left(), rect.right() + 1) for y in range(rect.top(), rect.bottom() + 1))
    assert outline - window > 60
