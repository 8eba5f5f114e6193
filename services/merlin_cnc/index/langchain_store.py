"""langchain-elasticsearch's ``ElasticsearchStore`` over Merlin's own index and client (read side)."""

from __future__ import annotations

from typing import Any

from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings

from .elasticsearch import ElasticsearchIndex


def to_document(hit: dict[str, Any]) -> Document:
    """A hit as a LangChain Document: the passage text, Merlin's metadata and the score."""
    source = hit["_source"]
    return Document(page_content=source["text"], metadata={**source.get("metadata", {}), "score": hit.get("_score")})


def elasticsearch_store(index: ElasticsearchIndex, embeddings: Embeddings) -> Any:
    """The store on the index version ``index`` is, with the injected client (no ``GET /`` needed)."""
    from langchain_elasticsearch import DenseVectorStrategy, ElasticsearchStore

    return ElasticsearchStore(index_name=index.name, embedding=embeddings, client=index.client,
                              strategy=DenseVectorStrategy(), vector_query_field="vector", query_field="text",
                              num_dimensions=index.identity.dim or None)


def control_filter(cnc: str) -> list[dict[str, Any]]:
    return [{"term": {"doc_kind": "chunk"}}, {"term": {"cnc": cnc}}]
