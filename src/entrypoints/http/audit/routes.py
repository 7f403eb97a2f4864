"""The routes the app serves of audit (``ROUTES``), in the order the API lists them."""

from entrypoints.http.audit.controller import AuditController
from entrypoints.http.routes import Routes

ROUTES = Routes(controllers=(AuditController,))
