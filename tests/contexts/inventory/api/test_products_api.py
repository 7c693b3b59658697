"""The catalog over HTTP: anyone reads it; the warehouse and admins list and change products."""

import pytest

from oms.contexts.inventory.infrastructure.models import ProductRecord

pytestmark = pytest.mark.django_db
LIST = "/api/v1/products/"
NEW = {
    "sku": "pen-1",
    "name": "Pen",
    "description": "Black ink",
    "price": {"amount": "2.50", "currency": "EUR"},
}


def test_anyone_reads_the_catalog_with_prices_as_money_and_what_is_available(api_client, catalog):
    response = api_client.get(LIST)

    assert response.status_code == 200
    assert response.json()["results"] == [
        {
            "sku": "CUP",
            "name": "A cup",
            "description": "",
            "price": {"amount": "9.90", "currency": "EUR"},
            "active": True,
            "available": 2,
            "version": 0,
            "images": [],
        },
        {
            "sku": "MUG",
            "name": "A mug",
            "description": "",
            "price": {"amount": "9.90", "currency": "EUR"},
            "active": True,
            "available": 5,
            "version": 0,
            "images": [],
        },
    ]


def test_one_product_is_read_by_its_sku_in_any_case(api_client, catalog):
    response = api_client.get(f"{LIST}mug/")

    assert response.status_code == 200
    assert (response.json()["sku"], response.json()["available"]) == ("MUG", 5)


@pytest.mark.parametrize("sku", ["LAMP", "not a sku"])
def test_an_unknown_product_is_a_404_problem(api_client, catalog, sku):
    response = api_client.get(f"{LIST}{sku}/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_the_api_root_links_to_the_products(api_client):
    assert api_client.get("/api/v1/").json()["products"].endswith(LIST)


@pytest.mark.parametrize(
    ("query", "skus"),
    [
        ({"sku": "mug,LAMP"}, ["MUG"]),
        ({"sku": ["MUG", "CUP"]}, ["CUP", "MUG"]),
        ({"search": "cup"}, ["CUP"]),
        ({"active": "false"}, ["BOWL"]),
        ({"active": "true", "ordering": "-sku"}, ["MUG", "CUP"]),
        ({"ordering": "name"}, ["BOWL", "CUP", "MUG"]),
    ],
)
def test_the_catalog_is_filtered_and_ordered(api_client, as_role, catalog, query, skus):
    as_role("admin").post(LIST, {**NEW, "sku": "BOWL", "name": "A bowl", "active": False}, format="json")

    response = api_client.get(LIST, query)

    assert [product["sku"] for product in response.json()["results"]] == skus


def test_the_catalog_is_paginated_with_next_and_previous_links(api_client, catalog):
    first = api_client.get(LIST, {"page_size": 1}).json()
    second = api_client.get(first["next"]).json()

    assert (first["count"], first["previous"], [p["sku"] for p in first["results"]]) == (2, None, ["CUP"])
    assert ([p["sku"] for p in second["results"]], second["next"]) == (["MUG"], None)
    assert "page=" not in second["previous"]


@pytest.mark.parametrize(
    ("query", "field"),
    [({"active": "maybe"}, "active"), ({"ordering": "price"}, "ordering"), ({"page": "0"}, "page")],
)
def test_a_malformed_query_is_a_400_problem_naming_the_parameter(api_client, query, field):
    response = api_client.get(LIST, query)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert field in response.json()["errors"]


@pytest.mark.parametrize(
    ("role", "status"), [("warehouse", 201), ("admin", 201), ("support", 403), ("customer", 403)]
)
def test_only_the_warehouse_and_admins_list_products(as_role, db, role, status):
    assert as_role(role).post(LIST, NEW, format="json").status_code == status


def test_an_anonymous_caller_may_not_list_a_product(api_client, db):
    assert api_client.post(LIST, NEW, format="json").status_code == 401
    assert not ProductRecord.objects.exists()


def test_a_listed_product_answers_201_with_its_address(as_role, db):
    response = as_role("warehouse").post(LIST, NEW, format="json")

    assert response.status_code == 201
    assert response["Location"].endswith(f"{LIST}PEN-1/")
    assert response.json() == {
        **NEW,
        "sku": "PEN-1",
        "active": True,
        "available": 0,
        "version": 0,
        "images": [],
    }


def test_a_repeated_idempotency_key_lists_the_product_once_and_replays_the_answer(as_role, db):
    client = as_role("admin")

    first = client.post(LIST, NEW, format="json", HTTP_IDEMPOTENCY_KEY="create-pen")
    again = client.post(LIST, NEW, format="json", HTTP_IDEMPOTENCY_KEY="create-pen")

    assert (first.status_code, again.status_code) == (201, 201)
    assert again["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert ProductRecord.objects.count() == 1


def test_a_taken_sku_is_a_409_problem(as_role, catalog):
    response = as_role("admin").post(LIST, {**NEW, "sku": "mug"}, format="json")

    assert response.status_code == 409
    assert response.json()["type"] == "/problems/sku-names-one-product"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"price": {"amount": 2.5, "currency": "EUR"}}, "price.amount"),
        ({"price": {"amount": "2.505", "currency": "EUR"}}, "price.amount"),
        ({"price": {"amount": "250.5", "currency": "JPY"}}, "price.amount"),
        ({"price": {"amount": "0.00", "currency": "EUR"}}, "price.amount"),
        ({"price": {"amount": "-1", "currency": "EUR"}}, "price.amount"),
        ({"price": {"amount": "1e3", "currency": "EUR"}}, "price.amount"),
        ({"price": {"amount": "2.50", "currency": "EURO"}}, "price.currency"),
        ({"price": {"amount": "2.50", "currency": "XYZ"}}, "price.currency"),
        ({"price": "2.50"}, "price.non_field_errors"),
        ({"sku": "no spaces"}, "sku"),
        ({"sku": "x" * 65}, "sku"),
        ({"name": ""}, "name"),
        ({"name": "n" * 201}, "name"),
        ({"description": None}, "description"),
        ({"active": "perhaps"}, "active"),
    ],
)
def test_a_malformed_product_is_a_400_problem_with_errors_by_field(as_role, db, change, field):
    response = as_role("admin").post(LIST, {**NEW, **change}, format="json")

    assert response.status_code == 400
    errors = response.json()["errors"]
    for part in field.split("."):
        errors = errors[part]
    assert errors
    assert not ProductRecord.objects.exists()


