"""The bounded contexts. Each may leave the monolith as a service; the import contracts keep that true."""
