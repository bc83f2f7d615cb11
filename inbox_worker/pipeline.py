"""The only module that knows the order of the stages for one mail.

archive → parse → (already processed?) → screen → understand → route → casework → compose
→ store (one in-memory change per mail, written at the batch's commit point). Each mail is
isolated: a ``MessageError`` or a bug while handling it is logged with its UID and
Message-ID and counted against it; it never stops the mails behind it.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from inbox_worker import casework, nlp, staff
from inbox_worker.archive import Archive
from inbox_worker.attachments import save_attachments
from inbox_worker.auth import is_authenticated, is_staff
from inbox_worker.casework import Changes, Incoming
from inbox_worker.compose import LANGUAGES, Letter, Templates
from inbox_worker.config import Config
from inbox_worker.errors import InboxWorkerError, MessageError
from inbox_worker.extract import understand
from inbox_worker.limits import over_cap
from inbox_worker.models import Case, Kind, OutgoingMail, ParsedMail, RawMail, Screening
from inbox_worker.nlp import Understanding
from inbox_worker.parse import attachment_payloads, parse
from inbox_worker.route import Action, Context, case_tags, route
from inbox_worker.screen import (
    ScreeningRules,
    bounced_message_ids,
    delivery_delayed,
    load_rules,
    screen,
)
from inbox_worker.store import CaseStore
from inbox_worker.tags import has_tags

log = logging.getLogger(__name__)


@dataclass
class Services:
    """The edges a mail's processing needs, passed in (no globals)."""

    config: Config
    store: CaseStore
    understanding: Understanding
    screening_rules: ScreeningRules
    templates: Templates
    archive: Archive
    clock: Callable[[], datetime] = lambda: datetime.now(UTC)

    @property
    def own_addresses(self) -> tuple[str, ...]:
        return (self.config.shop.support_address.lower(),)


def open_services(
    config: Config, store: CaseStore, clock: Callable[[], datetime] = lambda: datetime.now(UTC)
) -> Services:
    """Load rules, pipelines and templates once. Raises RulesError / TemplateError."""
    rules_dir = config.understanding.rules_dir
    return Services(
        config=config,
        store=store,
        understanding=nlp.load(rules_dir, config.understanding.order_number_pattern),
        screening_rules=load_rules(rules_dir),
        templates=checked_templates(config),
        archive=Archive(config.storage.data_dir / "mail"),
        clock=clock,
    )


def checked_templates(config: Config) -> Templates:
    """The shop's templates, every one rendered once with sample data: a typo stops the
    worker at start instead of failing each mail that needs the template."""
    from inbox_worker.reports import sample_case, sample_variables

    templates = Templates(config.templates.dir, config.shop.domain)
    for language in LANGUAGES:
        case = sample_case(config, language)
        for name in templates.names():
            templates.render(
                Letter(name, case.customer, language, case.id, sample_variables(case, config))
            )
    return templates


@dataclass(frozen=True)
class Outcome:
    """What happened to one mail (one disposition log line)."""

    uid: int
    message_id: str
    action: str
    kind: str = ""
    case_id: str | None = None
    reasons: tuple[str, ...] = ()
    error: str | None = None

    @property
    def settled(self) -> bool:
        """True when the mail may leave the inbox (processed, duplicate or quarantined)."""
        return self.action != "failed"


