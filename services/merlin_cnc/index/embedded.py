"""The embedded backend: SQLite (FTS5 BM25 over the core's analyzed terms) plus numpy dense vectors.

Layout under ``MERLIN_HOME/embedded``: one folder per index version (model + dimension + mapping
version) and ``current.json`` naming the version queries use, swapped only when a build completes.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Collection, Iterator
from pathlib import Path

import numpy as np

from ..analysis import analyzed_text, query_terms
from ..chunking import Chunk
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

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (collection TEXT, source TEXT, file_hash TEXT, names TEXT, doc_type TEXT,
    PRIMARY KEY (collection, source));
CREATE TABLE IF NOT EXISTS chunks (rowid INTEGER PRIMARY KEY, chunk_id TEXT UNIQUE, collection TEXT,
    source TEXT, locator TEXT, text TEXT, headings TEXT, title TEXT, cnc TEXT, vendor TEXT, doc_type TEXT,
    language TEXT, dialect TEXT, ordinal INTEGER, extra TEXT, vector BLOB);
CREATE INDEX IF NOT EXISTS chunks_by_file ON chunks (collection, source);
CREATE INDEX IF NOT EXISTS chunks_by_cnc ON chunks (cnc);
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(terms, tokenize = "unicode61 tokenchars '_'");
"""
_COLUMNS = (
    "rowid, chunk_id, source, locator, text, headings, title, cnc, vendor, doc_type, language, dialect, ordinal, extra"
)


def _row_to_chunk(row: tuple) -> Chunk:
    _, cid, source, locator, text, headings, title, cnc, vendor, doc_type, language, dialect, ordinal, extra = row
    return Chunk(
        cid,
        source,
        locator,
        text,
        tuple(json.loads(headings)),
        title,
        cnc,
        vendor,
        doc_type,
        language,
        dialect,
        ordinal,
        json.loads(extra),
    )


def _fts_query(text: str, language: str) -> str | None:
    terms = query_terms(text, language)
    return " OR ".join(f'"{t}"' for t in terms) if terms else None


