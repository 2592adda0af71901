# Two entry points for a fresh clone: `make serve` (set up, build, preview) and `make test` (set up, run every test).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The system packages the set-up installs: the tests' as well when `make test` asked for it, so that one command
# (or, without sudo, the one line that names it) covers everything the run needs.
SYSTEM := $(if $(filter test,$(MAKECMDGOALS)),test,serve)

.PHONY: serve build check test bench clean

# Set up once, and again when the dependencies change: system packages (apt-get, through sudo unless root),
# the Python environment and the site's npm packages. Setuptools' notice that the install is editable is left out.
$(STAMP): pyproject.toml package.json package-lock.json
	@echo "Setting up: system packages, the Python environment in $(VENV) and the npm packages (a few minutes, once)"
	PYTHON=$(PYTHON) scripts/system-packages $(SYSTEM)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	PYTHONWARNINGS="ignore:Editable installation" $(BIN)/pip install --quiet -e '.[test]'
	npm ci --no-audit --no-fund --loglevel=error
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/handbook serve

build: $(STAMP)
	$(BIN)/handbook build

check: $(STAMP)
	$(BIN)/handbook check

test: $(STAMP)
	PYTHON=$(PYTHON) scripts/system-packages test
	node --test tests/js/
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/check.py
	$(BIN)/python benchmarks/printables.py
	$(BIN)/python benchmarks/evaluate.py
	$(BIN)/python benchmarks/table.py

clean:
	rm -rf site .site-* .cache $(VENV) node_modules
