"""Apply an authenticated staff reply to its case: tags, progress update, confirmation.

A reply with any problem (unknown tag, bad value, forbidden status change) changes nothing:
its sender gets an error mail saying what was wrong. Otherwise the case changes, the customer
gets a progress update with the staff member's message (unless ``#note`` or ``#silent``),
and the sender gets a short confirmation of what was applied.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from inbox_worker.casework import (
    Changes,
    Event,
    Incoming,
    case_variables,
    customer_letter,
    status_event,
)
from inbox_worker.compose import Letter
from inbox_worker.deadlines import deadline_for
from inbox_worker.models import STAGE_OF, TRANSITIONS, Case, CaseStatus
from inbox_worker.tags import StaffCommand, parse_command

DECISIONS = (CaseStatus.ACCEPTED, CaseStatus.REJECTED)


def staff_command(incoming: Incoming, case: Case) -> Changes:
    """Apply the staff reply in ``incoming`` to ``case``."""
    command = parse_command(incoming.mail.reply_text)
    if not command.tags:
        return _kept_as_note(incoming, case, command.message)
    problems = list(command.errors) + _transition_problems(case, command)
    if problems:
        return _refusal(incoming, case, problems)
    updated = _updated_case(case, command, incoming)
    events = _events(case, updated, command, incoming.mail.sender)
    letters = [_confirmation(incoming, updated, command)]
    if not (command.note or command.silent):
        letters.insert(0, _customer_update(incoming, case, updated, command))
        if updated.status is CaseStatus.CLOSED and not case.survey_sent:
            updated = replace(updated, survey_sent=True)
            events.append(Event("survey_sent", {}))
    return Changes(updated, tuple(events), tuple(letters))


def staff_without_case(incoming: Incoming) -> Changes:
    """Staff tags in a mail that names no known case: tell the sender, change nothing."""
    letter = Letter(
        template="staff_error",
        to=incoming.mail.sender,
        language=incoming.config.shop.default_language,
        case_id="",
        variables={
            "shop_name": incoming.config.shop.name,
            "problems": ["no known case: keep the [#ID] case tag in the subject"],
            "subject": incoming.mail.subject,
        },
        in_reply_to=incoming.mail.message_id,
    )
    return Changes(None, (), (letter,))


def _transition_problems(case: Case, command: StaffCommand) -> list[str]:
    new = command.status
    if new is None or new is case.status or new in TRANSITIONS[case.status]:
        return []
    allowed = ", ".join(sorted(status.value for status in TRANSITIONS[case.status]))
    return [f"case {case.id} cannot go from {case.status.value} to {new.value}; allowed: {allowed}"]


def _updated_case(case: Case, command: StaffCommand, incoming: Incoming) -> Case:
    now = incoming.now.isoformat()
    changes: dict[str, Any] = {"updated_at": now}
    changes["thread_ids"] = (*case.thread_ids, incoming.mail.message_id)
    if command.status is not None and command.status is not case.status:
        changes["status"] = command.status
        changes["closed_at"] = now if command.status is CaseStatus.CLOSED else None
        if command.status is not CaseStatus.WAITING_FOR_CUSTOMER:
            changes["waiting_for"] = None
    if command.category is not None:
        changes["category"] = command.category
        changes["stage"] = STAGE_OF[command.category]
        received = datetime.fromisoformat(case.received_at)
        deadline, kind = deadline_for(received, command.category, incoming.config.shop)
        changes["deadline"], changes["deadline_kind"] = deadline.isoformat(), kind
    if command.resolution is not None:
        changes["resolution"] = command.resolution
    if command.assign is not None:
        changes["assignee"] = command.assign
    return replace(case, **changes)


def _events(old: Case, new: Case, command: StaffCommand, by: str) -> list[Event]:
    events = [Event("staff_reply", {"by": by, "tags": list(command.tags)})]
    if old.status is not new.status:
        events.append(status_event(old.status, new.status, by))
    for field in ("category", "resolution", "assignee"):
        before, after = getattr(old, field), getattr(new, field)
        if before != after:
            events.append(Event(field, {"from": _plain(before), "to": _plain(after), "by": by}))
    if command.note:
        events.append(Event("note", {"by": by, "text": command.message}))
    return events


def _customer_update(incoming: Incoming, old: Case, case: Case, command: StaffCommand) -> Letter:
    template = "progress_update"
    if case.status in DECISIONS and old.status is not case.status:
        template = "decision"
    elif case.status is CaseStatus.CLOSED and old.status is not CaseStatus.CLOSED:
        template = "closing_survey" if not old.survey_sent else "progress_update"
    variables = {
        **case_variables(case, incoming.config),
        "message": command.message,
        "old_status": old.status.value,
        "status_changed": old.status is not case.status,
    }
    letter = customer_letter(template, case, incoming.mail, variables)
    # The customer's thread is the case's, not the staff member's mail; a person wrote it.
    first = case.thread_ids[0]
    return replace(letter, in_reply_to=first, references=(first,), automatic=False)


def _confirmation(incoming: Incoming, case: Case, command: StaffCommand) -> Letter:
    variables = {
        **case_variables(case, incoming.config),
        "applied": list(command.tags),
        "customer_told": not (command.note or command.silent),
    }
    return _to_sender("staff_confirmation", incoming, case, variables)


def _kept_as_note(incoming: Incoming, case: Case, text: str) -> Changes:
    """A staff reply without tags: nothing goes to the customer by accident; it is kept as
    an internal note and the sender is told how to write to the customer."""
    problems = [
        "no tags at the top of the reply: it was kept as an internal note and the customer"
        " got nothing; to write to the customer start with e.g. #status in_progress"
    ]
    changes = _refusal(incoming, case, problems)
    note = Event("note", {"by": incoming.mail.sender, "text": text[:20_000]})
    return replace(changes, events=(note,))


def _refusal(incoming: Incoming, case: Case, problems: list[str]) -> Changes:
    variables = {**case_variables(case, incoming.config), "problems": problems}
    letter = _to_sender("staff_error", incoming, case, variables)
    event = Event("staff_reply_refused", {"by": incoming.mail.sender, "problems": problems})
    updated = replace(case, thread_ids=(*case.thread_ids, incoming.mail.message_id))
    return Changes(updated, (event,), (letter,))


def _to_sender(template: str, incoming: Incoming, case: Case, variables: dict[str, Any]) -> Letter:
    return Letter(
        template=template,
        to=incoming.mail.sender,
        language=incoming.config.shop.default_language,
        case_id=case.id,
        variables=variables,
        in_reply_to=incoming.mail.message_id,
        references=(incoming.mail.message_id,),
    )


def _plain(value: object) -> object:
    return getattr(value, "value", value)
