"""The one Elasticsearch client, built from settings (URL, API key or basic auth, TLS CA, timeouts)."""

from __future__ import annotations

from typing import Any

from ..config import Settings
from .base import IndexError_

RETRY_ON_STATUS = (429, 502, 503, 504)


def build_client(settings: Settings) -> Any:
    from elasticsearch import Elasticsearch

    options: dict[str, Any] = {
        "request_timeout": settings.es_timeout,
        "retry_on_status": RETRY_ON_STATUS,
        "retry_on_timeout": True,
        "max_retries": 3,
    }
    if settings.es_api_key:
        options["api_key"] = settings.es_api_key
    elif settings.es_username:
        options["basic_auth"] = (settings.es_username, settings.es_password or "")
    options["serializers"] = _fast_serializers()
    if settings.es_url.startswith("https"):
        options["verify_certs"] = settings.es_verify_certs
        if settings.es_ca_certs:
            options["ca_certs"] = str(settings.es_ca_certs)
    return Elasticsearch(settings.es_url, **options)


def _fast_serializers() -> dict[str, Any]:
    """orjson for JSON and for NDJSON (``_msearch``, ``_bulk``) where it is installed: a comparison's
    searches carry dozens of query vectors and hundreds of hits, which the standard library's json
    takes about as long to encode and decode as Elasticsearch takes to answer."""
    try:
        from elasticsearch.serializer import NdjsonSerializer, OrjsonSerializer
    except ImportError:
        return {}

    class OrjsonNdjsonSerializer(NdjsonSerializer, OrjsonSerializer):  # NDJSON framing, orjson per line
        pass

    return {OrjsonSerializer.mimetype: OrjsonSerializer(), NdjsonSerializer.mimetype: OrjsonNdjsonSerializer()}


_clients: dict[tuple[object, ...], Any] = {}


def get_client(settings: Settings) -> Any:
    """The client for these connection settings, built once per process and shared."""
    key = (settings.es_url, settings.es_api_key, settings.es_username, settings.es_password,
           str(settings.es_ca_certs), settings.es_verify_certs, settings.es_timeout)
    if key not in _clients:
        _clients[key] = build_client(settings)
    return _clients[key]


def check_ready(client: Any, url: str) -> None:
    """Readiness through ``cluster.health`` (some builds answer no ``GET /``); a clear error if down."""
    from elastic_transport import TransportError
    from elasticsearch import ApiError

    try:
        health = client.options(request_timeout=10, max_retries=0).cluster.health(wait_for_status="yellow",
                                                                                  timeout="5s")
    except (TransportError, ApiError) as exc:
        raise IndexError_(f"Elasticsearch at {url} is not reachable: {type(exc).__name__}: {exc}") from exc
    if health.get("status") not in ("green", "yellow"):
        raise IndexError_(f"Elasticsearch at {url} is not ready (cluster status {health.get('status')})")
