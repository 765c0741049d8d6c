# Two commands do all set-up: `make run` and `make test`. Each step leaves a stamp so a
# second run skips work already done.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMPS := .stamps
WHEELHOUSE ?= $(or $(GEMEENTETAAL_WHEELHOUSE),../shared/models)
export GEMEENTETAAL_WHEELHOUSE := $(WHEELHOUSE)

.PHONY: setup run test lint bench dashboard serve samples clean browser notebooks

setup: $(STAMPS)/model

$(STAMPS)/venv:
	@mkdir -p $(STAMPS)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	@touch $@

# compileall: an editable install gets no bytecode; a regular pip install does, and the
# cold start of `gemeentetaal check` (bench/bench_check.py) depends on it.
$(STAMPS)/install: $(STAMPS)/venv pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	$(BIN)/python -m compileall -q pipeline
	@touch $@

# The stamp is written only when a trained pipeline is in place: on the rule-based fallback
# the next `make run` tries again (installed > spacy download > wheelhouse).
$(STAMPS)/model: $(STAMPS)/install
	$(BIN)/gemeentetaal setup-model --stamp $@

# A local pseudonym key (never committed) keeps pseudonyms stable between `make run`s, so a
# second run skips unchanged inputs. Set GEMEENTETAAL_SECRET yourself to use your own key.
$(STAMPS)/secret:
	@mkdir -p $(STAMPS)
	@umask 077 && $(PYTHON) -c "import secrets; print(secrets.token_hex(32))" > $@

run: setup $(STAMPS)/secret
	GEMEENTETAAL_SECRET="$${GEMEENTETAAL_SECRET:-$$(cat $(STAMPS)/secret)}" \
	  $(BIN)/gemeentetaal run data/raw --out data/processed
	$(BIN)/gemeentetaal dashboard --processed data/processed --out data/processed/dashboard.html

test: setup browser
	$(BIN)/ruff check pipeline tests bench scripts
	$(BIN)/mypy pipeline
	$(BIN)/python -m pytest -q

# Debian's Chromium for the browser tests (installed once; skipped where apt is unavailable).
browser:
	@command -v chromium >/dev/null 2>&1 || { command -v apt-get >/dev/null 2>&1 && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "chromium not installed: browser tests will be skipped"; }

lint:
	$(BIN)/ruff check pipeline tests bench scripts
	$(BIN)/mypy pipeline
	$(BIN)/ruff format --check pipeline tests bench scripts

bench: setup
	$(BIN)/python bench/run_bench.py

samples: setup
	$(BIN)/python scripts/make_samples.py

dashboard: setup
	$(BIN)/gemeentetaal dashboard

serve: setup
	$(BIN)/gemeentetaal serve

# The research notebooks: installs the `notebooks` extra (JupyterLab, nbclient) and runs all
# three headless against data/processed (made by `make run` when missing). Executed copies go
# to data/processed/notebooks/; open the notebooks with `.venv/bin/jupyter lab notebooks/`.
notebooks: $(STAMPS)/notebooks
	@test -f data/processed/gemeentetaal.duckdb || $(MAKE) run
	$(BIN)/python scripts/run_notebooks.py data/processed

$(STAMPS)/notebooks: $(STAMPS)/model pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[dev,notebooks]"
	@touch $@

clean:
	rm -rf $(STAMPS) $(VENV) data/processed/*
