# Two commands on a fresh machine with Python 3.11+ and make:
#   make demo   builds build/timeline.html from data/events.csv
#   make test   runs lint and the whole test suite (notebooks and browser tests included)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
EVENTS ?= data/events.csv
SCALE_SIZES ?= 1000 10000

.PHONY: demo test lab lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(VENV)/.installed $@

demo: $(VENV)/.installed
	$(BIN)/timeline build $(EVENTS) -o build/timeline.html

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

test: lint
	$(BIN)/python -m pytest

lab: $(VENV)/.installed-dev
	$(BIN)/jupyter lab notebooks/

bench: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/bench_dates.py
	$(BIN)/python benchmarks/score_events.py
	$(BIN)/python benchmarks/bench_sources.py
	$(BIN)/python benchmarks/bench_table.py
	$(BIN)/python benchmarks/bench_scale.py $(SCALE_SIZES)
	$(BIN)/python benchmarks/bench_chart.py
	$(BIN)/python benchmarks/bench_review.py

clean:
	rm -rf build $(VENV)
