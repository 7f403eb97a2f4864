"""In-memory adapters: real implementations of the ports, held to the same contract suites
as the PostgreSQL ones. Used by unit tests, by other services' tests, and for demos."""
