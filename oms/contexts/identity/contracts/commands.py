"""Asynchronous commands the identity context accepts."""
