"""``manage.py import_products``: an upsert by SKU from CSV or JSON lines, through the domain's rules."""

import io
import json
import sys

import pytest
from django.core.management import CommandError, call_command

from oms.contexts.inventory import facade
from oms.contexts.inventory.application.importing.rows import RawRow
from oms.contexts.inventory.application.importing.upsert import import_products
from oms.contexts.inventory.infrastructure.clock import SystemClock
from oms.contexts.inventory.infrastructure.importing import DjangoCatalogImport
from oms.contexts.inventory.infrastructure.models import ProductRecord, StockLevel
from tests.contexts.inventory.integration.conftest import stock_up

pytestmark = pytest.mark.django_db
HEADER = "sku,name,description,price,currency,active\n"


def run(path, *args: str) -> tuple[int, str, str]:
    """The exit status, the summary on stdout, and the row errors on stderr."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_products", str(path), *args, "--no-progress", stdout=out, stderr=err)
    except SystemExit as exit:
        return int(exit.code or 0), out.getvalue().strip(), err.getvalue().strip()
    return 0, out.getvalue().strip(), err.getvalue().strip()


def catalog() -> dict[str, tuple[str, str, str, bool]]:
    return {
        p.sku: (p.name, p.description, p.price.amount, p.active)
        for p in facade.list_products(limit=100).results
    }


@pytest.fixture
def csv_file(tmp_path):
    path = tmp_path / "products.csv"
    path.write_text(HEADER + 'mug,Mug,"Blue, large",9.90,EUR,true\ncup,Cup,,4.5,EUR,false\n')
    return path


def test_a_csv_file_lists_its_products_each_with_an_empty_stock_level(csv_file):
    status, summary, errors = run(csv_file)

    assert (status, errors) == (0, "")
    assert summary == "2 rows read: 2 changed (2 created, 0 updated), 0 unchanged, 0 failed"
    assert catalog() == {"CUP": ("Cup", "", "4.50", False), "MUG": ("Mug", "Blue, large", "9.90", True)}
    assert set(StockLevel.objects.values_list("sku", "on_hand")) == {("CUP", 0), ("MUG", 0)}


def test_a_rerun_changes_nothing_and_says_so(csv_file):
    run(csv_file)
    versions = dict(ProductRecord.objects.values_list("sku", "version"))

    status, summary, _ = run(csv_file)

    assert status == 0
    assert summary == "2 rows read: 0 changed (0 created, 0 updated), 2 unchanged, 0 failed"
    assert dict(ProductRecord.objects.values_list("sku", "version")) == versions


def test_existing_products_change_only_in_the_fields_the_file_gives(tmp_path, db):
    stock_up(MUG=3)
    path = tmp_path / "prices.csv"
    path.write_text("sku,price,currency,active\nmug,12.00,EUR,no\n")

    status, summary, _ = run(path)

    assert (status, summary) == (0, "1 rows read: 1 changed (0 created, 1 updated), 0 unchanged, 0 failed")
    assert catalog() == {"MUG": ("A mug", "", "12.00", False)}
    assert facade.stock_level(sku="MUG").on_hand == 3
    assert ProductRecord.objects.get(sku="MUG").version == 1


def test_without_postgresql_arrays_django_bulk_update_changes_the_same(db):
    stock_up(MUG=0, CUP=0)
    rows = [
        RawRow(2, {"sku": "mug", "name": "Big mug", "price": "12.00", "currency": "EUR"}),
        RawRow(3, {"sku": "cup", "price": "1", "currency": "EUR"}),
        RawRow(4, {"sku": "jug", "name": "Jug", "price": "5", "currency": "EUR"}),
    ]

    summary = import_products(rows, uow=DjangoCatalogImport(arrays=False), clock=SystemClock())

    assert (summary.created, summary.updated, summary.failed) == (1, 2, 0)
    assert catalog() == {
        "CUP": ("A cup", "", "1.00", True),
        "JUG": ("Jug", "", "5.00", True),
        "MUG": ("Big mug", "", "12.00", True),
    }
    assert dict(ProductRecord.objects.values_list("sku", "version")) == {"CUP": 1, "JUG": 0, "MUG": 1}
    assert StockLevel.objects.filter(sku="JUG").exists()


def test_json_lines_are_read_with_nested_or_flat_prices_never_as_floats(tmp_path, db):
    path = tmp_path / "products.jsonl"
    rows = [
        '{"sku": "mug", "name": "Mug", "price": {"amount": "9.90", "currency": "EUR"}}',
        "",
        '{"sku": "cup", "name": "Cup", "price": 4.1, "currency": "EUR", "active": false}',
    ]
    path.write_text("\n".join(rows) + "\n")

    status, summary, _ = run(path)

    assert (status, summary) == (0, "2 rows read: 2 changed (2 created, 0 updated), 0 unchanged, 0 failed")
    assert catalog() == {"CUP": ("Cup", "", "4.10", False), "MUG": ("Mug", "", "9.90", True)}


def test_bad_rows_are_reported_by_line_while_the_good_rows_import(tmp_path, db):
    path = tmp_path / "mixed.csv"
    path.write_text(
        HEADER
        + "mug,Mug,,9.90,EUR,\n"  # line 2
        + "bad sku,X,,1,EUR,\n"  # line 3
        + 'lamp,Lamp,"two\nlines",0,EUR,\n'  # lines 4-5: a price of nothing
        + "bowl,Bowl,,3.999,EUR,\n"  # line 6
        + "vase,Vase,,3,XYZ,\n"  # line 7
        + "pen,,,3,EUR,\n"  # line 8
        + "cup,Cup,,4.50,EUR,maybe\n"  # line 9
        + "jug,Jug,,5,EUR,true,extra\n"  # line 10
        + "plate,Plate,,2.00,EUR,\n"  # line 11
    )

    status, summary, errors = run(path, "--chunk-size", "3")

    assert status == 1
    assert summary == "9 rows read: 2 changed (2 created, 0 updated), 0 unchanged, 7 failed"
    assert errors.splitlines() == [
        "line 3: 'bad sku' is not a SKU: use 1 to 64 letters, digits, '-' or '_'.",
        "line 4: A product must cost more than nothing; 0.00 EUR is not a price.",
        "line 6: price: EUR amounts have at most 2 decimal places, not 3.999.",
        "line 7: currency: 'XYZ' is not an ISO 4217 currency code.",
        "line 8: A product's name cannot be blank.",
        "line 9: active: 'maybe' is neither true nor false.",
        "line 10: the record has more fields than the header names.",
    ]
    assert sorted(catalog()) == ["MUG", "PLATE"]


def test_a_dry_run_counts_what_would_change_and_writes_nothing(csv_file):
    status, summary, _ = run(csv_file, "--dry-run")

    assert status == 0
    assert (
        summary
        == "2 rows read: 2 changed (2 created, 0 updated), 0 unchanged, 0 failed (dry run: nothing written)"
    )
    assert not ProductRecord.objects.exists()
    assert not StockLevel.objects.exists()


def test_the_last_row_of_a_sku_wins_so_a_rerun_still_changes_nothing(tmp_path, db):
    path = tmp_path / "twice.csv"
    path.write_text(HEADER + "mug,Mug,,9.90,EUR,\nmug,Mug,,8.90,EUR,\n")

    first, again = run(path)[1], run(path)[1]

    assert (
        first
        == "2 rows read: 1 changed (1 created, 0 updated), 0 unchanged, 0 failed, 1 superseded by a later row"
    )
    assert (
        again
        == "2 rows read: 0 changed (0 created, 0 updated), 1 unchanged, 0 failed, 1 superseded by a later row"
    )
    assert catalog()["MUG"][2] == "8.90"


def test_the_format_may_be_named_when_the_extension_does_not_tell(tmp_path, db):
    path = tmp_path / "export.txt"
    path.write_text(json.dumps({"sku": "mug", "name": "Mug", "price": "1.00", "currency": "EUR"}) + "\n")

    with pytest.raises(CommandError, match="Cannot tell the format"):
        run(path)
    assert run(path, "--format", "jsonl")[0] == 0
    assert sorted(catalog()) == ["MUG"]


def test_json_lines_that_are_not_objects_are_reported_by_line(tmp_path, db):
    path = tmp_path / "broken.jsonl"
    path.write_text('{"sku": "mug", "name": "Mug", "price": "1", "currency": "EUR"}\n[1, 2]\n{"sku": \n')

    status, _, errors = run(path)

    assert status == 1
    assert errors.splitlines() == [
        "line 2: not a JSON object.",
        "line 3: not JSON (Expecting value at column 8).",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"name,price\nMug,1\n", "must name a 'sku' column"),
        (HEADER.encode() + b"mug,M\xfcg,,1,EUR,\n", "not UTF-8"),
    ],
    ids=["no-sku-column", "not-utf-8"],
)
def test_a_file_that_cannot_be_read_stops_the_import_with_a_reason(tmp_path, db, content, message):
    path = tmp_path / "products.csv"
    path.write_bytes(content)

    with pytest.raises(CommandError, match=message):
        run(path)


def test_a_missing_file_is_named(tmp_path, db):
    with pytest.raises(CommandError, match="Cannot open"):
        run(tmp_path / "nowhere.csv")


def test_a_spreadsheets_byte_order_mark_is_not_part_of_the_first_column(tmp_path, db):
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufeff".encode() + HEADER.encode() + b"mug,Mug,,1.00,EUR,\n")

    assert run(path)[0] == 0
    assert sorted(catalog()) == ["MUG"]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_bar_is_shown_on_a_terminal_only(csv_file, monkeypatch):
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)

    call_command("import_products", str(csv_file), stdout=io.StringIO())

    assert "importing: 100%" in terminal.getvalue()
