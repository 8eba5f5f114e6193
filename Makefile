# Merlin — developer entry points. `make help` lists them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export HF_HUB_DISABLE_TELEMETRY := 1

.PHONY: help setup demo test test-unit lint bench es-up es-down clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,fallback]'
	touch $(STAMP)

setup: $(STAMP) ## create .venv and install Merlin with its dev tools (idempotent)

demo: setup ## ingest data/, list the controls, then compare three controls and ask a question
	$(BIN)/merlin ingest data
	$(BIN)/merlin cncs
	$(BIN)/merlin compare --cnc "Fanuc 31i" --cnc "Sinumerik 840D" --cnc "TNC 640" \
		--aspect tilted_plane --aspect tcp --aspect block_processing_time --aspect axes --aspect interfaces
	$(BIN)/merlin ask "Compara el plano inclinado en Fanuc 31i y Sinumerik 840D"

lint: setup ## ruff and mypy on the core package
	$(BIN)/ruff check services tests bench
	$(BIN)/mypy

test: setup lint ## everything CI runs: lint, unit and end-to-end tests
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest

test-unit: setup ## the fast unit tests only
	$(BIN)/python -m pytest tests/unit -q

bench: setup es-up ## benchmarks (CodeBERT-sized model built from config): ingestion, queries, Elasticsearch
	HF_HUB_OFFLINE=1 $(BIN)/python bench/ingest.py
	HF_HUB_OFFLINE=1 $(BIN)/python bench/query.py
	HF_HUB_OFFLINE=1 $(BIN)/python bench/es.py

es-up: ## start a local Elasticsearch 8.19 on 127.0.0.1:9200 (Maven Central build, no Docker)
	scripts/es-node.sh up

es-down: ## stop the local Elasticsearch
	scripts/es-node.sh down

clean: ## remove the local index, caches and the virtual environment
	-scripts/es-node.sh down
	rm -rf .merlin .es /var/tmp/merlin-es $(VENV) .pytest_cache .mypy_cache .ruff_cache
