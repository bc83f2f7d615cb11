"""IMAP throughput on the embedded pymap and (when installed) a private Dovecot.

For each N: seed N mails (MULTIAPPEND, and one APPEND per mail for comparison), then drain
the inbox the way a poll does (``fetch_batch`` of ``--batch`` mails, ``move_to_processed``)
and print the times (seeding includes one login: 0.1 s on pymap, which hashes with PBKDF2)::

    python benchmarks/bench_imap.py            # N = 100 and 1000
    python benchmarks/bench_imap.py 5000 --batch 200

``sample_mails`` and ``seed_timed`` are importable for other benchmarks.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from inbox_worker.embedded import ImapAccount, start_imap_server  # noqa: E402
from inbox_worker.imap import ImapMailbox  # noqa: E402
from tests.servers import Dovecot, dovecot_binary, reset_mailbox  # noqa: E402

BODY = (
    "Dzień dobry,\r\n\r\nw zamówieniu nr {order} przyszedł uszkodzony czajnik: pęknięta "
    "obudowa i wgnieciony karton. Proszę o wymianę na nowy albo zwrot pieniędzy.\r\n"
    "W załączeniu zdjęcia paczki.\r\n\r\nZ poważaniem\r\nJan Kowalski\r\n"
)


def sample_mails(count: int, start: int = 0) -> list[bytes]:
    """``count`` distinct complaint mails of about 1 KB (headers like a real client's)."""
    mails = []
    for n in range(start, start + count):
        headers = (
            f"Return-Path: <klient{n}@poczta.example>\r\n"
            f"Received: from mx.poczta.example by mx.sklep.example; Mon, 4 Mar 2024 10:{n % 60:02d}"
            ":00 +0100\r\n"
            f"From: Jan Kowalski <klient{n}@poczta.example>\r\n"
            "To: reklamacje@sklep.example\r\n"
            f"Subject: Reklamacja zamówienia {100000 + n}\r\n"
            f"Message-ID: <bench-{n}@poczta.example>\r\n"
            "Date: Mon, 04 Mar 2024 10:00:00 +0100\r\n"
            "MIME-Version: 1.0\r\n"
            'Content-Type: text/plain; charset="utf-8"\r\n'
            "Content-Transfer-Encoding: 8bit\r\n\r\n"
        )
        mails.append((headers + BODY.format(order=100000 + n)).encode())
    return mails


def seed_timed(account: ImapAccount, mails: list[bytes], multiappend: bool = True) -> float:
    """Seconds to append ``mails`` to INBOX over one fresh login (login included)."""
    ignore = () if multiappend else ("MULTIAPPEND",)
    started = time.perf_counter()
    with ImapMailbox(account.config(), account.password, ignore_capabilities=ignore) as box:
        box.append_many("INBOX", mails)
    return time.perf_counter() - started


@dataclass
class Drain:
    fetch: float = 0.0
    move: float = 0.0
    mails: int = 0
    batches: int = 0


def drain(account: ImapAccount, batch: int) -> Drain:
    """Fetch and move everything, batch by batch, as ``poll`` does; the times spent."""
    result = Drain()
    with ImapMailbox(account.config(), account.password) as box:
        while True:
            started = time.perf_counter()
            mails = box.fetch_batch(batch)
            result.fetch += time.perf_counter() - started
            if not mails:
                return result
            started = time.perf_counter()
            box.move_to_processed([mail.uid for mail in mails])
            result.move += time.perf_counter() - started
            result.mails += len(mails)
            result.batches += 1


@contextlib.contextmanager
def pymap() -> Iterator[ImapAccount]:
    with start_imap_server() as server:
        yield server


@contextlib.contextmanager
def dovecot() -> Iterator[ImapAccount]:
    binary = dovecot_binary()
    if binary is None:
        raise LookupError("dovecot is not installed")
    with Dovecot(None) as server:
        server.start(binary)
        yield server.account()


def bench(name: str, server: Callable[[], contextlib.AbstractContextManager[ImapAccount]],
          counts: list[int], batch: int) -> None:  # fmt: skip
    started = time.perf_counter()
    with server() as account:
        print(f"{name}: started in {time.perf_counter() - started:.2f} s")
        for count in counts:
            mails = sample_mails(count)
            plain = seed_timed(account, mails, multiappend=False)
            reset_mailbox(account)
            multi = seed_timed(account, mails)
            result = drain(account, batch)
            assert result.mails == count, result
            print(
                f"  N={count:>6}: seed APPEND {plain:6.2f} s ({count / plain:6.0f}/s)"
                f"  MULTIAPPEND {multi:6.2f} s ({count / multi:6.0f}/s)"
                f"  fetch {result.fetch:6.2f} s ({count / result.fetch:6.0f}/s)"
                f"  move {result.move:6.2f} s  [{result.batches} batches of {batch}]"
            )
            reset_mailbox(account)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("counts", nargs="*", type=int, default=[100, 1000])
    parser.add_argument("--batch", type=int, default=100, help="fetch_batch size (imap.batch_size)")
    args = parser.parse_args()
    bench("pymap", pymap, args.counts, args.batch)
    if dovecot_binary():
        bench("dovecot", dovecot, args.counts, args.batch)
    else:
        print("dovecot: not installed (apt-get install -y dovecot-imapd), skipped")


if __name__ == "__main__":
    main()
