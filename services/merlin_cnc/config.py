"""The one place Merlin reads its configuration from (environment variables prefixed ``MERLIN_``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MERLIN_", env_file=".env", extra="ignore")

    home: Path = Path("./.merlin")
    backend: Literal["embedded", "elasticsearch"] = "embedded"
    es_url: str = "http://localhost:9200"
    es_index: str = "merlin-chunks"  # the alias; versioned indices behind it
    es_api_key: str | None = None
    es_username: str | None = None
    es_password: str | None = None
    es_ca_certs: Path | None = None
    es_verify_certs: bool = True
    es_timeout: float = Field(30.0, gt=0)
    embedding_model: str = "microsoft/codebert-base"
    embedding_fallback: Literal["auto", "none"] = "auto"
    embedding_precision: Literal["auto", "fp32", "bf16", "int8"] = "auto"
    embedding_batch_size: int = Field(16, ge=1)
    # Seconds a hub reachability check may take before Merlin gives up and falls back.
    hub_timeout: float = Field(3.0, gt=0)
    # How long a failed hub lookup is remembered, so no command pays the stall twice.
    hub_retry_after: float = Field(6 * 3600, ge=0)
    generator: Literal["extractive", "hf", "openai"] = "extractive"
    # The `hf` generator: a transformers text-generation model (HF id or local folder).
    hf_model: str = "Qwen/Qwen2.5-0.5B-Instruct"
    hf_max_new_tokens: int = Field(512, ge=16)
    # The `openai` generator: any OpenAI-compatible server (Ollama, vLLM, llama.cpp server...).
    openai_base_url: str = "http://localhost:11434/v1"
    openai_model: str = "llama3.1"
    openai_api_key: str = "not-needed"
    generator_timeout: float = Field(120.0, gt=0)
    redis_url: str = "redis://localhost:6379/0"
    data_dir: Path = Path("./data")
    api_key: str | None = None
    api_url: str = "http://127.0.0.1:8000"
    # `none` switches off the packaged catalog of well-known controls (names then come from the
    # documents alone) and the built-in comparison aspects (free questions never depend on them).
    catalog: Literal["builtin", "none"] = "builtin"
    aspects: Literal["builtin", "none"] = "builtin"
    max_file_mb: float = Field(50.0, gt=0)
    # Target size of a chunk in encoder tokens; a chunk never exceeds the model's own limit.
    chunk_tokens: int = Field(256, ge=32)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
