"""Plain data shared by the stages of the flow.

Every stage takes and returns these frozen dataclasses; third-party objects (imapclient
dicts, mail-parser objects, spaCy Docs) never appear here. Enums are ``str`` subclasses so
that their values go into TinyDB, JSON and logs as plain strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum


class Kind(str, Enum):
    """What a mail is. Values match the corpus labels (``../shared/corpus/README.md``)."""

    COMPLAINT = "complaint"
    STATUS_QUERY = "status_query"
    RATING = "rating"
    AUTO_REPLY = "auto_reply"
    BOUNCE = "bounce"
    BULK = "bulk"

    @property
    def is_robot(self) -> bool:
        """True for mail that must never get an automatic answer."""
        return self in (Kind.AUTO_REPLY, Kind.BOUNCE, Kind.BULK)


class Category(str, Enum):
    DAMAGED = "damaged"
    DEFECTIVE = "defective"
    WRONG_ITEM = "wrong_item"
    MISSING_ITEM = "missing_item"
    NOT_DELIVERED = "not_delivered"
    RETURN = "return"
    REFUND = "refund"
    BILLING = "billing"
    OTHER = "other"


class Stage(str, Enum):
    """The stage of the service process a category points at (for owner reports)."""

    DELIVERY = "delivery"
    WAREHOUSE = "warehouse"
    PRODUCT = "product"
    PAYMENTS = "payments"
    OTHER = "other"


class Resolution(str, Enum):
    REFUND = "refund"
    REPLACEMENT = "replacement"
    REPAIR = "repair"
    DISCOUNT = "discount"


class CaseStatus(str, Enum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    WAITING_FOR_CUSTOMER = "waiting_for_customer"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    CLOSED = "closed"


# The case lifecycle, in one place: which status may follow which.
# new -> in_progress -> waiting_for_customer -> accepted / rejected -> closed; a closed case
# is reopened (in_progress) by staff or by the customer's reply within shop.reopen_days.
TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    CaseStatus.NEW: frozenset(
        {
            CaseStatus.IN_PROGRESS,
            CaseStatus.WAITING_FOR_CUSTOMER,
            CaseStatus.ACCEPTED,
            CaseStatus.REJECTED,
            CaseStatus.CLOSED,
        }
    ),
    CaseStatus.IN_PROGRESS: frozenset(
        {
            CaseStatus.WAITING_FOR_CUSTOMER,
            CaseStatus.ACCEPTED,
            CaseStatus.REJECTED,
            CaseStatus.CLOSED,
        }
    ),
    CaseStatus.WAITING_FOR_CUSTOMER: frozenset(
        {CaseStatus.IN_PROGRESS, CaseStatus.ACCEPTED, CaseStatus.REJECTED, CaseStatus.CLOSED}
    ),
    CaseStatus.ACCEPTED: frozenset({CaseStatus.CLOSED, CaseStatus.IN_PROGRESS}),
    CaseStatus.REJECTED: frozenset({CaseStatus.CLOSED, CaseStatus.IN_PROGRESS}),
    CaseStatus.CLOSED: frozenset({CaseStatus.IN_PROGRESS}),
}

# The stage of the service process each category points at (owner reports group by it).
STAGE_OF: dict[Category, Stage] = {
    Category.DAMAGED: Stage.DELIVERY,
    Category.NOT_DELIVERED: Stage.DELIVERY,
    Category.WRONG_ITEM: Stage.WAREHOUSE,
    Category.MISSING_ITEM: Stage.WAREHOUSE,
    Category.DEFECTIVE: Stage.PRODUCT,
    Category.RETURN: Stage.OTHER,
    Category.REFUND: Stage.PAYMENTS,
    Category.BILLING: Stage.PAYMENTS,
    Category.OTHER: Stage.OTHER,
}


@dataclass(frozen=True)
class RawMail:
    """One mail as fetched: its IMAP UID and bytes, and when the server received it."""

    uid: int
    data: bytes
    internal_date: datetime | None = None
    uidvalidity: int = 0
    # Set when the server refused to hand this one mail over (``data`` is then a stand-in).
    fetch_error: str = ""


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    size: int


@dataclass(frozen=True)
class ParsedMail:
    """A mail decoded into what the later stages need; produced only by ``parse.parse``.

    ``headers`` keeps every header as decoded ``(name, value)`` pairs in order, names
    lower-cased, so repeated headers survive. ``text`` is the whole readable body (HTML
    converted to text); ``reply_text`` is what the sender wrote in this mail, with quoted
    replies and forwarded parts split off into ``quoted_text``. ``enclosed_text`` holds the
    text of attached messages (``message/rfc822``, ``text/rfc822-headers``).
    """

    message_id: str
    subject: str
    sender: str
    sender_name: str
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    reply_to: str = ""
    return_path: str | None = None
    date: datetime | None = None
    in_reply_to: str = ""
    references: tuple[str, ...] = ()
    headers: tuple[tuple[str, str], ...] = ()
    content_type: str = "text/plain"
    text: str = ""
    reply_text: str = ""
    quoted_text: str = ""
    enclosed_text: str = ""
    html_only: bool = False
    attachments: tuple[Attachment, ...] = ()
    size: int = 0
    defects: tuple[str, ...] = ()

    def header(self, name: str) -> str:
        """The first value of header ``name`` (case-insensitive), or ``""``."""
        name = name.lower()
        return next((value for key, value in self.headers if key == name), "")

    def header_all(self, name: str) -> tuple[str, ...]:
        """Every value of header ``name`` in order."""
        name = name.lower()
        return tuple(value for key, value in self.headers if key == name)


@dataclass(frozen=True)
class Screening:
    """The verdict of the header screen: a robot kind, or None for mail a person wrote."""

    kind: Kind | None
    rule: str = ""
    reason: str = ""


@dataclass(frozen=True)
class Findings:
    """What the worker understood of one mail (``extract.understand``)."""

    kind: Kind
    language: str
    order_numbers: tuple[str, ...] = ()
    category: Category | None = None
    stage: Stage | None = None
    resolution: Resolution | None = None
    customer_name: str | None = None
    rating: int | None = None
    explanation: tuple[str, ...] = ()


@dataclass(frozen=True)
class OutgoingMail:
    """A mail we will send, fully rendered, with its final Message-ID.

    Stored in the outbox before sending so that a crash never re-renders a different reply.
    """

    message_id: str
    to: str
    subject: str
    text: str
    html: str | None = None
    in_reply_to: str = ""
    references: tuple[str, ...] = ()
    reply_to: str = ""
    case_id: str = ""
    template: str = ""
    extra_headers: tuple[tuple[str, str], ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Case:
    """A complaint case as kept in the store. Dates are ISO strings so the JSON stays plain.

    ``deadline`` is the statutory answer date (``deadline_kind`` "complaint"), or for a
    withdrawal from the contract the date by which the refund is due ("withdrawal").
    ``thread_ids`` are the Message-IDs of every mail in and out of the case (for threading).
    """

    id: str
    status: CaseStatus
    customer: str
    customer_name: str | None
    language: str
    subject: str
    received_at: str
    deadline: str
    created_at: str
    updated_at: str
    order_numbers: tuple[str, ...] = ()
    category: Category | None = None
    stage: Stage | None = None
    resolution: Resolution | None = None
    deadline_kind: str = "complaint"
    rating: int | None = None
    assignee: str | None = None
    thread_ids: tuple[str, ...] = ()
    waiting_for: str | None = None
    survey_sent: bool = False
    answered_at: str | None = None
    closed_at: str | None = None
