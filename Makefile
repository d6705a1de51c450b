# Two commands: `make run` starts the app's offline demo, `make test` runs the whole suite.
# Each creates .venv (Python 3.11+) with the pinned dependencies when it is missing or stale.
# `make bundle` builds the one-folder PyInstaller bundle; `make packaging-test` (CI) installs with pipx and
# builds and starts the bundle.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint translations icons bundle packaging-test

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(VENV)/.installed
	$(BIN)/python main.py --demo

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy core
	$(BIN)/mypy gui

# Two runs: the core with Qt unimportable and no display (tests/conftest.py), then the GUI offscreen, each
# spread over worker processes (pytest-xdist): the core is CPU-bound (2 workers on 2 cores), the GUI mostly
# waits on fake servers and timers (3). One after the other, not side by side: five workers on two cores
# starved the tests that time the UI thread or wait for an app's start. Both always run; the target fails
# if either did.
CORE_WORKERS ?= 2
GUI_WORKERS ?= 3
test: lint
	env -u DISPLAY -u QT_QPA_PLATFORM TRIPTYCH_TESTS_NO_QT=1 $(BIN)/python -m pytest -m "not gui and not packaging" \
		-p no:pytest-qt -n $(CORE_WORKERS) --durations=10; \
	core=$$?; QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m gui -n $(GUI_WORKERS) --durations=10 && exit $$core

# After changing user-visible strings: refresh the .ts sources (removed strings dropped; then translate), and
# compile the .qm files.
TS := resources/i18n/triptych_zh_CN.ts resources/i18n/triptych_en.ts
translations: $(VENV)/.installed
	$(BIN)/pyside6-lupdate -no-obsolete $(sort $(shell find gui -name "*.py")) -ts $(TS)
	$(BIN)/pyside6-lrelease $(TS)

# After changing resources/icons/triptych.svg: its PNG renderings, the sizes platforms ask for.
icons: $(VENV)/.installed
	mkdir -p resources/icons/app
	QT_QPA_PLATFORM=offscreen $(BIN)/python -c 'from PySide6.QtGui import QGuiApplication; app = QGuiApplication([]); \
	from gui.theme.icons import APP_ICON_SIZES, app_icon_image; \
	[app_icon_image(s).save(f"resources/icons/app/triptych-{s}.png") for s in APP_ICON_SIZES]'

# The one-folder bundle, $(BUNDLE_DIST)/triptych/ (run $(BUNDLE_DIST)/triptych/triptych), from
# packaging/triptych.spec. Built in a virtual environment of its own holding only the app, its runtime
# dependencies and PyInstaller (pyproject.toml's `bundle` extra), so no test tool slips into the bundle;
# build/ is removed first, so a stale build/lib cannot slip deleted modules in.
BUNDLE_DIST ?= dist
BUNDLE_BUILD := build/bundle
bundle:
	rm -rf build $(BUNDLE_DIST)/triptych
	$(PYTHON) -m venv $(BUNDLE_BUILD)/venv
	$(BUNDLE_BUILD)/venv/bin/python -m pip install --quiet --disable-pip-version-check '.[bundle]'
	$(BUNDLE_BUILD)/venv/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath $(BUNDLE_DIST) \
		--workpath $(BUNDLE_BUILD)/work packaging/triptych.spec
	rm -rf build
	du -sh $(BUNDLE_DIST)/triptych

# What CI adds to `make test`: the README's install path with pipx, and the bundle built and smoke-started
# (tests marked `packaging`, in tests/test_wheel.py and tests/test_bundle.py; they start the app in processes
# of their own, so this run needs no Qt, like the core's).
packaging-test: $(VENV)/.installed
	env -u DISPLAY -u QT_QPA_PLATFORM TRIPTYCH_TESTS_NO_QT=1 $(BIN)/python -m pytest -m packaging -p no:pytest-qt \
		--durations=0 -s
