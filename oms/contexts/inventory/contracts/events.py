"""Facts the inventory context publishes."""
