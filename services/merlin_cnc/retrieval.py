"""Per-control hybrid retrieval: BM25 and kNN filtered to one control, fused with reciprocal rank fusion.

Every (control, query) pair of a comparison is searched at once (one ``index.search`` call: one
``_msearch`` on Elasticsearch), so one vendor's long manual cannot crowd the others out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .chunking import Chunk
from .embeddings.vectorizer import Vectorizer
from .index.base import ChunkIndex, SearchRequest

RRF_K = 60
CANDIDATES = 12
# A lexical hit scoring under this share of the best hit matched only ubiquitous terms: it is not
# evidence and gets no rank in the fusion.
MIN_BM25_SHARE = 0.05


@dataclass
class QuerySpec:
    """What to look for: lexical text (with its language) and texts to embed for kNN."""

    text: str
    language: str = "en"
    dense_texts: list[str] = field(default_factory=list)
    # The question read in the other language (glossary forms), searched as a second lexical list:
    # a Spanish question over English documents shares their words only once translated.
    other_text: str | None = None


@dataclass
class Fused:
    chunk: Chunk
    score: float  # reciprocal rank fusion score
    bm25: float | None = None
    dense: float | None = None


def rrf(ranked_lists: list[list[tuple[Chunk, float]]], kinds: list[str]) -> list[Fused]:
    """Reciprocal rank fusion (Cormack et al. 2009) of several ranked lists, best first."""
    fused: dict[str, Fused] = {}
    for hits, kind in zip(ranked_lists, kinds, strict=True):
        for rank, (chunk, score) in enumerate(hits, start=1):
            entry = fused.setdefault(chunk.chunk_id, Fused(chunk, 0.0))
            entry.score += 1.0 / (RRF_K + rank)
            if kind == "bm25":
                entry.bm25 = max(entry.bm25 or score, score)
            else:
                entry.dense = max(entry.dense or score, score)
    return sorted(fused.values(), key=lambda f: -f.score)


def _lexical_floor(hits: list[tuple[Chunk, float]]) -> list[tuple[Chunk, float]]:
    if not hits:
        return hits
    floor = hits[0][1] * MIN_BM25_SHARE
    return [(chunk, score) for chunk, score in hits if score >= floor]


class Retriever:
    def __init__(self, index: ChunkIndex, vectorizer: Vectorizer) -> None:
        self.index = index
        self.vectorizer = vectorizer

    def _vectors(self, texts: list[str]) -> dict[str, np.ndarray]:
        unique = list(dict.fromkeys(texts))
        vectors = self.vectorizer.vectors(unique) if unique else None
        if vectors is None:
            return {}
        return {t: vectors[i] for i, t in enumerate(unique)}

    def retrieve(self, pairs: Sequence[tuple[str | None, QuerySpec]], k: int = CANDIDATES) -> list[list[Fused]]:
        """Fused candidates for each ``(control or None, query)`` pair, from one batched search."""
        vectors = self._vectors([t for _, spec in pairs for t in spec.dense_texts])
        requests: list[SearchRequest] = []
        layout: list[list[tuple[int, str]]] = []
        for cnc, spec in pairs:
            slots = [(len(requests), "bm25")]
            requests.append(SearchRequest(k, text=spec.text, language=spec.language, cnc=cnc))
            if spec.other_text:
                other = "en" if spec.language == "es" else "es"
                slots.append((len(requests), "bm25"))
                requests.append(SearchRequest(k, text=spec.other_text, language=other, cnc=cnc))
            phrasings = tuple(vectors[text] for text in dict.fromkeys(spec.dense_texts) if text in vectors)
            if phrasings:
                slots.append((len(requests), "dense"))
                requests.append(SearchRequest(k, vectors=phrasings, cnc=cnc))
            layout.append(slots)
        results = self.index.search(requests)
        out = []
        for slots in layout:
            lists = [[(h.chunk, h.score) for h in results[i]] for i, _ in slots]
            lists = [_lexical_floor(hits) if kind == "bm25" else hits
                     for hits, (_, kind) in zip(lists, slots, strict=True)]
            out.append(rrf(lists, [kind for _, kind in slots]))
        return out
