"""What the payments facade takes and returns."""
