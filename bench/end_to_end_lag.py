"""End-to-end lag, from the business commit to the start of the handler, at a steady rate.

Commits one message per unit of work at ``--rate`` per second for ``--seconds``; after each commit the
nudge asks for a relay run. Real Celery workers, as in production: one per queue, ``platform`` (the
relay) and ``bench`` (the handler), each ``--pool solo``. The handler records in Redis when it starts.
Usage (from the repository root):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/oms_bench REDIS_URL=redis://127.0.0.1:6379/14 \\
        .venv/bin/python bench/end_to_end_lag.py [--rate 200] [--seconds 15] \\
        [--single-worker]
"""

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import common


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=200.0, help="commits per second")
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--single-worker", action="store_true", help="one worker consumes both queues")
    return parser.parse_args()


def main() -> None:
    options = parse()
    common.setup()
    print(f"before: {common.machine_load()}")
    from bench import load

    load.reset()
    queues = [["platform", common.QUEUE]] if options.single_worker else [["platform"], [common.QUEUE]]
    with tempfile.TemporaryDirectory() as logs, load.workers(queues, Path(logs)):
        load.wait_for_warm_up()
        committed = load.drive(options.rate, options.seconds)
        started = load.wait_for_handlers(len(committed), timeout=60)
    lags = [(started[ping_id] - at) * 1000 for ping_id, at in committed.items()]
    report(options, lags)
    print(f"after: {common.machine_load()}")


def report(options: argparse.Namespace, lags: list[float]) -> None:
    layout = "one worker, both queues" if options.single_worker else "one worker per queue"
    print(f"{len(lags)} messages at {options.rate:.0f}/s for {options.seconds:.0f} s ({layout}):")
    for name, fraction in (("p50", 0.50), ("p90", 0.90), ("p99", 0.99), ("max", 1.0)):
        print(f"  {name}  {common.percentile(lags, fraction):8.1f} ms")


if __name__ == "__main__":
    main()
