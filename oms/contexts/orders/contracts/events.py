"""Facts the orders context publishes."""
