"""Where chunks live: one interface, an embedded (SQLite + numpy) and an Elasticsearch implementation."""
