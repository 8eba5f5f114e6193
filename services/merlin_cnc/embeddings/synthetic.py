"""A randomly initialised encoder with CodeBERT's architecture and a tokenizer trained locally.

Hub weights cannot be fetched everywhere Merlin is tested: this builds a model folder that the
real loading code (AutoTokenizer + AutoModel) loads exactly like ``microsoft/codebert-base``.
Used by the tests (``tiny``) and the benchmarks (``base``: CodeBERT's size and cost).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

SIZES: dict[str, dict[str, Any]] = {
    # CodeBERT: RoBERTa-base, 12 layers, 768 hidden, 12 heads, 514 positions.
    "base": dict(
        hidden_size=768,
        num_hidden_layers=12,
        num_attention_heads=12,
        intermediate_size=3072,
        max_position_embeddings=514,
        vocab_size=50265,
    ),
    "tiny": dict(
        hidden_size=64,
        num_hidden_layers=2,
        num_attention_heads=4,
        intermediate_size=128,
        max_position_embeddings=130,
        vocab_size=4000,
    ),
}


def build_roberta(target: Path, corpus: Iterable[str], size: str = "tiny", seed: int = 0) -> Path:
    """Write a RoBERTa model folder to ``target`` (tokenizer trained on ``corpus``)."""
    import torch
    from tokenizers import ByteLevelBPETokenizer
    from tokenizers.processors import RobertaProcessing
    from transformers import PreTrainedTokenizerFast, RobertaConfig, RobertaModel

    spec = SIZES[size]
    target.mkdir(parents=True, exist_ok=True)
    bpe = ByteLevelBPETokenizer()
    bpe.train_from_iterator(
        list(corpus),
        vocab_size=min(int(spec["vocab_size"]), 8000),
        min_frequency=2,
        special_tokens=["<s>", "<pad>", "</s>", "<unk>", "<mask>"],
        show_progress=False,
    )
    bpe.post_processor = RobertaProcessing(("</s>", bpe.token_to_id("</s>")), ("<s>", bpe.token_to_id("<s>")))
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=bpe,
        bos_token="<s>",
        eos_token="</s>",
        sep_token="</s>",
        cls_token="<s>",
        unk_token="<unk>",
        pad_token="<pad>",
        mask_token="<mask>",
        model_max_length=int(spec["max_position_embeddings"]) - 2,
    )
    tokenizer.save_pretrained(str(target))
    torch.manual_seed(seed)
    config = RobertaConfig(
        type_vocab_size=1, pad_token_id=1, bos_token_id=0, eos_token_id=2, layer_norm_eps=1e-5, **spec
    )
    RobertaModel(config, add_pooling_layer=False).save_pretrained(str(target))
    return target


def corpus_from(folder: Path, limit_chars: int = 2_000_000) -> list[str]:
    """Text of the readable files under ``folder`` (for training a tokenizer)."""
    texts, total = [], 0
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix.lower() not in {".pdf", ".docx", ".xlsx"}:
            text = path.read_bytes().decode("utf-8", errors="ignore")
            texts.append(text)
            total += len(text)
            if total > limit_chars:
                break
    return texts
