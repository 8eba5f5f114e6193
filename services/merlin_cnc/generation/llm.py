"""LLM generators as one LCEL chain: retriever -> prompt -> model -> Pydantic output parser."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

from langchain_core.exceptions import OutputParserException
from langchain_core.output_parsers import PydanticOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import Runnable, RunnableLambda
from pydantic import BaseModel, Field, ValidationError

from ..aspects import aspects
from ..chunking import Chunk
from ..compare import aspect_query, question_query
from ..index.langchain_store import control_filter, to_document

log = logging.getLogger(__name__)
PASSAGES_PER_CELL = 3


class LLMCell(BaseModel):
    cnc: str = Field(description="the control, exactly as named in the passages' headers")
    aspect: str = Field(description="the aspect key, exactly as given")
    answer: str = Field(description="a short answer taken from the passages, or 'not stated'")
    chunk_ids: list[str] = Field(default_factory=list, description="ids of the passages the answer comes from")


class LLMAnswer(BaseModel):
    summary: str = Field(description="2-4 sentences comparing the controls, citing ids in [brackets]")
    cells: list[LLMCell] = Field(default_factory=list)
    cited_chunk_ids: list[str] = Field(default_factory=list, description="every passage id the summary cites")


SYSTEM = (
    "You compare CNC controls using ONLY the passages below. Never use outside knowledge. Every answer "
    "must cite the ids of the passages it comes from, and a control's answer may only cite that control's "
    "passages. If the passages do not state something, answer 'not stated'. Write in {language_name}.\n"
    "{format_instructions}"
)
HUMAN = (
    "Question: {question}\nAspects: {aspect_keys}\n\n"
    "Facts the extractive reader took from the passages (check each against its passage; keep, correct or "
    "complete it):\n{facts}\n\nPassages:\n{passages}"
)


class GenerationRejected(Exception):
    """The model's output is unusable; the message says why (shown as a warning)."""


def _passages(engine: Any, result: dict[str, Any]) -> dict[str, Any]:
    """The retriever step: the best passages per (aspect, control), with their ids."""
    catalog = aspects()
    language = result.get("language", "en")
    resolved = {r: n for r, n in result["resolved"].items() if n}
    pairs, labels = [], []
    for row in result["rows"]:
        key = row["aspect"]
        spec = aspect_query(catalog[key]) if key in catalog else question_query(result["question"] or "", language, [])
        for name in resolved.values():
            pairs.append((name, spec))
            labels.append((key, name))
    allowed: dict[str, set[str]] = {}
    given: dict[str, Any] = {}
    blocks = []
    store = _dense_store(engine)
    for (key, name), fused, (_, spec) in zip(labels, engine.retriever.retrieve(pairs), pairs, strict=True):
        chunks = [f.chunk for f in fused[:PASSAGES_PER_CELL]]
        if store is not None and spec.dense_texts:
            # On Elasticsearch, langchain-elasticsearch's store (same index, same client) adds its
            # dense neighbours of the query to the hybrid passages.
            extra = store.similarity_search(spec.dense_texts[0], k=2, filter=control_filter(name),
                                            doc_builder=to_document)
            known = {c.chunk_id for c in chunks}
            chunks += [_as_chunk(d) for d in extra if d.metadata["chunk_id"] not in known]
        known = {c.chunk_id for c in chunks}
        chunks += [c for c in _cited_chunks(result, key, name) if c.chunk_id not in known]
        for chunk in chunks:
            allowed.setdefault(name, set()).add(chunk.chunk_id)
            given[chunk.chunk_id] = chunk
            blocks.append(f"[{chunk.chunk_id}] control={name} aspect={key} source={chunk.source} "
                          f"({chunk.locator})\n{chunk.text[:1200]}")
    return {
        "passages": "\n\n".join(blocks),
        "facts": _facts(result),
        "allowed": allowed,
        "given": given,
        "aspect_keys": ", ".join(r["aspect"] for r in result["rows"]),
        "question": result.get("question") or "Compare the controls on the listed aspects.",
    }


