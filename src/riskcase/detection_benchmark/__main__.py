"""Regenerate the stored benchmark: ``python -m riskcase.detection_benchmark [--out PATH]``."""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from ._generate import generate_benchmark
from ._items import DATA_FILE


def main(argv: list[str] | None = None) -> int:
    """Generate every problem's items and write them (default: the packaged data file)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name(DATA_FILE))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--problems", nargs="*", help="HumanEval ids (default: all)")
    args = parser.parse_args(argv)
    start = time.monotonic()
    benchmark = generate_benchmark(
        args.problems or None,
        seed=args.seed,
        workers=args.workers,
        progress=lambda task_id: print(task_id, flush=True),
    )
    benchmark.save(args.out)
    counts = Counter(f"{item.label}/{item.family}" for item in benchmark.items)
    print(f"{len(benchmark.items)} items in {time.monotonic() - start:.0f} s -> {args.out}")
    for name, count in sorted(counts.items()):
        print(f"  {name}: {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
