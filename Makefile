# Two commands for a newcomer: `make run` (the app on its demo workspace) and
# `make test`. Both create .venv themselves and install what is missing.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test setup system-deps lint check bundle deb clean

run: setup
	$(VENV)/bin/briefer gui

# Lint and type checks first (seconds), then the suite; CI runs exactly this.
test: setup check
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

setup: system-deps $(STAMP)

# Debian libraries Qt and the DOCX checks need; installed only when missing and root.
system-deps:
	@sh .ci/system-deps

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

lint: check

# ruff (rules in pyproject.toml) and mypy (strict for the core layers, standard for the rest).
check: setup
	$(VENV)/bin/ruff check briefer tests bench tools packaging
	$(VENV)/bin/mypy

# The one-folder frozen build (no Python needed to run it): dist/briefer/briefer.
bundle: setup
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/briefer.spec

# A Debian package of that build: dist/briefer_VERSION_ARCH.deb.
deb: bundle
	$(PY) packaging/build_deb.py dist/briefer --out dist

clean:
	rm -rf $(VENV) dist build .pytest_cache
