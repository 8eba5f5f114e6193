"""A LangChain ``Embeddings`` over Merlin's encoder, for LangChain vector stores and chains."""

from __future__ import annotations

from langchain_core.embeddings import Embeddings

from .encoder import Encoder


class MerlinEmbeddings(Embeddings):
    """Same model, pooling and precision as ingestion, so LangChain queries match indexed vectors."""

    def __init__(self, encoder: Encoder) -> None:
        self.encoder = encoder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encoder.embed(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encoder.embed([text])[0].tolist()
