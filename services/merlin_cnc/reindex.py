"""``merlin reindex``: build a new index version (new model or mapping) from the current one, then swap.

Queries keep using the current version until the new one is complete: the alias (Elasticsearch)
or ``current.json`` (embedded) moves only at the end, so there is no downtime and vectors of two
models never mix. Passages are re-embedded through the content-hash cache (nothing is parsed again).
"""

from __future__ import annotations

import sys
from dataclasses import asdict, dataclass

from .config import Settings
from .embeddings.resolve import resolve_model
from .embeddings.vectorizer import Vectorizer, model_dim
from .index.base import IndexIdentity
from .index.factory import open_current, open_for_writing


@dataclass
class ReindexReport:
    source_version: str
    target_version: str
    embedding_model: str
    files: int = 0
    chunks: int = 0
    chunks_embedded: int = 0
    swapped: bool = False

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def reindex(settings: Settings) -> ReindexReport:
    current = open_current(settings)
    choice = resolve_model(settings)
    if choice.note:
        print(f"merlin: warning: {choice.note}", file=sys.stderr)
    target_identity = IndexIdentity(choice.name, model_dim(choice))
    report = ReindexReport(current.identity.version, target_identity.version, choice.name)
    if target_identity == current.identity:
        current.close()
        print("merlin: the current index already uses this model and mapping; nothing to do", file=sys.stderr)
        return report
    target = open_for_writing(settings, target_identity)
    vectorizer = Vectorizer(choice, settings)
    try:
        for collection in current.collections():
            for source, state in sorted(current.file_states(collection).items()):
                chunks = current.chunks_of(collection, source)
                vectors = vectorizer.vectors([c.search_text for c in chunks])
                target.replace_file(collection, state, chunks, vectors)
                report.files += 1
                report.chunks += len(chunks)
        target.refresh()
        target.promote()
        report.swapped = True
        report.chunks_embedded = vectorizer.embedded
    finally:
        vectorizer.close()
        target.close()
        current.close()
    return report