def process_one(raw: RawMail, services: Services) -> Outcome:
    """Take one fetched mail through every stage.

    A bad mail (``MessageError``, or a bug it triggers) is counted against it and the batch
    goes on; a broken system (store, templates: any other ``InboxWorkerError``) raises.
    """
    store = services.store
    sha256, archived = services.archive.save(raw.data)
    if store.is_quarantined(sha256):  # moved there before, but the move did not happen
        return Outcome(raw.uid, "", "quarantine", reasons=("quarantined before",), error="")
    if store.seen_bytes(sha256):
        return Outcome(raw.uid, "", "duplicate", reasons=("the same bytes were processed before",))
    attempts = store.record_attempt(sha256, raw.uid)
    message_id = ""
    try:
        if attempts > services.config.limits.max_attempts:
            return _quarantine(raw, services, sha256, message_id)
        if raw.fetch_error:
            raise MessageError(f"the server would not hand the mail over: {raw.fetch_error}")
        mail = parse(raw)
        message_id = mail.message_id
        content = content_digest(mail)
        if store.is_processed(mail.message_id, sha256, content):
            store.mark_processed(
                message_id, sha256, True, services.clock(), content=content, action="duplicate"
            )
            return Outcome(raw.uid, message_id, "duplicate", reasons=("processed before",))
        return _process(raw, mail, sha256, str(archived), services)
    except MessageError as exc:
        return _failed(raw, sha256, message_id, exc, services)
    except InboxWorkerError:
        store.undo_attempt(sha256)  # the system is broken: stop the cycle, blame no mail
        raise
    except Exception as exc:  # noqa: BLE001 - a bug on one mail must not stop the batch
        return _failed(raw, sha256, message_id, exc, services)
    finally:
        store.end_attempt(sha256)


def _failed(
    raw: RawMail, sha256: str, message_id: str, exc: Exception, services: Services
) -> Outcome:
    expected = isinstance(exc, MessageError)
    log.log(
        logging.WARNING if expected else logging.ERROR,
        "uid=%s message-id=%s failed: %s",
        raw.uid,
        message_id,
        exc,
        exc_info=not expected,
    )
    services.store.record_failure(sha256, raw.uid, f"{type(exc).__name__}: {exc}")
    return Outcome(raw.uid, message_id, "failed", error=str(exc))


def content_digest(mail: ParsedMail) -> str:
    """What a re-delivered copy shares with the original, whatever its transport headers:
    sender, subject and text. Tells a copy from another mail that reuses a Message-ID."""
    parts = (mail.sender, mail.subject, mail.text[:100_000])
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _process(
    raw: RawMail, mail: ParsedMail, sha256: str, archived: str, services: Services
) -> Outcome:
    screening = screen(mail, services.screening_rules, services.own_addresses)
    findings = understand(mail, screening, services.understanding)
    now = services.clock()
    ctx = _context(mail, screening, services, now)
    decision = route(mail.sender, screening, findings, ctx)
    received = raw.internal_date or now  # the server's arrival time, never the sender's Date
    incoming = Incoming(mail, findings, decision, received, now, services.config, raw.uid, archived)
    changes = _changes(incoming, ctx, services)
    if decision.security_event:
        changes = casework.with_security_alert(changes, incoming)
    case_id = _apply(changes, incoming, sha256, services)
    if case_id and mail.attachments:
        folder = services.config.storage.data_dir / "attachments" / case_id
        limit = services.config.limits.max_attachment_bytes
        save_attachments(folder, attachment_payloads(raw), limit)
    if decision.security_event:
        log.warning("security: uid=%s from=%s: %s", raw.uid, mail.sender, decision.security_event)
    return Outcome(
        raw.uid,
        mail.message_id,
        decision.action.value,
        findings.kind.value,
        case_id,
        (*decision.reasons, *((screening.reason,) if screening.kind else ())),
    )


def _context(mail: ParsedMail, screening: Screening, services: Services, now: datetime) -> Context:
    store, config = services.store, services.config
    tagged = next(filter(None, (store.get(tag) for tag in case_tags(mail.subject))), None)
    thread = store.case_for_message_ids((mail.in_reply_to, *reversed(mail.references)))
    bounced = _bounced_case(mail, store) if screening.kind is Kind.BOUNCE else None
    staff_sender = is_staff(mail.sender, config.shop.staff_addresses)
    return Context(
        sender_is_staff=staff_sender,
        staff_authenticated=staff_sender and _authenticated(mail, config),
        has_staff_tags=has_tags(mail.reply_text),
        tagged_case=tagged,
        thread_case=thread,
        bounced_case=bounced,
        customer_cases=tuple(store.cases_for_customer(mail.sender)),
        now=now,
        reopen_days=config.shop.reopen_days,
    )


