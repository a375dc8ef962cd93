# The two commands a newcomer needs: `make run` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: run test lint typecheck pytest dist dist-smoke translations update-translations system-deps clean

# The demo server with its organisation, and the app (in .demo/, beside your own data).
run: system-deps $(STAMP) translations
	$(BIN)/python scripts/run_demo.py

test: system-deps $(STAMP) translations lint typecheck pytest dist-smoke

system-deps:
	@bash scripts/system-deps.sh

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

translations: $(QM)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# Re-extract translatable text from the sources into the .ts files (run after changing UI text).
update-translations: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete -locations none $$(find desktop -name '*.py' | sort) -ts $(TS)

# The layering contracts of pyproject.toml, all enforced (docs/architecture.md).
IMPORT_CONTRACTS := desktop-domain-pure sides-independent desktop-network-in-net \
	desktop-opencv-in-scan server-domain-pure server-web-apart server-results-are-domain \
	server-domain-plain server-rules-unobserved server-ops-below-http

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache $(addprefix --contract ,$(IMPORT_CONTRACTS))

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) translations
	$(BIN)/python -m pytest -q -p no:cacheprovider

# The PyInstaller builds (one-folder dist/tweestap/ and one-file dist/tweestap-onefile),
# then each one started headless: --version and --exit-after-first-frame, sizes printed.
dist: $(STAMP) translations
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller build.spec

dist-smoke: dist
	$(BIN)/python scripts/dist_smoke.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache build dist resources/translations/*.qm
