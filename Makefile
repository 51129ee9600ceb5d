# gikit — two commands: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test install docs bench fuzz clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): $(PY) pyproject.toml
	$(PY) -m pip install --quiet -e ".[all]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/gikit demo

# the suite includes tests/test_notebooks.py (runs every notebook) and tests/test_docs.py (strict docs build)
test: $(STAMP)
	$(PY) -m pytest -q

docs: $(STAMP)
	$(PY) tools/gen_data_reference.py
	$(VENV)/bin/mkdocs build --strict --site-dir site

# the long fuzz run: 10,000 mutated reports per path (the test suite runs a few dozen)
fuzz: $(STAMP)
	GIKIT_FUZZ_EXAMPLES=10000 $(PY) -m pytest -q -p no:cacheprovider tests/test_fuzz.py

bench: $(STAMP)
	$(PY) -m benchmarks

clean:
	rm -rf build dist site .pytest_cache
