"""The bundle's smaller ICU data (resources/packaging/trim_icu.py) still sorts, cases and
formats Russian the way the full data does, and the locale self-check notices when it
cannot."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from resources.packaging import trim_icu

ROOT = Path(__file__).resolve().parents[2]

CHECK = ("from PySide6.QtWidgets import QApplication; app = QApplication([]); "
         "from ui.i18n import check_locale_data; print(check_locale_data())")


def test_only_other_languages_converters_and_dictionaries_are_removed():
    keep = ["root.res", "ru.res", "en_GB.res", "coll/ru.res", "coll/ucadata.icu", "pool.res",
            "supplementalData.res", "zoneinfo64.res", "brkitr/word.brk", "nfkc.nrm",
            "cnvalias.icu", "ibm-5347_P100-1998.cnv", "ibm-866_P100-1995.cnv", "unit/ru.res"]
    gone = ["de.res", "zh_Hant_TW.res", "coll/zh.res", "coll/de__PHONEBOOK.res", "lang/fr.res",
            "brkitr/cjdict.dict", "translit/root.res", "gb18030.cnv", "ibm-943_P15A-2003.cnv"]
    assert [item for item in keep if trim_icu.removable(item)] == []
    assert [item for item in gone if not trim_icu.removable(item)] == []


def _icu_library() -> Path:
    import PySide6
    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not found or not shutil.which("icupkg") or not shutil.which("gcc"):
        pytest.skip("needs PySide6's ICU library, icupkg (icu-devtools) and gcc")
    return found[0]


def _check_with(folder: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LD_LIBRARY_PATH=str(folder))
    return subprocess.run([sys.executable, "-c", CHECK], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the bundle's ICU is Linux-only")
def test_trimmed_icu_sorts_russian_and_the_check_fails_without_russian(tmp_path, monkeypatch):
    source = _icu_library()
    before, after = trim_icu.trim(source, tmp_path / "small" / source.name)
    assert after < before / 4
    done = _check_with(tmp_path / "small")
    assert done.returncode == 0, done.stderr
    assert "Russian names sort" in done.stdout

    monkeypatch.setattr(trim_icu, "KEEP_LANGUAGES", ("en",))
    trim_icu.trim(source, tmp_path / "no-ru" / source.name)
    done = _check_with(tmp_path / "no-ru")
    assert done.returncode != 0
    assert "Russian names sort as Zimin" in done.stderr
