"""Facts the payments context publishes."""
