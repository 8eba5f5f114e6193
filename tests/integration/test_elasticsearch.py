"""The Elasticsearch backend against a real node: mapping, analysis, alias swap, failures, LangChain."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from elasticsearch import Elasticsearch

from merlin_cnc.analysis import analyze, analyzed_text
from merlin_cnc.chunking import Chunk
from merlin_cnc.config import Settings
from merlin_cnc.embeddings.langchain import MerlinEmbeddings
from merlin_cnc.embeddings.resolve import choice_for_index
from merlin_cnc.embeddings.vectorizer import Vectorizer
from merlin_cnc.index.base import FileState, IndexIdentity, SearchRequest
from merlin_cnc.index.elasticsearch import ElasticsearchIndex
from merlin_cnc.index.embedded import EmbeddedIndex
from merlin_cnc.index.factory import current_identity, open_current
from merlin_cnc.index.langchain_store import control_filter, elasticsearch_store, to_document
from merlin_cnc.ingest import ingest
from merlin_cnc.reindex import reindex
from tests.conftest import DATA, MerlinRunner, _runner, interrupted_ingest


@pytest.fixture
def client(es_url: str) -> Iterator[Elasticsearch]:
    es = Elasticsearch(es_url)
    yield es
    es.close()


def _settings(tmp_path: Path, es_url: str, alias: str, model: str | Path) -> Settings:
    return Settings(home=tmp_path / "home", backend="elasticsearch", es_url=es_url, es_index=alias,
                    embedding_model=str(model), embedding_precision="fp32")


@pytest.fixture
def small_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    for name in ("heidenhain-tnc-640", "sinumerik-840d-sl"):
        (folder / name).mkdir(parents=True)
        (folder / name / "product-sheet.md").write_text((DATA / name / "product-sheet.md").read_text("utf-8"), "utf-8")
    (folder / "shared").mkdir()
    (folder / "shared" / "control-comparison.csv").write_text(
        (DATA / "shared" / "control-comparison.csv").read_text("utf-8"), "utf-8")
    return folder


def test_mapping_uses_builtin_analysis_and_sized_vectors(tmp_path: Path, es_url: str, es_alias: str,
                                                         client: Elasticsearch, tiny_model: Path,
                                                         small_folder: Path) -> None:
    settings = _settings(tmp_path, es_url, es_alias, tiny_model)
    ingest(small_folder, settings)
    (name,) = client.indices.get_alias(name=es_alias)
    mapping = client.indices.get_mapping(index=name)[name]["mappings"]
    props = mapping["properties"]
    assert props["terms"]["analyzer"] == "standard"
    assert props["vector"]["type"] == "dense_vector" and props["vector"]["dims"] == 64
    assert props["vector"]["similarity"] == "cosine"
    assert all(props[f]["type"] == "keyword" for f in ("cnc", "vendor", "source", "doc_type", "language", "dialect"))
    assert mapping["_meta"]["model"] == str(tiny_model) and mapping["dynamic"] == "strict"
    index_settings = client.indices.get_settings(index=name)[name]["settings"]["index"]
    assert index_settings["number_of_replicas"] == "0"
    assert name == f"{es_alias}-{current_identity(settings).version}"  # type: ignore[union-attr]


def test_standard_analyzer_keeps_the_cores_terms_whole(client: Elasticsearch) -> None:
    text = "G01 X10 G68.2 CYCLE800 #500 #<_depth> M06 R1 Q200 31i-B5 PLANE SPATIAL programación máquina"
    ours = analyze(text, "es")
    tokens = [t["token"] for t in client.indices.analyze(analyzer="standard", text=analyzed_text(text, "es"))["tokens"]]
    assert tokens == ours
    assert {"g1", "g68_2", "cycle800", "var_500", "var_depth", "m6", "r1", "q200", "31i_b5"} <= set(tokens)


@pytest.fixture
def twin_indexes(tmp_path: Path, es_url: str, es_alias: str) -> Iterator[tuple[ElasticsearchIndex, EmbeddedIndex]]:
    """The same 40 passages and vectors in both backends."""
    identity = IndexIdentity("test-model", 4)
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(40, 4)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    words = ["spindle", "axis", "default", "feed"]
    chunks = [Chunk(f"c{i}", "a.md", f"line {i}", f"passage {i} {' '.join(words[: 1 + i % 4])}", (), None,
                    "X" if i % 2 else "Y", None, "md", "es" if i >= 30 else "en") for i in range(40)]
    state = FileState("a.md", "h", [], "md")
    elastic = ElasticsearchIndex(Elasticsearch(es_url), _settings(tmp_path, es_url, es_alias, "test-model"), identity)
    embedded = EmbeddedIndex(tmp_path / "embedded", identity)
    for index in (elastic, embedded):
        index.replace_file("/docs", state, chunks, vectors)
    elastic.refresh()
    yield elastic, embedded
    embedded.close()


def test_dense_phrasings_find_what_the_embedded_index_finds(twin_indexes) -> None:  # noqa: ANN001
    """Both backends answer a request with several phrasings as the union of each one's k nearest."""
    elastic, embedded = twin_indexes
    rng = np.random.default_rng(11)
    queries = rng.normal(size=(6, 4)).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)  # as the vectorizer's are
    requests = [SearchRequest(3, vectors=(queries[i], queries[i + 1]), cnc=cnc)
                for i in (0, 2, 4) for cnc in ("X", None)]
    for got, want in zip(elastic.search(requests), embedded.search(requests), strict=True):
        assert [h.chunk.chunk_id for h in got] == [h.chunk.chunk_id for h in want]
        assert 3 <= len(got) <= 6


