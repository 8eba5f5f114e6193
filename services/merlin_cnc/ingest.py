"""Ingest a folder: parse changed files, attribute them to controls, chunk, embed and write the index.

Incremental: a file whose content hash is unchanged is skipped; an edited file replaces exactly its
chunks; a file that disappeared loses its chunks. Each file is written in one transaction, so an
interrupted run leaves the index consistent and the next run finishes the job.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Protocol

from .analysis import detect_language
from .chunking import Chunk, chunk_document
from .cnc.attribution import attribute
from .cnc.discovery import DocumentNames, discover
from .cnc.registry import Registry
from .cnc.subject import mark_subjects
from .config import Settings
from .documents import ParsedDocument, ParseError, parse_file
from .embeddings.resolve import ModelChoice, resolve_model
from .embeddings.vectorizer import Vectorizer, model_dim
from .errors import UserError
from .index.base import ChunkIndex, FileState, IndexIdentity, NameClaim
from .index.factory import current_identity, open_for_writing
from .scanning import scan


class IngestError(UserError):
    """The ingest cannot start (e.g. the path does not exist); message is for users."""


class Progress(Protocol):
    def phase(self, name: str, total: int) -> None: ...
    def advance(self, n: int = 1) -> None: ...


@dataclass
class IngestReport:
    files_seen: int = 0
    files_ingested: int = 0
    files_unchanged: int = 0
    files_failed: list[dict[str, str]] = field(default_factory=list)
    files_deleted: int = 0
    files_reattributed: int = 0  # unchanged files whose passages moved to another control
    chunks_written: int = 0
    cncs: list[str] = field(default_factory=list)
    embedding_model: str = ""
    embedding_note: str | None = None
    chunks_embedded: int = 0
    chunks_from_cache: int = 0
    chunks_truncated: int = 0
    tokens_embedded: int = 0
    embedding_precision: str | None = None

    def to_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass
class _Pending:
    source: str
    file_hash: str
    doc: ParsedDocument
    names: DocumentNames
    reattributed: bool = False


def ingest(path: Path, settings: Settings, progress: Progress | None = None) -> IngestReport:
    if not path.exists():
        raise IngestError(f"no such file or directory: {path}")
    root = path if path.is_dir() else path.parent
    collection = str(root.resolve())
    files = scan(root) if path.is_dir() else [(path, path.name)]
    choice = resolve_model(settings)
    if choice.note:
        print(f"merlin: warning: {choice.note}", file=sys.stderr)
    identity = IndexIdentity(choice.name, model_dim(choice))
    report = IngestReport(files_seen=len(files), embedding_model=choice.name, embedding_note=choice.note)
    index = open_for_writing(settings, identity)
    try:
        _run(index, collection, files, path.is_dir(), choice, settings, report, progress)
        if current_identity(settings) != identity:
            index.promote()
    finally:
        index.close()
    return report


def _run(
    index: ChunkIndex,
    collection: str,
    files: list[tuple[Path, str]],
    whole_folder: bool,
    choice: ModelChoice,
    settings: Settings,
    report: IngestReport,
    progress: Progress | None,
) -> None:
    states = index.file_states(collection)
    vectorizer = Vectorizer(choice, settings)
    try:
        _ingest_files(index, collection, files, whole_folder, states, vectorizer, settings, report, progress)
    finally:
        vectorizer.close()
    index.refresh()
    report.cncs = sorted(c.name for c in index.controls())


def _parse(file_path: Path, source: str, data: bytes, settings: Settings) -> ParsedDocument:
    try:
        return parse_file(file_path, source, data, int(settings.max_file_mb * 1e6))
    except ParseError:
        raise
    except Exception as exc:  # a parser bug must not lose the rest of the run
        raise ParseError(f"parser error: {type(exc).__name__}: {exc}") from exc


def _ingest_files(
    index: ChunkIndex,
    collection: str,
    files: list[tuple[Path, str]],
    whole_folder: bool,
    states: dict[str, FileState],
    vectorizer: Vectorizer,
    settings: Settings,
    report: IngestReport,
    progress: Progress | None,
) -> None:
    pending: list[_Pending] = []
    claims_by_source: dict[str, list[NameClaim]] = {s: st.names for s, st in states.items()}
    catalog_names = Registry().matcher
    unchanged: dict[str, tuple[Path, str]] = {}
    if progress:
        progress.phase("Parsing", len(files))
    for file_path, source in files:
        try:
            data = file_path.read_bytes()
        except OSError as exc:
            report.files_failed.append({"path": source, "error": f"cannot read: {exc.strerror or exc}"})
            continue
        finally:
            if progress:
                progress.advance()
        digest = hashlib.sha256(data).hexdigest()
        if source in states and states[source].file_hash == digest:
            report.files_unchanged += 1
            unchanged[source] = (file_path, digest)
            continue
        vectorizer.preload()
        try:
            doc = _parse(file_path, source, data, settings)
        except ParseError as exc:
            report.files_failed.append({"path": source, "error": str(exc)})
            continue
        names = discover(doc, catalog_names)
        claims_by_source[source] = names.claims(source)
        pending.append(_Pending(source, digest, doc, names))
    if whole_folder:
        seen = {source for _, source in files}
        for source in sorted(set(states) - seen):
            index.delete_file(collection, source)
            claims_by_source.pop(source, None)
            report.files_deleted += 1

    others = index.all_names(exclude_collection=collection)
    registry = Registry([*others, *(c for s in sorted(claims_by_source) for c in claims_by_source[s])])
    fingerprint = registry.fingerprint()
    # Files whose content did not change but whose attribution may have (a new document named a
    # new control, a folder became a control's): parsed again, their vectors come from the cache.
    for source, (file_path, digest) in unchanged.items():
        if states[source].registry == fingerprint:
            continue
        try:
            doc = _parse(file_path, source, file_path.read_bytes(), settings)
        except (OSError, ParseError):
            continue
        pending.append(_Pending(source, digest, doc, discover(doc, catalog_names), reattributed=True))
    vendors = {name: c.vendor for name, c in registry.controls.items()}
    if pending:
        _write(index, collection, pending, registry, vendors, vectorizer, settings, report, progress)


def _write(
    index: ChunkIndex,
    collection: str,
    pending: list[_Pending],
    registry: Registry,
    vendors: dict[str, str | None],
    vectorizer: Vectorizer,
    settings: Settings,
    report: IngestReport,
    progress: Progress | None,
) -> None:
    target = settings.chunk_tokens
    limit = vectorizer.max_tokens
    fingerprint = registry.fingerprint()
    per_file: list[tuple[_Pending, list[Chunk]]] = []
    for item in pending:
        controls = attribute(item.doc, item.names, registry)
        language = detect_language("\n".join(b.text for b in item.doc.blocks[:40]))
        chunks = chunk_document(
            item.doc,
            controls,
            vendors,
            language,
            vectorizer.count_tokens,
            min(target, limit),
            limit,
            id_salt=collection,
        )
        mark_subjects(item.doc, chunks, registry)
        per_file.append((item, chunks))
    total = sum(len(c) for _, c in per_file)
    if progress:
        progress.phase(f"Embedding ({vectorizer.choice.name})", total)
    # Files are written in groups so that embedding batches stay full and length-sorted across many
    # files; an interruption loses at most one group's unwritten work (its vectors are cached).
    group: list[tuple[_Pending, list[Chunk]]] = []
    size = 0
    for entry in per_file:
        group.append(entry)
        size += len(entry[1])
        if size >= 1024:
            _write_group(index, collection, group, vectorizer, fingerprint, report, progress)
            group, size = [], 0
    if group:
        _write_group(index, collection, group, vectorizer, fingerprint, report, progress)
    report.chunks_embedded = vectorizer.embedded
    report.chunks_from_cache = vectorizer.cached
    if vectorizer.embedded:
        stats = vectorizer.encoder.stats
        report.chunks_truncated, report.tokens_embedded = stats.truncated, stats.tokens
        report.embedding_precision = vectorizer.encoder.precision


def _write_group(
    index: ChunkIndex,
    collection: str,
    group: list[tuple[_Pending, list[Chunk]]],
    vectorizer: Vectorizer,
    fingerprint: str,
    report: IngestReport,
    progress: Progress | None,
) -> None:
    texts = [c.search_text for _, chunks in group for c in chunks]
    vectors = vectorizer.vectors(texts, progress.advance if progress else None)
    offset = 0
    for item, chunks in group:
        part = None if vectors is None else vectors[offset : offset + len(chunks)]
        offset += len(chunks)
        state = FileState(item.source, item.file_hash, item.names.claims(item.source), item.doc.doc_type,
                          fingerprint)
        index.replace_file(collection, state, chunks, part)
        if item.reattributed:
            report.files_reattributed += 1
        else:
            report.files_ingested += 1
        report.chunks_written += len(chunks)
