"""What the inventory facade takes and returns."""
