# Two commands on a fresh machine (Python 3.11 + pip):
#   make demo   - create .venv, install sitrep, code the bundled examples, print the events
#   make test   - create .venv, install sitrep with test extras, run the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db

.PHONY: install demo test clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/.installed

demo: install
	$(BIN)/sitrep ingest examples/ --db $(DEMO_DB)
	$(BIN)/sitrep events --db $(DEMO_DB)
	$(BIN)/sitrep stats --db $(DEMO_DB)

test: install
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) *.egg-info $(DEMO_DB)
