"""The notifications context's published language: versioned, frozen dataclasses of primitives."""
