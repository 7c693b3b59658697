"""The inventory context's business rules: plain Python, no framework."""
