"""Django-aware building blocks that belong to no context: HTTP plumbing and messaging."""
