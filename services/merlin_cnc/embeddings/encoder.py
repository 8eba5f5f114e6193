"""A transformers encoder turned into normalised sentence vectors (mean pooling over the mask)."""

from __future__ import annotations

import copy
import logging
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .precision import choose_precision

log = logging.getLogger(__name__)
_ROBERTA_LIKE = {"roberta", "xlm-roberta", "camembert", "longformer"}


@dataclass
class EncodeStats:
    texts: int = 0
    tokens: int = 0  # real tokens fed to the model
    padded_tokens: int = 0  # tokens including padding
    truncated: int = 0  # texts cut at the model's limit


class Encoder:
    """Loads a model folder with AutoTokenizer + AutoModel and embeds texts in length-sorted batches."""

    def __init__(
        self, path: str, name: str, precision: str = "auto", batch_size: int = 16, home: Path | None = None
    ) -> None:
        import torch
        from transformers import AutoModel, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
        warnings.filterwarnings("ignore", message=r".*quantize_per_tensor.*")
        self.name = name
        self.batch_size = batch_size
        self.tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
        base = AutoModel.from_pretrained(path, local_files_only=True).eval()
        config = base.config
        limit = int(getattr(config, "max_position_embeddings", 512))
        if config.model_type in _ROBERTA_LIKE:
            limit -= int(getattr(config, "pad_token_id", 1) or 1) + 1
        tokenizer_limit = int(self.tokenizer.model_max_length or limit)
        self.max_tokens = min(limit, tokenizer_limit if tokenizer_limit < 100_000 else limit)
        self.dim = int(config.hidden_size)
        self._fp32 = base
        self._models: dict[str, Any] = {"fp32": base}
        self.stats = EncodeStats()
        self._torch = torch
        if precision == "auto":
            self.precision, self.precision_reason = choose_precision(name, home or Path("."), self._embed_as)
        else:
            self.precision, self.precision_reason = precision, "set by MERLIN_EMBEDDING_PRECISION"
        # Calibration (if it ran) left the chosen model in _models; otherwise convert the weights in place.
        self._model = self._model_for(self.precision, copy_weights=False)
        self._models = {self.precision: self._model}

    def _model_for(self, precision: str, copy_weights: bool = True) -> Any:
        """The model in ``precision``; converted in place (no second copy) once calibration is over."""
        if precision in self._models:
            return self._models[precision]
        torch = self._torch
        base = copy.deepcopy(self._fp32) if copy_weights else self._fp32
        if precision == "bf16":
            model = base.to(torch.bfloat16)
        elif precision == "int8":
            from torch.ao.quantization import quantize_dynamic

            model = quantize_dynamic(base, {torch.nn.Linear}, dtype=torch.qint8, inplace=not copy_weights)
        else:
            model = self._fp32
        self._models[precision] = model
        return model

    def _embed_as(self, precision: str, texts: list[str]) -> np.ndarray:
        return self._encode(self._model_for(precision), self.tokenize(texts), record=False)

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer(text, add_special_tokens=True, truncation=False)["input_ids"])

    def tokenize(self, texts: list[str]) -> list[list[int]]:
        """Token ids per text, cut to the model's limit (keeping the closing special token)."""
        encoded = self.tokenizer(texts, add_special_tokens=True, truncation=False, verbose=False)["input_ids"]
        out = []
        for ids in encoded:
            if len(ids) > self.max_tokens:
                self.stats.truncated += 1
                ids = ids[: self.max_tokens - 1] + ids[-1:]
            out.append(ids)
        return out

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit vectors, one row per text, in the order given."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._encode(self._model, self.tokenize(texts), record=True)

    def _encode(self, model: Any, ids: list[list[int]], record: bool) -> np.ndarray:
        torch = self._torch
        pad = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else 0
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        out = np.zeros((len(ids), self.dim), dtype=np.float32)
        with torch.inference_mode():
            for start in range(0, len(order), self.batch_size):
                batch = order[start : start + self.batch_size]
                width = max(len(ids[i]) for i in batch)
                input_ids = torch.full((len(batch), width), pad, dtype=torch.long)
                mask = torch.zeros((len(batch), width), dtype=torch.long)
                for row, i in enumerate(batch):
                    input_ids[row, : len(ids[i])] = torch.tensor(ids[i])
                    mask[row, : len(ids[i])] = 1
                hidden = model(input_ids=input_ids, attention_mask=mask).last_hidden_state.float()
                weights = mask.unsqueeze(-1).float()
                pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1.0)
                pooled = torch.nn.functional.normalize(pooled, dim=-1)
                out[batch] = pooled.numpy()
                if record:
                    self.stats.texts += len(batch)
                    self.stats.tokens += int(mask.sum())
                    self.stats.padded_tokens += len(batch) * width
        return out


def load_encoder(path: str, name: str, precision: str, batch_size: int, home: Path) -> Encoder:
    encoder = Encoder(path, name, precision, batch_size, home)
    print(
        f"merlin: embedding with {name} ({encoder.dim}-d, {encoder.precision}: {encoder.precision_reason})",
        file=sys.stderr,
    )
    return encoder
