"""The jobs: ``poll_once`` (fetch → process → commit → deliver → settle), ``deliver``, and
the APScheduler loop of ``inbox-worker run``.

The protocol of DESIGN.md section 2: raw bytes archived first; one store commit per batch;
replies sent only after that commit, each recorded in the journal the moment the SMTP
server accepts it; mail moved out of the inbox only after all of that. A crash anywhere
leaves a state from which the next poll neither loses nor repeats anything.
"""

from __future__ import annotations

import logging
import signal
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import FrameType

from inbox_worker.errors import InboxWorkerError, SendError
from inbox_worker.imap import Mailbox
from inbox_worker.models import OutgoingMail
from inbox_worker.pipeline import Outcome, Services, process_one
from inbox_worker.smtp import MailRefusedError, Sender

log = logging.getLogger(__name__)

MAX_SEND_ATTEMPTS = 30
MAX_BATCHES_PER_POLL = 1000


SenderFactory = Callable[[], AbstractContextManager[Sender]]


@dataclass
class PollReport:
    fetched: int = 0
    new_cases: int = 0
    updates: int = 0
    ignored: int = 0
    duplicates: int = 0
    failed: int = 0
    quarantined: int = 0
    sent: int = 0
    send_error: str | None = None
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)
        action = outcome.action
        if action == "open_case":
            self.new_cases += 1
        elif action in ("ignore", "record_bounce"):
            self.ignored += 1
        elif action == "duplicate":
            self.duplicates += 1
        elif action == "quarantine":
            self.quarantined += 1
        elif action == "failed":
            self.failed += 1
        else:
            self.updates += 1

    def summary(self) -> str:
        line = (
            f"fetched {self.fetched}, new cases {self.new_cases}, updates {self.updates}, "
            f"ignored {self.ignored}, duplicates {self.duplicates}, replies sent {self.sent}, "
            f"failed {self.failed}, quarantined {self.quarantined}"
        )
        return line + (f"; sending failed: {self.send_error}" if self.send_error else "")


def poll_once(services: Services, mailbox: Mailbox, sender: SenderFactory) -> PollReport:
    """One cycle over the whole inbox, batch by batch. Raises on a broken mailbox or store."""
    report = PollReport()
    _check_uidvalidity(services, mailbox)
    skip: set[int] = set()
    for _ in range(MAX_BATCHES_PER_POLL):
        batch = mailbox.fetch_batch(services.config.imap.batch_size, skip_uids=skip)
        if not batch:
            break
        outcomes = [process_one(raw, services) for raw in batch]
        services.store.commit()
        report.fetched += len(batch)
        for outcome in outcomes:
            report.count(outcome)
            _log_disposition(outcome)
        _deliver_into(report, services, sender)
        _settle(mailbox, outcomes)
        skip.update(o.uid for o in outcomes if not o.settled)
    if report.send_error is None:  # replies left over from earlier cycles
        _deliver_into(report, services, sender)
    return report


def deliver(services: Services, sender: SenderFactory) -> PollReport:
    """Send what waits in the outbox (the ``deliver`` job)."""
    report = PollReport()
    _deliver_into(report, services, sender)
    return report


def _deliver_into(report: PollReport, services: Services, sender: SenderFactory) -> None:
    try:
        report.sent += send_outbox(services, sender)
    except SendError as exc:
        report.send_error = str(exc)
        log.error("sending failed, replies stay in the outbox: %s", exc)


def send_outbox(services: Services, sender: SenderFactory) -> int:
    """Send every due mail over one connection; record each the moment it is accepted.

    A refusal of one mail (a bad recipient) is recorded against that mail and the rest go
    on; a broken connection raises ``SendError`` and leaves the rest for the next try.
    """
    store, now = services.store, services.clock()
    due = store.pending(now)
    if not due:
        return 0
    sent = 0
    try:
        with sender() as session:
            for mail in due:
                sent += _send_one(services, session, mail)
    finally:
        store.commit()
    return sent


