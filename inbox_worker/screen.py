"""Screen stage: ``ParsedMail`` → ``Screening`` (bounce, auto-reply, bulk, or a person).

The rules run in the order of ``rules/screening.toml``, first match wins, like a Mailman
chain: each rule has a kebab-case name and returns a human reason. Structural checks live
here as ``builtin`` rules; header, sender and phrase rules are data the owner edits.
Phrases match on lower-cased, diacritic-free text, and only in the subject and in what the
sender wrote now (``reply_text``), never in quoted replies. No NLP here.
"""

from __future__ import annotations

import logging
import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inbox_worker.errors import RulesError
from inbox_worker.language import fold as fold_letters
from inbox_worker.models import Kind, ParsedMail, Screening

log = logging.getLogger(__name__)

RULES_FILE = "screening.toml"
KINDS = {"bounce": Kind.BOUNCE, "auto_reply": Kind.AUTO_REPLY, "bulk": Kind.BULK}
PLACES = ("subject-start", "subject", "first-sentence", "text-start", "text")
TEXT_START = 500
TEXT_WINDOW = 100_000
SENTENCE_WINDOW = 300

_SPACES = re.compile(r"\s+")
_REPORT_TYPE = re.compile(r"report-type\s*=\s*\"?([\w-]+)", re.IGNORECASE)
_ADDRESS = re.compile(r"[\w.+=-]+@[\w.-]+")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_DSN_FIELDS = (
    re.compile(r"^action:\s*(failed|delayed|delivered|relayed|expanded)", re.I | re.M),
    re.compile(r"^status:\s*[245]\.\d{1,3}\.\d{1,3}", re.I | re.M),
)
_DSN_ACTION = re.compile(r"^action:\s*([a-z]+)", re.I | re.M)
_DELAY_SUBJECT = re.compile(
    r"^(?:\[[^\]]{0,40}\]\s*)*(?:delayed mail|delivery delayed|message delivery delayed|"
    r"warning: could not send message|warning: message .{0,60} delayed|"
    r"opoznienie w dostarczeniu|dostarczanie opoznione)"
)
_ORIGINAL_ID = re.compile(
    r"^[\s>]*(?:x-original-message-id|original-message-id|message-id)\s*:\s*(<[^<>\s]+>)",
    re.I | re.M,
)
# A postmaster address alone is no sign: people write from theirs.
# Tags gateways and filters put before a subject: "[EXTERNAL] ", "*** SPAM *** ".
_SUBJECT_TAGS = r"^(?:\[[^\]]{0,40}\]\s*|\*{2,}[^*]{0,20}\*{2,}\s*)*"
_SIGN_SENDER = re.compile(r"^(mailer-?daemon|mail-daemon|no-?reply|do-?not-?reply|donotreply)")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'"})


def fold(text: str) -> str:
    """Lower-case, drop diacritics (``ł`` → ``l``), make typographic apostrophes plain
    (Outlook and phones write ``I’m``) and collapse whitespace, for matching."""
    return _SPACES.sub(" ", fold_letters(text.translate(_APOSTROPHES)))


@dataclass(frozen=True)
class View:
    """One mail prepared for the rules: folded subject and own text, and its robot signs."""

    mail: ParsedMail
    own_addresses: tuple[str, ...]
    subject: str
    text: str
    first_sentence: str
    text_length: int
    robot_sign: bool

    def place(self, where: str) -> str:
        if where == "subject-start" or where == "subject":
            return self.subject
        if where == "first-sentence":
            return self.first_sentence
        return self.text[:TEXT_START] if where == "text-start" else self.text


Check = Callable[[View], "str | None"]


@dataclass(frozen=True)
class Rule:
    name: str
    description: str
    kind: Kind
    check: Check
    needs_robot_sign: bool = False


@dataclass(frozen=True)
class ScreeningRules:
    """The screening chain loaded from ``screening.toml``, in order."""

    rules: tuple[Rule, ...]
    opening: re.Pattern[str]
    source: str = ""

    @property
    def chain(self) -> tuple[tuple[str, Check], ...]:
        return tuple((rule.name, rule.check) for rule in self.rules)


