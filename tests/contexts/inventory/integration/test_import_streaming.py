"""An import streams: a chunk of rows at a time, each chunk its own transaction."""

import io
from collections.abc import Iterator

import pytest
from django.core.management import CommandError, call_command

from oms.contexts.inventory.application.importing.rows import RawRow
from oms.contexts.inventory.application.importing.upsert import ImportSummary, import_products
from oms.contexts.inventory.infrastructure.clock import SystemClock
from oms.contexts.inventory.infrastructure.import_files import open_text, read_rows
from oms.contexts.inventory.infrastructure.importing import DjangoCatalogImport
from oms.contexts.inventory.infrastructure.models import ProductRecord

pytestmark = pytest.mark.django_db


def rows(count: int, pulled: list[int]) -> Iterator[RawRow]:
    for n in range(count):
        pulled[0] += 1
        yield RawRow(n + 1, {"sku": f"P{n}", "name": f"Product {n}", "price": "1.00", "currency": "EUR"})


def test_no_row_is_read_before_the_chunk_ahead_of_it_is_written():
    pulled, seen = [0], []

    def at_chunk(summary: ImportSummary) -> None:
        seen.append((pulled[0], summary.read, ProductRecord.objects.count()))

    import_products(
        rows(2_500, pulled),
        uow=DjangoCatalogImport(),
        clock=SystemClock(),
        chunk_size=1_000,
        on_chunk=at_chunk,
    )

    assert seen == [(1_000, 1_000, 1_000), (2_000, 2_000, 2_000), (2_500, 2_500, 2_500)]


def test_a_file_is_read_lazily_not_all_at_once():
    content = "sku,name,price,currency\n" + "".join(f"P{n},Product {n},1.00,EUR\n" for n in range(50_000))
    binary = io.BytesIO(content.encode())

    text = open_text(binary)

    first = next(read_rows(text, "csv"))

    assert first == RawRow(2, {"sku": "P0", "name": "Product 0", "price": "1.00", "currency": "EUR"})
    assert binary.tell() < len(content) / 10


def test_chunks_before_an_unreadable_part_of_the_file_stay_imported(tmp_path):
    path = tmp_path / "products.csv"
    good = "".join(f"p{n},Product {n},,1.00,EUR,\n" for n in range(2_000))  # far more than one read buffer
    path.write_bytes(
        f"sku,name,description,price,currency,active\n{good}".encode() + b"bad,\xff\xfe,,1,EUR,\n"
    )

    with pytest.raises(CommandError, match=r"not UTF-8.*Chunks before this point were imported"):
        call_command(
            "import_products", str(path), "--chunk-size", "500", "--no-progress", stdout=io.StringIO()
        )

    imported = ProductRecord.objects.count()
    assert 0 < imported < 2_000
    assert imported % 500 == 0  # whole chunks, each its own transaction
