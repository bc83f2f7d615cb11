"""Turn a routing decision into changes: the case as it becomes, its events, the letters.

Everything here is computed before anything is written, so that one mail's changes are
applied to the store all at once or not at all (see ``pipeline._apply``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from inbox_worker.compose import Letter
from inbox_worker.config import Config
from inbox_worker.deadlines import deadline_for
from inbox_worker.models import Case, CaseStatus, Category, Findings, Kind, ParsedMail
from inbox_worker.route import Decision


@dataclass(frozen=True)
class Event:
    type: str
    data: dict[str, Any]


@dataclass(frozen=True)
class Changes:
    """What one mail changes: at most one case, its new events, and letters to send."""

    case: Case | None = None
    events: tuple[Event, ...] = ()
    letters: tuple[Letter, ...] = ()


@dataclass(frozen=True)
class Incoming:
    """One incoming mail with everything known about it, as the case handlers need it."""

    mail: ParsedMail
    findings: Findings
    decision: Decision
    received_at: datetime
    now: datetime
    config: Config
    uid: int = 0
    archived_as: str = ""  # the raw mail's path in the archive

    @property
    def too_large(self) -> bool:
        return self.mail.size > self.config.limits.max_mail_bytes


def mail_in_event(incoming: Incoming, sha256: str) -> Event:
    mail = incoming.mail
    return Event(
        "mail_in",
        {
            "message_id": mail.message_id,
            "from": mail.sender,
            "subject": mail.subject,
            "kind": incoming.findings.kind.value,
            "sha256": sha256,
            "text": mail.reply_text[:20_000],
            "attachments": [a.filename for a in mail.attachments],
        },
    )


def open_case(incoming: Incoming, case_id: str) -> Changes:
    """A new case for a customer's mail: an acknowledgement to them, a notice to staff."""
    mail, findings, config = incoming.mail, incoming.findings, incoming.config
    category = findings.category or Category.OTHER
    deadline, deadline_kind = deadline_for(incoming.received_at, category, config.shop)
    missing_order = not findings.order_numbers and findings.kind is Kind.COMPLAINT
    now = incoming.now.isoformat()
    case = Case(
        id=case_id,
        status=CaseStatus.NEW,
        customer=mail.sender,
        customer_name=findings.customer_name or mail.sender_name or None,
        language=findings.language,
        subject=mail.subject,
        received_at=incoming.received_at.isoformat(),
        deadline=deadline.isoformat(),
        deadline_kind=deadline_kind,
        created_at=now,
        updated_at=now,
        order_numbers=findings.order_numbers,
        category=category,
        stage=findings.stage,
        resolution=findings.resolution,
        thread_ids=(mail.message_id,),
        waiting_for="order_number" if missing_order else None,
    )
    variables = {
        **case_variables(case, config),
        "missing_order": missing_order,
        "too_large_mb": round(mail.size / 2**20, 1) if incoming.too_large else None,
        "archived_as": incoming.archived_as,
    }
    staff_notice = staff_letter(
        "staff_new_case", case, config, {**variables, "text": mail.reply_text}
    )
    # Without a sender address there is no one to acknowledge: staff alone are told.
    letters = (customer_letter("ack_new_case", case, mail, variables),) if mail.sender else ()
    letters = (*letters, staff_notice)
    events = (Event("opened", {"reasons": list(incoming.decision.reasons)}),)
    return Changes(case, events, letters)


def add_to_case(incoming: Incoming, case: Case) -> Changes:
    """A further mail from the customer: kept on the case and forwarded to staff.

    The customer gets no automatic reply, except when the mail completes a case that was
    waiting for an order number (then they are told it is complete).
    """
    mail, findings, config = incoming.mail, incoming.findings, incoming.config
    updated = _merge_findings(case, findings, incoming)
    events: list[Event] = []
    if case.status is CaseStatus.CLOSED:
        updated = reopened(updated, incoming)
        events.append(status_event(case.status, updated.status, mail.sender, "reopened"))
    letters = [
        staff_letter(
            "staff_followup",
            updated,
            config,
            {**case_variables(updated, config), "text": mail.reply_text},
        )
    ]
    if case.waiting_for == "order_number" and updated.order_numbers:
        updated = replace(updated, waiting_for=None)
        events.append(Event("completed", {"order_numbers": list(updated.order_numbers)}))
        letters.append(
            customer_letter("case_completed", updated, mail, case_variables(updated, config))
        )
    return Changes(updated, tuple(events), tuple(letters))


def reopened(case: Case, incoming: Incoming) -> Case:
    """A closed case the customer writes to again: their new complaint gets a new clock
    (the old dates stay in the case's history)."""
    category = case.category or Category.OTHER
    deadline, kind = deadline_for(incoming.received_at, category, incoming.config.shop)
    return replace(
        case,
        status=CaseStatus.IN_PROGRESS,
        closed_at=None,
        answered_at=None,
        received_at=incoming.received_at.isoformat(),
        deadline=deadline.isoformat(),
        deadline_kind=kind,
    )


