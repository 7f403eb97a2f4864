"""The job queue: procrastinate on the application's PostgreSQL (DESIGN.md section 5)."""
