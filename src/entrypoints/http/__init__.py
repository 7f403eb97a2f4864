"""The HTTP entrypoint (Litestar). Thin: decode a DTO, call one use case, encode the view.

This package never imports adapters or SQLAlchemy (an import-linter contract); it receives
use cases and ports through :class:`entrypoints.http.services.ApiServices`.
"""