def _send_one(services: Services, session: Sender, mail: OutgoingMail) -> int:
    store, now = services.store, services.clock()
    try:
        reply = session.send(mail)
    except MailRefusedError as exc:  # this one mail was refused; the connection is fine
        if exc.permanent:
            log.error("mail %s to %s refused for good: %s", mail.message_id, mail.to, exc)
            store.mark_failed(mail.message_id, str(exc), None)
        else:
            log.warning("mail %s to %s refused for now: %s", mail.message_id, mail.to, exc)
            store.mark_failed(mail.message_id, str(exc), _next_attempt(services, mail, now))
        return 0
    except SendError as exc:
        store.mark_failed(mail.message_id, str(exc), _next_attempt(services, mail, now))
        raise
    store.mark_sent(mail.message_id, now, reply)
    log.info("sent %s to %s case=%s (%s)", mail.template, mail.to, mail.case_id, reply)
    return 1


def _next_attempt(services: Services, mail: OutgoingMail, now: datetime) -> datetime | None:
    attempts = services.store.send_attempts(mail.message_id)
    if attempts + 1 >= MAX_SEND_ATTEMPTS:
        return None
    return now + timedelta(seconds=min(60 * 2**attempts, 4 * 3600))


def _settle(mailbox: Mailbox, outcomes: list[Outcome]) -> None:
    done = [o.uid for o in outcomes if o.settled and o.action != "quarantine"]
    poisoned = [o.uid for o in outcomes if o.action == "quarantine"]
    if done:
        mailbox.move_to_processed(done)
    if poisoned:
        mailbox.move_to_quarantine(poisoned)


def _check_uidvalidity(services: Services, mailbox: Mailbox) -> None:
    known = services.store.get_meta("uidvalidity")
    if known is not None and known != mailbox.uidvalidity:
        # UIDs changed meaning; we never rely on them across polls (fingerprints decide
        # what was processed), so we only say so.
        log.warning(
            "UIDVALIDITY changed from %s to %s: re-scanning by fingerprint",
            known,
            mailbox.uidvalidity,
        )
    if known != mailbox.uidvalidity:
        services.store.set_meta("uidvalidity", mailbox.uidvalidity)
        services.store.commit()


def _log_disposition(outcome: Outcome) -> None:
    log.info(
        "uid=%s message-id=%s kind=%s case=%s action=%s reasons=%s",
        outcome.uid,
        outcome.message_id,
        outcome.kind or "-",
        outcome.case_id or "-",
        outcome.action,
        "; ".join(outcome.reasons) or "-",
    )


class Backoff:
    """Skip ticks after failures: 1, 2, 4 … up to ``ceiling`` ticks."""

    def __init__(self, ceiling: int = 32) -> None:
        self.ceiling = ceiling
        self.failures = 0
        self._skip = 0

    @property
    def skip(self) -> int:
        return self._skip

    def should_run(self) -> bool:
        if self._skip > 0:
            self._skip -= 1
            return False
        return True

    def succeeded(self) -> None:
        self.failures = 0

    def failed(self) -> None:
        self._skip = min(2**self.failures, self.ceiling)
        self.failures += 1


def guarded(name: str, job: Callable[[], object], backoff: Backoff) -> Callable[[], None]:
    """Wrap a job so that a system error is one log line and a backoff, not a dead loop."""

    def run() -> None:
        if not backoff.should_run():
            return
        try:
            result = job()
        except InboxWorkerError as exc:
            backoff.failed()
            log.error("%s failed (next try in %s ticks): %s", name, backoff.skip, exc)
            return
        backoff.succeeded()
        if isinstance(result, PollReport):
            log.info("%s: %s", name, result.summary())

    return run


def run_scheduler(jobs: dict[str, tuple[Callable[[], object], dict[str, object]]]) -> None:
    """Run the jobs on APScheduler until SIGTERM/SIGINT; a running job is finished first.

    One worker thread: jobs never overlap, so the store is never used by two at once.
    """
    from apscheduler.executors.pool import ThreadPoolExecutor
    from apscheduler.schedulers.blocking import BlockingScheduler

    scheduler = BlockingScheduler(executors={"default": ThreadPoolExecutor(1)})
    for name, (job, trigger) in jobs.items():
        wrapped = guarded(name, job, Backoff())
        scheduler.add_job(wrapped, id=name, name=name, max_instances=1, coalesce=True, **trigger)

    def stop(signum: int, _frame: FrameType | None) -> None:
        log.info("signal %s: finishing the running job, then stopping", signum)
        scheduler.shutdown(wait=True)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    scheduler.start()
    log.info("scheduler stopped")
