"""Import files as streams of rows: CSV with a header row, or JSON lines (one object per line).

A reader holds one record at a time, so a file of any length imports in constant memory. Line
numbers are those an editor shows (a CSV record spanning several lines is numbered by its first).
"""

import csv
import io
import json
from collections.abc import Iterator
from decimal import Decimal
from typing import IO

from oms.contexts.inventory.application.importing.rows import FIELDS, RawRow

FORMATS = ("csv", "jsonl")
_EXTRA = "\x00extra"  # where csv puts the fields of a record longer than the header


class UnreadableFile(Exception):
    """The file as a whole cannot be read on (no usable header, not UTF-8)."""


def open_text(binary: IO[bytes]) -> IO[str]:
    """UTF-8, with or without the byte-order mark spreadsheet programs write."""
    return io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")


def read_rows(text: IO[str], file_format: str) -> Iterator[RawRow]:
    try:
        yield from _csv_rows(text) if file_format == "csv" else _jsonl_rows(text)
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"The file is not UTF-8 text ({exc.reason} at byte {exc.start}).") from exc


def _csv_rows(text: IO[str]) -> Iterator[RawRow]:
    reader = csv.DictReader(text, restkey=_EXTRA)
    if "sku" not in (reader.fieldnames or []):
        raise UnreadableFile(f"The CSV header must name a 'sku' column, and may name {', '.join(FIELDS)}.")
    line = 2  # the record after the header
    for record in reader:
        if _EXTRA in record:
            yield RawRow(line, {}, problem="the record has more fields than the header names.")
        else:
            # A short record leaves its last columns None: absent, like a column the header lacks.
            yield RawRow(line, {name: value for name, value in record.items() if value is not None})
        line = reader.line_num + 1


def _jsonl_rows(text: IO[str]) -> Iterator[RawRow]:
    for line, content in enumerate(text, start=1):
        if not content.strip():
            continue
        try:
            # Decimal, never float: "price": 9.9 keeps exactly the digits written in the file.
            record = json.loads(content.strip(), parse_float=Decimal)
        except json.JSONDecodeError as exc:
            yield RawRow(line, {}, problem=f"not JSON ({exc.msg} at column {exc.colno}).")
            continue
        if isinstance(record, dict):
            yield RawRow(line, record)
        else:
            yield RawRow(line, {}, problem="not a JSON object.")
