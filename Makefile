# Two commands for a newcomer: `make run` (the app on its demo workspace) and
# `make test`. Both create .venv themselves and install what is missing.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test setup system-deps lint bundle deb clean

run: setup
	$(VENV)/bin/briefer gui

test: setup
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

lint: setup
	$(VENV)/bin/ruff check briefer tests bench packaging

# The one-folder frozen build (no Python needed to run it): dist/briefer/briefer.
bundle: setup
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/briefer.spec

# A Debian package of that build: dist/briefer_VERSION_ARCH.deb.
deb: bundle
	$(PY) packaging/build_deb.py dist/briefer --out dist

clean:
	rm -rf $(VENV) dist build .pytest_cache
