"""Image processing adapters."""
