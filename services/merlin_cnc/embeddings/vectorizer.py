"""Chunks to vectors for one model choice: lazy encoder, content-hash cache, lexical-only mode."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np

from ..chunking import approximate_tokens
from ..config import Settings
from .cache import EmbeddingCache, text_hash
from .encoder import Encoder, load_encoder
from .resolve import ModelChoice


def model_dim(choice: ModelChoice) -> int:
    """The embedding dimension, read from the model's config without loading it."""
    if choice.lexical_only or choice.path is None:
        return 0
    config = json.loads((Path(choice.path) / "config.json").read_text())
    return int(config.get("hidden_size") or config.get("d_model") or config["dim"])


class Vectorizer:
    def __init__(self, choice: ModelChoice, settings: Settings) -> None:
        self.choice = choice
        self.settings = settings
        self._encoder: Encoder | None = None
        self._loader: threading.Thread | None = None
        self._load_error: BaseException | None = None
        self._cache: EmbeddingCache | None = None
        self.embedded = 0  # texts actually run through the model
        self.cached = 0  # texts answered by the cache

    def _load(self) -> None:
        assert self.choice.path is not None
        s = self.settings
        try:
            self._encoder = load_encoder(
                self.choice.path, self.choice.name, s.embedding_precision, s.embedding_batch_size, s.home
            )
        except BaseException as exc:  # re-raised by the thread that needs the encoder
            self._load_error = exc

    def preload(self) -> None:
        """Start loading the model in the background (it takes a while; parsing goes on meanwhile)."""
        if self._loader is None and self._encoder is None and not self.choice.lexical_only:
            self._loader = threading.Thread(target=self._load, name="merlin-encoder-load", daemon=True)
            self._loader.start()

    @property
    def encoder(self) -> Encoder:
        if self._loader is not None:
            self._loader.join()
            self._loader = None
        if self._load_error is not None:
            raise self._load_error
        if self._encoder is None:
            self._load()
            if self._load_error is not None:
                raise self._load_error
        assert self._encoder is not None
        return self._encoder

    @property
    def max_tokens(self) -> int:
        return 512 if self.choice.lexical_only else self.encoder.max_tokens

    def count_tokens(self, text: str) -> int:
        return approximate_tokens(text) if self.choice.lexical_only else self.encoder.count_tokens(text)

    def _cache_db(self) -> EmbeddingCache:
        if self._cache is None:
            self._cache = EmbeddingCache(self.settings.home / "cache" / "embeddings.sqlite", self.choice.name)
        return self._cache

    def vectors(self, texts: list[str], progress: Callable[[int], None] | None = None) -> np.ndarray | None:
        """One unit vector per text (None in lexical-only mode); cached texts are not re-embedded."""
        if self.choice.lexical_only:
            return None
        hashes = [text_hash(t) for t in texts]
        cache = self._cache_db()
        known = cache.get_many(hashes)
        # Length order across the whole call, so each model batch holds texts of similar length.
        missing = sorted((i for i, h in enumerate(hashes) if h not in known), key=lambda i: len(texts[i]))
        self.cached += len(texts) - len(missing)
        if progress and len(texts) > len(missing):
            progress(len(texts) - len(missing))
        step = max(self.settings.embedding_batch_size * 4, 64)
        for start in range(0, len(missing), step):
            part = missing[start : start + step]
            fresh = self.encoder.embed([texts[i] for i in part])
            cache.put_many((hashes[i], fresh[j]) for j, i in enumerate(part))
            known.update((hashes[i], fresh[j]) for j, i in enumerate(part))
            self.embedded += len(part)
            if progress:
                progress(len(part))
        if not texts:
            return np.zeros((0, model_dim(self.choice)), dtype=np.float32)
        return np.stack([known[h] for h in hashes]).astype(np.float32)

    def embed(self, texts: list[str]) -> np.ndarray:
        """Like ``vectors`` but for a model that is not lexical-only (LangChain's Embeddings needs vectors)."""
        vectors = self.vectors(texts)
        if vectors is None:
            raise ValueError("lexical-only index: there is no embedding model")
        return vectors

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()
