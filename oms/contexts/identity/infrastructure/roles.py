"""The roles of API.md, kept as Django groups; the OIDC roles claim names them."""

CUSTOMER = "customer"
SUPPORT = "support"
WAREHOUSE = "warehouse"
ADMIN = "admin"
ROLES = (CUSTOMER, SUPPORT, WAREHOUSE, ADMIN)
STAFF_ROLES = frozenset({SUPPORT, WAREHOUSE, ADMIN})
