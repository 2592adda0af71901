"""Time the evaluation of a year of daily log entries (a script, not a test).

    python benchmarks/evaluate.py [--repeat 20]

A synthetic log of 365 daily entries (pain during and after, morning, swelling, walk and run minutes,
weekly tests) is evaluated against every phase of the real ITBS protocol: each exit criterion, each
warning-sign rule and the verdict. Python times :func:`generator.evaluate.engine.evaluate_phase`; node times the
site's ``evaluate.js`` on the same data (benchmarks/evaluate.mjs), and so does Debian's Chromium
(Playwright), as the log page does. Best and median of the repeats.

Goal: at most 50 ms for the year, in each engine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.server
import json
import random
import shutil
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.evaluate.engine import evaluate_phase  # noqa: E402

LIMIT_MS = 50


def year_of_entries(days: int = 365, seed: int = 1) -> list[dict]:
    """One entry a day for ``days`` days, with a phase named every few weeks and tests once a week."""
    rng = random.Random(seed)
    start = dt.date(2025, 10, 1)
    entries = []
    for day in range(days):
        values = {"pain-during-activity": rng.choice([0, 1, 1, 2, 2, 3, 4]), "pain-after-activity": rng.choice([0, 1, 2, 3]),
                  "morning-pain-settled": rng.random() > 0.1, "knee-swelling": rng.choice(["none"] * 8 + ["mild"]),
                  "pain-free-walk-minutes": rng.randint(10, 45), "pain-free-run-minutes": rng.randint(0, 40)}
        if day % 7 == 6:
            values.update({"side-plank-hold": rng.randint(15, 60), "step-down-quality": rng.choice(["good", "fair"]),
                           "hip-abduction-lsi": rng.randint(75, 100), "weekly-distance-increase": rng.randint(-10, 40)})
        entry = {"date": (start + dt.timedelta(days=day)).isoformat(), "values": values}
        if day % 60 == 0:
            entry["phase"] = ["assess-and-settle", "load-and-condition", "strength-and-control", "return-to-running",
                              "progressive-running", "return-to-sport"][min(day // 60, 5)]
        entries.append(entry)
    return entries


def time_python(protocol: dict, entries: list[dict], repeat: int) -> list[float]:
    """Milliseconds to evaluate every phase on the whole log, once per repeat."""
    times = []
    for _ in range(repeat):
        begin = time.perf_counter()
        for phase in protocol["phases"]:
            evaluate_phase(protocol, entries, phase["id"])
        times.append((time.perf_counter() - begin) * 1000)
    return times


def time_node(protocol: dict, entries: list[dict], repeat: int) -> list[float] | None:
    node = shutil.which("node")
    if not node:
        return None
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data.json"
        data.write_text(json.dumps({"protocol": protocol, "entries": entries}), encoding="utf-8")
        run = subprocess.run([node, str(ROOT / "benchmarks" / "evaluate.mjs"), str(data), str(repeat)],
                             capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


CHROMIUM = "/usr/bin/chromium"
SCRIPT = """async ([protocol, entries, repeat]) => {
  const { evaluatePhase } = await import("./evaluate.js");
  const times = [];
  for (let i = 0; i < repeat; i++) {
    const begin = performance.now();
    for (const phase of protocol.phases) evaluatePhase(protocol, entries, phase.id);
    times.push(performance.now() - begin);
  }
  return times;
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def time_chromium(protocol: dict, entries: list[dict], repeat: int) -> list[float] | None:
    """Milliseconds to evaluate every phase on the whole log in Chromium, once per repeat."""
    if not Path(CHROMIUM).exists():
        return None
    from playwright.sync_api import sync_playwright

    folder = ROOT / "site_src" / "assets" / "js"
    server = socketserver.TCPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
            times = page.evaluate(SCRIPT, [protocol, entries, repeat])
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    protocol = yaml.safe_load((ROOT / "protocols" / "itbs-runners.yaml").read_text(encoding="utf-8"))
    entries = year_of_entries()
    phases = len(protocol["phases"])
    print(f"{len(entries)} daily entries, all {phases} phases of {protocol['id']} evaluated (limit {LIMIT_MS} ms)")
    ok = True
    engines = (("Python", time_python), ("JavaScript (node)", time_node), ("Chromium", time_chromium))
    for name, timer in engines:
        times = timer(protocol, entries, args.repeat)
        if times is None:
            print(f"{name:<18} skipped: not installed")
            continue
        best, median = min(times), statistics.median(times)
        ok &= median <= LIMIT_MS
        print(f"{name:<18} best {best:6.1f} ms, median {median:6.1f} ms for all phases "
              f"({median / phases:5.1f} ms per phase)  {'ok' if median <= LIMIT_MS else 'OVER'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
