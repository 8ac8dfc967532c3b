# The two commands a newcomer needs: `make serve` and `make test`. Each creates .venv when missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
# Re-install whenever the project's metadata changes.
STAMP  := $(VENV)/.installed
# Byte-compile the package, as pip does for a normal (non-editable) install and so the Docker image: an
# editable install leaves it to the first import, which never writes the cache when PYTHONDONTWRITEBYTECODE is
# set (then every start compiles each module again: a third of the command line's start, measured).
COMPILE = $(BIN)/python -m compileall -q service schemas reference_data > /dev/null

.PHONY: serve test lint bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

serve: $(STAMP)
	$(COMPILE)
	HOST=$(HOST) PORT=$(PORT) $(BIN)/gunicorn -c python:orbitcheck.gunicorn_conf 'orbitcheck.app:create_app()'

test: $(STAMP)
	scripts/ensure-chromium  # the editor page's browser tests drive Debian's chromium
	scripts/ensure-debian-package /usr/sbin/nginx nginx  # tests/e2e/test_nginx.py runs deploy/nginx.conf
	$(BIN)/python -m pytest

lint: $(STAMP)  # ruff, mypy, and the layer contracts (import-linter): see scripts/lint.py
	$(BIN)/python scripts/lint.py

bench: $(STAMP)
	$(COMPILE)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache test-output