def _cells(result: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(aspect key, resolved control, cell) for every cell of a result."""
    for row in result["rows"]:
        for requested, cell in row["cells"].items():
            name = result["resolved"].get(requested)
            if name:
                yield row["aspect"], name, cell


def _facts(result: dict[str, Any]) -> str:
    """The extractive cells as the model's first evidence: the same facts the offline answer shows."""
    lines = []
    for key, name, cell in _cells(result):
        if cell.get("found"):
            ids = " ".join(f"[{c['chunk_id']}]" for c in cell.get("citations", []) if c.get("chunk_id"))
            lines.append(f"- control={name} aspect={key}: {cell.get('answer')} {ids}".rstrip())
        else:
            lines.append(f"- control={name} aspect={key}: not found by the reader")
    return "\n".join(lines) or "- none"


def _cited_chunks(result: dict[str, Any], key: str, name: str) -> list[Chunk]:
    """The passages the extractive cells cite, so that the model can see and cite them too."""
    return [Chunk(c["chunk_id"], c["source"], c["locator"], c.get("snippet", ""))
            for k, n, cell in _cells(result) if (k, n) == (key, name)
            for c in cell.get("citations", []) if c.get("chunk_id")]


def _dense_store(engine: Any) -> Any:
    from ..index.elasticsearch import ElasticsearchIndex

    if not isinstance(engine.index, ElasticsearchIndex) or not engine.index.identity.dim:
        return None
    from ..embeddings.langchain import MerlinEmbeddings
    from ..index.langchain_store import elasticsearch_store

    return elasticsearch_store(engine.index, MerlinEmbeddings(engine.vectorizer))


def _as_chunk(document: Any) -> Chunk:
    m = document.metadata
    return Chunk(m["chunk_id"], m["source"], m["locator"], document.page_content, tuple(m.get("headings") or ()),
                 m.get("title"), m.get("cnc"), m.get("vendor"), m.get("doc_type") or "txt", m.get("language") or "en")


def _model(engine: Any, generator: str) -> Any:
    settings = engine.settings
    if generator == "openai":
        from langchain_openai import ChatOpenAI

        return ChatOpenAI(
            base_url=settings.openai_base_url,
            api_key=settings.openai_api_key,
            model=settings.openai_model,
            temperature=0,
            timeout=settings.generator_timeout,
            max_retries=1,
        )
    from langchain_huggingface import HuggingFacePipeline
    from transformers import pipeline

    # HF_HUB_OFFLINE=1 keeps this to local folders and the cache (huggingface_hub honours it).
    pipe = pipeline(
        "text-generation",
        model=settings.hf_model,
        max_new_tokens=settings.hf_max_new_tokens,
        do_sample=False,
        return_full_text=False,
    )
    return HuggingFacePipeline(pipeline=pipe)


def build_chain(engine: Any, generator: str) -> tuple[Runnable, PydanticOutputParser[LLMAnswer]]:
    parser: PydanticOutputParser[LLMAnswer] = PydanticOutputParser(pydantic_object=LLMAnswer)
    prompt = ChatPromptTemplate.from_messages([("system", SYSTEM), ("human", HUMAN)])
    chain = prompt | _model(engine, generator) | parser
    return chain, parser


def _validate(answer: LLMAnswer, allowed: dict[str, set[str]]) -> None:
    every = set().union(*allowed.values()) if allowed else set()
    unknown = [i for i in answer.cited_chunk_ids if i not in every]
    for cell in answer.cells:
        own = allowed.get(cell.cnc, set())
        unknown += [i for i in cell.chunk_ids if i not in own]
    if unknown:
        raise GenerationRejected(f"it cited passage ids it was not given for that control: {', '.join(unknown[:5])}")
    if not answer.summary.strip():
        raise GenerationRejected("it returned an empty summary")


def _merge(result: dict[str, Any], answer: LLMAnswer, chunks: dict[str, Any]) -> dict[str, Any]:
    result["summary"] = answer.summary.strip()
    by_name = {n: r for r, n in result["resolved"].items() if n}
    for cell in answer.cells:
        requested = by_name.get(cell.cnc)
        row = next((r for r in result["rows"] if r["aspect"] == cell.aspect), None)
        if requested is None or row is None or not cell.chunk_ids or "not stated" in cell.answer.lower():
            continue
        target = row["cells"][requested]
        target["answer"] = cell.answer
        if not target["found"]:
            target["found"] = True
            target["citations"] = [
                {
                    "source": chunks[i].source,
                    "locator": chunks[i].locator,
                    "snippet": chunks[i].text[:300],
                    "chunk_id": i,
                    "score": 0.0,
                }
                for i in cell.chunk_ids
                if i in chunks
            ]
    return result


def generate_with_llm(engine: Any, result: dict[str, Any], generator: str) -> dict[str, Any]:
    language_name = "Spanish" if result.get("language") == "es" else "English"
    try:
        retriever: Runnable[dict[str, Any], dict[str, Any]] = RunnableLambda(lambda r: _passages(engine, r))
        retrieved = retriever.invoke(result)
        chain, parser = build_chain(engine, generator)
        answer = chain.invoke(
            {**retrieved, "language_name": language_name, "format_instructions": parser.get_format_instructions()}
        )
        _validate(answer, retrieved["allowed"])
    except (OutputParserException, ValidationError, json.JSONDecodeError) as exc:
        return _fallback(result, generator, f"its output could not be parsed ({type(exc).__name__})")
    except GenerationRejected as exc:
        return _fallback(result, generator, str(exc))
    except Exception as exc:  # the model or its server failed: the extractive answer still stands
        log.warning("generator %s failed: %s", generator, exc)
        return _fallback(result, generator, f"it failed: {type(exc).__name__}: {str(exc)[:200]}")
    merged = _merge(result, answer, retrieved["given"])
    merged["generator"] = generator
    return merged


def _fallback(result: dict[str, Any], generator: str, why: str) -> dict[str, Any]:
    result.setdefault("warnings", []).append(
        f"generator '{generator}' was not used: {why}; this is the extractive answer"
    )
    result["generator"] = "extractive"
    return result