def screen(mail: ParsedMail, rules: ScreeningRules, own_addresses: Sequence[str] = ()) -> Screening:
    """Decide whether a robot wrote ``mail``.

    Returns the first firing rule's kind, name and reason, or ``Screening(kind=None)``
    for mail a person wrote. ``own_addresses`` are our addresses; the first one's domain
    is the domain of our Message-IDs.
    """
    view = _view(mail, rules, tuple(a.lower() for a in own_addresses))
    for rule in rules.rules:
        if rule.needs_robot_sign and not view.robot_sign:
            continue
        reason = rule.check(view)
        if reason:
            log.debug("%s: rule %s fired: %s", mail.message_id, rule.name, reason)
            return Screening(kind=rule.kind, rule=rule.name, reason=reason)
    return Screening(kind=None, rule="", reason="no robot rule fired: written by a person")


def delivery_delayed(mail: ParsedMail) -> bool:
    """True for a delay notice: the mail server is still trying, so nothing bounced yet.

    Every ``Action`` of its delivery-status part is ``delayed``; lacking one, its subject
    says so (Exim and Sendmail warnings, Exchange "Delivery delayed").
    """
    actions = {action.lower() for action in _DSN_ACTION.findall(mail.enclosed_text)}
    if actions:
        return actions == {"delayed"}
    return bool(_DELAY_SUBJECT.search(fold(mail.subject)))


def bounced_message_ids(mail: ParsedMail) -> tuple[str, ...]:
    """Message-IDs of the original message(s) returned inside a bounce, in order."""
    found: list[str] = []
    for text in (mail.enclosed_text, mail.text):
        for match in _ORIGINAL_ID.finditer(text):
            message_id = match.group(1)
            if message_id != mail.message_id and message_id not in found:
                found.append(message_id)
    return tuple(found)


# --- the view ------------------------------------------------------------------------------


def _view(mail: ParsedMail, rules: ScreeningRules, own: tuple[str, ...]) -> View:
    text = fold(mail.reply_text[:TEXT_WINDOW]).strip()
    return View(
        mail=mail,
        own_addresses=own,
        subject=fold(mail.subject).strip(),
        text=text,
        first_sentence=_first_sentence(text, rules.opening),
        text_length=len(mail.reply_text.strip()),
        robot_sign=_robot_sign(mail),
    )


def _first_sentence(text: str, opening: re.Pattern[str]) -> str:
    """The first sentence after greetings and thanks formulas."""
    for _ in range(3):
        match = opening.match(text)
        if not match or not match.group(0):
            break
        text = text[match.end() :]
    end = _SENTENCE_END.search(text, 0, SENTENCE_WINDOW)
    return text[: end.end() if end else SENTENCE_WINDOW]


def _robot_sign(mail: ParsedMail) -> bool:
    """Weak evidence of a machine, enough to trust wording a person might also use."""
    auto = mail.header("auto-submitted").strip().lower()
    return (
        mail.return_path == ""
        or (auto != "" and auto != "no")
        or bool(_SIGN_SENDER.match(mail.sender))
        or mail.content_type == "multipart/report"
        or bool(mail.header("x-failed-recipients"))
        or any(a.content_type == "text/rfc822-headers" for a in mail.attachments)
    )


def _report_type(mail: ParsedMail) -> str:
    match = _REPORT_TYPE.search(mail.header("content-type"))
    return match.group(1).lower() if match else ""


# --- builtin rules -------------------------------------------------------------------------

BUILTINS: dict[str, tuple[Kind, Check]] = {}


def builtin(name: str, kind: Kind) -> Callable[[Check], Check]:
    """Register a code check under ``name``; ``screening.toml`` places it in the chain."""

    def register(check: Check) -> Check:
        if name in BUILTINS:
            raise ValueError(f"builtin screening rule {name!r} registered twice")
        BUILTINS[name] = (kind, check)
        return check

    return register


