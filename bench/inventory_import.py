"""What ``manage.py import_products`` costs for a large catalog: wall time and peak memory (RSS).

Three runs of the real command, each in its own process so its peak RSS is its own: a first import
of N new products, the same file again (must change nothing), and a file changing every price.
Then, for comparison, the per-row path the API takes (facade.create_product, one transaction per
product) on a sample, extrapolated to N. Usage (repository root):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/oms_inventory_bench \\
        .venv/bin/python bench/inventory_import.py [--rows 100000] [--sample 2000]
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import common

HEADER = "sku,name,description,price,currency,active\n"


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=2_000, help="products created one by one, to compare")
    return parser.parse_args()


def write_catalog(path: Path, rows: int, *, cents: int) -> None:
    with path.open("w") as out:
        out.write(HEADER)
        for n in range(rows):
            out.write(
                f'SKU-{n:07d},Product {n},"A fine product, number {n}",{n % 500 + 1}.{cents:02d},EUR,true\n'
            )


def run_import(path: Path) -> tuple[float, float, str]:
    """Seconds, peak RSS in MB, and the summary line of one run of the command in a fresh process."""
    command = [sys.executable, "manage.py", "import_products", str(path), "--no-progress"]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=common.REPO_ROOT, stdout=subprocess.PIPE, text=True)
    output = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"import failed with status {status}: {output}")
    return elapsed, usage.ru_maxrss / 1024, output.strip()


def per_row_rate(sample: int) -> float:
    """Products a second through the facade, as POST /api/v1/products/ creates them."""
    from oms.contexts.inventory import facade
    from oms.shared_kernel.messages import MoneyPayload

    price = MoneyPayload(amount="9.90", currency="EUR")
    started = time.perf_counter()
    for n in range(sample):
        facade.create_product(sku=f"ONE-{n:07d}", name=f"Product {n}", description="One by one", price=price)
    return sample / (time.perf_counter() - started)


def empty_inventory() -> None:
    from oms.contexts.inventory.infrastructure.image_records import ProductImageRecord
    from oms.contexts.inventory.infrastructure.models import (
        InventoryOutbox,
        ProductRecord,
        StockHold,
        StockLevel,
        StockMovementRecord,
    )

    common.truncate(
        ProductImageRecord, ProductRecord, StockHold, StockLevel, StockMovementRecord, InventoryOutbox
    )


def main() -> None:
    args = parse()
    os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/oms_inventory_bench")
    common.configure_environment()
    common.create_database_if_missing()
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    empty_inventory()
    print(f"import_products of {args.rows:,} rows; {common.machine_load()}")
    with tempfile.TemporaryDirectory() as folder:
        first, changed = Path(folder) / "catalog.csv", Path(folder) / "new-prices.csv"
        write_catalog(first, args.rows, cents=90)
        write_catalog(changed, args.rows, cents=95)
        print(f"file: {first.stat().st_size / 1e6:.1f} MB of CSV")
        for label, path in (("first import", first), ("rerun", first), ("every price changed", changed)):
            seconds, peak, summary = run_import(path)
            print(
                f"{label:>20}: {seconds:6.1f} s, {args.rows / seconds:8,.0f} rows/s, peak RSS {peak:5.0f} MB"
            )
            print(f"{'':>20}  {summary}")
    rate = per_row_rate(args.sample)
    extrapolated = f"{args.rows / rate:6.1f} s for {args.rows:,}"
    print(f"{'per-row facade path':>20}: {rate:8,.0f} rows/s on a sample of {args.sample:,}: {extrapolated}")
    empty_inventory()


if __name__ == "__main__":
    main()
