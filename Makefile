# Two entry points for a fresh clone: `make serve` (set up, build, preview) and `make test` (set up, run every test).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve build check test bench clean

$(STAMP): pyproject.toml package.json package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	npm ci --no-audit --no-fund --loglevel=error
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/handbook serve

build: $(STAMP)
	$(BIN)/handbook build

check: $(STAMP)
	$(BIN)/handbook check

test: $(STAMP)
	node --test tests/js/
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/check.py
	$(BIN)/python benchmarks/printables.py
	$(BIN)/python benchmarks/evaluate.py
	$(BIN)/python benchmarks/table.py

clean:
	rm -rf site .site-* .cache $(VENV) node_modules
