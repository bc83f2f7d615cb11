"""Understand one mail: kind, language, order numbers, category, resolution, name, rating.

``understand`` takes the parsed mail and the screening verdict and returns ``Findings``
with an explanation of every decision (rule name, matched text, weight, negation, where it
was found). It never raises: any input gives a clear answer in bounded time, because the
analysed text is capped.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from inbox_worker import weigh
from inbox_worker.language import fold
from inbox_worker.models import (
    Category,
    Findings,
    Kind,
    ParsedMail,
    Resolution,
    Screening,
)
from inbox_worker.names import customer_name, is_organisation, without_signature
from inbox_worker.nlp import Hit, Understanding
from inbox_worker.rating import find_rating

log = logging.getLogger(__name__)

MAX_PART_CHARS = 20_000
_REPLY_PREFIX = re.compile(r"^\s*(?:re|odp|aw|sv|odp\.|re\[\d+\])\s*:", re.I)
_FORWARD_PREFIX = re.compile(r"^\s*(?:fwd?|pd|tr|wg|przekaż)\s*:", re.I)
_CASE_REFERENCE = re.compile(r"\b[A-Z]{2,4}/\d{4}/\d{1,2}/\d{2,6}\b")
_FORWARD_HEADER = re.compile(r"^(?:od|from)\s*:\s*(.+?)\s*<[^>]+>\s*$", re.I | re.M)
_STRICT_RATINGS = ("stars", "score out of 5", "number alone on the first line")


@dataclass(frozen=True)
class _Parts:
    subject: str
    own: str
    quoted: str
    enclosed: str
    forwarded_for: str  # display name of the original sender of an internal forward


def understand(mail: ParsedMail, screening: Screening, understanding: Understanding) -> Findings:
    """What the worker understood of ``mail``; never raises.

    For robots (``screening.kind`` set) the kind is the screening's; language, order numbers
    and (for auto-replies) the name are still extracted. Otherwise the mail is a complaint,
    a status query or a rating.
    """
    try:
        return _understand(mail, screening, understanding)
    except Exception as exc:  # the contract: a clear answer for any input, logged
        log.exception("understanding failed for %s", mail.message_id)
        kind = screening.kind or Kind.COMPLAINT
        category = None if kind.is_robot else Category.OTHER
        stage = understanding.rules.categories[Category.OTHER].stage if category else None
        return Findings(
            kind=kind,
            language="pl",
            category=category,
            stage=stage,
            explanation=(f"internal error, fell back to defaults: {type(exc).__name__}",),
        )


def _understand(mail: ParsedMail, screening: Screening, u: Understanding) -> Findings:
    parts = _parts(mail)
    notes: list[str] = []
    guess = u.guesser.guess(parts.own, parts.subject, parts.quoted, parts.enclosed)
    language = guess.language
    notes.append(f"language {language}: {guess.reason}")
    orders = _orders(parts, u, notes)
    if screening.kind is not None and screening.kind.is_robot:
        notes.insert(
            0, f"kind {screening.kind.value}: screening {screening.rule} {screening.reason}"
        )
        name = None
        if screening.kind is Kind.AUTO_REPLY:
            name = _name(mail, parts, u, notes)
        return Findings(
            kind=screening.kind,
            language=language,
            order_numbers=orders,
            customer_name=name,
            explanation=tuple(notes),
        )
    return _person(mail, parts, language, orders, u, notes)


def _parts(mail: ParsedMail) -> _Parts:
    own = mail.reply_text if (mail.reply_text or mail.quoted_text) else mail.text
    own, quoted = own[:MAX_PART_CHARS], mail.quoted_text[:MAX_PART_CHARS]
    forwarded_for = ""
    if _internal(mail) and quoted:
        found = _FORWARD_HEADER.search(quoted)
        if found:
            forwarded_for = found.group(1).strip().strip('"')
            own, quoted = quoted, own
    return _Parts(
        mail.subject[:1000], own, quoted, mail.enclosed_text[:MAX_PART_CHARS], forwarded_for
    )


def _internal(mail: ParsedMail) -> bool:
    """A colleague forwarding a customer's mail: the sender's domain is the mailbox's."""
    domain = mail.sender.rpartition("@")[2].lower()
    return bool(domain) and any(to.lower().endswith("@" + domain) for to in mail.to)


def _orders(parts: _Parts, u: Understanding, notes: list[str]) -> tuple[str, ...]:
    finder = u.orders
    segments = [("subject", parts.subject), ("text", parts.own)]
    segments += [("quoted", parts.quoted), ("enclosed", parts.enclosed)]
    hits = finder.find(segments)
    notes += [f"order {hit.reason} ({hit.where})" for hit in hits]
    return tuple(hit.number for hit in hits)


