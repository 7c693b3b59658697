from oms.contexts.identity.domain.grants import granted

PERMISSIONS = [
    "orders.view_order",
    "orders.change_order",
    "orders.delete_order",
    "inventory.add_product",
    "inventory.view_product",
    "inventory.delete_product",
    "payments.view_payment",
    "payments.change_payment",
    "identity.view_user",
    "identity.change_user",
    "auth.change_group",
]


def test_the_admin_role_holds_every_permission():
    assert granted("admin", PERMISSIONS) == set(PERMISSIONS)


def test_support_sees_orders_and_payments_and_changes_orders_only():
    assert granted("support", PERMISSIONS) == {
        "orders.view_order",
        "orders.change_order",
        "inventory.view_product",
        "payments.view_payment",
        "identity.view_user",
    }


def test_warehouse_keeps_the_catalog_and_ships_orders_but_deletes_nothing():
    assert granted("warehouse", PERMISSIONS) == {
        "orders.view_order",
        "orders.change_order",
        "inventory.add_product",
        "inventory.view_product",
    }


def test_customers_and_unknown_roles_hold_no_back_office_permission():
    assert granted("customer", PERMISSIONS) == frozenset()
    assert granted("superhero", PERMISSIONS) == frozenset()
