# Two commands do all the set-up (README): `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint typecheck services install clean ops-tools test-tools image image-test

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/.installed

## Embedded mode: SQLite, eager Celery, demo data; one process, nothing else to install.
run: install
	DEBUG=true $(BIN)/python manage.py migrate --noinput
	DEBUG=true $(BIN)/python manage.py seed_demo
	@echo ""
	@echo "  OMS running at http://$(HOST):$(PORT)/api/v1/  (docs: /api/docs/, back office: /admin/)"
	@echo ""
	DEBUG=true $(BIN)/python manage.py runserver $(HOST):$(PORT)

## The whole suite on PostgreSQL and Redis, with every check CI makes.
test: install services ops-tools test-tools lint typecheck
	$(BIN)/pytest -n 2 --cov --cov-report=term --cov-fail-under=90

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports importlinter.ini

typecheck: install
	DEBUG=true $(BIN)/mypy oms

services:
	bash scripts/ensure-services

ops-tools:
	bash scripts/ensure-ops-tools

## The OpenID Connect provider the identity tests sign in against, and headless Chromium.
test-tools:
	bash scripts/ensure-test-tools

## The real container image, built without a Docker engine (buildah on a debootstrap base), and run.
image:
	bash scripts/build-image

image-test: install image
	OMS_IMAGE=localhost/oms:latest $(BIN)/pytest tests/deploy/test_image.py -p no:cacheprovider -q

clean:
	rm -rf $(VENV) var .coverage .pytest_cache .mypy_cache .ruff_cache .hypothesis
