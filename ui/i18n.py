"""The interface language: chosen in Settings (QSettings), applied at start.

Russian loads ``resources/i18n/kartoteka_ru.qm`` (when it has been built) and Qt's own
``qtbase_ru``; the default locale follows, so dates and money read the Russian way.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from resources import ROOT as RESOURCES

LANGUAGE_KEY = "interface/language"
LANGUAGES = ("system", "ru", "en")
TRANSLATIONS = RESOURCES / "i18n"


def chosen_language() -> str:
    """What the user chose in Settings: "system", "ru" or "en"."""
    value = QSettings().value(LANGUAGE_KEY, "system")
    return value if value in LANGUAGES else "system"


def set_chosen_language(value: str) -> None:
    QSettings().setValue(LANGUAGE_KEY, value if value in LANGUAGES else "system")


def effective_language(override: str | None = None, system: QLocale | None = None) -> str:
    """"ru" or "en": the command line wins, then the setting, then the system locale."""
    choice = override or chosen_language()
    if choice in ("ru", "en"):
        return choice
    system = system or QLocale.system()
    return "ru" if system.language() == QLocale.Language.Russian else "en"


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """Russian formats for Russian; for English the system's own English locale if it
    has one, US English otherwise."""
    system = system or QLocale.system()
    if language == "ru":
        return QLocale(QLocale.Language.Russian, QLocale.Country.Russia)
    if system.language() == QLocale.Language.English:
        return system
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


_installed: list[QTranslator] = []


def install(app: QCoreApplication, override: str | None = None) -> str:
    """Install translators and the default locale; returns the language used."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = effective_language(override)
    QLocale.setDefault(locale_for(language))
    if language == "ru":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in (("qtbase_ru", qt_dir), ("kartoteka_ru", str(TRANSLATIONS))):
            translator = QTranslator(app)
            if translator.load(name, folder):  # a missing file is fine: English stays
                app.installTranslator(translator)
                _installed.append(translator)
    return language


def check_locale_data() -> str:
    """For ``--self-check``: Qt's ICU data (trimmed to Russian and English in the bundle)
    still sorts Russian names the Russian way (Cyrillic before Latin, Ё after Е) and
    cases and formats Russian text; raises RuntimeError otherwise."""
    from functools import cmp_to_key

    from PySide6.QtCore import QCollator
    ru = locale_for("ru")
    names = ["Zimin", "Жуков", "Ёлкин", "ежов", "Елисеев", "Абрамов"]
    ordered = sorted(names, key=cmp_to_key(QCollator(ru).compare))
    if ordered != ["Абрамов", "ежов", "Елисеев", "Ёлкин", "Жуков", "Zimin"]:
        raise RuntimeError(f"Russian names sort as {', '.join(ordered)}")
    shown = f"{ru.toString(1234567.5, 'f', 2)} {ru.toUpper('ёлка')}".replace("\xa0", " ")
    if shown != "1 234 567,50 ЁЛКА":
        raise RuntimeError(f"Russian formats read {shown!r}")
    return "Russian names sort, case and format"


def plural_s(text: str, n: int) -> str:
    """English plurals without an English .qm: "%n client(s)" reads "1 client" / "5 clients".

    Call it on the result of ``tr("… %n client(s) …", "", n)``; a translation (which
    has its own plural forms) has no "(s)" and passes unchanged."""
    return text.replace("(s)", "" if abs(n) == 1 else "s")
