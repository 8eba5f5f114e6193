"""The one place an index is opened, from settings."""

from __future__ import annotations

from pathlib import Path

from ..config import Settings
from .base import ChunkIndex, IndexError_, IndexIdentity


def _embedded_root(settings: Settings) -> Path:
    return settings.home / "embedded"


def _es_client(settings: Settings) -> object:
    from .es_client import check_ready, get_client

    client = get_client(settings)
    check_ready(client, settings.es_url)
    return client


def open_for_writing(settings: Settings, identity: IndexIdentity) -> ChunkIndex:
    """The index version for ``identity`` (created if missing; not yet what queries use)."""
    if settings.backend == "elasticsearch":
        from .elasticsearch import ElasticsearchIndex

        return ElasticsearchIndex(_es_client(settings), settings, identity)
    from .embedded import EmbeddedIndex

    return EmbeddedIndex(_embedded_root(settings), identity)


def current_identity(settings: Settings) -> IndexIdentity | None:
    if settings.backend == "elasticsearch":
        from .elasticsearch import current_identity as es_current

        return es_current(_es_client(settings), settings)
    from .embedded import current_identity as embedded_current

    return embedded_current(_embedded_root(settings))


def open_current(settings: Settings) -> ChunkIndex:
    """The index queries use; a clear error when nothing has been ingested yet."""
    identity = current_identity(settings)
    if identity is None:
        where = settings.es_url if settings.backend == "elasticsearch" else str(settings.home)
        raise IndexError_(f"the index at {where} is empty: run `merlin ingest PATH` first")
    return open_for_writing(settings, identity)
