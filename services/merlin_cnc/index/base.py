"""The index interface every backend implements (and the shared contract tests exercise)."""

from __future__ import annotations

import abc
import json
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from ..chunking import Chunk
from ..errors import UserError

# Bump when the indexed fields, their analysis or the parsed text change: a new version is then built
# and swapped in.
MAPPING_VERSION = 7  # 7: a folder named with a model number is that model's; a bulletin's number is no control


class IndexError_(UserError):
    """The index cannot be used (missing, built by another model, backend down); message is for users."""


@dataclass(frozen=True)
class IndexIdentity:
    """What an index version is built with; vectors of two identities never mix."""

    model: str
    dim: int

    @property
    def version(self) -> str:
        slug = re.sub(r"[^a-z0-9]+", "-", self.model.lower()).strip("-")[-60:]
        return f"{slug}-d{self.dim}-m{MAPPING_VERSION}"


class NameClaim(NamedTuple):
    """A control name one file declares: as written, its vendor if stated, and how it was found
    (``metadata``, ``title``, ``table key``, or ``folder:<path>`` for a folder's name used in the file)."""

    surface: str
    vendor: str | None
    origin: str
    source: str = ""


@dataclass
class FileState:
    """One ingested file: its content hash, the control names it declares (for discovery) and the
    fingerprint of the registry its passages were attributed under (a changed registry re-attributes)."""

    source: str
    file_hash: str
    names: list[NameClaim] = field(default_factory=list)
    doc_type: str = ""
    registry: str = ""

    def names_json(self) -> str:
        return json.dumps({"names": [list(n[:3]) for n in self.names], "registry": self.registry})


def decode_names(source: str, text: str) -> tuple[list[NameClaim], str]:
    """The claims and registry fingerprint stored for a file (older indexes stored a bare list)."""
    data = json.loads(text) if text else []
    entries, fingerprint = (data.get("names", []), str(data.get("registry", ""))) if isinstance(data, dict) else (
        data, "")
    claims = [NameClaim(e[0], e[1], e[2] if len(e) > 2 else "title", source) for e in entries]
    return claims, fingerprint


def file_state(source: str, file_hash: str, names: str, doc_type: str) -> FileState:
    claims, fingerprint = decode_names(source, names)
    return FileState(source, file_hash, claims, doc_type, fingerprint)


@dataclass
class SearchRequest:
    """One search, optionally filtered to one control: lexical (``text``) or dense (``vectors``).

    ``vectors`` are phrasings of one query (English, Spanish): the result is the union of each
    phrasing's ``k`` nearest chunks, each scored by its best similarity among the phrasings that
    found it, so lexical and dense evidence weigh the same in the fusion however many there are.
    """

    k: int
    text: str | None = None
    language: str = "en"
    vectors: tuple[np.ndarray, ...] = ()
    cnc: str | None = None


@dataclass
class SearchHit:
    chunk: Chunk
    score: float


@dataclass(frozen=True)
class TermStats:
    """Collection statistics, as BM25 uses them: how many chunks the index holds and how many of
    them hold each asked term (a term in half the corpus says little about any passage)."""

    chunks: int
    frequency: dict[str, int]


@dataclass
class ControlStats:
    name: str
    vendor: str | None
    documents: int
    chunks: int


class ChunkIndex(abc.ABC):
    identity: IndexIdentity

    @abc.abstractmethod
    def file_states(self, collection: str) -> dict[str, FileState]:
        """Files ingested from ``collection`` (an absolute folder), by source path."""

    @abc.abstractmethod
    def replace_file(self, collection: str, state: FileState, chunks: list[Chunk], vectors: np.ndarray | None) -> None:
        """Atomically replace every chunk of one file, then record its state."""

    @abc.abstractmethod
    def collections(self) -> list[str]:
        """Every ingested folder (absolute path)."""

    @abc.abstractmethod
    def chunks_of(self, collection: str, source: str) -> list[Chunk]:
        """One file's chunks in order (for reindexing into a new version)."""

    @abc.abstractmethod
    def delete_file(self, collection: str, source: str) -> None:
        """Remove a file's chunks and its state."""

    @abc.abstractmethod
    def search(self, requests: list[SearchRequest]) -> list[list[SearchHit]]:
        """Run several searches at once (one round trip where the backend allows)."""

    @abc.abstractmethod
    def term_stats(self, terms: Collection[str], language: str | None = None) -> TermStats:
        """The number of chunks, and of chunks holding each of ``terms`` (analyzed terms), among
        the chunks in ``language`` when given."""

    @abc.abstractmethod
    def controls(self) -> list[ControlStats]:
        """Every control with chunks, with its document and chunk counts."""

    @abc.abstractmethod
    def all_names(self, exclude_collection: str | None = None) -> list[NameClaim]:
        """The control names every ingested file declares (feeds the registry), in a fixed order."""

    @abc.abstractmethod
    def iter_chunks(self) -> Iterator[Chunk]:
        """Every chunk, in ingest order (for reindexing into a new version, and benchmarks)."""

    @abc.abstractmethod
    def count(self) -> int:
        """Number of chunks."""

    @abc.abstractmethod
    def refresh(self) -> None:
        """Make the writes so far visible to searches."""

    @abc.abstractmethod
    def promote(self) -> None:
        """Make this (complete) version the one queries use."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release connections."""
