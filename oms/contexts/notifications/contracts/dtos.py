"""What the notifications facade takes and returns."""
