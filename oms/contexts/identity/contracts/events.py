"""Facts the identity context publishes."""
