"""The routes the app serves of commissions (``ROUTES``), in the order the API lists them."""

from entrypoints.http.commissions.controller import MyRequestsController, RequestsController
from entrypoints.http.commissions.projects_controller import (
    MyProjectsController,
    ProjectsController,
    QuotesController,
    RequestQuotesController,
)
from entrypoints.http.routes import Routes

ROUTES = Routes(
    controllers=(
        RequestsController,
        MyRequestsController,
        RequestQuotesController,
        QuotesController,
        ProjectsController,
        MyProjectsController,
    )
)
