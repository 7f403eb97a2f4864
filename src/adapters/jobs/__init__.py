"""The job queue: procrastinate on the application's PostgreSQL (docs/architecture.md,
"Profiles")."""
