"""``manage.py import_products FILE``: create or change products by SKU from a CSV or JSON lines file.

Streams the file in chunks (constant memory), reports each bad row with its line while the good
rows import, shows a progress bar on a terminal and ends with one summary line. A rerun of the same
file changes nothing and says so. Exit status 1 when any row failed, so a scheduled job notices.
"""

import os
import sys
from pathlib import Path
from typing import IO, Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from oms.contexts.inventory.application.importing.upsert import (
    CHUNK,
    ImportSummary,
    RowError,
    import_products,
)
from oms.contexts.inventory.infrastructure.clock import SystemClock
from oms.contexts.inventory.infrastructure.import_files import FORMATS, UnreadableFile, open_text, read_rows
from oms.contexts.inventory.infrastructure.importing import DjangoCatalogImport
from oms.shared_kernel.errors import DomainError

EXTENSIONS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}


class Command(BaseCommand):
    help = "Create or change products by SKU from a CSV or JSON lines file (sku, name, description, ...)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--format", choices=FORMATS, help="csv or jsonl; by default, from the extension")
        parser.add_argument("--dry-run", action="store_true", help="check and count, but write nothing")
        parser.add_argument("--chunk-size", type=int, default=CHUNK, help="rows per transaction")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar, even on a terminal")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        file_format = options["format"] or EXTENSIONS.get(path.suffix.lower())
        if file_format is None:
            raise CommandError(
                f"Cannot tell the format of {path.name}: name it .csv or .jsonl, or give --format."
            )
        try:
            binary = path.open("rb")
        except OSError as exc:
            raise CommandError(f"Cannot open {path}: {exc.strerror}.") from exc
        # The text stays open (and so the file under it) until the end, for the progress bar's position.
        with binary, open_text(binary) as text, _progress(binary, options) as bar:

            def report(error: RowError) -> None:
                bar.clear()
                self.stderr.write(f"line {error.line}: {error.message}")

            def advance(summary: ImportSummary) -> None:
                bar.update(binary.tell() - bar.n)

            summary = _run(text, file_format, options, on_error=report, on_chunk=advance)
        self.stdout.write(summary_line(summary, dry_run=options["dry_run"]))
        if summary.failed:
            raise SystemExit(1)


def _run(text: IO[str], file_format: str, options: dict[str, Any], **callbacks: Any) -> ImportSummary:
    try:
        return import_products(
            read_rows(text, file_format),
            uow=DjangoCatalogImport(),
            clock=SystemClock(),
            dry_run=options["dry_run"],
            chunk_size=options["chunk_size"],
            **callbacks,
        )
    except (UnreadableFile, DomainError) as exc:
        written = "Nothing was written." if options["dry_run"] else "Chunks before this point were imported."
        raise CommandError(f"{exc} {written} A rerun is safe.") from exc


def _progress(binary: IO[bytes], options: dict[str, Any]) -> "tqdm[Any]":
    """By bytes read, so the total is known without reading the file twice; only on a terminal."""
    shown = not options["no_progress"] and sys.stderr.isatty()
    size = os.fstat(binary.fileno()).st_size
    return tqdm(total=size, unit="B", unit_scale=True, desc="importing", disable=not shown, file=sys.stderr)


def summary_line(summary: ImportSummary, *, dry_run: bool) -> str:
    superseded = f", {summary.superseded} superseded by a later row" if summary.superseded else ""
    line = (
        f"{summary.read} rows read: {summary.changed} changed ({summary.created} created, "
        f"{summary.updated} updated), {summary.unchanged} unchanged, {summary.failed} failed{superseded}"
    )
    return f"{line} (dry run: nothing written)" if dry_run else line
