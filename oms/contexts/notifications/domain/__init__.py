"""The notifications context's business rules: plain Python, no framework."""
