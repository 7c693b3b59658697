"""Asynchronous commands the orders context accepts."""
