"""What the orders facade takes and returns."""
