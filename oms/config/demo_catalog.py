"""The embedded mode's demo catalog: a few products with stock, enough to place orders at once."""

DEMO_PRODUCTS = (
    ("MUG-001", "Enamel camp mug", "Steel mug with a blue rim, 350 ml.", "12.50", 40),
    ("TEE-BLK-M", "Black T-shirt, M", "Organic cotton, 180 g/m².", "24.00", 25),
    ("TEE-BLK-L", "Black T-shirt, L", "Organic cotton, 180 g/m².", "24.00", 25),
    ("BOTTLE-750", "Insulated bottle", "Keeps drinks cold for 24 hours.", "29.90", 15),
    ("NOTEBOOK-A5", "Dotted notebook A5", "160 pages, lay-flat binding.", "9.80", 60),
    ("LAST-ONE", "Limited print", "Only one exists: race a friend for it.", "80.00", 1),
)
CURRENCY = "EUR"
