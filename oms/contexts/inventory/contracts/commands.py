"""Asynchronous commands the inventory context accepts."""
