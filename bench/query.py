"""Query benchmark, measured in one run on data/ with a CodeBERT-sized model built from config.

Prints:
  * `compare` latency for 2 controls x 8 aspects (target p50 <= 150 ms), for free questions (the
    labelled data/ set's), and `ask` retrieval latency (target p50 <= 120 ms) on the embedded index;
  * on the labelled set bench/labels.jsonl ((control, aspect) -> the files that state it, asked in
    English and in Spanish): recall@5 of Merlin's retrieval (per-control hybrid BM25 + kNN with
    RRF, expanded queries) against a naive LangChain RAG (one global `similarity_search(k=4)` over
    the same chunks and embeddings, no control filter), overall and by question language, with
    both latencies.
Usage: python bench/query.py [DATA_DIR] [--minilm]
  --minilm: use the packaged all-MiniLM-L6-v2 (real semantics, the offline fallback) instead of the
  CodeBERT-sized model with random weights (CodeBERT's cost, but its vectors carry no meaning).
"""

from __future__ import annotations

import itertools
import json
import sys
import tempfile
import time
from pathlib import Path

from langchain_core.documents import Document
from langchain_core.vectorstores import InMemoryVectorStore

from common import codebert_sized, percentiles, settings_for
from merlin_cnc.asking import ask, plan
from merlin_cnc.compare import Engine
from merlin_cnc.embeddings.langchain import MerlinEmbeddings
from merlin_cnc.ingest import ingest

ASPECTS = ["axes", "simultaneous_axes", "block_processing_time", "max_spindle_speed", "tilted_plane", "tcp",
           "drilling_cycles", "interfaces"]
LABELS = Path(__file__).with_name("labels.jsonl")
QUESTIONS = Path(__file__).parent / "sets" / "data" / "questions.jsonl"
FREE_QUESTIONS = 30


def _hit(sources: list[tuple[str, str | None]], label: dict) -> bool:
    """A retrieved passage from an expected file (a shared table's row must be the label's control)."""
    return any(src in label["expected_sources"] and (not src.startswith("shared/") or cnc == label["cnc"])
               for src, cnc in sources)


def merlin_top5(engine: Engine, question: str) -> list[tuple[str, str | None]]:
    """The passages `ask` retrieves first for the question (its first row, first control)."""
    p = plan(engine, question)
    if not p.controls:
        return []
    rows = engine.row_specs(p.aspects or None, p.standalone if not p.aspects else None, p.language)
    fused = engine.retriever.retrieve([(p.controls[0], rows[0][3])])[0]
    return [(f.chunk.source, f.chunk.cnc) for f in fused[:5]]


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    data = Path(args[0] if args else "data").resolve()
    labels = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory(prefix="merlin-bench-") as tmp:
        work = Path(tmp)
        if "--minilm" in sys.argv:
            from merlin_cnc.embeddings.resolve import packaged_fallback

            settings = settings_for(work, Path(str(packaged_fallback())))
        else:
            settings = settings_for(work, codebert_sized(work, data))
        report = ingest(data, settings)
        print(f"index: {report.chunks_written} chunks from {report.files_seen} files, model {report.embedding_model}"
              f" ({report.embedding_precision})")
        engine = Engine(settings)
        try:
            _latencies(engine)
            _recall(engine, labels)
        finally:
            engine.close()


def _latencies(engine: Engine) -> None:
    pairs = list(itertools.combinations(engine.controls, 2))
    engine.compare(list(pairs[0]), ASPECTS)  # warm-up: caches the aspects' query vectors
    samples = []
    for pair in pairs[:30]:
        start = time.perf_counter()
        engine.compare(list(pair), ASPECTS)
        samples.append(time.perf_counter() - start)
    print(f"compare 2 controls x {len(ASPECTS)} aspects: {percentiles(samples)} (target p50 <= 150 ms)")
    samples = []
    requests = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    for request in requests[:FREE_QUESTIONS]:
        start = time.perf_counter()
        engine.compare(request["cncs"], question=request["question"])
        samples.append(time.perf_counter() - start)
    if samples:
        print(f"free-question compare (the first {len(samples)} labelled data/ questions, each asked once, "
              f"its vector computed): {percentiles(samples)}")


def _recall(engine: Engine, labels: list[dict]) -> None:
    embeddings = MerlinEmbeddings(engine.vectorizer)
    store = InMemoryVectorStore(embeddings)
    chunks = list(engine.index.iter_chunks())
    store.add_documents([Document(c.search_text, metadata={"source": c.source, "cnc": c.cnc}) for c in chunks])
    results: dict[str, dict[str, list]] = {name: {"en": [], "es": []} for name in ("merlin", "naive")}
    times: dict[str, list[float]] = {"merlin": [], "naive": [], "ask": []}
    for label, language in itertools.product(labels, ("en", "es")):
        question = label[f"question_{language}"]
        embeddings.embed_query(question)  # both systems then find the question vector cached
        start = time.perf_counter()
        merlin = merlin_top5(engine, question)
        times["merlin"].append(time.perf_counter() - start)
        start = time.perf_counter()
        naive = store.similarity_search(question, k=4)
        times["naive"].append(time.perf_counter() - start)
        start = time.perf_counter()
        ask(engine, question)
        times["ask"].append(time.perf_counter() - start)
        results["merlin"][language].append(_hit(merlin, label))
        if not results["merlin"][language][-1]:
            print(f"  merlin miss ({language}): {label['cnc']} / {label['aspect']}: {merlin}")
        results["naive"][language].append(_hit([(d.metadata["source"], d.metadata["cnc"]) for d in naive], label))
    print(f"ask retrieval (plan + per-control hybrid search, question vector cached): {percentiles(times['merlin'])}"
          " (target p50 <= 120 ms)")
    print(f"ask end to end (retrieval + extraction + summary): {percentiles(times['ask'])}")
    print(f"naive RAG similarity_search(k=4): {percentiles(times['naive'])}")
    for name in ("merlin", "naive"):
        en, es = results[name]["en"], results[name]["es"]
        overall = (sum(en) + sum(es)) / (len(en) + len(es))
        print(f"recall@5 {name:7s}: overall {overall:.2f} | English questions {sum(en) / len(en):.2f} | "
              f"Spanish questions {sum(es) / len(es):.2f}  ({len(en)} labels x 2 languages)")


if __name__ == "__main__":
    main()
