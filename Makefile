# Two commands on a fresh machine (Python 3.11 + pip):
#   make demo   - create .venv, install sitrep, code the bundled examples, print the events
#   make test   - create .venv, install sitrep with test extras, run the test suite
#                 (.ci/run also installs PostgreSQL and Chromium first, for their tests)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db

.PHONY: install demo test clean

# the package alone (what demo needs) ...
$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# ... and the test extras (Playwright, psycopg, ...) only for the tests
$(BIN)/.installed-test: $(BIN)/.installed pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/.installed

demo: install
	$(BIN)/sitrep ingest examples/ --db $(DEMO_DB)
	$(BIN)/sitrep events --db $(DEMO_DB)
	$(BIN)/sitrep stats --db $(DEMO_DB)
	@echo
	@echo "Next, the web UI (timeline, map, stories, comparisons): run this, then open http://127.0.0.1:8000/"
	@echo "  $(BIN)/sitrep serve --db $(DEMO_DB)"
	@echo "A few commands to try:"
	@echo "  $(BIN)/sitrep stories --db $(DEMO_DB)              # articles about the same news"
	@echo "  $(BIN)/sitrep articles --db $(DEMO_DB)             # their ids, to compare two:"
	@echo "  $(BIN)/sitrep compare --articles ID ID --db $(DEMO_DB)"
	@echo "  $(BIN)/sitrep events --db $(DEMO_DB) --type ASSAULT"
	@echo "  $(BIN)/sitrep places --db $(DEMO_DB)"
	@echo "  $(BIN)/sitrep --help"

test: $(BIN)/.installed-test
	$(BIN)/python -m pytest -n 2 --dist loadgroup --no-loadscope-reorder

clean:
	rm -rf $(VENV) *.egg-info $(DEMO_DB)
