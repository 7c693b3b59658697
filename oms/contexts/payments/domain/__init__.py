"""The payments context's business rules: plain Python, no framework."""
