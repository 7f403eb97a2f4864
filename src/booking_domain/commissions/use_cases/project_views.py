"""A project as its parties see it: its sessions as they stand and its progress."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from booking_domain.commissions.ports import ProjectsUnitOfWork
from booking_domain.commissions.projects import Progress, Project, ProjectSession, progress


@dataclass(frozen=True, slots=True)
class ProjectView:
    project: Project
    sessions: tuple[ProjectSession, ...]
    progress: Progress


async def project_view(uow: ProjectsUnitOfWork, project: Project, now: datetime) -> ProjectView:
    sessions = await uow.projects.sessions(project.id)
    return ProjectView(project, sessions, progress(project, sessions, now))
