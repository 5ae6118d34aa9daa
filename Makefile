# Two commands for a fresh machine (see README):  make serve   |   make test
# Everything is installed into .venv and node_modules from the lock/pin files.
SHELL := /bin/bash
VENV  := .venv
PY    := $(VENV)/bin/python
ADDR  ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test usb bench lint setup setup-dev browser clean

serve: setup                       ## build and serve the site at http://$(ADDR)
	$(PY) -m mkdocs serve --strict -a $(ADDR)

build: setup                       ## build the site into site/
	$(PY) -m mkdocs build --strict

test: setup-dev browser            ## run every test (CPython, Pyodide under Node, Chromium)
	bash tools/pyodide_pytest/fetch_wheels.sh
	$(PY) -m pytest

usb: setup                         ## make dist/track2-handbook-usb.zip for a USB stick
	$(PY) scripts/make_usb.py

bench: setup-dev browser           ## print performance numbers (not a test)
	$(PY) -m benchmarks.bench_engine
	node benchmarks/bench_engine_pyodide.mjs
	$(PY) -m benchmarks.bench_wizard

lint: setup-dev
	$(PY) -m ruff check .
	$(PY) -m mypy

# The project itself goes in editable: hooks, macros, tests and benchmarks import
# track2guide and track2guide_build from this clone.
$(VENV)/.site-ok: requirements.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-build-isolation --no-deps -e .
	touch $@

$(VENV)/.dev-ok: requirements-dev.txt requirements.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

setup: $(VENV)/.site-ok node_modules/.package-lock.json
setup-dev: setup $(VENV)/.dev-ok

browser:                           ## Debian chromium + firefox-esr (test tools cannot download browsers here)
	bash scripts/install-browsers.sh

clean:
	rm -rf site dist .cache $(VENV) node_modules
