"""Persistence records of the payments context; tables are prefixed `payments_`."""
