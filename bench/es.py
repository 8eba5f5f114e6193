"""Elasticsearch benchmark, measured in one run against a real node (scripts/es-node.sh up, or
MERLIN_ES_URL), with a CodeBERT-sized model built from config. Prints:
  * bulk indexing docs/s: Merlin's writer (streaming bulk with deterministic ids, per-file state)
    vs langchain-elasticsearch's `ElasticsearchStore.add_texts`, on the same ~5,000 passages and
    the same pre-computed vectors;
  * `compare` latency, 2 controls x 8 aspects, every search of a comparison in one `_msearch`
    (target p50 <= 100 ms) on Elasticsearch vs the embedded index.
Usage: python bench/es.py [DATA_DIR]
"""

from __future__ import annotations

import dataclasses
import itertools
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from common import codebert_sized, percentiles, settings_for
from merlin_cnc.compare import Engine
from merlin_cnc.embeddings.resolve import choice_for_index
from merlin_cnc.embeddings.vectorizer import Vectorizer
from merlin_cnc.index.base import FileState, IndexIdentity
from merlin_cnc.index.elasticsearch import ElasticsearchIndex
from merlin_cnc.index.es_client import get_client
from merlin_cnc.index.factory import open_current
from merlin_cnc.ingest import ingest

ASPECTS = ["axes", "simultaneous_axes", "block_processing_time", "max_spindle_speed", "tilted_plane", "tcp",
           "drilling_cycles", "interfaces"]
COPIES = 10  # ~470 passages x 10 = ~4,700 documents for the bulk comparison


class Precomputed(Embeddings):
    """Hands LangChain the vectors Merlin already computed (so both writers index the same vectors)."""

    def __init__(self, vectors: dict[str, list[float]]) -> None:
        self.vectors = vectors

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self.vectors[t] for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self.vectors[text]


def main() -> None:
    data = Path(sys.argv[1] if len(sys.argv) > 1 else "data").resolve()
    url = os.environ.get("MERLIN_ES_URL", "http://127.0.0.1:9200")
    with tempfile.TemporaryDirectory(prefix="merlin-bench-") as tmp:
        work = Path(tmp)
        embedded = settings_for(work, codebert_sized(work, data))
        elastic = embedded.model_copy(update={"backend": "elasticsearch", "es_url": url, "es_index": "merlin-bench"})
        client = get_client(elastic)
        client.options(ignore_status=404).indices.delete(index="merlin-bench*")
        ingest(data, embedded)
        ingest(data, elastic)  # the same passages; vectors come from the content-hash cache
        _bulk(embedded, elastic, client)
        _latency(embedded, elastic)
        client.options(ignore_status=404).indices.delete(index="merlin-bench*")


def _bulk(embedded, elastic, client) -> None:  # noqa: ANN001 - bench helper
    source = open_current(embedded)
    chunks = list(source.iter_chunks())
    vectorizer = Vectorizer(choice_for_index(source.identity.model), embedded)
    vectors = vectorizer.vectors([c.search_text for c in chunks])
    assert vectors is not None
    copies = [(dataclasses.replace(c, chunk_id=f"{c.chunk_id}-{n}", source=f"copy{n}/{c.source}"), v)
              for n in range(COPIES) for c, v in zip(chunks, vectors, strict=True)]
    docs = len(copies)
    identity = IndexIdentity("bench/precomputed", source.identity.dim)
    merlin_index = ElasticsearchIndex(client, elastic.model_copy(update={"es_index": "merlin-bench-writer"}), identity)
    start = time.perf_counter()
    for n in range(0, docs, 500):
        part = copies[n : n + 500]
        merlin_index.replace_file("/bench", FileState(f"part{n}", "x"), [c for c, _ in part],
                                  np.stack([v for _, v in part]))
    merlin_index.refresh()
    merlin_s = time.perf_counter() - start
    assert merlin_index.count() == docs

    from langchain_elasticsearch import DenseVectorStrategy, ElasticsearchStore

    texts = [c.search_text + f" #{i}" for i, (c, _) in enumerate(copies)]
    store = ElasticsearchStore(index_name="merlin-bench-langchain", client=client, strategy=DenseVectorStrategy(),
                               embedding=Precomputed({t: v.tolist() for t, (_, v) in zip(texts, copies, strict=True)}),
                               num_dimensions=identity.dim)
    metadatas = [{"source": c.source, "cnc": c.cnc, "locator": c.locator} for c, _ in copies]
    start = time.perf_counter()
    store.add_texts(texts, metadatas=metadatas, ids=[c.chunk_id for c, _ in copies], bulk_kwargs={"chunk_size": 500})
    langchain_s = time.perf_counter() - start
    print(f"bulk indexing {docs} passages with {identity.dim}-d vectors: Merlin writer {docs / merlin_s:.0f} docs/s "
          f"({merlin_s:.1f} s), ElasticsearchStore.add_texts {docs / langchain_s:.0f} docs/s ({langchain_s:.1f} s)")
    vectorizer.close()


def _latency(embedded, elastic) -> None:  # noqa: ANN001 - bench helper
    for label, settings in (("embedded", embedded), ("elasticsearch", elastic)):
        engine = Engine(settings)
        pairs = list(itertools.combinations(engine.controls, 2))
        for pair in pairs[:10]:  # warm-up: aspect query vectors cached, the JVM's code compiled
            engine.compare(list(pair), ASPECTS)
        samples = []
        for pair in pairs[:30]:
            start = time.perf_counter()
            engine.compare(list(pair), ASPECTS)
            samples.append(time.perf_counter() - start)
        engine.close()
        target = " (target p50 <= 100 ms)" if label == "elasticsearch" else ""
        print(f"compare 2 controls x {len(ASPECTS)} aspects on {label}: {percentiles(samples)}{target}")


if __name__ == "__main__":
    main()
