"""Merlin core: ingest CNC documents, attribute them to controls, embed, index and compare."""

__version__ = "0.1.0"
