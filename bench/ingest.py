"""Ingestion benchmark, every ratio measured in this one run on the same chunks.

Builds a model with CodeBERT's architecture and size from config (random weights: the hub is
not reachable here, and speed does not depend on the weights), then prints:
  * pipeline tokens/s ÷ raw encoder tokens/s (target >= 0.90): `merlin ingest` end to end
    (scan, parse, attribute, chunk, tokenize, batch, embed, write) against the bare forward pass
    over the same chunks' token ids in the same batches, same precision;
  * the padding that length-sorted batching saves against batches in document order;
  * the speed-up of re-ingesting the unchanged corpus (target >= 50x);
  * peak memory (RSS).
Usage: python bench/ingest.py [DATA_DIR]
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

import torch

from common import codebert_sized, settings_for
from merlin_cnc.embeddings.encoder import Encoder
from merlin_cnc.index.factory import open_current
from merlin_cnc.ingest import ingest


def padded_tokens(lengths: list[int], batch: int) -> int:
    return sum(len(part) * max(part) for part in (lengths[i : i + batch] for i in range(0, len(lengths), batch)))


def raw_forward_seconds(encoder: Encoder, ids: list[list[int]]) -> float:
    """The bare model forward over pre-built, length-sorted padded batches (no pipeline work)."""
    model = encoder._model_for(encoder.precision)
    pad = encoder.tokenizer.pad_token_id
    order = sorted(ids, key=len)
    batches = []
    for start in range(0, len(order), encoder.batch_size):
        part = order[start : start + encoder.batch_size]
        width = max(map(len, part))
        input_ids = torch.full((len(part), width), pad, dtype=torch.long)
        mask = torch.zeros_like(input_ids)
        for row, seq in enumerate(part):
            input_ids[row, : len(seq)] = torch.tensor(seq)
            mask[row, : len(seq)] = 1
        batches.append((input_ids, mask))
    start_time = time.perf_counter()
    with torch.inference_mode():
        for input_ids, mask in batches:
            model(input_ids=input_ids, attention_mask=mask)
    return time.perf_counter() - start_time


def main() -> None:
    data = Path(sys.argv[1] if len(sys.argv) > 1 else "data").resolve()
    with tempfile.TemporaryDirectory(prefix="merlin-bench-") as tmp:
        work = Path(tmp)
        model = codebert_sized(work, data)
        settings = settings_for(work, model)
        # Calibrate the precision once (as a first `merlin` run on this machine would) outside the timings.
        warm = Encoder(str(model), str(model), "auto", settings.embedding_batch_size, settings.home)
        print(
            f"model: CodeBERT-sized RoBERTa ({sum(p.numel() for p in warm._fp32.parameters()) / 1e6:.0f} M "
            f"params), precision {warm.precision} ({warm.precision_reason}), {torch.get_num_threads()} threads"
        )

        # An untimed ingest into a scratch home warms the CPU kernels for these batch shapes (both
        # timed runs below are then warm) and yields the chunks, exactly as the timed ingest makes them.
        scratch = settings.model_copy(update={"home": work / "scratch"})
        ingest(data, scratch)
        index = open_current(scratch)
        texts = [c.search_text for c in index.iter_chunks()]
        index.close()
        ids = warm.tokenize(texts)
        real = sum(map(len, ids))
        raw_s = raw_forward_seconds(warm, ids)
        raw_tps = real / raw_s

        start = time.perf_counter()
        first = ingest(data, settings)
        first_s = time.perf_counter() - start
        pipeline_tps = first.tokens_embedded / first_s

        start = time.perf_counter()
        again = ingest(data, settings)
        again_s = time.perf_counter() - start
        assert again.chunks_embedded == 0 and again.files_unchanged == first.files_seen

        doc_order = padded_tokens([len(i) for i in ids], warm.batch_size)
        sorted_order = padded_tokens(sorted(len(i) for i in ids), warm.batch_size)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        print(
            f"corpus: {first.files_seen} files, {first.chunks_written} chunks, {first.tokens_embedded} tokens "
            f"({real} re-tokenized for the raw pass), {first.chunks_truncated} truncated"
        )
        print(f"pipeline: {first_s:.1f} s end to end = {pipeline_tps:.0f} tokens/s")
        print(f"raw encoder: {raw_s:.1f} s forward only = {raw_tps:.0f} tokens/s")
        print(f"RATIO pipeline/raw tokens per second: {pipeline_tps / raw_tps:.3f} (target >= 0.90)")
        print(
            f"padding: document-order batches {doc_order} tokens, length-sorted {sorted_order} tokens "
            f"for {real} real tokens -> sorting saves {1 - sorted_order / doc_order:.1%} of the padded work"
        )
        print(f"re-ingest unchanged: {again_s * 1000:.0f} ms -> speed-up {first_s / again_s:.0f}x (target >= 50x)")
        print(f"peak memory (RSS): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
