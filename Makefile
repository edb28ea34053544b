# Quick start: `make run` (app with demo data) and `make test` (lint + full test suite).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1:8000

.PHONY: run test lint format e2e bench setup clean messages screenshots

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt requirements.txt $(VENV)/.installed
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

# The compiled .mo files are built here and in `test`; they are not committed.
messages: $(VENV)/.installed
	$(PY) manage.py compilemessages --ignore "$(VENV)/*" -v0

setup: $(VENV)/.installed messages
	mkdir -p data
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_framework
	$(PY) manage.py load_crosswalk
	@if $(PY) manage.py help load_demo >/dev/null 2>&1; then $(PY) manage.py load_demo; fi

# The web server and, beside it, the task worker (PDF renders, mail); one Ctrl-C stops both.
# Ctrl-C reaches the worker too: it finishes the render under way, then stops (twice: now).
run: setup
	@echo "Open http://$(HOST)/ and sign in (demo users and password are listed above)."
	@echo "The task worker runs beside the web server; Ctrl-C stops both."
	@$(PY) manage.py render_worker --no-reload & worker=$$!; \
	trap 'wait $$worker' INT; trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT TERM; \
	$(PY) manage.py runserver $(HOST)

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates --lint
	$(VENV)/bin/djlint templates --check

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/djlint templates --reformat

# The whole suite, browser tests included (they need Debian's chromium at /usr/bin/chromium),
# on every core, printing the 10 slowest tests.
# check_translations fails while translators are still filling the .po files.
test: lint messages
	mkdir -p data
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest -n auto --dist loadgroup --durations=10
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py load_framework -v0
	$(PY) manage.py check_translations

e2e: $(VENV)/.installed-dev messages
	$(VENV)/bin/pytest tests/e2e

bench: setup
	$(PY) manage.py bench_profile
	$(PY) manage.py bench_xlsx

# PNGs of the board, the assessment page, the indicator page and the header at 1280 and 375 px
# in every language, from a server on the demo data started here (needs Chromium).
SHOTS_HOST ?= 127.0.0.1:8765
screenshots: setup $(VENV)/.installed-dev
	@$(PY) manage.py runserver $(SHOTS_HOST) --noreload >/dev/null 2>&1 & server=$$!; \
	trap 'kill $$server 2>/dev/null' EXIT; sleep 3; \
	$(PY) manage.py screenshots --base http://$(SHOTS_HOST) --out screenshots

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