@builtin("delivery-status-report", Kind.BOUNCE)
def _delivery_status(view: View) -> str | None:
    mail = view.mail
    if mail.content_type == "multipart/report" and _report_type(mail) == "delivery-status":
        return "multipart/report; report-type=delivery-status"
    if mail.content_type == "message/delivery-status":
        return "the mail is a bare message/delivery-status"
    if view.robot_sign and all(f.search(mail.enclosed_text) for f in _DSN_FIELDS):
        return "a delivery-status part (Action and Status fields)"
    return None


@builtin("own-mail", Kind.AUTO_REPLY)
def _own_mail(view: View) -> str | None:
    mail, own = view.mail, view.own_addresses
    if not own:
        return None
    if mail.sender in own:
        return f"sent from our own address {mail.sender}"
    domain = own[0].rpartition("@")[2]
    sender_domain = mail.sender.rpartition("@")[2]
    # Staff write from our domain with their own Message-IDs: only an id of ours coming
    # from elsewhere is a loop.
    if mail.message_id.lower().endswith(f"@{domain}>") and sender_domain != domain:
        return f"our Message-ID {mail.message_id} came back from {mail.sender or 'nobody'}"
    loop = " ".join(mail.header_all("x-loop")).lower()
    if any(address in loop for address in own):
        return "X-Loop names our address"
    return None


@builtin("disposition-notification", Kind.AUTO_REPLY)
def _disposition_notification(view: View) -> str | None:
    mail = view.mail
    if _report_type(mail) == "disposition-notification":
        return "read receipt (report-type=disposition-notification)"
    if mail.content_type == "message/disposition-notification":
        return "read receipt (message/disposition-notification)"
    return None


@builtin("feedback-report", Kind.BULK)
def _feedback_report(view: View) -> str | None:
    mail = view.mail
    if _report_type(mail) == "feedback-report" or mail.content_type == "message/feedback-report":
        return "abuse feedback report (report-type=feedback-report)"
    return None


@builtin("null-return-path", Kind.AUTO_REPLY)
def _null_return_path(view: View) -> str | None:
    return "Return-Path is <> (null sender)" if view.mail.return_path == "" else None


# --- rules from data -----------------------------------------------------------------------


def _header_check(
    name: re.Pattern[str], pattern: re.Pattern[str] | None, unless: re.Pattern[str] | None
) -> Check:
    def check(view: View) -> str | None:
        for key, value in view.mail.headers:
            if not name.fullmatch(key):
                continue
            folded = fold(value)
            if unless is not None and unless.search(folded):
                continue
            if pattern is None or pattern.search(folded):
                return f"header {key}: {value[:80]}"
        return None

    return check


def _sender_check(fields: tuple[str, ...], addresses: re.Pattern[str]) -> Check:
    def check(view: View) -> str | None:
        for field in fields:
            for address in _field_addresses(view.mail, field):
                if addresses.search(address):
                    return f"{field} address {address}"
        return None

    return check


def _field_addresses(mail: ParsedMail, field: str) -> list[str]:
    if field == "from":
        return [mail.sender] if mail.sender else []
    if field == "return-path":
        return [mail.return_path] if mail.return_path else []
    if field == "reply-to":
        return [mail.reply_to] if mail.reply_to else []
    return _ADDRESS.findall(" ".join(mail.header_all(field)).lower())


def _phrase_check(where: str, regex: re.Pattern[str], max_text: int) -> Check:
    def check(view: View) -> str | None:
        if max_text and view.text_length > max_text:
            return None
        match = regex.search(view.place(where))
        return f'{where} has "{match.group(0).strip()}"' if match else None

    return check


