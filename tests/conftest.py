"""Shared fixtures: the sample data folder, a tiny CodeBERT-architecture model, a `merlin` runner."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str

    def json(self) -> object:
        assert self.returncode == 0, self.stderr
        return json.loads(self.stdout)


MerlinRunner = Callable[..., Run]


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A RoBERTa (CodeBERT architecture) with random weights and a tokenizer trained on data/."""
    from merlin_cnc.embeddings.synthetic import build_roberta, corpus_from

    return build_roberta(tmp_path_factory.mktemp("models") / "tiny-roberta", corpus_from(DATA), "tiny")


def merlin_env(home: Path, model: Path | str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MERLIN_")}
    env.update(MERLIN_HOME=str(home), MERLIN_EMBEDDING_MODEL=str(model), HF_HUB_OFFLINE="1")
    env.update(extra)
    return env


@pytest.fixture
def merlin(tmp_path: Path, tiny_model: Path) -> MerlinRunner:
    """Run the real `merlin` console script in a fresh MERLIN_HOME (override env per call)."""
    home = tmp_path / "home"

    def run(*args: str, timeout: float = 600, **env: str) -> Run:
        merged = merlin_env(home, env.pop("model", tiny_model), **env)
        proc = subprocess.run(
            [str(Path(sys.executable).parent / "merlin"), *args],
            capture_output=True,
            text=True,
            env=merged,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
        return Run(proc.returncode, proc.stdout, proc.stderr)

    return run


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/ for tests that edit or delete files."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def _runner(home: Path, default_model: Path | str) -> MerlinRunner:
    def run(*args: str, timeout: float = 600, **env: str) -> Run:
        merged = merlin_env(home, env.pop("model", default_model), **env)
        proc = subprocess.run([str(Path(sys.executable).parent / "merlin"), *args], capture_output=True,
                              text=True, env=merged, timeout=timeout, stdin=subprocess.DEVNULL)
        return Run(proc.returncode, proc.stdout, proc.stderr)

    return run


@pytest.fixture(scope="session")
def kb(tmp_path_factory: pytest.TempPathFactory) -> MerlinRunner:
    """`merlin` over data/ ingested once with the packaged MiniLM (the offline fallback of CodeBERT)."""
    run = _runner(tmp_path_factory.mktemp("kb-home"), "microsoft/codebert-base")
    report = run("ingest", str(DATA), "--json").json()
    assert isinstance(report, dict) and not report["files_failed"], report
    return run


ES_PORT = int(os.environ.get("MERLIN_TEST_ES_PORT", "9200"))


def _es_healthy(url: str) -> bool:
    import urllib.request

    try:
        with urllib.request.urlopen(f"{url}/_cluster/health?wait_for_status=yellow&timeout=1s", timeout=3) as r:
            return r.status == 200
    except OSError:
        return False


@pytest.fixture(scope="session")
def es_url() -> Iterator[str]:
    """A real Elasticsearch: MERLIN_ES_URL if set; else testcontainers' official image where Docker runs
    (MERLIN_TEST_ES=testcontainers); else the integ-test node of scripts/es-node.sh (reused if up)."""
    if os.environ.get("MERLIN_ES_URL"):
        yield os.environ["MERLIN_ES_URL"]
        return
    if os.environ.get("MERLIN_TEST_ES") == "testcontainers":
        from testcontainers.elasticsearch import ElasticSearchContainer

        with ElasticSearchContainer("docker.elastic.co/elasticsearch/elasticsearch:8.19.21") as container:
            yield container.get_url()
        return
    url = f"http://127.0.0.1:{ES_PORT}"
    started = False
    if not _es_healthy(url):
        subprocess.run([str(REPO / "scripts" / "es-node.sh"), "up"], check=True, timeout=900,
                       env={**os.environ, "ES_PORT": str(ES_PORT)})
        started = True
    yield url
    if started and not os.environ.get("MERLIN_TEST_KEEP_ES"):
        subprocess.run([str(REPO / "scripts" / "es-node.sh"), "down"], check=False, timeout=120,
                       env={**os.environ, "ES_PORT": str(ES_PORT)})


@pytest.fixture
def es_alias(es_url: str) -> Iterator[str]:
    """A fresh alias (and so fresh versioned indices) per test; removed afterwards."""
    import uuid

    from elasticsearch import Elasticsearch

    alias = f"merlin-test-{uuid.uuid4().hex[:10]}"
    yield alias
    client = Elasticsearch(es_url)
    client.options(ignore_status=404).indices.delete(index=f"{alias}-*")
    client.close()


def interrupted_ingest(monkeypatch: pytest.MonkeyPatch, index_class: type, on_call: int, folder: Path,
                       settings: object) -> None:
    """Run an ingest that is interrupted (Ctrl-C) when it writes its ``on_call``-th file."""
    from merlin_cnc.ingest import ingest

    original = index_class.replace_file
    calls = {"n": 0}

    def flaky(self: object, *args: object, **kwargs: object) -> None:
        calls["n"] += 1
        if calls["n"] == on_call:
            raise KeyboardInterrupt
        original(self, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(index_class, "replace_file", flaky)
        with pytest.raises(KeyboardInterrupt):
            ingest(folder, settings)  # type: ignore[arg-type]


def controls_with_and_without_catalog(merlin: MerlinRunner, folder: Path, tmp_path: Path) -> dict[str, list[dict]]:
    """``merlin cncs --json`` after ingesting ``folder`` (lexical only) with the catalog on and off."""
    out = {}
    for catalog in ("builtin", "none"):
        home = tmp_path / f"home-{catalog}"
        merlin("ingest", str(folder), "--json", model="none", MERLIN_CATALOG=catalog, MERLIN_HOME=str(home))
        controls = merlin("cncs", "--json", MERLIN_CATALOG=catalog, MERLIN_HOME=str(home)).json()
        assert isinstance(controls, list)
        out[catalog] = controls
    return out
