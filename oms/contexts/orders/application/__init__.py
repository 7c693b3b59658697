"""The orders context's use cases: handlers that talk to ports, never to Django."""