def _bounced_case(mail: ParsedMail, store: CaseStore) -> Case | None:
    """The case whose *customer* a mail of ours bounced from. A bounce of staff-bound mail
    is never taken for the customer's (answering it would loop with a full staff mailbox)."""
    for message_id in bounced_message_ids(mail):
        ours = store.outgoing(message_id)
        case = store.get(ours.case_id) if ours and ours.case_id else None
        if case is not None and ours is not None and ours.to == case.customer:
            return case
    return None


def _authenticated(mail: ParsedMail, config: Config) -> bool:
    if not config.security.require_staff_authentication:
        return True
    results = mail.header_all("authentication-results")
    return is_authenticated(mail.sender, results, config.security.trusted_authserv_ids)


def _changes(incoming: Incoming, ctx: Context, services: Services) -> Changes:
    decision, store = incoming.decision, services.store
    case = store.get(decision.case_id) if decision.case_id else None
    action = decision.action
    if action is Action.OPEN_CASE:
        return casework.open_case(incoming, store.next_case_id(incoming.now))
    if action is Action.STAFF_NO_CASE:
        return staff.staff_without_case(incoming)
    if case is None:  # IGNORE, or a case that vanished: record the mail, change nothing
        return Changes()
    if action is Action.STAFF_COMMAND:
        return staff.staff_command(incoming, case)
    if action is Action.STATUS_QUERY:
        return casework.status_query(incoming, case, _last_update(store, case.id))
    if action is Action.RATE:
        return casework.rate(incoming, case)
    if action is Action.RECORD_BOUNCE:
        return casework.record_bounce(incoming, case, delayed=delivery_delayed(incoming.mail))
    return casework.add_to_case(incoming, case)


def _last_update(store: CaseStore, case_id: str) -> str | None:
    events = [e for e in store.events(case_id) if e["type"] in ("status", "staff_reply")]
    return events[-1]["at"] if events else None


def _apply(changes: Changes, incoming: Incoming, sha256: str, services: Services) -> str | None:
    """Write one mail's changes to the store (in memory, until the batch's commit)."""
    store, now, mail = services.store, incoming.now, incoming.mail
    rendered = [(letter, services.templates.render(letter)) for letter in changes.letters]
    mails = [
        mail
        for letter, mail in rendered
        if not (letter.automatic and _capped(mail, store, services.config, now))
    ]
    case = changes.case
    case_id = case.id if case else None
    if case is not None:
        case = replace(case, thread_ids=(*dict.fromkeys((*case.thread_ids, *_ids(mails))),))
        store.save(case)
        store.add_event(case.id, now, "mail_in", **casework.mail_in_event(incoming, sha256).data)
        for event in changes.events:
            store.add_event(case.id, now, event.type, **event.data)
        if incoming.decision.security_event:
            store.add_event(case.id, now, "security", note=incoming.decision.security_event)
    for outgoing in mails:
        store.queue(outgoing, now)
        if case_id:
            store.add_event(
                case_id,
                now,
                "mail_out",
                message_id=outgoing.message_id,
                to=outgoing.to,
                template=outgoing.template,
                subject=outgoing.subject,
            )
    store.mark_processed(
        mail.message_id,
        sha256,
        not mail.message_id.endswith("@missing.invalid>"),
        now,
        content=content_digest(mail),
        uid=incoming.uid,
        action=incoming.decision.action.value,
        case_id=case_id,
    )
    return case_id


def _ids(mails: list[OutgoingMail]) -> list[str]:
    return [m.message_id for m in mails]


def _capped(mail: OutgoingMail, store: CaseStore, config: Config, now: datetime) -> bool:
    staff_bound = mail.to == config.shop.staff_notify or is_staff(
        mail.to, config.shop.staff_addresses
    )
    if not staff_bound and over_cap(store, mail.to, mail.case_id, now, config.limits):
        log.warning("not sending %s to %s: automatic mail cap reached", mail.template, mail.to)
        return True
    return False


def _quarantine(raw: RawMail, services: Services, sha256: str, message_id: str) -> Outcome:
    error = services.store.last_error(sha256) or "interrupted (the worker stopped while on it)"
    reason = f"failed {services.config.limits.max_attempts} times: {error}"
    services.store.quarantine(sha256, raw.uid, message_id, reason, services.clock())
    return Outcome(raw.uid, message_id, "quarantine", reasons=(reason,), error=reason)
