"""The Elasticsearch backend: versioned indices behind an alias, bulk writes, one ``_msearch`` per query.

Writes per file: the new chunks (deterministic ``_id``s, so a re-ingest overwrites), then the delete
of the file's other chunks, then the file's state document; a run interrupted in between leaves the
state unchanged, so the next run redoes that file and ends consistent.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable, Collection, Iterator
from typing import Any, TypeVar

import numpy as np

from ..analysis import analyzed_text, query_terms
from ..chunking import Chunk
from ..config import Settings
from .base import (
    ChunkIndex,
    ControlStats,
    FileState,
    IndexError_,
    IndexIdentity,
    NameClaim,
    SearchHit,
    SearchRequest,
    TermStats,
    decode_names,
    file_state,
)
from .es_mapping import index_settings, mappings

F = TypeVar("F", bound=Callable[..., Any])
_NOT_RETURNED = ["vector", "terms", "metadata"]
BULK_CHUNK = 500


def _translate_errors(method: F) -> F:
    """Elasticsearch failures become one clear IndexError_ (the CLI's exit 2, the API's 503)."""

    @functools.wraps(method)
    def wrapper(self: ElasticsearchIndex, *args: Any, **kwargs: Any) -> Any:
        from elastic_transport import TransportError
        from elasticsearch import ApiError
        from elasticsearch.helpers import BulkIndexError

        try:
            return method(self, *args, **kwargs)
        except (TransportError, ApiError, BulkIndexError) as exc:
            raise IndexError_(f"Elasticsearch at {self.url} failed: {type(exc).__name__}: {str(exc)[:300]}") from exc

    return wrapper  # type: ignore[return-value]


def index_name(alias: str, identity: IndexIdentity) -> str:
    return f"{alias}-{identity.version}".lower()


def _file_doc_id(collection: str, source: str) -> str:
    return "file-" + hashlib.sha256(f"{collection}/{source}".encode()).hexdigest()[:32]


def _hit_to_chunk(source: dict[str, Any]) -> Chunk:
    return Chunk(source["chunk_id"], source["source"], source["locator"], source["text"],
                 tuple(json.loads(source.get("headings") or "[]")), source.get("title"), source.get("cnc"),
                 source.get("vendor"), source.get("doc_type", "txt"), source.get("language", "en"),
                 source.get("dialect"), source.get("ordinal", 0), json.loads(source.get("extra") or "{}"))


class ElasticsearchIndex(ChunkIndex):
    def __init__(self, client: Any, settings: Settings, identity: IndexIdentity) -> None:
        self.client = client
        self.url = settings.es_url
        self.alias = settings.es_index
        self.identity = identity
        self.name = index_name(self.alias, identity)
        self._ensure()

    @_translate_errors
    def _ensure(self) -> None:
        if self.client.indices.exists(index=self.name):
            meta = self.client.indices.get_mapping(index=self.name)[self.name]["mappings"].get("_meta", {})
            if meta.get("model") != self.identity.model or int(meta.get("dim", -1)) != self.identity.dim:
                raise IndexError_(f"index {self.name} holds {meta.get('model')} vectors, not {self.identity.model}")
            return
        self.client.indices.create(index=self.name, settings=index_settings(), mappings=mappings(self.identity))

    # -- writes --------------------------------------------------------------------------------
    def _chunk_source(self, collection: str, chunk: Chunk, vector: np.ndarray | None) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "doc_kind": "chunk", "chunk_id": chunk.chunk_id, "collection": collection, "source": chunk.source,
            "doc_key": f"{collection}/{chunk.source}", "locator": chunk.locator, "text": chunk.text,
            "terms": analyzed_text(chunk.search_text, chunk.language), "headings": json.dumps(chunk.headings),
            "title": chunk.title, "cnc": chunk.cnc, "vendor": chunk.vendor, "doc_type": chunk.doc_type,
            "language": chunk.language, "dialect": chunk.dialect, "ordinal": chunk.ordinal,
            "extra": json.dumps(chunk.extra),
            "metadata": {"chunk_id": chunk.chunk_id, "source": chunk.source, "locator": chunk.locator,
                         "cnc": chunk.cnc, "vendor": chunk.vendor, "doc_type": chunk.doc_type,
                         "language": chunk.language, "title": chunk.title, "headings": list(chunk.headings)},
        }
        if vector is not None and self.identity.dim:
            doc["vector"] = np.asarray(vector, dtype=np.float32).tolist()
        return doc

    @_translate_errors
    def replace_file(self, collection: str, state: FileState, chunks: list[Chunk],
                     vectors: np.ndarray | None) -> None:
        from elasticsearch.helpers import streaming_bulk

        actions = (
            {"_op_type": "index", "_index": self.name, "_id": chunk.chunk_id,
             "_source": self._chunk_source(collection, chunk, None if vectors is None else vectors[i])}
            for i, chunk in enumerate(chunks)
        )
        for ok, item in streaming_bulk(self.client, actions, chunk_size=BULK_CHUNK, max_retries=3,
                                       initial_backoff=1, raise_on_error=True):
            if not ok:
                raise IndexError_(f"bulk indexing failed: {item}")
        self._delete_chunks(collection, state.source, keep=[c.chunk_id for c in chunks])
        self.client.index(index=self.name, id=_file_doc_id(collection, state.source), document={
            "doc_kind": "file", "collection": collection, "source": state.source,
            "doc_key": f"{collection}/{state.source}", "file_hash": state.file_hash,
            "names": state.names_json(), "doc_type": state.doc_type,
        })

    def _delete_chunks(self, collection: str, source: str, keep: list[str]) -> None:
        """Bulk-delete the file's chunks not in ``keep`` (ids found by a search: ``_delete_by_query``
        lives in the reindex module, which some builds, like the test distribution, do not ship).
        The file's chunks from earlier runs are visible: ``file_states`` refreshed at the run's start,
        and the ones indexed just now are kept anyway."""
        from elasticsearch.helpers import bulk, scan

        query: dict[str, Any] = {"bool": {"filter": [{"term": {"doc_kind": "chunk"}},
                                                     {"term": {"doc_key": f"{collection}/{source}"}}]}}
        if keep:
            query["bool"]["must_not"] = [{"ids": {"values": keep}}]
        stale = [hit["_id"] for hit in scan(self.client, index=self.name, query={"query": query}, _source=False)]
        if stale:
            bulk(self.client, ({"_op_type": "delete", "_index": self.name, "_id": i} for i in stale),
                 raise_on_error=False)

    @_translate_errors
    def delete_file(self, collection: str, source: str) -> None:
        self._delete_chunks(collection, source, keep=[])
        self.client.options(ignore_status=404).delete(index=self.name, id=_file_doc_id(collection, source))

    @_translate_errors
    def refresh(self) -> None:
        self.client.indices.refresh(index=self.name)

    @_translate_errors
    def promote(self) -> None:
        actions: list[dict[str, Any]] = [{"add": {"index": self.name, "alias": self.alias}}]
        if self.client.indices.exists_alias(name=self.alias):
            for other in self.client.indices.get_alias(name=self.alias):
                if other != self.name:
                    actions.insert(0, {"remove": {"index": other, "alias": self.alias}})
        self.client.indices.update_aliases(actions=actions)

    # -- reads ---------------------------------------------------------------------------------
    def _scan(self, query: dict[str, Any], source: list[str] | None = None) -> Iterator[dict[str, Any]]:
        from elasticsearch.helpers import scan

        kwargs: dict[str, Any] = {"query": {"query": query}, "index": self.name, "size": 500}
        if source is not None:
            kwargs["_source"] = source
        else:
            kwargs["_source_excludes"] = _NOT_RETURNED
        for hit in scan(self.client, **kwargs):
            yield hit["_source"]

    @_translate_errors
    def file_states(self, collection: str) -> dict[str, FileState]:
        self.client.indices.refresh(index=self.name)  # an interrupted run's last writes count too
        query = {"bool": {"filter": [{"term": {"doc_kind": "file"}}, {"term": {"collection": collection}}]}}
        return {d["source"]: file_state(d["source"], d["file_hash"], d["names"], d.get("doc_type", ""))
                for d in self._scan(query, ["source", "file_hash", "names", "doc_type"])}

    def _body(self, request: SearchRequest) -> dict[str, Any]:
        filters: list[dict[str, Any]] = [{"term": {"doc_kind": "chunk"}}]
        if request.cnc is not None:
            filters.append({"term": {"cnc": request.cnc}})
        body: dict[str, Any] = {"size": request.k, "_source": {"excludes": _NOT_RETURNED}}
        if request.vectors:
            # One search for all phrasings: dis_max keeps each chunk's best similarity, and the
            # union of the phrasings' k nearest fits in k per phrasing (half the searches of one
            # kNN search per phrasing, and the same hits).
            body["size"] = request.k * len(request.vectors)
            body["query"] = {"dis_max": {"queries": [
                {"knn": {"field": "vector", "query_vector": np.asarray(vector, dtype=np.float32), "k": request.k,
                         "num_candidates": max(50, 2 * request.k), "filter": filters}}
                for vector in request.vectors]}}
        else:
            terms = " ".join(query_terms(request.text or "", request.language))
            body["query"] = {"bool": {"must": [{"match": {"terms": terms}}], "filter": filters}}
        return body

    @_translate_errors
    def search(self, requests: list[SearchRequest]) -> list[list[SearchHit]]:
        def runnable(r: SearchRequest) -> bool:
            if r.vectors:
                return bool(self.identity.dim)
            return bool(query_terms(r.text or "", r.language))

        sent = [runnable(r) for r in requests]
        searches: list[dict[str, Any]] = []
        for request, send in zip(requests, sent, strict=True):
            if send:
                searches.extend([{"index": self.name}, self._body(request)])
        responses = self.client.msearch(searches=searches)["responses"] if searches else []
        answers = iter(responses)
        chunks: dict[str, Chunk] = {}  # the searches of a comparison return the same chunks many times
        out: list[list[SearchHit]] = []
        for send in sent:
            if not send:
                out.append([])
                continue
            response = next(answers)
            if "error" in response:
                raise IndexError_(f"Elasticsearch search failed: {response['error']}")
            hits = response["hits"]["hits"]
            for hit in hits:
                if hit["_id"] not in chunks:
                    chunks[hit["_id"]] = _hit_to_chunk(hit["_source"])
            out.append([SearchHit(chunks[h["_id"]], float(h["_score"] or 0.0)) for h in hits])
        return out

    @_translate_errors
    def term_stats(self, terms: Collection[str], language: str | None = None) -> TermStats:
        wanted = sorted(set(terms))
        aggs = {"df": {"filters": {"filters": {t: {"term": {"terms": t}} for t in wanted}}}} if wanted else None
        filters: list[dict[str, Any]] = [{"term": {"doc_kind": "chunk"}}]
        if language is not None:
            filters.append({"term": {"language": language}})
        response = self.client.search(index=self.name, size=0, track_total_hits=True,
                                      query={"bool": {"filter": filters}}, aggs=aggs)
        buckets = response["aggregations"]["df"]["buckets"] if wanted else {}
        return TermStats(int(response["hits"]["total"]["value"]),
                         {t: int(buckets.get(t, {}).get("doc_count", 0)) for t in wanted})

    @_translate_errors
    def controls(self) -> list[ControlStats]:
        response = self.client.search(index=self.name, size=0, query={"term": {"doc_kind": "chunk"}}, aggs={
            "cnc": {"terms": {"field": "cnc", "size": 10000, "order": {"_key": "asc"}},
                    "aggs": {"documents": {"cardinality": {"field": "doc_key", "precision_threshold": 40000}},
                             "vendor": {"terms": {"field": "vendor", "size": 1}}}}})
        out = []
        for bucket in response["aggregations"]["cnc"]["buckets"]:
            vendors = bucket["vendor"]["buckets"]
            out.append(ControlStats(bucket["key"], vendors[0]["key"] if vendors else None,
                                    int(bucket["documents"]["value"]), int(bucket["doc_count"])))
        return out

    @_translate_errors
    def collections(self) -> list[str]:
        response = self.client.search(index=self.name, size=0, query={"term": {"doc_kind": "file"}},
                                      aggs={"c": {"terms": {"field": "collection", "size": 10000}}})
        return sorted(b["key"] for b in response["aggregations"]["c"]["buckets"])

    @_translate_errors
    def chunks_of(self, collection: str, source: str) -> list[Chunk]:
        query = {"bool": {"filter": [{"term": {"doc_kind": "chunk"}}, {"term": {"doc_key": f"{collection}/{source}"}}]}}
        response = self.client.search(index=self.name, query=query, size=10000, sort=[{"ordinal": "asc"}],
                                      source_excludes=_NOT_RETURNED)
        return [_hit_to_chunk(h["_source"]) for h in response["hits"]["hits"]]

    @_translate_errors
    def all_names(self, exclude_collection: str | None = None) -> list[NameClaim]:
        out: list[NameClaim] = []
        docs = sorted(self._scan({"term": {"doc_kind": "file"}}, ["source", "names", "collection"]),
                      key=lambda d: (d.get("collection", ""), d["source"]))
        docs = [d for d in docs if d.get("collection") != exclude_collection]
        for doc in docs:
            out.extend(decode_names(doc["source"], doc["names"])[0])
        return out

    def iter_chunks(self) -> Iterator[Chunk]:
        from elasticsearch.helpers import scan

        hits = scan(self.client, index=self.name, query={"query": {"term": {"doc_kind": "chunk"}},
                                                         "sort": [{"doc_key": "asc"}, {"ordinal": "asc"}]},
                    preserve_order=True, size=500, _source_excludes=["terms"])
        for hit in hits:
            yield _hit_to_chunk(hit["_source"])

    @_translate_errors
    def count(self) -> int:
        return int(self.client.count(index=self.name, query={"term": {"doc_kind": "chunk"}})["count"])

    def close(self) -> None:
        """The client is shared by the process (es_client.get_client); nothing to release here."""


def current_identity(client: Any, settings: Settings) -> IndexIdentity | None:
    """The identity of the index the alias points to, or None before the first complete ingest."""
    from elastic_transport import TransportError
    from elasticsearch import ApiError, NotFoundError

    try:
        targets = list(client.indices.get_alias(name=settings.es_index))
    except NotFoundError:
        return None
    except (TransportError, ApiError) as exc:
        raise IndexError_(f"Elasticsearch at {settings.es_url} failed: {type(exc).__name__}: {exc}") from exc
    if not targets:
        return None
    meta = client.indices.get_mapping(index=targets[0])[targets[0]]["mappings"].get("_meta", {})
    return IndexIdentity(str(meta["model"]), int(meta["dim"]))