def phrase_regex(
    phrases: Sequence[str], patterns: Sequence[str], anchored: bool
) -> re.Pattern[str]:
    """One regex for folded ``phrases`` (whole words) and raw ``patterns``."""
    words, parts = [], []
    for phrase in phrases:
        folded = fold(phrase).strip()
        if folded[:1].isalnum() and folded[-1:].isalnum() and not anchored:
            words.append(re.escape(folded))  # the common case: whole words, see below
            continue
        head = r"(?<!\w)" if folded[:1].isalnum() and not anchored else ""
        tail = r"(?!\w)" if folded[-1:].isalnum() else ""
        parts.append(head + re.escape(folded) + tail)
    if words:  # one pair of word boundaries around them all: several times faster to scan
        parts.insert(0, r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)")
    parts.extend(patterns)
    body = "|".join(parts) or r"(?!)"
    return re.compile((_SUBJECT_TAGS if anchored else "") + f"(?:{body})")


# --- loading -------------------------------------------------------------------------------

_COMMON_KEYS = {"name", "description", "type", "kind", "needs_robot_sign"}
_TYPE_KEYS = {
    "builtin": set(),
    "header": {"header", "header_pattern", "pattern", "unless"},
    "sender": {"fields", "addresses"},
    "phrase": {"where", "phrases", "patterns", "max_text"},
}
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def load_rules(rules_dir: Path) -> ScreeningRules:
    """Read and validate ``rules_dir / "screening.toml"``.

    Raises ``RulesError`` naming the file, the line of the rule and the key at fault.
    """
    path = rules_dir / RULES_FILE
    try:
        source = path.read_text(encoding="utf-8")
        data = tomllib.loads(source)
    except OSError as exc:
        raise RulesError(f"{path}: cannot read: {exc}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RulesError(f"{path}: invalid TOML: {exc}") from exc
    unknown = set(data) - {"opening", "rule"}
    if unknown:
        raise RulesError(f"{path}: unknown top-level key(s): {', '.join(sorted(unknown))}")
    lines = [n for n, line in enumerate(source.splitlines(), 1) if line.strip() == "[[rule]]"]
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list) or not raw_rules:
        raise RulesError(f"{path}: no [[rule]] tables")
    rules = tuple(
        _rule(entry, f"{path}:{lines[i] if i < len(lines) else 0}")
        for i, entry in enumerate(raw_rules)
    )
    _check_chain(rules, str(path))
    return ScreeningRules(
        rules=rules, opening=_opening(data.get("opening", {}), str(path)), source=str(path)
    )


def _check_chain(rules: tuple[Rule, ...], where: str) -> None:
    names = [rule.name for rule in rules]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise RulesError(f"{where}: duplicate rule name(s): {', '.join(duplicates)}")
    missing = sorted(set(BUILTINS) - set(names))
    if missing:
        raise RulesError(f"{where}: builtin rule(s) missing from the chain: {', '.join(missing)}")


def _rule(entry: Any, where: str) -> Rule:
    if not isinstance(entry, dict):
        raise RulesError(f"{where}: a [[rule]] must be a table")
    name = _text(entry, "name", where)
    where = f"{where}: rule {name!r}"
    if not _NAME.match(name):
        raise RulesError(f"{where}: key 'name': must be kebab-case")
    _text(entry, "description", where)
    kind_of = _text(entry, "type", where)
    if kind_of not in _TYPE_KEYS:
        raise RulesError(f"{where}: key 'type': must be one of {', '.join(_TYPE_KEYS)}")
    unknown = set(entry) - _COMMON_KEYS - _TYPE_KEYS[kind_of]
    if unknown:
        raise RulesError(f"{where}: unknown key(s): {', '.join(sorted(unknown))}")
    needs_sign = entry.get("needs_robot_sign", False)
    if not isinstance(needs_sign, bool):
        raise RulesError(f"{where}: key 'needs_robot_sign': must be true or false")
    if kind_of == "builtin":
        return _builtin_rule(entry, name, where, needs_sign)
    kind = KINDS.get(_text(entry, "kind", where))
    if kind is None:
        raise RulesError(f"{where}: key 'kind': must be one of {', '.join(KINDS)}")
    makers = {"header": _header_rule, "sender": _sender_rule, "phrase": _phrase_rule}
    check = makers[kind_of](entry, where)
    return Rule(name, entry["description"], kind, check, needs_sign)


