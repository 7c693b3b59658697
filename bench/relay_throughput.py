"""Relay throughput, side by side with the raw rate at which this process publishes the same messages.

Both sides send the same deliver task with the same envelope dicts to the same Redis queue; the raw
side has no outbox (it loops over ready-made envelopes), the relay side claims, sends and marks
outbox rows. Rounds alternate, and the medians are reported. Usage (from the repository root):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/oms_bench REDIS_URL=redis://127.0.0.1:6379/14 \\
        .venv/bin/python bench/relay_throughput.py [--messages 2000] [--rounds 5] [--batch 100] [--profile]
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import common


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument(
        "--profile", action="store_true", help="profile one relay run and print the top calls"
    )
    return parser.parse_args()


def main() -> None:
    options = parse()
    common.setup()
    print(f"before: {common.machine_load()}")
    from bench import sides

    sides.reset()
    results: dict[str, list[float]] = {name: [] for name in sides.SIDES}
    for _ in range(options.rounds):
        for name, side in sides.SIDES.items():
            results[name].append(sides.rate(side, options.messages, options.batch))
    report(options, {name: common.median(rates) for name, rates in results.items()})
    print(f"after: {common.machine_load()}")
    if options.profile:
        sides.profile(sides.relay, options.messages, options.batch)


def report(options: argparse.Namespace, rates: dict[str, float]) -> None:
    print(f"{options.messages} messages x {options.rounds} rounds, relay batch {options.batch}; medians:")
    for name, rate in rates.items():
        print(f"  {name:<28} {rate:>8,.0f} msg/s  {1e6 / rate:>7.1f} us/msg")
    ratios = {
        "relay / raw, as shipped": rates["relay, as shipped"] / rates["raw, as shipped"],
        "relay / raw, both proposed": rates["relay, proposed"] / rates["raw, proposed"],
        "relay proposed / raw shipped": rates["relay, proposed"] / rates["raw, as shipped"],
    }
    for name, ratio in ratios.items():
        print(f"  {name:<28} {ratio * 100:8.1f} %")


if __name__ == "__main__":
    main()
