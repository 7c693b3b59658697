"""What the identity facade takes and returns."""