def _person(
    mail: ParsedMail,
    parts: _Parts,
    language: str,
    orders: tuple[str, ...],
    u: Understanding,
    notes: list[str],
) -> Findings:
    own_hits = u.analyse(without_signature(parts.own, u.rules.names), language)
    subject_hits = u.analyse(parts.subject, language) if parts.subject else []
    quoted = _Quoted(parts, u)
    name = _name(mail, parts, u, notes)
    answer = find_rating(parts.own, u.rules.ratings)
    if answer is not None:
        survey = weigh.counting(subject_hits + quoted.hits() + own_hits, "kind", "survey")
        if survey or answer.how in _STRICT_RATINGS:
            notes.insert(
                0, f"kind rating: {answer.how} {answer.text!r}; survey words {len(survey)}"
            )
            return Findings(
                kind=Kind.RATING,
                language=language,
                order_numbers=orders,
                customer_name=name,
                rating=answer.value,
                explanation=tuple(notes),
            )
    kind = weigh.kind(own_hits, _context(mail, parts), notes)
    if kind is Kind.STATUS_QUERY:
        th = u.rules.thresholds
        weighted = [
            (subject_hits, th.get("subject", 1.5)),
            (quoted.hits(), th.get("status_quoted", 1.0)),
        ]
        weighted.append((own_hits, th.get("status_reply", 0.5)))
        category, _score = weigh.category(weighted, u.rules, notes)
        resolution = None
    else:
        category, resolution = _complaint(mail, subject_hits, own_hits, quoted, u, notes)
    return Findings(
        kind=kind,
        language=language,
        order_numbers=orders,
        category=category,
        stage=u.rules.categories[category].stage,
        resolution=resolution,
        customer_name=name,
        explanation=tuple(notes),
    )


def _complaint(
    mail: ParsedMail,
    subject_hits: list[Hit],
    own_hits: list[Hit],
    quoted: _Quoted,
    u: Understanding,
    notes: list[str],
) -> tuple[Category, Resolution | None]:
    """Category from the subject and own text (the quote only when they say nothing)."""
    weighted = [(subject_hits, _subject_weight(mail, u)), (own_hits, 1.0)]
    category, score = weigh.category(weighted, u.rules, notes)
    if category is Category.OTHER and not weigh.counting(own_hits, "category") and quoted.hits():
        category, score = weigh.category([(quoted.hits(), 1.0)], u.rules, notes)
    resolution = weigh.resolution(own_hits, category, score > 0, u.rules, notes)
    if score == 0 and resolution is Resolution.REFUND:
        # Nothing but "give me my money back": the mail is about the refund itself.
        notes.append("category refund: no problem named, only money back asked for")
        category = Category.REFUND
    return category, resolution


def _subject_weight(mail: ParsedMail, u: Understanding) -> float:
    """A forwarded mail keeps the subject of the mail it forwards: not the customer's words."""
    if _FORWARD_PREFIX.match(mail.subject):
        return u.rules.thresholds.get("subject_forwarded", 0.5)
    return u.rules.thresholds.get("subject", 1.5)


class _Quoted:
    """Hits in the quoted or enclosed text, analysed only when a decision needs them."""

    def __init__(self, parts: _Parts, u: Understanding) -> None:
        self._text = parts.quoted or parts.enclosed
        self._parts, self._u = parts, u
        self._hits: list[Hit] | None = None

    def hits(self) -> list[Hit]:
        if self._hits is None:
            language = self._u.guesser.guess(self._parts.quoted, self._parts.enclosed).language
            self._hits = self._u.analyse(self._text, language) if self._text.strip() else []
        return self._hits


def _context(mail: ParsedMail, parts: _Parts) -> list[str]:
    """Signs in the mail's structure that it continues an existing case."""
    context = []
    if _REPLY_PREFIX.match(mail.subject) or mail.in_reply_to:
        context.append("a reply")
    if _CASE_REFERENCE.search(parts.subject) or _CASE_REFERENCE.search(parts.own):
        context.append("complaint reference")
    return context


def _name(mail: ParsedMail, parts: _Parts, u: Understanding, notes: list[str]) -> str | None:
    rules = u.rules.names
    display = parts.forwarded_for or mail.sender_name
    system = not display and _system_address(mail.sender)
    if display and is_organisation(display, rules) and _system_address(mail.sender):
        system = True
    guess = customer_name(display, [parts.own], rules, system_sender=system)
    notes.append(f"name {guess.name!r}: {guess.reason}")
    return guess.name


def _system_address(address: str) -> bool:
    local = fold(address.partition("@")[0])
    markers = (
        "noreply",
        "no-reply",
        "mailer-daemon",
        "postmaster",
        "helpdesk",
        "powiadomienia",
        "newsletter",
        "ticket",
        "support",
    )
    return any(marker in local for marker in markers)
