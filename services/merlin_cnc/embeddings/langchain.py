"""A LangChain ``Embeddings`` over Merlin's encoder, for LangChain vector stores and chains."""

from __future__ import annotations

from typing import Protocol

import numpy as np
from langchain_core.embeddings import Embeddings


class _Embedder(Protocol):
    def embed(self, texts: list[str]) -> np.ndarray: ...


class MerlinEmbeddings(Embeddings):
    """Same model, pooling and precision as ingestion, so LangChain queries match indexed vectors.

    Wraps an ``Encoder``, or a ``Vectorizer`` to reuse the content-hash cache of ingestion.
    """

    def __init__(self, encoder: _Embedder) -> None:
        self.encoder = encoder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encoder.embed(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encoder.embed([text])[0].tolist()
