"""The inventory context's published language: versioned, frozen dataclasses of primitives."""
