"""Application layer: one class per use case, grouped by area."""
