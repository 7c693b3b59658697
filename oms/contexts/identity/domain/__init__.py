"""The identity context's business rules: plain Python, no framework."""
