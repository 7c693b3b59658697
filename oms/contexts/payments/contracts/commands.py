"""Asynchronous commands the payments context accepts."""
