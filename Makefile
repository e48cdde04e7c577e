# Quick start:  make demo   (embedded SQLite demo court on http://127.0.0.1:8000)
#               make test   (whole suite on PostgreSQL + Redis + Chromium, started here)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-fast bench bench-small system-deps messages clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test,stt]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/xiezhi demo

system-deps:
	scripts/system-deps.sh

test: system-deps $(STAMP)
	$(BIN)/lint-imports
	scripts/with-services.sh $(BIN)/python -m pytest -p no:cacheprovider $(PYTEST_ARGS)

# The layer contract alone (pyproject.toml [tool.importlinter]; docs/architecture.md)
.PHONY: lint-imports
lint-imports: $(STAMP)
	$(BIN)/lint-imports

# Law and API tests only, no services (still uses SQLite)
test-fast: $(STAMP)
	$(BIN)/python -m pytest -p no:cacheprovider tests/law tests/api -q

bench: system-deps $(STAMP)
	scripts/with-services.sh $(BIN)/python -m bench.run $(BENCH_ARGS)
	scripts/with-services.sh $(BIN)/python -m bench.hearings_bench
	scripts/with-services.sh $(BIN)/python -m bench.dossier_bench
	scripts/with-services.sh $(BIN)/python -m bench.credit_bench
	scripts/with-services.sh $(BIN)/python -m bench.linkage_bench
	scripts/with-services.sh $(BIN)/python -m bench.mediation_bench
	scripts/with-services.sh $(BIN)/python -m bench.http_load $(HTTP_LOAD_ARGS)

# Production profile as production runs it: nginx (TLS) → gunicorn, Celery worker + beat,
# PostgreSQL + Redis kept in var/serve (docs/deploy.md, "Serving behind nginx")
.PHONY: serve
serve: system-deps $(STAMP)
	scripts/serve.sh

bench-small: system-deps $(STAMP)
	scripts/with-services.sh $(BIN)/python -m bench.run --cases 20000 $(BENCH_ARGS)

messages: $(STAMP)
	cd src/xiezhi && ../../$(BIN)/xiezhi makemessages -l en --no-obsolete && ../../$(BIN)/xiezhi compilemessages

clean:
	rm -rf var
