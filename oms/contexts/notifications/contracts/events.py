"""Facts the notifications context publishes."""
