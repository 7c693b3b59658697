"""Asynchronous commands the notifications context accepts."""
