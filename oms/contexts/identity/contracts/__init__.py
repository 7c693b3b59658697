"""The identity context's published language: versioned, frozen dataclasses of primitives."""
