"""Time the route recompute in Chromium on a generated 1,000-criteria bank.

    .venv/bin/python bench/route_speed.py [--criteria 1000] [--runs 100]

Serves the repository on 127.0.0.1, opens a blank page, generates a bank object in the page
(six areas, levels 2-6, cross-area prerequisites, answers from a seeded generator), imports
builder/static/js/route.js as an ES module and times ``route(bank, answers, targets)``
(scoring included) ``--runs`` times, for default targets and for every target at the top.
Prints the median and the 95th percentile in milliseconds; exits 1 when a median is over 5 ms.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"]

BENCH = """async ([base, count, runs]) => {
  const { route } = await import(base + 'route.js');
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const areas = ['information', 'data', 'employees', 'governance', 'feedback', 'culture'].map(id => ({ id, name: id }));
  const levels = [1, 2, 3, 4, 5, 6].map(n => ({ n, id: 'l' + n, name: 'Level ' + n }));
  const criteria = [];
  for (let i = 0; i < count; i++) {
    const area = areas[i % 6].id, level = 2 + (Math.floor(i / 6) % 5);
    const c = { id: `${area}-${level}-${i}`, area, level, text: 'Statement ' + i, why: 'Why ' + i,
                action: 'Action ' + i, owner: 'Team lead' };
    if (level >= 4 && i >= 30) {
      const other = criteria[Math.floor(rand() * criteria.length)];
      if (other.area !== area && other.level < level) c.requires = [other.id];
    }
    criteria.push(c);
  }
  const bank = { bank: 'bench', version: '1', lang: 'en', answers: {}, levels, areas, criteria, pitfalls: [] };
  const keys = ['yes', 'yes', 'yes', 'na', 'partly', 'no', 'unknown', null];
  const answers = {};
  for (const c of criteria) { const k = keys[Math.floor(rand() * keys.length)]; if (k) answers[c.id] = k; }
  const top = {};
  for (const a of areas) top[a.id] = 6;
  const out = {};
  for (const [name, targets] of [['default targets', {}], ['all targets at 6', top]]) {
    for (let i = 0; i < 10; i++) route(bank, answers, targets);  // warm up
    const times = [], start = performance.now();
    let items = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      items = route(bank, answers, targets).length;
      times.push(performance.now() - t0);
    }
    const mean = (performance.now() - start) / runs;
    times.sort((a, b) => a - b);
    out[name] = { median: times[Math.floor(runs / 2)], p95: times[Math.floor(runs * 0.95)], mean, items };
  }
  return out;
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--criteria", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--budget-ms", type=float, default=5.0)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(ROOT)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = browser.new_page()
            page.goto(base + "tests/browser/blank.html")
            result = page.evaluate(BENCH, [base + "builder/static/js/", args.criteria, args.runs])
            version = browser.version
            browser.close()
    finally:
        server.shutdown()
    print(f"route.js, {args.criteria} criteria, {args.runs} runs, Chromium {version}")
    ok = True
    for name, r in result.items():
        print(f"  {name:<17} median {r['median']:.2f} ms   mean {r['mean']:.2f} ms   p95 {r['p95']:.2f} ms   ({r['items']} route items)")
        ok &= r["median"] < args.budget_ms
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
