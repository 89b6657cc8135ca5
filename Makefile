# council_sm: two commands do all the set-up on a fresh machine.
#   make run   install, migrate (which loads the casebook), serve on 127.0.0.1:8000
#   make test  install and run every test (against PostgreSQL as well when
#              TEST_POSTGRES_URL is set, as .ci/run does)
# and for production:
#   make serve migrate, collect static files, serve with gunicorn on 127.0.0.1:$PORT (8000);
#              needs the production environment (docs/deploy.md)
#   make bench benchmarks, including a load test against gunicorn (and PostgreSQL when
#              BENCH_POSTGRES_URL or TEST_POSTGRES_URL is set)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME_STAMP := $(VENV)/.runtime-installed
DEV_STAMP := $(VENV)/.dev-installed
BENCH_STAMP := $(VENV)/.bench-installed

.PHONY: run serve test lint bench assets messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUNTIME_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@ $(RUNTIME_STAMP)

$(BENCH_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev,bench]"
	touch $@ $(DEV_STAMP) $(RUNTIME_STAMP)

run: $(RUNTIME_STAMP)
	DJANGO_DEBUG=$${DJANGO_DEBUG:-true} $(BIN)/python manage.py migrate --noinput
	@# A demo monitoring officer, for development only (the command refuses without DEBUG).
	@if [ "$${DJANGO_DEBUG:-true}" = "true" ]; then DJANGO_DEBUG=true $(BIN)/python manage.py seed_demo; fi
	DJANGO_DEBUG=$${DJANGO_DEBUG:-true} $(BIN)/python manage.py runserver 127.0.0.1:8000

serve: $(RUNTIME_STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/gunicorn --config gunicorn.conf.py council_sm.wsgi

lint: $(DEV_STAMP)
	$(BIN)/ruff check .

test: $(DEV_STAMP) lint
	$(BIN)/python -m pytest
	@if [ -n "$$TEST_POSTGRES_URL" ]; then \
		echo "== the suite again, against PostgreSQL =="; \
		DATABASE_URL="$$TEST_POSTGRES_URL" $(BIN)/python -m pytest; \
	fi

bench: $(BENCH_STAMP)
	DJANGO_DEBUG=false DJANGO_SECRET_KEY=bench-only-not-secret $(BIN)/python -m bench

assets:
	bash assets/build.sh

# Re-extract the strings and recompile the Welsh catalogue (needs gettext). The compiled .mo is
# committed, so running the service never needs gettext.
messages: $(DEV_STAMP)
	DJANGO_DEBUG=true $(BIN)/python manage.py makemessages -l cy --no-obsolete \
		--ignore=.venv --ignore=assets --ignore=tests --ignore=bench --ignore=staticfiles \
		--ignore=test-artifacts
	DJANGO_DEBUG=true $(BIN)/python manage.py compilemessages -l cy --ignore=.venv

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