def status_query(incoming: Incoming, case: Case, last_update: str | None) -> Changes:
    """The customer asks where the case stands: tell them status, last update, deadline."""
    variables = {**case_variables(case, incoming.config), "last_update": last_update}
    letter = customer_letter("status_reply", case, incoming.mail, variables)
    updated = _merge_findings(case, incoming.findings, incoming)
    return Changes(updated, (Event("status_query", {}),), (letter,))


def rate(incoming: Incoming, case: Case) -> Changes:
    """A survey answer: store the rating (once) and thank the customer."""
    rating = incoming.findings.rating
    if rating is None:
        return _unreadable_rating(incoming, case)
    updated = replace(_merge_findings(case, incoming.findings, incoming), rating=rating)
    comment = incoming.mail.reply_text.strip()[:2000]
    events = (Event("rated", {"rating": rating, "comment": comment}),)
    letter = customer_letter(
        "survey_thanks", updated, incoming.mail, case_variables(updated, incoming.config)
    )
    return Changes(updated, events, (letter,))


def _unreadable_rating(incoming: Incoming, case: Case) -> Changes:
    """No score 1-5 in a survey answer ("7", "dziesięć"): keep the text, ask once more."""
    updated = _merge_findings(case, incoming.findings, incoming)
    comment = incoming.mail.reply_text.strip()[:2000]
    events = [Event("survey_answer_unreadable", {"comment": comment})]
    letters: tuple[Letter, ...] = ()
    if case.waiting_for != "rating":
        updated = replace(updated, waiting_for="rating")
        variables = case_variables(updated, incoming.config)
        letters = (customer_letter("survey_invalid", updated, incoming.mail, variables),)
    return Changes(updated, tuple(events), letters)


def record_bounce(incoming: Incoming, case: Case, delayed: bool = False) -> Changes:
    """One of our mails to the customer bounced: note it and tell staff, never the customer.

    A delay notice ("warning only, still trying") is only noted: the mail may yet arrive.
    """
    updated = replace(case, updated_at=incoming.now.isoformat())
    if delayed:
        return Changes(updated, (Event("delivery_delayed", {"from": incoming.mail.sender}),))
    variables = {**case_variables(case, incoming.config), "text": incoming.mail.text[:4000]}
    letter = staff_letter("staff_bounce", updated, incoming.config, variables)
    return Changes(updated, (Event("bounce", {"from": incoming.mail.sender}),), (letter,))


def with_security_alert(changes: Changes, incoming: Incoming) -> Changes:
    """Add a mail to staff about a security event (forged staff mail, a stranger's tag)."""
    mail, config = incoming.mail, incoming.config
    variables = {
        "shop_name": config.shop.name,
        "event": incoming.decision.security_event,
        "sender": mail.sender,
        "subject": mail.subject,
        "message_id": mail.message_id,
        "case_id": changes.case.id if changes.case else "",
        "auth_results": list(mail.header_all("authentication-results")),
    }
    letter = Letter(
        "staff_security_alert",
        config.shop.staff_notify,
        config.shop.default_language,
        changes.case.id if changes.case else "",
        variables,
        reply_to=config.shop.support_address,
    )
    return replace(changes, letters=(*changes.letters, letter))


def status_event(old: CaseStatus, new: CaseStatus, by: str, note: str = "") -> Event:
    return Event("status", {"from": old.value, "to": new.value, "by": by, "note": note})


def case_variables(case: Case, config: Config) -> dict[str, Any]:
    """The variables every template gets about a case and the shop."""
    return {
        "shop_name": config.shop.name,
        "support_address": config.shop.support_address,
        "deadline_days": config.shop.response_deadline_days,
        "customer_name": case.customer_name,
        "customer": case.customer,
        "subject": case.subject,
        "status": case.status.value,
        "order_numbers": list(case.order_numbers),
        "category": case.category.value if case.category else "other",
        "stage": case.stage.value if case.stage else "other",
        "resolution": case.resolution.value if case.resolution else None,
        "deadline": case.deadline,
        "deadline_kind": case.deadline_kind,
        "assignee": case.assignee,
        "rating": case.rating,
    }


def customer_letter(
    template: str, case: Case, mail: ParsedMail, variables: dict[str, Any]
) -> Letter:
    """A letter to the case's customer, threaded under the mail they sent."""
    references = (*mail.references[-10:], mail.message_id) if mail.message_id else ()
    return Letter(
        template=template,
        to=case.customer,
        language=case.language,
        case_id=case.id,
        variables=variables,
        in_reply_to=mail.message_id,
        references=references,
    )


def staff_letter(template: str, case: Case, config: Config, variables: dict[str, Any]) -> Letter:
    """A letter to staff about a case; replying to it reaches the support mailbox."""
    return Letter(
        template=template,
        to=config.shop.staff_notify,
        language=config.shop.default_language,
        case_id=case.id,
        variables=variables,
        reply_to=config.shop.support_address,
    )


def _merge_findings(case: Case, findings: Findings, incoming: Incoming) -> Case:
    orders = tuple(dict.fromkeys((*case.order_numbers, *findings.order_numbers)))
    return replace(
        case,
        order_numbers=orders,
        thread_ids=(*case.thread_ids, incoming.mail.message_id),
        resolution=case.resolution or findings.resolution,
        customer_name=case.customer_name or findings.customer_name,
        updated_at=incoming.now.isoformat(),
    )
