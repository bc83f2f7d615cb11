"""Benchmark of ``classify`` (parse → screen → understand) on one core.

Prints the pipeline load time (spaCy import included), mails per second over the corpus
repeated several times, and the peak RSS of the process. The load uses the rule cache as a
worker would (run twice: the first run fills it); ``--cold`` measures a first start after a
rules change instead (an empty cache, then filled). Not a test:

    taskset -c 0 python benchmarks/bench_classify.py [MAILS_DIR] [--repeat N] [--cold]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "mails"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mails_dir", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--cold", action="store_true", help="start with an empty rule cache")
    args = parser.parse_args()
    if args.cold:
        empty_cache = tempfile.TemporaryDirectory(prefix="bench-cache-")  # removed at exit
        os.environ["INBOX_WORKER_CACHE_DIR"] = empty_cache.name
    files = sorted(args.mails_dir.glob("*.eml"))
    if not files:
        print(f"no .eml files in {args.mails_dir}", file=sys.stderr)
        return 2

    sys.path.insert(0, str(ROOT))  # run from a checkout without installing
    started = time.perf_counter()
    from inbox_worker.evaluate import classify_file
    from inbox_worker.nlp import load
    from inbox_worker.screen import load_rules

    understanding = load(ROOT / "rules")
    screening_rules = load_rules(ROOT / "rules")
    load_seconds = time.perf_counter() - started

    classify_file(files[0], understanding, screening_rules)  # warm-up
    started = time.perf_counter()
    for _ in range(args.repeat):
        for path in files:
            classify_file(path, understanding, screening_rules, ("reklamacje@sklep.example",))
    seconds = time.perf_counter() - started
    count = args.repeat * len(files)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cache = "cold cache" if args.cold else "rule cache"
    print(f"load (imports + pipelines + rules, {cache}): {load_seconds:.2f} s")
    print(f"classify: {count} mails in {seconds:.2f} s = {count / seconds:.0f} mails/s (one core)")
    print(f"peak RSS: {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
