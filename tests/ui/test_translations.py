"""The Russian translation ships complete and current.

* every message of ``resources/i18n/kartoteka_ru.ts`` is translated, with the same
  placeholders ({name}, %1, %n), markup and accelerator as its source;
* the .ts holds exactly the strings ``pyside6-lupdate`` finds in ui/ today, so a new
  string without a translation fails here (``make translations`` updates the file),
  and every string in ui/ is a literal lupdate can read;
* the .qm is what ``pyside6-lrelease`` builds from the shipped .ts;
* with the Russian translator installed, the main window speaks Russian.
"""
from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
TS = I18N / "kartoteka_ru.ts"
QM = I18N / "kartoteka_ru.qm"

PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?n|%\d+")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")
ACCELERATOR = re.compile(r"&([^&\s])")
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
RUSSIAN_PLURAL_FORMS = 3  # 1, 21… / 2–4, 22–24… / 5–20, 0…


def _tool(name: str) -> str:
    """A PySide6 tool from the interpreter's own environment (the venv), else from PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed")
    return found


def _messages(path: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [(context.findtext("name") or "", message)
            for context in root.iter("context") for message in context.iter("message")]


def _key(context: str, message: ET.Element) -> tuple:
    return (context, message.findtext("source"), message.findtext("comment") or "",
            message.get("numerus") == "yes")


def _texts(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def _tokens(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def _tags(text: str) -> list[str]:
    return sorted(TAG.findall(text))


def test_the_ts_file_is_for_russian():
    root = ET.parse(TS).getroot()
    assert root.get("language") == "ru_RU"
    assert len(_messages(TS)) > 100


def test_every_message_is_translated_with_the_same_placeholders():
    problems = []
    for context, message in _messages(TS):
        source = message.findtext("source")
        where = f"{context}: {source!r}"
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{where} is not finished")
            continue
        texts = _texts(message)
        if message.get("numerus") == "yes" and len(texts) != RUSSIAN_PLURAL_FORMS:
            problems.append(f"{where} has {len(texts)} plural forms, Russian needs {RUSSIAN_PLURAL_FORMS}")
        for text in texts:
            if not text.strip():
                problems.append(f"{where} has an empty translation")
                continue
            if _tokens(text) != _tokens(source):
                problems.append(f"{where}: placeholders {_tokens(source)} became {_tokens(text)} in {text!r}")
            if _tags(text) != _tags(source):
                problems.append(f"{where}: markup {_tags(source)} became {_tags(text)} in {text!r}")
            if bool(ACCELERATOR.search(source)) != bool(ACCELERATOR.search(text)):
                problems.append(f"{where}: the & accelerator is lost or added in {text!r}")
    assert not problems, "\n".join(problems)


def test_the_ts_file_has_every_string_of_the_interface_and_no_other(tmp_path):
    """The same command as ``make translations``, into a scratch file: the messages it
    finds must be exactly the shipped ones."""
    scratch = tmp_path / "kartoteka_ru.ts"
    subprocess.run([_tool("pyside6-lupdate"), "-silent", "-extensions", "py", "-no-obsolete",
                    "-locations", "none", "ui", "-ts", str(scratch)],
                   cwd=ROOT, check=True, capture_output=True, timeout=60)
    found = {_key(c, m) for c, m in _messages(scratch)}
    shipped = {_key(c, m) for c, m in _messages(TS)}
    new = sorted(found - shipped)
    gone = sorted(shipped - found)
    assert not new and not gone, (
        "resources/i18n/kartoteka_ru.ts is out of date: run `make translations` and translate.\n"
        + "".join(f"  new: {k}\n" for k in new) + "".join(f"  no longer used: {k}\n" for k in gone))


def test_lupdate_can_read_every_translated_string():
    """lupdate reads only literals: ``self.tr("…")`` and ``QCoreApplication.translate("Context",
    "…")``.  A helper such as ``def _tr(text): return translate("Ctx", text)`` hides its
    strings from it (they would stay English and the check above would not notice)."""
    problems = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            literal = [isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args]
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            if name == "tr" and not isinstance(func, ast.Attribute):
                problems.append(f"{where}: a bare tr(…) is read by lupdate as self.tr without a class")
            elif name == "tr" and not literal[:1] == [True]:
                problems.append(f"{where}: tr() of something that is not a string literal")
            elif name == "translate" and literal[:2] != [True, True]:
                problems.append(f"{where}: translate() needs a literal context and a literal text")
    assert not problems, "\n".join(problems)


def test_the_qm_file_is_built_from_the_shipped_ts(tmp_path):
    built = tmp_path / "kartoteka_ru.qm"
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(built)],
                   check=True, capture_output=True, timeout=60)
    assert built.read_bytes() == QM.read_bytes(), "run `make translations` to rebuild the .qm"


def test_the_translator_loads_plural_forms(qapp):
    translator = QTranslator()
    assert translator.load(str(QM))
    translate = translator.translate
    assert translate("Labels", "Incoming call") == "Входящий звонок"
    forms = {n: translate("CardDelegate", "%n day(s)", "", n) for n in (1, 3, 5, 11, 21, 22)}
    assert forms == {1: "%n день", 3: "%n дня", 5: "%n дней", 11: "%n дней", 21: "%n день", 22: "%n дня"}


def test_the_main_window_speaks_russian(russian, make_window):
    window = make_window()
    assert window.windowTitle() == "Картотека"
    menus = [action.text() for action in window.menuBar().actions() if action.menu()]
    assert {"&Файл", "&Правка", "&Вид", "&Справка"} <= set(menus)
    assert all(CYRILLIC.search(title) for title in menus), menus
    keys = [ACCELERATOR.search(title).group(1).lower() for title in menus]
    assert len(keys) == len(set(keys)), f"the menu bar has one accelerator twice: {menus}"
    for action in window.menuBar().actions():
        texts = [a.text() for a in action.menu().actions() if not a.isSeparator()]
        assert all(CYRILLIC.search(text) for text in texts), texts
        keys = [m.group(1).lower() for m in map(ACCELERATOR.search, texts) if m]
        assert len(keys) == len(set(keys)), f"{action.text()} has one accelerator twice: {texts}"
    navigation = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    assert {"Клиенты", "Воронка", "Календарь", "Дела", "Настройки", "Корзина"} <= set(navigation)
    assert all(CYRILLIC.search(name) for name in navigation), navigation
    assert QCoreApplication.translate("ClientListPage", "%Ln client(s)", "", 5) == "5 клиентов"
