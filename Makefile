# riskcase: `make demo` sets everything up and runs the main job; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT ?= riskcase-out

.PHONY: all setup bwrap demo test lint bench clean

all: setup

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

# bubblewrap runs riskcase's default sandbox; installed through apt-get when missing.
bwrap:
	@if command -v bwrap >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing bubblewrap (riskcase's sandbox)"; \
		(apt-get install -y -qq bubblewrap >/dev/null 2>&1 || \
		 (apt-get update -qq >/dev/null && apt-get install -y -qq bubblewrap >/dev/null)) \
		&& command -v bwrap >/dev/null; \
	else \
		echo "riskcase needs bubblewrap for its sandbox: run 'sudo apt-get install bubblewrap'" \
		     "(or your distribution's package), then run make again" >&2; exit 1; \
	fi

setup: $(STAMP) bwrap

demo: setup
	$(BIN)/riskcase assess --out $(OUT)

test: setup
	$(BIN)/python -m pytest -q -p no:cacheprovider

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

bench: setup
	$(BIN)/python benchmarks/harness_overhead.py
	$(BIN)/python benchmarks/sandbox_overhead.py
	$(BIN)/python benchmarks/backdoor_detection.py --workers 2

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache
