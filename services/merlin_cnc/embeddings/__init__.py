"""Dense embeddings: model resolution with an offline fallback, the encoder, a content-hash cache."""