class EmbeddedIndex(ChunkIndex):
    def __init__(self, root: Path, identity: IndexIdentity) -> None:
        self.root = root
        self.identity = identity
        self.path = root / identity.version
        self.path.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path / "index.sqlite", timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(_SCHEMA)
        with self._db:
            self._db.execute("INSERT OR IGNORE INTO meta VALUES ('model', ?)", (identity.model,))
            self._db.execute("INSERT OR IGNORE INTO meta VALUES ('dim', ?)", (str(identity.dim),))
        stored = dict(self._db.execute("SELECT key, value FROM meta"))
        if stored["model"] != identity.model or int(stored["dim"]) != identity.dim:
            raise IndexError_(f"index {self.path} holds {stored['model']} vectors, not {identity.model}")
        self._dense: tuple[int, np.ndarray, np.ndarray, np.ndarray] | None = None

    # -- writes --------------------------------------------------------------------------------
    def file_states(self, collection: str) -> dict[str, FileState]:
        rows = self._db.execute(
            "SELECT source, file_hash, names, doc_type FROM files WHERE collection = ?", (collection,)
        )
        return {s: file_state(s, h, names, d) for s, h, names, d in rows}

    def collections(self) -> list[str]:
        return [c for (c,) in self._db.execute("SELECT DISTINCT collection FROM files ORDER BY collection")]

    def chunks_of(self, collection: str, source: str) -> list[Chunk]:
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM chunks WHERE collection = ? AND source = ? ORDER BY ordinal",
                                (collection, source))
        return [_row_to_chunk(row) for row in rows]

    def _delete_chunks(self, collection: str, source: str) -> None:
        rowids = [
            r
            for (r,) in self._db.execute(
                "SELECT rowid FROM chunks WHERE collection = ? AND source = ?", (collection, source)
            )
        ]
        self._db.executemany("DELETE FROM chunks_fts WHERE rowid = ?", [(r,) for r in rowids])
        self._db.execute("DELETE FROM chunks WHERE collection = ? AND source = ?", (collection, source))

    def replace_file(self, collection: str, state: FileState, chunks: list[Chunk], vectors: np.ndarray | None) -> None:
        with self._db:
            self._delete_chunks(collection, state.source)
            for i, chunk in enumerate(chunks):
                vector = None if vectors is None else np.asarray(vectors[i], dtype=np.float32).tobytes()
                cursor = self._db.execute(
                    "INSERT OR REPLACE INTO chunks (chunk_id, collection, source, locator, text, headings, title,"
                    " cnc, vendor, doc_type, language, dialect, ordinal, extra, vector)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        chunk.chunk_id,
                        collection,
                        chunk.source,
                        chunk.locator,
                        chunk.text,
                        json.dumps(chunk.headings),
                        chunk.title,
                        chunk.cnc,
                        chunk.vendor,
                        chunk.doc_type,
                        chunk.language,
                        chunk.dialect,
                        chunk.ordinal,
                        json.dumps(chunk.extra),
                        vector,
                    ),
                )
                self._db.execute(
                    "INSERT INTO chunks_fts (rowid, terms) VALUES (?, ?)",
                    (cursor.lastrowid, analyzed_text(chunk.search_text, chunk.language)),
                )
            self._db.execute(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)",
                (collection, state.source, state.file_hash, state.names_json(), state.doc_type),
            )
            self._bump()

    def delete_file(self, collection: str, source: str) -> None:
        with self._db:
            self._delete_chunks(collection, source)
            self._db.execute("DELETE FROM files WHERE collection = ? AND source = ?", (collection, source))
            self._bump()

    def _bump(self) -> None:
        self._db.execute(
            "INSERT INTO meta VALUES ('generation', '1') ON CONFLICT(key) DO UPDATE "
            "SET value = CAST(value AS INTEGER) + 1"
        )

    def refresh(self) -> None:
        """SQLite writes are visible as soon as their transaction commits."""

    def promote(self) -> None:
        pointer = self.root / "current.json"
        tmp = pointer.with_suffix(".tmp")
        tmp.write_text(
            json.dumps({"version": self.identity.version, "model": self.identity.model, "dim": self.identity.dim})
        )
        os.replace(tmp, pointer)

    # -- reads ---------------------------------------------------------------------------------
    def _dense_matrix(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        generation = int(dict(self._db.execute("SELECT key, value FROM meta")).get("generation", 0))
        if self._dense is None or self._dense[0] != generation:
            rows = self._db.execute("SELECT rowid, cnc, vector FROM chunks WHERE vector IS NOT NULL").fetchall()
            rowids = np.array([r[0] for r in rows], dtype=np.int64)
            cncs = np.array([r[1] or "" for r in rows], dtype=object)
            matrix = (
                np.frombuffer(b"".join(r[2] for r in rows), dtype=np.float32).reshape(len(rows), -1)
                if rows
                else np.zeros((0, self.identity.dim), dtype=np.float32)
            )
            self._dense = (generation, rowids, cncs, matrix)
        return self._dense[1], self._dense[2], self._dense[3]

    def _fetch(self, rowids: list[int]) -> dict[int, Chunk]:
        marks = ",".join("?" * len(rowids))
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM chunks WHERE rowid IN ({marks})", rowids)
        return {row[0]: _row_to_chunk(row) for row in rows}

    def _search_one(self, request: SearchRequest) -> list[tuple[int, float]]:
        if request.vectors:
            rowids, cncs, matrix = self._dense_matrix()
            if not len(rowids):
                return []
            mask = cncs == request.cnc if request.cnc is not None else np.ones(len(rowids), dtype=bool)
            candidates = np.flatnonzero(mask)
            rows = matrix[candidates]
            best: dict[int, float] = {}
            for vector in request.vectors:
                scores = rows @ np.asarray(vector, dtype=np.float32)
                for i in np.argsort(-scores)[: request.k]:
                    rowid = int(rowids[candidates[i]])
                    best[rowid] = max(best.get(rowid, -np.inf), float(scores[i]))
            return sorted(best.items(), key=lambda item: -item[1])
        query = _fts_query(request.text or "", request.language)
        if query is None:
            return []
        sql = (
            "SELECT chunks_fts.rowid, bm25(chunks_fts) FROM chunks_fts JOIN chunks ON chunks.rowid = "
            "chunks_fts.rowid WHERE chunks_fts MATCH ?"
        )
        args: list[object] = [query]
        if request.cnc is not None:
            sql += " AND chunks.cnc = ?"
            args.append(request.cnc)
        sql += " ORDER BY bm25(chunks_fts) LIMIT ?"
        args.append(request.k)
        return [(r, -s) for r, s in self._db.execute(sql, args)]

    def search(self, requests: list[SearchRequest]) -> list[list[SearchHit]]:
        found = [self._search_one(r) for r in requests]
        wanted = sorted({rowid for hits in found for rowid, _ in hits})
        chunks = self._fetch(wanted) if wanted else {}
        return [[SearchHit(chunks[r], s) for r, s in hits if r in chunks] for hits in found]

    def term_stats(self, terms: Collection[str], language: str | None = None) -> TermStats:
        wanted = sorted(set(terms))
        frequency: dict[str, int] = {}
        (chunks,) = self._db.execute("SELECT COUNT(*) FROM chunks").fetchone()
        if language is not None:
            (in_language,) = self._db.execute("SELECT COUNT(*) FROM chunks WHERE language = ?", (language,)).fetchone()
            if in_language == 0:
                return TermStats(0, dict.fromkeys(wanted, 0))
            if in_language < chunks:  # else the whole index's counts are this language's
                sql = ("SELECT COUNT(*) FROM chunks_fts JOIN chunks ON chunks.rowid = chunks_fts.rowid "
                       "WHERE chunks_fts MATCH ? AND chunks.language = ?")
                frequency = {t: self._db.execute(sql, (f'"{t}"', language)).fetchone()[0] for t in wanted}
                return TermStats(int(in_language), frequency)
        if wanted:
            # fts5vocab reads the full-text index's own per-term document counts.
            self._db.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.chunks_vocab USING fts5vocab(main, chunks_fts, 'row')")
            marks = ",".join("?" * len(wanted))
            rows = self._db.execute(f"SELECT term, doc FROM temp.chunks_vocab WHERE term IN ({marks})", wanted)
            frequency = dict(rows)
        return TermStats(int(chunks), {t: int(frequency.get(t, 0)) for t in wanted})

    def controls(self) -> list[ControlStats]:
        rows = self._db.execute(
            "SELECT cnc, MAX(vendor), COUNT(DISTINCT collection || '/' || source), COUNT(*) FROM chunks "
            "WHERE cnc IS NOT NULL GROUP BY cnc ORDER BY cnc"
        )
        return [ControlStats(*row) for row in rows]

    def all_names(self, exclude_collection: str | None = None) -> list[NameClaim]:
        out: list[NameClaim] = []
        rows = self._db.execute("SELECT source, names FROM files WHERE collection IS NOT ? ORDER BY collection, source",
                                (exclude_collection,))
        for source, names in rows:
            out.extend(decode_names(source, names)[0])
        return out

    def iter_chunks(self) -> Iterator[Chunk]:
        for row in self._db.execute(f"SELECT {_COLUMNS} FROM chunks ORDER BY rowid"):
            yield _row_to_chunk(row)

    def count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0])

    def close(self) -> None:
        self._db.close()


def current_identity(root: Path) -> IndexIdentity | None:
    """The identity of the version queries use, or None when nothing has been ingested."""
    try:
        data = json.loads((root / "current.json").read_text())
    except (OSError, ValueError):
        return None
    return IndexIdentity(data["model"], int(data["dim"]))
