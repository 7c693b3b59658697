"""The orders context's business rules: plain Python, no framework."""
