# Quick start: `make run` (app with demo data) and `make test` (lint + full test suite).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1:8000

.PHONY: run test lint format e2e bench setup clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt requirements.txt $(VENV)/.installed
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.installed
	mkdir -p data
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_framework
	@if $(PY) manage.py help load_demo >/dev/null 2>&1; then $(PY) manage.py load_demo; fi

run: setup
	@echo "Open http://$(HOST)/ and sign in (demo users and password are listed above)."
	$(PY) manage.py runserver $(HOST)

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# The whole suite, browser tests included (they need Debian's chromium at /usr/bin/chromium),
# on every core, printing the 10 slowest tests.
test: lint
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest -n auto --dist loadgroup --durations=10

e2e: $(VENV)/.installed-dev
	$(VENV)/bin/pytest tests/e2e

bench: setup
	$(PY) manage.py bench_profile

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
