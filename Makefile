# Every command a person or CI runs. `make site` and `make test` work on a fresh machine with
# Python 3.11: the first target that needs it creates .venv and installs requirements.txt.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum requirements.txt | cut -d' ' -f1)

export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# Reproducible builds: timestamps come from the last commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 315532800)

.PHONY: site serve test lint check clean freeze

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -q -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/mkdocs build --strict

serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload

lint: $(STAMP)
	$(BIN)/ruff check hooks tests
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

clean:
	rm -rf site

freeze: $(STAMP)
	$(BIN)/pip freeze --exclude-editable > requirements.txt
