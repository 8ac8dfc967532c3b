# The two commands a newcomer needs: `make serve` and `make test`. Each creates .venv when missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
# Re-install whenever the project's metadata changes.
STAMP  := $(VENV)/.installed

.PHONY: serve test lint bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

serve: $(STAMP)
	HOST=$(HOST) PORT=$(PORT) $(BIN)/gunicorn -c python:orbitcheck.gunicorn_conf 'orbitcheck.app:create_app()'

test: $(STAMP)
	scripts/ensure-chromium  # the editor page's browser tests drive Debian's chromium
	scripts/ensure-debian-package /usr/sbin/nginx nginx  # tests/e2e/test_nginx.py runs deploy/nginx.conf
	$(BIN)/python -m pytest

lint: $(STAMP)  # ruff, mypy, and the layer contracts (import-linter): see scripts/lint.py
	$(BIN)/python scripts/lint.py

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache test-output
