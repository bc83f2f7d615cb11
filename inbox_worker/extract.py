"""Understand one mail: kind, language, order numbers, category, resolution, name, rating.

``understand`` takes the parsed mail and the screening verdict and returns ``Findings``
with an explanation of every decision (rule name, matched text, weight, negation, where it
was found). It never raises: any input gives a clear answer in bounded time, because the
analysed text is capped.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from inbox_worker.language import fold
from inbox_worker.models import (
    Category,
    Findings,
    Kind,
    ParsedMail,
    Resolution,
    Screening,
    Stage,
)
from inbox_worker.names import customer_name, is_organisation, without_signature
from inbox_worker.nlp import Hit, Understanding
from inbox_worker.rating import find_rating
from inbox_worker.rules import NEUTRAL

log = logging.getLogger(__name__)

MAX_PART_CHARS = 20_000
_REPLY_PREFIX = re.compile(r"^\s*(?:re|odp|aw|sv|odp\.|re\[\d+\])\s*:", re.I)
_FORWARD_PREFIX = re.compile(r"^\s*(?:fwd?|pd|tr|wg|przekaż)\s*:", re.I)
_CASE_REFERENCE = re.compile(r"\b[A-Z]{2,4}/\d{4}/\d{1,2}/\d{2,6}\b")
_FORWARD_HEADER = re.compile(r"^(?:od|from)\s*:\s*(.+?)\s*<[^>]+>\s*$", re.I | re.M)
# Rules weaker than this are hints ("rozmiar", "faktura"): they add to a score but do not
# by themselves establish a fault.
_CLEAR_CUE = 2.0
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
        survey = _family(subject_hits + quoted.hits() + own_hits, "kind", "survey")
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
    kind = _kind(mail, parts, own_hits, notes)
    if kind is Kind.STATUS_QUERY:
        th = u.rules.thresholds
        weighted = [
            (subject_hits, th.get("subject", 1.5)),
            (quoted.hits(), th.get("status_quoted", 1.0)),
        ]
        weighted.append((own_hits, th.get("status_reply", 0.5)))
        category, _score = _category(weighted, u, notes)
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
    category, score = _category(weighted, u, notes)
    if category is Category.OTHER and not _family(own_hits, "category") and quoted.hits():
        category, score = _category([(quoted.hits(), 1.0)], u, notes)
    resolution = _resolution(own_hits, category, score > 0, u, notes)
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


def _family(hits: Iterable[Hit], family: str, target: str | None = None) -> list[Hit]:
    """Hits of ``family`` that count: not negated, not neutral, of ``target`` if given."""
    return [
        h
        for h in hits
        if h.family == family
        and not h.negated
        and h.target != NEUTRAL
        and (target is None or h.target == target)
    ]


def _kind(mail: ParsedMail, parts: _Parts, hits: Sequence[Hit], notes: list[str]) -> Kind:
    status = _family(hits, "kind", "status_query")
    score = sum(h.weight for h in _per_rule(status))
    context: list[str] = []
    if _REPLY_PREFIX.match(mail.subject) or mail.in_reply_to:
        score += 1.0
        context.append("a reply")
    if _CASE_REFERENCE.search(parts.subject) or _CASE_REFERENCE.search(parts.own):
        score += 1.0
        context.append("complaint reference")
    problems = _family(hits, "category")
    requests = [h for h in _family(hits, "resolution") if h.request and not h.conditional]
    problem = sum(h.weight for h in _per_rule(problems)) + sum(
        h.weight for h in _per_rule(requests)
    )
    # Weak signs alone (an earlier call, a threat) do not make a first mail a status query.
    strong = any(h.weight >= 2.5 for h in status) or bool(context)
    is_status = bool(status) and strong and score >= 2.5 and score >= 0.5 * problem
    found = ", ".join(f"{h.rule} {h.text!r}" for h in status) or "none"
    signals = "; ".join([found, *context])
    verdict = "status_query" if is_status else "complaint"
    notes.insert(
        0, f"kind {verdict}: status score {score:.1f} ({signals}) vs new problem {problem:.1f}"
    )
    return Kind.STATUS_QUERY if is_status else Kind.COMPLAINT


def _per_rule(hits: Iterable[Hit], limit: int = 2) -> list[Hit]:
    """At most ``limit`` hits per rule, so a long list of symptoms does not drown the rest."""
    counts: dict[str, int] = defaultdict(int)
    kept: list[Hit] = []
    for hit in hits:
        counts[hit.rule] += 1
        if counts[hit.rule] <= limit:
            kept.append(hit)
    return kept


def _category(
    weighted: Sequence[tuple[Sequence[Hit], float]], u: Understanding, notes: list[str]
) -> tuple[Category, float]:
    """The category with the most evidence, and that evidence (0 when none: "other")."""
    scores: dict[str, float] = defaultdict(float)
    remedies: dict[str, float] = defaultdict(float)
    clear: dict[str, float] = defaultdict(float)  # from real cues only, not weak words
    for hits, factor in weighted:
        _note_ignored(hits, notes)
        for hit in _per_rule(_family(hits, "category")):
            (remedies if hit.remedy else scores)[hit.target] += hit.weight * factor
            if not hit.remedy and hit.weight >= _CLEAR_CUE:
                clear[hit.target] += hit.weight * factor
            kind = " (remedy)" if hit.remedy else ""
            notes.append(f"category {hit.rule} +{hit.weight * factor:.1f} {hit.text!r}{kind}")
    _add_remedies(scores, remedies, clear, u, notes)
    _yield(scores, clear, u, notes)
    threshold = u.rules.thresholds.get("category", 1.0)
    # On equal evidence a fault (damaged, wrong item ...) outranks a return or a question:
    # a customer sending back a broken kettle is reporting the break.
    best = max(
        scores.items(),
        key=lambda item: (round(item[1], 6), _fault(u, item[0])),
        default=("other", 0.0),
    )
    if best[1] < threshold:
        notes.append(f"category other: best score {best[1]:.1f} below {threshold}")
        return Category.OTHER, 0.0
    hints_only = u.rules.thresholds.get("hints_only", 3.0)
    if best[0] != Category.OTHER.value and not clear.get(best[0]) and best[1] < hints_only:
        notes.append(f"category other: only hints for {best[0]} ({best[1]:.1f} < {hints_only})")
        return Category.OTHER, 0.0
    notes.append(f"category {best[0]}: score {best[1]:.1f}")
    return Category(best[0]), best[1]


def _note_ignored(hits: Sequence[Hit], notes: list[str]) -> None:
    for hit in hits:
        if hit.family == "category" and hit.negated:
            notes.append(f"negated: {hit.rule} {hit.text!r}")
        elif hit.family == "category" and hit.target == NEUTRAL:
            notes.append(f"neutral: {hit.rule} {hit.text!r} (its words do not count)")


def _add_remedies(
    scores: dict[str, float],
    remedies: dict[str, float],
    clear: dict[str, float],
    u: Understanding,
    notes: list[str],
) -> None:
    """Sending back or exchanging is what follows a fault too: it votes only without one."""
    fault = max((v for k, v in clear.items() if _fault(u, k)), default=0.0)
    if remedies and fault >= u.rules.thresholds.get("fault_evidence", 2.0):
        notes.append(f"remedies ignored: a fault is reported (score {fault:.1f})")
        return
    for target, score in remedies.items():
        scores[target] += score


def _yield(
    scores: dict[str, float], clear: dict[str, float], u: Understanding, notes: list[str]
) -> None:
    """A category whose words are background to another ("return" in a refund case)."""
    enough = u.rules.thresholds.get("fault_evidence", 2.0)
    for name in list(scores):
        stronger = [
            c.value
            for c in u.rules.categories[Category(name)].yields_to
            if clear.get(c.value, 0.0) >= enough
        ]
        if stronger and scores[name] > 0:
            notes.append(f"category {name} yields to {stronger[0]} (its words are background)")
            scores[name] = 0.0


def _fault(u: Understanding, category: str) -> bool:
    return u.rules.categories[Category(category)].stage is not Stage.OTHER


def _resolution(
    hits: Sequence[Hit], category: Category, recognised: bool, u: Understanding, notes: list[str]
) -> Resolution | None:
    """The strongest request; a category's implied resolution when nothing is asked.

    A mail recognised as a category without resolutions (a question, praise) gets none;
    "other" as a mere fallback (nothing recognised) still reads what is asked for.
    """
    definition = u.rules.categories[category]
    if recognised and not definition.has_resolution:
        notes.append(f"resolution none: a {category.value} mail has nothing to resolve")
        return None
    threshold = u.rules.thresholds.get("resolution", 1.0)
    best: tuple[float, int, str] | None = None
    for hit in hits:
        if hit.family != "resolution":
            continue
        if hit.negated:
            notes.append(f"negated: {hit.rule} {hit.text!r}")
            continue
        if hit.when_category and category.value not in hit.when_category:
            continue
        score = hit.weight * (2.0 if hit.request else 1.0) * (0.5 if hit.conditional else 1.0)
        weak = " (too weak)" if score < threshold else ""
        notes.append(
            f"resolution {hit.rule} {score:.1f} {hit.text!r}"
            f"{' request' if hit.request else ''}{' conditional' if hit.conditional else ''}{weak}"
        )
        if not weak and (best is None or score > best[0]):
            best = (score, hit.start, hit.target)
    if best is not None:
        return Resolution(best[2])
    implied = definition.implied_resolution
    if implied is not None:
        notes.append(f"resolution {implied.value}: implied by category {category.value}")
    return implied


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