def test_term_statistics_are_the_same_on_both_backends(twin_indexes) -> None:  # noqa: ANN001
    elastic, embedded = twin_indexes
    terms = analyze("spindle axis default feed unheard", "en")
    stats = elastic.term_stats(terms)
    assert stats == embedded.term_stats(terms)
    assert stats.chunks == 40
    assert [stats.frequency[t] for t in terms] == [40, 22, 20, 10, 0]  # Spanish stems "axis" otherwise
    spanish = elastic.term_stats(terms, "es")
    assert spanish == embedded.term_stats(terms, "es")
    assert spanish.chunks == 10 and [spanish.frequency[t] for t in terms] == [10, 0, 6, 3, 0]


def test_alias_moves_only_when_a_new_version_is_complete(tmp_path: Path, es_url: str, es_alias: str,
                                                         client: Elasticsearch, tiny_model: Path,
                                                         small_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _settings(tmp_path, es_url, es_alias, tiny_model)
    ingest(small_folder, first)
    (old,) = client.indices.get_alias(name=es_alias)
    lexical = first.model_copy(update={"embedding_model": "none"})
    interrupted_ingest(monkeypatch, ElasticsearchIndex, 2, small_folder, lexical)
    assert list(client.indices.get_alias(name=es_alias)) == [old]  # queries still see the complete version
    report = ingest(small_folder, lexical)
    assert report.files_unchanged == 1 and report.files_ingested == 2  # the interrupted build resumes
    (new,) = client.indices.get_alias(name=es_alias)
    assert new != old and "none" in new
    assert open_current(lexical).count() == open_current(first.model_copy(update={"es_index": es_alias})).count()


def test_reindex_builds_a_new_version_and_swaps(tmp_path: Path, es_url: str, es_alias: str, client: Elasticsearch,
                                                tiny_model: Path, small_folder: Path) -> None:
    settings = _settings(tmp_path, es_url, es_alias, "none")
    ingest(small_folder, settings)
    before = open_current(settings).count()
    report = reindex(settings.model_copy(update={"embedding_model": str(tiny_model)}))
    assert report.swapped and report.chunks == before and report.files == 3
    (name,) = client.indices.get_alias(name=es_alias)
    assert name.endswith(report.target_version)
    index = open_current(settings)
    assert index.identity.dim == 64 and index.count() == before
    again = reindex(settings.model_copy(update={"embedding_model": str(tiny_model)}))
    assert not again.swapped  # already current: nothing to do


def test_langchain_store_shares_the_index_and_client(tmp_path: Path, es_url: str, es_alias: str,
                                                     tiny_model: Path, small_folder: Path) -> None:
    settings = _settings(tmp_path, es_url, es_alias, tiny_model)
    ingest(small_folder, settings)
    index = open_current(settings)
    assert isinstance(index, ElasticsearchIndex)
    vectorizer = Vectorizer(choice_for_index(index.identity.model), settings)
    store = elasticsearch_store(index, MerlinEmbeddings(vectorizer))
    assert store.client.transport is index.client.transport  # the same connection pool (options() copies)
    docs = store.similarity_search("tilted working plane", k=3, filter=control_filter("SINUMERIK 840D sl"),
                                   doc_builder=to_document)
    assert docs and all(d.metadata["cnc"] == "SINUMERIK 840D sl" for d in docs)
    assert all(d.metadata["chunk_id"] and d.metadata["locator"] for d in docs)
    retriever = store.as_retriever(search_kwargs={"k": 2, "filter": control_filter("HEIDENHAIN TNC 640"),
                                                  "doc_builder": to_document})
    assert all(d.metadata["cnc"] == "HEIDENHAIN TNC 640" for d in retriever.invoke("drilling cycles"))
    vectorizer.close()


def test_a_node_that_is_down_gives_a_clear_error(tmp_path: Path, small_folder: Path) -> None:
    run: MerlinRunner = _runner(tmp_path / "home", "none")
    down = {"MERLIN_BACKEND": "elasticsearch", "MERLIN_ES_URL": "http://127.0.0.1:9", "MERLIN_ES_TIMEOUT": "3"}
    for args in (["ingest", str(small_folder), "--json"], ["cncs", "--json"],
                 ["compare", "--cnc", "840D", "--aspect", "tcp", "--json"]):
        result = run(*args, **down)
        assert result.returncode == 2, result.stderr
        assert "Elasticsearch at http://127.0.0.1:9 is not reachable" in result.stderr
        assert "Traceback" not in result.stderr and result.stdout == ""


def test_cli_on_elasticsearch_lists_controls(tmp_path: Path, es_url: str, es_alias: str, small_folder: Path) -> None:
    run: MerlinRunner = _runner(tmp_path / "home", "none")
    env = {"MERLIN_BACKEND": "elasticsearch", "MERLIN_ES_URL": es_url, "MERLIN_ES_INDEX": es_alias}
    report = run("ingest", str(small_folder), "--json", **env).json()
    assert isinstance(report, dict) and report["embedding_model"] == "none"
    controls = {c["name"]: c for c in json.loads(run("cncs", "--json", **env).stdout)}
    assert controls["HEIDENHAIN TNC 640"]["documents"] == 2  # its sheet and its row of the shared table
