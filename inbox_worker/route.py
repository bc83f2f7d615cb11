"""Decide what one mail means for the cases: a pure function of what is already known.

The pipeline looks up the candidate cases (by case tag, by thread, by order number) and the
sender's standing; ``route`` only decides. Threading cannot be hijacked: a case tag or a
thread reference joins a case only for that case's customer or for staff.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from inbox_worker.models import Case, CaseStatus, Category, Findings, Kind, Screening
from inbox_worker.store import OPEN_STATUSES

CASE_TAG = re.compile(r"\[#\s*(R\d{4}-\d{4})\s*\]", re.IGNORECASE)


class Action(str, Enum):
    IGNORE = "ignore"  # a robot: record it, never answer
    RECORD_BOUNCE = "record_bounce"  # a bounce of one of our mails to a case's customer
    STAFF_COMMAND = "staff_command"  # authenticated staff reply about a case
    STAFF_NO_CASE = "staff_no_case"  # staff tags, but no case they could apply to
    OPEN_CASE = "open_case"
    ADD_TO_CASE = "add_to_case"
    STATUS_QUERY = "status_query"
    RATE = "rate"


@dataclass(frozen=True)
class Context:
    """What the pipeline found out about a mail before routing it."""

    sender_is_staff: bool = False
    staff_authenticated: bool = False
    has_staff_tags: bool = False
    tagged_case: Case | None = None  # the case named by [#ID] in the subject
    thread_case: Case | None = None  # the case our mail it answers belongs to
    bounced_case: Case | None = None  # for a bounce: the case of the mail that bounced
    customer_cases: tuple[Case, ...] = ()  # the sender's cases, newest last
    now: datetime | None = None
    reopen_days: int = 30


@dataclass(frozen=True)
class Decision:
    action: Action
    case_id: str | None = None
    reasons: tuple[str, ...] = ()
    security_event: str | None = None


def case_tags(subject: str) -> list[str]:
    """The case ids written as ``[#R2611-0042]`` in a subject, upper-cased."""
    return [match.upper() for match in CASE_TAG.findall(subject)]


def route(sender: str, screening: Screening, findings: Findings, ctx: Context) -> Decision:
    """Decide the action for one mail. Never raises."""
    if screening.kind is not None:
        return _robot(screening, ctx)
    referenced = ctx.tagged_case or ctx.thread_case
    if ctx.sender_is_staff and ctx.staff_authenticated and ctx.has_staff_tags:
        if referenced is None:
            return Decision(Action.STAFF_NO_CASE, reasons=("staff tags without a known case",))
        return Decision(Action.STAFF_COMMAND, referenced.id, ("authenticated staff reply",))
    security = _forged_staff(ctx)
    if referenced is not None and ctx.sender_is_staff and ctx.staff_authenticated:
        return Decision(Action.STAFF_COMMAND, referenced.id, ("staff mail without tags",))
    if referenced is not None and referenced.customer != sender:
        return _stranger(referenced, findings, ctx, security)
    case = referenced or _same_order_case(findings, ctx)
    if case is not None and (_reopenable(case, ctx) or findings.kind is Kind.RATING):
        return _customer_reply(case, findings, security)
    return _open(findings, security, ("no case of this customer to join",))


def _robot(screening: Screening, ctx: Context) -> Decision:
    reason = f"{screening.rule}: {screening.reason}"
    if screening.kind is Kind.BOUNCE and ctx.bounced_case is not None:
        return Decision(Action.RECORD_BOUNCE, ctx.bounced_case.id, (reason,))
    return Decision(Action.IGNORE, reasons=(reason,))


def _forged_staff(ctx: Context) -> str | None:
    if ctx.sender_is_staff and not ctx.staff_authenticated and ctx.has_staff_tags:
        return "staff tags from a staff address without passing authentication"
    return None


def _stranger(referenced: Case, findings: Findings, ctx: Context, security: str | None) -> Decision:
    event = security or f"case tag of {referenced.id} used by someone who is not its customer"
    own = _same_order_case(findings, ctx)
    if own is not None and own.status in OPEN_STATUSES:
        return Decision(Action.ADD_TO_CASE, own.id, ("sender's own open case",), event)
    return _open(findings, event, (f"not the customer of {referenced.id}",))


def _customer_reply(case: Case, findings: Findings, security: str | None) -> Decision:
    if case.survey_sent and case.rating is None and _answers_survey(findings):
        return Decision(Action.RATE, case.id, ("answer to the satisfaction survey",), security)
    if findings.kind is Kind.STATUS_QUERY:
        return Decision(Action.STATUS_QUERY, case.id, ("asks where the case stands",), security)
    return Decision(Action.ADD_TO_CASE, case.id, ("the customer's reply",), security)


def _answers_survey(findings: Findings) -> bool:
    """A rating, or a reply that raises no new problem ("dziesięć!", "thanks"), counts as
    the survey answer; a new complaint reopens the case instead."""
    if findings.kind is Kind.RATING:
        return True
    no_problem = findings.category in (None, Category.OTHER) and not findings.order_numbers
    return findings.kind is Kind.COMPLAINT and no_problem


def _open(findings: Findings, security: str | None, reasons: tuple[str, ...]) -> Decision:
    return Decision(Action.OPEN_CASE, None, (*reasons, f"kind {findings.kind.value}"), security)


def _same_order_case(findings: Findings, ctx: Context) -> Case | None:
    """The sender's newest case about one of the same orders (or, lacking orders, any
    still-open case when the mail is a status query or rating)."""
    for case in reversed(ctx.customer_cases):
        if set(case.order_numbers) & set(findings.order_numbers):
            return case
    if findings.kind in (Kind.STATUS_QUERY, Kind.RATING) and ctx.customer_cases:
        return ctx.customer_cases[-1]
    open_cases = [case for case in ctx.customer_cases if case.status in OPEN_STATUSES]
    if not findings.order_numbers and len(open_cases) == 1:
        waiting = open_cases[0]
        if waiting.waiting_for == "order_number":
            return waiting
    return None


def _reopenable(case: Case, ctx: Context) -> bool:
    """An open case, or one closed within ``reopen_days`` (later mail opens a new case)."""
    if case.status is not CaseStatus.CLOSED or case.closed_at is None or ctx.now is None:
        return True
    closed = datetime.fromisoformat(case.closed_at)
    return ctx.now - closed <= timedelta(days=ctx.reopen_days)
