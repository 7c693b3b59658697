"""Persistence records of the inventory context; tables are prefixed `inventory_`."""
