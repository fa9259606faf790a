# Two commands set everything up on a fresh machine (Python 3.11, pip, package registries):
#   make site   builds the site from briefings/ into site/
#   make test   runs the whole test suite
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: site test test-fast lint install serve golden eval bench browser lock clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

site: install
	$(BIN)/mkdocs build --strict

serve: install
	$(BIN)/mkdocs serve

test: install browser lint
	$(BIN)/python -m pytest

# The rules loop: no MkDocs builds and no browser, under a minute.
test-fast: install lint
	$(BIN)/python -m pytest -m "not slow and not browser"

lint: install
	$(BIN)/ruff check generator tests bench tools
	$(BIN)/ruff format --check generator tests bench tools

# Headless Chromium from Debian's packages, for the browser tests (Playwright drives it).
browser:
	@./tools/ensure-chromium

golden: install
	$(BIN)/python -m tests.regenerate

eval: install
	$(BIN)/python bench/eval_polnear.py

bench: install
	$(BIN)/python bench/build_sizes.py

lock:
	$(BIN)/python -m pip freeze --exclude-editable | grep -v -iE '^(hatchling|trove-classifiers)==' > requirements.lock.new
	( echo "# Exact versions of everything the project installs; \`make\` installs from this file."; echo "# Regenerate with: make lock"; cat requirements.lock.new ) > requirements.lock && rm requirements.lock.new

clean:
	rm -rf site .cache
