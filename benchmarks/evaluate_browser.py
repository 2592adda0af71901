"""Time the evaluation of a year of daily log entries in Chromium (a script, not a test).

    python benchmarks/evaluate_browser.py [--repeat 20]

The same synthetic year and protocol as benchmarks/evaluate.py, evaluated by the site's ``evaluate.js`` in
Debian's Chromium (Playwright), as the log page does: every phase, each exit criterion, each warning-sign
rule and the verdict. Goal: at most 50 ms for the year.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import socketserver
import statistics
import sys
import threading
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from evaluate import LIMIT_MS, year_of_entries  # noqa: E402

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


def time_chromium(protocol: dict, entries: list[dict], repeat: int) -> list[float]:
    """Milliseconds to evaluate every phase on the whole log in Chromium, once per repeat."""
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
    times = time_chromium(protocol, entries, args.repeat)
    best, median = min(times), statistics.median(times)
    phases = len(protocol["phases"])
    print(f"{len(entries)} daily entries, all {phases} phases of {protocol['id']} evaluated (limit {LIMIT_MS} ms)")
    print(f"{'Chromium':<18} best {best:6.1f} ms, median {median:6.1f} ms for all phases "
          f"({median / phases:5.1f} ms per phase)  {'ok' if median <= LIMIT_MS else 'OVER'}")
    return 0 if median <= LIMIT_MS else 1


if __name__ == "__main__":
    sys.exit(main())
