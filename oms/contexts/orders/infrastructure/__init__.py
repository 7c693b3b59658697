"""The orders context's Django app: persistence, messaging adapters, admin, tasks, commands."""