@pytest.mark.parametrize("body", ["{not json", "[1, 2]", '"a string"'])
def test_a_body_that_is_not_a_json_object_is_a_400_problem_never_a_500(as_role, db, body):
    response = as_role("admin").post(LIST, body, content_type="application/json")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


def test_a_product_is_changed_field_by_field(as_role, catalog):
    response = as_role("warehouse").patch(
        f"{LIST}MUG/", {"price": {"amount": "12.5", "currency": "EUR"}, "active": False}, format="json"
    )

    assert response.status_code == 200
    assert (response.json()["name"], response.json()["price"], response.json()["active"]) == (
        "A mug",
        {"amount": "12.50", "currency": "EUR"},
        False,
    )


def test_a_products_sku_cannot_be_changed(as_role, catalog):
    response = as_role("admin").patch(f"{LIST}MUG/", {"sku": "CUP"}, format="json")

    assert response.status_code == 400
    assert "sku" in response.json()["errors"]


def test_changing_an_unknown_product_is_a_404_problem(as_role, db):
    assert as_role("admin").patch(f"{LIST}LAMP/", {"name": "Lamp"}, format="json").status_code == 404


def test_only_the_warehouse_and_admins_change_products(as_role, api_client, catalog):
    assert as_role("customer").patch(f"{LIST}MUG/", {"name": "Cup"}, format="json").status_code == 403
    assert api_client.patch(f"{LIST}MUG/", {"name": "Cup"}, format="json").status_code == 401
    assert ProductRecord.objects.get(sku="MUG").name == "A mug"
