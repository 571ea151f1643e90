# Kartoteka — the two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test test-pg install bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP) $@

install: $(STAMP)

run: $(STAMP)
	$(PY) -m app $(ARGS)

test: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

# The db/app suites again on PostgreSQL (a throwaway server the tests start and stop).
test-pg: $(TEST_STAMP)
	PY=$(PY) .ci/pg-tests

bench: $(STAMP)
	$(PY) benchmarks/bench_search.py
	$(PY) benchmarks/bench_demo.py

clean:
	rm -rf $(VENV) build dist *.egg-info

# Russian interface: collect the strings of ui/ into the .ts (translated by hand), build the .qm.
I18N := resources/i18n
.PHONY: translations
translations:
	mkdir -p $(I18N)
	$(VENV)/bin/pyside6-lupdate -silent -extensions py -no-obsolete -locations none ui -ts $(I18N)/kartoteka_ru.ts
	$(VENV)/bin/pyside6-lrelease -silent $(I18N)/kartoteka_ru.ts -qm $(I18N)/kartoteka_ru.qm

# Desktop integration (Linux): an entry in the application menu that starts this checkout.
.PHONY: install-desktop
install-desktop: $(STAMP)
	sh resources/desktop/install-desktop.sh "$(abspath $(PY))" -m app

# The one-folder bundle (PyInstaller) in dist/kartoteka; `make dist-check` builds it and
# runs it the way a user's machine would: no Python packages, no display.
BUILD_STAMP := $(VENV)/.installed-build
.PHONY: dist dist-check
$(BUILD_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[build]'
	touch $(STAMP) $@

# numpy without OpenBLAS (-28 MB) for the bundle only: built once per numpy version (4-7
# minutes) into ~/.cache/kartoteka-build, installed into build/numpy-noblas; a failed build
# stops here (resources/packaging/numpy_noblas.py).
NUMPY_NOBLAS := $(CURDIR)/build/numpy-noblas
dist: $(BUILD_STAMP)
	$(PY) resources/packaging/numpy_noblas.py $(NUMPY_NOBLAS)
	PYTHONPATH=$(NUMPY_NOBLAS) KARTOTEKA_NUMPY_NOBLAS=$(NUMPY_NOBLAS) \
	    $(PY) -m PyInstaller --noconfirm --clean --log-level WARN build.spec

dist-check: dist
	sh .ci/dist-check dist/kartoteka