def _builtin_rule(entry: dict[str, Any], name: str, where: str, needs_sign: bool) -> Rule:
    if name not in BUILTINS:
        raise RulesError(f"{where}: key 'name': no builtin rule of that name")
    if "kind" in entry:
        raise RulesError(f"{where}: key 'kind': a builtin rule's kind is fixed")
    kind, check = BUILTINS[name]
    return Rule(name, entry["description"], kind, check, needs_sign)


def _header_rule(entry: dict[str, Any], where: str) -> Check:
    if ("header" in entry) == ("header_pattern" in entry):
        raise RulesError(f"{where}: give exactly one of 'header' and 'header_pattern'")
    if "header" in entry:
        name = re.compile(re.escape(_text(entry, "header", where).lower()))
    else:
        name = _regex(entry, "header_pattern", where)
    pattern = _regex(entry, "pattern", where) if "pattern" in entry else None
    unless = _regex(entry, "unless", where) if "unless" in entry else None
    return _header_check(name, pattern, unless)


def _sender_rule(entry: dict[str, Any], where: str) -> Check:
    fields = tuple(f.lower() for f in _strings(entry, "fields", where, ["from", "sender"]))
    addresses = _strings(entry, "addresses", where)
    for value in addresses:
        _compile(value, "addresses", where)
    return _sender_check(fields, re.compile("|".join(f"(?:{a})" for a in addresses)))


def _phrase_rule(entry: dict[str, Any], where: str) -> Check:
    place = _text(entry, "where", where)
    if place not in PLACES:
        raise RulesError(f"{where}: key 'where': must be one of {', '.join(PLACES)}")
    phrases = _strings(entry, "phrases", where, [])
    patterns = _strings(entry, "patterns", where, [])
    if not phrases and not patterns:
        raise RulesError(f"{where}: give 'phrases' or 'patterns'")
    for value in patterns:
        _compile(value, "patterns", where)
    max_text = entry.get("max_text", 0)
    if not isinstance(max_text, int) or isinstance(max_text, bool) or max_text < 0:
        raise RulesError(f"{where}: key 'max_text': must be a positive whole number")
    regex = phrase_regex(phrases, patterns, anchored=place == "subject-start")
    return _phrase_check(place, regex, max_text)


def _opening(table: Any, where: str) -> re.Pattern[str]:
    """Greetings (with up to three words and a comma) and thanks sentences, to skip."""
    if not isinstance(table, dict) or set(table) - {"greetings", "thanks"}:
        raise RulesError(f"{where}: [opening] takes only 'greetings' and 'thanks'")
    greetings = [re.escape(fold(g).strip()) for g in _strings(table, "greetings", where, [])]
    thanks = [re.escape(fold(t).strip()) for t in _strings(table, "thanks", where, [])]
    alternatives = []
    if greetings:
        words = r"(?:\s+[\w.'-]+){0,3}\s*[,!]"
        alternatives.append(rf"(?:{'|'.join(greetings)})(?!\w)(?:{words}|[,!])?")
    if thanks:
        alternatives.append(rf"(?:{'|'.join(thanks)})(?!\w)[^.!?]{{0,80}}[.!]?")
    body = "|".join(alternatives) or r"(?!)"
    return re.compile(rf"(?:{body})\s*")


def _text(entry: dict[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise RulesError(f"{where}: key {key!r}: must be a non-empty string")
    return value


def _strings(
    entry: dict[str, Any], key: str, where: str, default: list[str] | None = None
) -> list[str]:
    value = entry.get(key, default)
    if value is None:
        raise RulesError(f"{where}: key {key!r}: missing")
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RulesError(f"{where}: key {key!r}: must be a list of non-empty strings")
    return value


def _regex(entry: dict[str, Any], key: str, where: str) -> re.Pattern[str]:
    return _compile(_text(entry, key, where), key, where)


def _compile(value: str, key: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(value)
    except re.error as exc:
        raise RulesError(f"{where}: key {key!r}: bad regular expression {value!r}: {exc}") from exc
