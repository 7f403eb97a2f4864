"""Calendar feeds over HTTP."""
