"""The naive LangChain RAG that bench/quality.py compares with, on the same cells.

RecursiveCharacterTextSplitter (1000 characters, 100 overlap) over each file's text, the packaged
all-MiniLM-L6-v2, one in-memory vector store (exact search, as FAISS's flat index), and one global
``similarity_search(k=4)`` per cell with the control's name and the question: the share of stated
cells for which a file that states the answer is among its 4 passages. That is retrieval only; it
is an upper bound of what such a system could cite.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from langchain_core.documents import Document
from langchain_core.vectorstores import InMemoryVectorStore
from langchain_text_splitters import RecursiveCharacterTextSplitter

from merlin_cnc.config import Settings
from merlin_cnc.documents import ParseError, parse_file
from merlin_cnc.embeddings.langchain import MerlinEmbeddings
from merlin_cnc.embeddings.resolve import packaged_fallback, resolve_model
from merlin_cnc.embeddings.vectorizer import Vectorizer
from merlin_cnc.scanning import scan


def naive_file_hits(docs: Path, questions: list[dict]) -> float:
    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=100)
    documents = []
    for path, source in scan(docs):
        try:
            parsed = parse_file(path, source, path.read_bytes(), 50_000_000)
        except (OSError, ParseError):
            continue
        text = "\n\n".join(b.text for b in parsed.blocks)
        documents.extend(Document(piece, metadata={"source": source}) for piece in splitter.split_text(text))
    with tempfile.TemporaryDirectory(prefix="merlin-baseline-") as home:
        settings = Settings(home=Path(home), embedding_model=str(packaged_fallback()))
        vectorizer = Vectorizer(resolve_model(settings), settings)
        try:
            store = InMemoryVectorStore(MerlinEmbeddings(vectorizer))
            store.add_documents(documents)
            hits = []
            for q in questions:
                for cnc, expect in q["expect"].items():
                    if expect["found"]:
                        found = store.similarity_search(f"{cnc}: {q['question']}", k=4)
                        hits.append(any(d.metadata["source"] in expect.get("sources", []) for d in found))
        finally:
            vectorizer.close()
    return sum(hits) / max(1, len(hits))
