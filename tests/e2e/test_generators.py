"""The LLM generators: an OpenAI-compatible server on localhost and a tiny transformers model."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import DATA, MerlinRunner


class _Completions(BaseHTTPRequestHandler):
    """A minimal `/v1/chat/completions`: answers from the passages it is sent, citing their ids."""

    mode = "honest"
    prompts: list[str] = []

    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:  # noqa: N802 - http.server API
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        prompt = "\n".join(m["content"] for m in body["messages"])
        type(self).prompts.append(prompt)
        passages = re.findall(r"^\[([0-9a-f]{24})\] control=(.+?) aspect=(\S+)", prompt, re.M)
        if self.mode == "honest":
            first = {}
            for chunk_id, control, aspect in passages:
                first.setdefault((control, aspect), chunk_id)
            cells = [{"cnc": c, "aspect": a, "answer": f"from passage {i}", "chunk_ids": [i]}
                     for (c, a), i in first.items()]
            content = json.dumps({"summary": "LLM summary [" + passages[0][0] + "]", "cells": cells,
                                  "cited_chunk_ids": [passages[0][0]]})
        else:
            content = json.dumps({"summary": "made up", "cells": [], "cited_chunk_ids": ["ffffffffffffffffffffffff"]})
        reply = {"id": "x", "object": "chat.completion", "created": 0, "model": body["model"],
                 "choices": [{"index": 0, "finish_reason": "stop",
                              "message": {"role": "assistant", "content": content}}],
                 "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
        data = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def llm_server() -> Iterator[tuple[str, type[_Completions]]]:
    handler = type("Handler", (_Completions,), {"prompts": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1", handler
    server.shutdown()


def _compare(kb: MerlinRunner, **env: str) -> dict:
    result = kb("compare", "--cnc", "840D", "--cnc", "TNC 640", "--aspect", "tcp", "--json", **env).json()
    assert isinstance(result, dict)
    return result


def test_openai_generator_uses_the_server_and_keeps_citations(kb: MerlinRunner, llm_server) -> None:
    url, handler = llm_server
    result = _compare(kb, MERLIN_GENERATOR="openai", MERLIN_OPENAI_BASE_URL=url, MERLIN_OPENAI_MODEL="tiny")
    assert result["generator"] == "openai" and "warnings" not in result
    # The model is given the extractive reader's facts, each with the passage it cites.
    (prompt,) = handler.prompts
    fact = re.search(r"^- control=(.+?) aspect=tcp: (.*TRAORI.*) \[([0-9a-f]{24})\]$", prompt, re.M)
    assert fact is not None
    assert re.search(rf"^\[{fact.group(3)}\] control={re.escape(fact.group(1))} aspect=tcp", prompt, re.M)
    assert result["summary"].startswith("LLM summary")
    cell = result["rows"][0]["cells"]["840D"]
    assert cell["answer"].startswith("from passage") and cell["found"] and cell["citations"]


def test_openai_generator_citing_unknown_ids_falls_back(kb: MerlinRunner, llm_server) -> None:
    url, handler = llm_server
    handler.mode = "liar"
    result = _compare(kb, MERLIN_GENERATOR="openai", MERLIN_OPENAI_BASE_URL=url, MERLIN_OPENAI_MODEL="tiny")
    assert result["generator"] == "extractive"
    assert "not given" in result["warnings"][0]
    assert "TRAORI" in result["summary"]


def test_openai_generator_with_no_server_falls_back(kb: MerlinRunner) -> None:
    result = _compare(kb, MERLIN_GENERATOR="openai", MERLIN_OPENAI_BASE_URL="http://127.0.0.1:9/v1",
                      MERLIN_GENERATOR_TIMEOUT="5")
    assert result["generator"] == "extractive" and "failed" in result["warnings"][0]


@pytest.fixture(scope="module")
def tiny_gpt2(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tokenizers import ByteLevelBPETokenizer
    from transformers import GPT2Config, GPT2LMHeadModel, PreTrainedTokenizerFast

    from merlin_cnc.embeddings.synthetic import corpus_from

    target = tmp_path_factory.mktemp("gpt2")
    bpe = ByteLevelBPETokenizer()
    bpe.train_from_iterator(corpus_from(DATA), vocab_size=1000, special_tokens=["<|endoftext|>"],
                            show_progress=False)
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=bpe, eos_token="<|endoftext|>", bos_token="<|endoftext|>",
                                        unk_token="<|endoftext|>", model_max_length=4096)
    tokenizer.save_pretrained(str(target))
    config = GPT2Config(vocab_size=1000, n_positions=4096, n_embd=32, n_layer=1, n_head=2)
    GPT2LMHeadModel(config).save_pretrained(str(target))
    return target


def test_hf_generator_with_unparsable_output_falls_back(kb: MerlinRunner, tiny_gpt2: Path) -> None:
    result = _compare(kb, MERLIN_GENERATOR="hf", MERLIN_HF_MODEL=str(tiny_gpt2), MERLIN_HF_MAX_NEW_TOKENS="20")
    assert result["generator"] == "extractive"
    assert "could not be parsed" in result["warnings"][0]
    assert result["rows"][0]["cells"]["840D"]["found"]
