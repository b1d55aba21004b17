"""Which language the GUI speaks, and loading its translations (ours and Qt's own).

Our strings come from ``resources/translations/checkin_<lang>.qm``,
built from the ``.ts`` sources by the package build (``setup.py``) and by the
installer build. A source checkout that was never built has only the ``.ts``
files: then the ``.qm`` is compiled once with ``lrelease`` into the user's data
folder and reused until the ``.ts`` changes. Qt's own strings (file and print
dialogs, standard buttons) come from ``qtbase_<lang>.qm`` in Qt's translations
folder. Dates, times and numbers follow ``QLocale``, which is set to the
chosen language as well.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from checkin.common.paths import data_dir
from checkin.common.qt_tools import compile_ts
from checkin.common.resources_access import resource_path

log = logging.getLogger("checkin.ui.common.i18n")

#: languages the GUI is translated into; English is the source language
SUPPORTED = ("en", "de")


def system_language() -> str:
    """The system's UI language if we speak it, else English."""
    for name in QLocale.system().uiLanguages():
        lang = name.replace("_", "-").split("-")[0].lower()
        if lang in SUPPORTED:
            return lang
    return "en"


def resolve_language(setting: str) -> str:
    """``system`` follows the system; an unknown value falls back to it too."""
    return setting if setting in SUPPORTED else system_language()


def app_qm(lang: str) -> Path | None:
    """The compiled translation for ``lang``: shipped, or compiled once from the .ts.

    A shipped .qm always wins: the build made it from the shipped .ts (file
    times in an installed or frozen app say nothing). Only a checkout without
    one compiles the .ts into the data folder, again whenever the .ts changes.
    """
    folder = resource_path("translations")
    shipped = folder / f"checkin_{lang}.qm"
    if shipped.is_file():
        return shipped
    source = folder / f"checkin_{lang}.ts"
    if not source.is_file():
        return None
    cached = data_dir() / "translations" / f"checkin_{lang}.qm"
    if cached.is_file() and cached.stat().st_mtime >= source.stat().st_mtime:
        return cached
    return cached if compile_ts(source, cached) else None


def locale_for(lang: str) -> QLocale:
    """The system's locale if it is in ``lang`` (de_AT stays Austrian), else the language's."""
    system = QLocale.system()
    if system.name().split("_")[0] == lang:
        return system
    return QLocale("de_DE" if lang == "de" else "en_GB")


class Translations:
    """The translators installed in the application; switchable at run time."""

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.language = "en"
        self._installed: list[QTranslator] = []

    def install(self, lang: str) -> list[str]:
        """Switch to ``lang``; returns the names of the catalogues that were loaded."""
        self.clear()
        self.language = lang
        QLocale.setDefault(locale_for(lang))
        loaded = []
        qm = app_qm(lang)
        if qm is not None:
            translator = QTranslator(self.app)
            if translator.load(str(qm)):
                self._install(translator)
                loaded.append(qm.name)
        if lang != "en":
            qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            translator = QTranslator(self.app)
            if translator.load(f"qtbase_{lang}", qt_folder):
                self._install(translator)
                loaded.append(f"qtbase_{lang}.qm")
            else:
                log.warning("Qt's own translations for %s not found in %s", lang, qt_folder)
        # every window retranslates itself on LanguageChange, which Qt posts to each
        # window: deliver them now, so the switch is complete when this returns
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        return loaded

    def clear(self) -> None:
        """Remove our translators (the source language, English, remains)."""
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed.clear()
        self.language = "en"

    def _install(self, translator: QTranslator) -> None:
        self.app.installTranslator(translator)
        self._installed.append(translator)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for lupdate under ``context``; translate it later with ``tr()``.

    PySide6's own QT_TRANSLATE_NOOP is typed as returning ``object``; this one
    keeps tables of marked strings typed as ``str`` for mypy.
    """
    del context
    return text
