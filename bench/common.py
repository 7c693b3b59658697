"""What the benchmarks share: a dedicated database and queue, Django set up against them, a message.

The benchmarks delete what they write, so they refuse any database whose name does not say "bench".
Defaults: ``DATABASE_URL=postgres://postgres@127.0.0.1:5432/oms_bench``, ``REDIS_URL=redis://127.0.0.1:6379/14``.
"""

import os
import statistics
import sys
from pathlib import Path
from urllib.parse import urlsplit

REPO_ROOT = Path(__file__).resolve().parents[1]
QUEUE = "bench"
HANDLER = "bench.record_start"
STARTS_KEY = "bench:handler-started"


def configure_environment() -> None:
    os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/oms_bench")
    os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/14")
    os.environ.update(CELERY_TASK_ALWAYS_EAGER="false", DJANGO_SETTINGS_MODULE="oms.config.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-production-0123456789abcdef")
    os.environ.setdefault("ALLOWED_HOSTS", "localhost")
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    if "bench" not in database_name():
        raise SystemExit(f"refusing to benchmark on {database_name()!r}: the name must contain 'bench'")


def database_name() -> str:
    return urlsplit(os.environ["DATABASE_URL"]).path.lstrip("/")


def create_database_if_missing() -> None:
    import psycopg

    parts = urlsplit(os.environ["DATABASE_URL"])
    server = parts._replace(path="/postgres").geturl()
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [database_name()]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{database_name()}"')


def setup() -> None:
    """Environment, database, migrations, Django; then the bench message and its subscription."""
    configure_environment()
    create_database_if_missing()
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from bench import message

    message.subscribe()


def truncate(*models: type) -> None:
    """Empty the bench's tables without leaving dead rows behind to slow the relay's index scans."""
    from django.db import connection

    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in models)
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {tables}")


def machine_load() -> str:
    """What else the machine was doing: the benchmarks share it, and the numbers depend on it."""
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def median(values: list[float]) -> float:
    return statistics.median(values)
