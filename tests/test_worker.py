"""The scheduler's guard: a failing job is one log line and a growing pause, never a crash."""

from __future__ import annotations

import pytest

from inbox_worker.errors import MailboxError
from inbox_worker.worker import Backoff, guarded


def test_failures_back_off_exponentially_and_success_resets(
    caplog: pytest.LogCaptureFixture,
) -> None:
    calls: list[int] = []
    failing = True

    def job() -> None:
        calls.append(1)
        if failing:
            raise MailboxError("imap 127.0.0.1:993: cannot connect: connection refused")

    backoff = Backoff(ceiling=4)
    run = guarded("poll", job, backoff)
    ran_at = []
    for tick in range(20):
        before = len(calls)
        run()
        if len(calls) > before:
            ran_at.append(tick)
    assert ran_at == [0, 2, 5, 10, 15]  # waits 1, 2, 4, then the ceiling of 4 ticks
    assert "poll failed" in caplog.text and "Traceback" not in caplog.text
    failing = False
    while backoff.skip:
        run()
    run()
    assert backoff.failures == 0
