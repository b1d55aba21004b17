"""Run the benchmarks and print a table of figures against same-run baselines.

Usage: python -m benchmarks.run [NAME ...] [--quick]

Each ``benchmarks/bench_*.py`` module has ``run(quick: bool) -> list[Figure]``.
Timings here are never asserted in tests: the machines are noisy, so each
figure is compared with a baseline measured in the same run.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    """One measured figure, optionally with its baseline and a target."""

    name: str
    value: float
    unit: str
    baseline: float | None = None
    target: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        assert self.baseline is not None
        return self.value / self.baseline


def _modules(names: list[str]) -> list[str]:
    import benchmarks

    found = sorted(m.name for m in pkgutil.iter_modules(benchmarks.__path__)
                   if m.name.startswith("bench_"))
    if names:
        found = [m for m in found if any(n in m for n in names)]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    args = parser.parse_args(argv)
    rows: list[tuple[str, Figure]] = []
    for name in _modules(args.names):
        module = importlib.import_module(f"benchmarks.{name}")
        print(f"running {name} …", file=sys.stderr, flush=True)
        rows.extend((name, f) for f in module.run(args.quick))
    print(f"{'benchmark':<18} {'figure':<46} {'value':>12} {'baseline':>12} {'ratio':>7}  target")
    for bench, f in rows:
        base = "" if f.baseline is None else f"{f.baseline:.3f}"
        ratio = "" if f.ratio is None else f"{f.ratio:.2f}"
        print(f"{bench[6:]:<18} {f.name:<46} {f.value:>9.3f} {f.unit:<2} {base:>12} "
              f"{ratio:>7}  {f.target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
