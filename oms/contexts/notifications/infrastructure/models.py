"""Persistence records of the notifications context; tables are prefixed `notifications_`."""
