"""The privacy context over HTTP: ``/api/v1/me/export`` and ``DELETE /api/v1/me``."""
