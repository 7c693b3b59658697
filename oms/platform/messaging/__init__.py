"""Outbox, inbox and bus: how contexts tell each other what happened, at least once, handled once."""
