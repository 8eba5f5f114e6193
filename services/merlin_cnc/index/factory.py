"""The one place an index is opened, from settings."""

from __future__ import annotations

from ..config import Settings
from .base import ChunkIndex, IndexError_, IndexIdentity


def _embedded_root(settings: Settings):  # noqa: ANN202 - Path
    return settings.home / "embedded"


def open_for_writing(settings: Settings, identity: IndexIdentity) -> ChunkIndex:
    """The index version for ``identity`` (created if missing; not yet what queries use)."""
    if settings.backend == "embedded":
        from .embedded import EmbeddedIndex

        return EmbeddedIndex(_embedded_root(settings), identity)
    raise IndexError_("the elasticsearch backend is not available in this build yet; use MERLIN_BACKEND=embedded")


def current_identity(settings: Settings) -> IndexIdentity | None:
    if settings.backend == "embedded":
        from .embedded import current_identity as embedded_current

        return embedded_current(_embedded_root(settings))
    raise IndexError_("the elasticsearch backend is not available in this build yet; use MERLIN_BACKEND=embedded")


def open_current(settings: Settings) -> ChunkIndex:
    """The index queries use; a clear error when nothing has been ingested yet."""
    identity = current_identity(settings)
    if identity is None:
        raise IndexError_(f"the index under {settings.home} is empty: run `merlin ingest PATH` first")
    return open_for_writing(settings, identity)
