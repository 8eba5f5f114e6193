"""The index mapping: only Elasticsearch's built-in analysis (the test build has no analysis-common).

Search text is analyzed in the core (``merlin_cnc.analysis``: code-aware tokens, Spanish/English
stems) and indexed pre-analyzed in ``terms`` with the ``standard`` analyzer, which keeps our
``[a-z0-9_]`` terms whole; so both backends rank on identical terms, here and on the official image.
"""

from __future__ import annotations

from typing import Any

from .base import MAPPING_VERSION, IndexIdentity

_KEYWORD = {"type": "keyword"}
_STORED_ONLY = {"type": "keyword", "index": False, "doc_values": False}


def index_settings() -> dict[str, Any]:
    return {"number_of_shards": 1, "number_of_replicas": 0}


def mappings(identity: IndexIdentity) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "doc_kind": _KEYWORD,  # "chunk" or "file" (a file's ingest state)
        "chunk_id": _KEYWORD,
        "collection": _KEYWORD,
        "source": _KEYWORD,
        "doc_key": _KEYWORD,  # collection + "/" + source: one document
        "locator": _STORED_ONLY,
        "text": {"type": "text", "index": False},  # as stored for display (LangChain's query_field)
        "terms": {"type": "text", "analyzer": "standard", "similarity": "BM25"},
        "headings": _STORED_ONLY,
        "title": _STORED_ONLY,
        "cnc": _KEYWORD,
        "vendor": _KEYWORD,
        "doc_type": _KEYWORD,
        "language": _KEYWORD,
        "dialect": _KEYWORD,
        "ordinal": {"type": "integer"},
        "extra": _STORED_ONLY,  # JSON
        "file_hash": _KEYWORD,
        "names": _STORED_ONLY,  # JSON: the control names a file declares
        # LangChain's convention (ElasticsearchStore returns `metadata` with each Document).
        "metadata": {"type": "object", "enabled": False},
    }
    if identity.dim:
        # Plain float HNSW, not the default int8_hnsw: the kNN ranking then matches the embedded
        # backend's exact cosine ranking (these corpora are small; memory is not the constraint).
        properties["vector"] = {"type": "dense_vector", "dims": identity.dim, "index": True, "similarity": "cosine",
                                "index_options": {"type": "hnsw", "m": 16, "ef_construction": 100}}
    return {
        "dynamic": "strict",
        # Hits never need the vector or the analyzed terms back, and parsing a 768-float vector out
        # of every hit's _source was a third of a comparison's search time. (An index made before
        # this keeps them in _source; searches exclude them anyway, so it stays correct.)
        "_source": {"excludes": ["vector", "terms"]},
        "_meta": {"model": identity.model, "dim": identity.dim, "mapping_version": MAPPING_VERSION},
        "properties": properties,
    }
