"""Time `handbook check` on a large synthetic corpus (a script, not a test).

    python benchmarks/check.py [--protocols 20] [--drills 5000] [--repeat 3]

Prints the best wall-clock time of the in-process check and of the
command line, the time per 1,000 drill files, and the in-process check
against parsing the same files alone (libyaml, measured in the same run).
Goals: at most 0.5 s per 1,000 drill files on a 2-core machine, and at
most 1.5 times the cost of parsing alone.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import make_corpus  # noqa: E402
from generator.checks.run import check_project  # noqa: E402
from generator.content.load import forget_loaded  # noqa: E402
from generator.content.source import Loader  # noqa: E402

GOAL = 0.5
PARSE_RATIO = 1.5


def best_of(repeat: int, action) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--protocols", type=int, default=20)
    options.add_argument("--drills", type=int, default=5000)
    options.add_argument("--repeat", type=int, default=3)
    args = options.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = make_corpus(Path(tmp), args.protocols, args.drills)
        result = check_project(root)
        if result.errors:
            print(f"the synthetic corpus has errors: {result.errors[:3]}", file=sys.stderr)
            return 1
        files = sorted(root.glob("*/*.yaml"))
        parsing = best_of(args.repeat, lambda: [yaml.load(f.read_bytes(), Loader=Loader) for f in files])
        in_process = best_of(args.repeat, lambda: (forget_loaded(), check_project(root)))
        command = best_of(args.repeat, lambda: subprocess.run(
            [sys.executable, "-m", "generator", "--root", str(root), "check"], check=True, capture_output=True))
    per_thousand = command / args.drills * 1000
    print(f"corpus: {args.protocols} protocols, {args.drills} drills; YAML loader: {Loader.__name__}")
    print(f"check (in process):   {in_process:.2f} s")
    print(f"check (command line): {command:.2f} s  = {per_thousand:.2f} s per 1,000 drill files "
          f"(goal <= {GOAL:.2f} s: {'met' if per_thousand <= GOAL else 'MISSED'})")
    ratio = in_process / parsing
    print(f"parsing alone:        {parsing:.2f} s; the check costs {ratio:.1f}× parsing "
          f"(goal <= {PARSE_RATIO}×: {'met' if ratio <= PARSE_RATIO else 'MISSED'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
