"""Search over HTTP: artists, portfolio pieces, recommendations."""
