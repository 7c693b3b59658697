"""Bulk upsert of the catalog by SKU, from rows a file reader streams in (import_products)."""
