"""The audit trail over HTTP (admins)."""

from entrypoints.http.audit.controller import AuditController
from entrypoints.http.routes import Routes

ROUTES = Routes(controllers=(AuditController,))
