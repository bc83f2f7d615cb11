"""Parse stage: raw mail bytes → ``ParsedMail``.

The standard library reads the message tree (it never raises on broken mail; its defects
are collected in the MIME walk); mail-parser's lenient readers parse the address headers and
a date the standard library gives up on. We call those two directly: its full parse decodes
every part and every Received header, which we do not need, and cost half the parse time.
The MIME walk, header decoding, HTML to text and the split of the sender's own text from
quoted replies are done here with the standard library, html2text and mail-parser-reply,
bounded so that hostile mail cannot make us work without limit. Nothing from those
libraries leaves this module.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import email
import hashlib
import logging
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from email.message import Message
from email.parser import BytesHeaderParser, HeaderParser
from email.utils import getaddresses, parsedate_to_datetime
from typing import Any

import html2text
from mailparser.dates import parse_mail_date
from mailparser.utils import get_addresses

from inbox_worker.errors import MessageError
from inbox_worker.models import Attachment, ParsedMail, RawMail
from inbox_worker.quotes import split_reply

log = logging.getLogger(__name__)
# mail-parser logs some 70 lines per mail at DEBUG and a WARNING for every part type it does
# not render (each DSN's "delivery-status", "rfc822-headers"); we render those ourselves.
logging.getLogger("mailparser").setLevel(logging.ERROR)

MAX_TEXT_CHARS = 1_000_000
MAX_PARTS = 300
MAX_DEPTH = 20
MAX_HEADERS = 1000
MAX_HEADER_CHARS = 16_384
MAX_HTML_CHARS = 2_000_000
MAX_REFERENCES = 100

_FALLBACK_CHARSETS = ("utf-8", "windows-1250")
_MSGID = re.compile(r"<[^<>\s]+>")
_ANGLE_ADDRESS = re.compile(r"<([^<>\s@]+@[^<>\s@]+)>\s*$")
_BOUNDARY_LINE = re.compile(r"^--([^\s]{1,200})\s*$", re.MULTILINE)
_BARE_MSGID = re.compile(r"[^<>\s@]+@[^<>\s@]+")
_FOLD = re.compile(r"\r?\n(?=[ \t])")
_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([bBqQ])\?(.*?)\?=")
_HTML_SEPARATOR_LINE = re.compile(r"^[-|: ]*\|[-|: ]*$", re.MULTILINE)
_HTML_ESCAPES = (
    (re.compile(r"^(\s*(?:>\s*)*\d+)\\\.", re.MULTILINE), r"\1."),
    (re.compile(r"^(\s*(?:>\s*)*)\\([-+])", re.MULTILINE), r"\1\2"),
    (re.compile(r"\\([\\`*_{}\[\]()#+.!-])"), r"\1"),
)
_ENCLOSED_HEADERS = ("subject", "from", "to", "date", "message-id")
_STANDARD_HEADERS = frozenset(
    {"from", "sender", "reply-to", "return-path", "to", "subject", "date", "message-id"}
)


def parse(raw: RawMail) -> ParsedMail:
    """Decode one mail into a ``ParsedMail``.

    Broken mail gives a ``ParsedMail`` with whatever could be read and the problems named
    in ``defects``. Raises ``MessageError`` only when there is nothing usable: no bytes,
    or not a single header line (binary junk).
    """
    if not raw.data.strip():
        raise MessageError(f"uid {raw.uid}: empty mail")
    defects: list[str] = []
    message = _read(raw.data, defects)
    headers = _decode_headers(message, defects)
    if not headers:
        raise MessageError(f"uid {raw.uid}: no mail headers, {len(raw.data)} bytes")
    if not _STANDARD_HEADERS.intersection(name for name, _ in headers):
        _add(defects, "NoStandardHeaders")
    body = _Body(defects=defects)
    _walk(message, body, depth=0)
    return _assemble(raw, message, headers, body, defects)


def attachment_payloads(raw: RawMail) -> Iterator[tuple[Attachment, bytes]]:
    """Yield each attachment of ``raw`` as listed in ``ParsedMail.attachments``, with its bytes."""
    message = _read(raw.data, [])
    body = _Body(defects=[])
    _walk(message, body, depth=0)
    for attachment, part in body.attachment_parts:
        yield attachment, _payload_bytes(part)


# --- reading -------------------------------------------------------------------------------


def _read(data: bytes, defects: list[str]) -> Message:
    """The message tree; headers only when the body nests too deep to parse."""
    try:
        return email.message_from_bytes(data)
    except RecursionError:
        return _headers_only(data, defects)
    except Exception as exc:  # noqa: BLE001 - the parser on hostile input
        log.warning("mail unreadable (%s: %s), reading headers only", type(exc).__name__, exc)
        defects.append("ParserFailure")
        return _headers_only(data, defects)


def _headers_only(data: bytes, defects: list[str]) -> Message:
    _add(defects, "NestingTooDeep")
    message = BytesHeaderParser().parsebytes(data)
    message.set_payload("")  # the body is what could not be parsed: do not try again
    return message


def _add(defects: list[str], name: str) -> None:
    if name not in defects:
        defects.append(name)


# --- headers -------------------------------------------------------------------------------


def _decode_headers(message: Message, defects: list[str]) -> tuple[tuple[str, str], ...]:
    hint = _charset_hint(message)
    decoded = []
    for index, (name, value) in enumerate(message.raw_items()):
        if index >= MAX_HEADERS:
            _add(defects, "TooManyHeaders")
            break
        text = decode_header_value(str(value)[:MAX_HEADER_CHARS], hint)
        decoded.append((name.strip().lower(), text))
    return tuple(decoded)


def _charset_hint(message: Message) -> str | None:
    """The body's charset: mailers that put raw 8-bit bytes in headers mostly use it there."""
    try:
        charsets = message.get_charsets()
    except (LookupError, UnicodeError, ValueError):
        return None
    counted = Counter(c for c in charsets if c and c not in ("us-ascii", "utf-8"))
    return counted.most_common(1)[0][0] if counted else None


_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")


def decode_header_value(value: str, hint: str | None = None) -> str:
    """Unfold a raw header value and decode RFC 2047 words and raw 8-bit bytes in it.

    Lenient where mailers are sloppy: encoded words with spaces inside, multi-byte
    characters split across words, unknown charsets (decoded as UTF-8 or Windows-1250).
    """
    value = _FOLD.sub("", _from_8bit(value, hint))
    out: list[str] = []
    run: list[tuple[str, bytes]] = []  # adjacent encoded words, decoded together
    position = 0
    for match in _ENCODED_WORD.finditer(value):
        between = value[position : match.start()]
        if between.strip() or not run:
            out.append(_decode_run(run))
            out.append(between)
            run = []
        charset = match.group(1).split("*")[0].lower()
        data = _word_bytes(match.group(2), match.group(3))
        if run and run[-1][0] == charset:
            run[-1] = (charset, run[-1][1] + data)
        else:
            run.append((charset, data))
        position = match.end()
    out.append(_decode_run(run))
    out.append(value[position:])
    # A header is one line: decoded CR/LF, NUL and other control characters become spaces,
    # so nothing a sender encodes can split a header we later copy into our own mail.
    return _CONTROL.sub(" ", "".join(out)).strip()


def _word_bytes(encoding: str, text: str) -> bytes:
    if encoding.lower() == "q":
        return binascii.a2b_qp(text.encode("ascii", "replace"), header=True)
    data = re.sub(r"[^A-Za-z0-9+/]", "", text)
    try:
        return base64.b64decode(data + "=" * (-len(data) % 4))
    except binascii.Error:
        return text.encode("ascii", "replace")


def _decode_run(run: list[tuple[str, bytes]]) -> str:
    return "".join(decode_bytes(data, charset)[0] for charset, data in run)


def _from_8bit(value: str, hint: str | None) -> str:
    """Undo the surrogate escapes the email package uses for raw 8-bit header bytes."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raw = value.encode("utf-8", "surrogateescape")
        return decode_bytes(raw, None, hint)[0]
    return value


def decode_bytes(data: bytes, charset: str | None, hint: str | None = None) -> tuple[str, bool]:
    """Decode ``data`` with ``charset``, falling back sensibly; True when a fallback was used.

    Fallbacks in order: UTF-8, the ``hint`` charset, Windows-1250 (this is a Polish shop),
    then the declared charset or UTF-8 with replacement characters.
    """
    declared = _text_codec(charset)
    if declared:
        try:
            return data.decode(declared), False
        except UnicodeDecodeError:
            pass
    fallbacks = ("utf-8", _text_codec(hint), "windows-1250")
    for fallback in filter(None, fallbacks):
        try:
            return data.decode(fallback), charset is not None
        except UnicodeDecodeError:
            continue
    return data.decode(declared or "utf-8", "replace"), True


_CHARSET_ALIASES = {"unicode-1-1-utf-7": "utf-7", "x-user-defined": "windows-1252"}


def _text_codec(charset: str | None) -> str | None:
    """The Python codec for a MIME charset name, or None when unknown or not a text codec."""
    if not charset:
        return None
    name = charset.strip().strip('"').lower()
    name = _CHARSET_ALIASES.get(name, name)
    for candidate in (name, re.sub(r"-[ie]$", "", name)):  # iso-8859-8-i is iso-8859-8
        try:
            info = codecs.lookup(candidate)
        except (LookupError, ValueError):
            continue
        # bytes-to-bytes codecs (base64, zlib ...) are no charsets
        return info.name if getattr(info, "_is_text_encoding", True) else None
    return None


def _msgid(value: str) -> str:
    match = _MSGID.search(value)
    if match:
        return match.group(0)
    bare = _BARE_MSGID.search(value)
    return f"<{bare.group(0)}>" if bare else ""


def _first_address(name: str, message: Message, defects: list[str]) -> tuple[str, str]:
    pairs = _addresses(name, message, defects)
    return pairs[0] if pairs else ("", "")


def _addresses(name: str, message: Message, defects: list[str]) -> list[tuple[str, str]]:
    """(display name, lower-cased address) pairs of an address header.

    mail-parser splits addresses before decoding names (so an encoded comma stays in the
    name) and copes with odd forms; for raw 8-bit headers, which it leaves escaped, the
    standard library parses the header decoded with the body's charset.
    """
    raws = [str(value) for key, value in message.raw_items() if key.lower() == name]
    if not raws:
        return []
    if not any(_has_8bit(value) for value in raws):
        first = next(value for key, value in message.items() if key.lower() == name)
        problems: list[dict[str, Any]] = []
        pairs = get_addresses(first, defects=problems, decode_names=True)
        if problems:
            _add(defects, "AddressHeaderDefect")
    else:
        hint = _charset_hint(message)
        pairs = getaddresses([_from_8bit(value, hint) for value in raws])
    out = []
    for display, address in pairs or []:
        display_name = decode_header_value(str(display)).strip().strip('"').strip()
        address = str(address).strip().lower()
        if "@" in address:
            # '"root@localhost" <root@localhost>' names nobody
            out.append(("" if display_name.lower() == address else display_name, address))
    return out or _last_angle_address(raws)


def _last_angle_address(raws: list[str]) -> list[tuple[str, str]]:
    """Last resort for a header the parsers gave up on (e.g. an encoded line break in the
    name): the ``<addr-spec>`` at its end, and what stands before it as the name."""
    for raw in raws:
        found = _ANGLE_ADDRESS.search(raw)
        if found:
            name = decode_header_value(raw[: found.start()]).strip().strip('"').strip()
            return [(name, found.group(1).lower())]
    return []


def _has_8bit(value: str) -> bool:
    return any("\udc80" <= char <= "\udcff" for char in value)


def _return_path(message: Message) -> str | None:
    value = message.get("return-path")
    if value is None:
        return None
    text = decode_header_value(str(value)).strip()
    inner = text[1:-1] if text.startswith("<") and text.endswith(">") else text
    return inner.strip().lower()


def _date(message: Message, defects: list[str]) -> datetime | None:
    value = message.get("date")
    if value is None:
        return None
    try:
        parsed = parsedate_to_datetime(decode_header_value(str(value)))
    except (TypeError, ValueError, IndexError, OverflowError):
        parsed = None
    if parsed is not None:
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return _lenient_date(message, defects)


def _lenient_date(message: Message, defects: list[str]) -> datetime | None:
    """mail-parser's lenient date, moved back from UTC to the sender's offset."""
    _add(defects, "UnparsableDate")
    raw = next((str(v) for k, v in message.raw_items() if k.lower() == "date"), None)
    result = parse_mail_date(raw)
    when = result.value
    if not isinstance(when, datetime):
        return None
    try:
        offset = timezone(timedelta(hours=float(result.timezone or 0)))
    except (TypeError, ValueError):
        offset = UTC
    utc = when if when.tzinfo else when.replace(tzinfo=UTC)
    return utc.astimezone(offset)


# --- body ----------------------------------------------------------------------------------


@dataclass
class _Body:
    """What the MIME walk collects; enclosed messages are collected in a child ``_Body``."""

    defects: list[str]
    plain: list[str] = field(default_factory=list)
    html: list[str] = field(default_factory=list)
    enclosed: list[str] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    attachment_parts: list[tuple[Attachment, Message]] = field(default_factory=list)
    parts_seen: int = 0

    def text(self) -> tuple[str, bool]:
        """The readable text and whether it came from HTML only."""
        plain = "\n\n".join(t for t in self.plain if t.strip())
        if plain.strip() or not self.html:
            return plain, False
        return "\n\n".join(html_to_text(h) for h in self.html), True


def _walk(part: Message, body: _Body, depth: int) -> None:
    body.parts_seen += 1
    if body.parts_seen > MAX_PARTS:
        _add(body.defects, "TooManyParts")
        return
    if depth > MAX_DEPTH:
        _add(body.defects, "NestingTooDeep")
        return
    for defect in getattr(part, "defects", []):
        _add(body.defects, type(defect).__name__)
    ctype = part.get_content_type()
    if ctype in ("message/rfc822", "message/global"):
        _enclosed_message(part, body, depth)
    elif ctype == "message/delivery-status":
        body.enclosed.append(_delivery_status(part))
    elif ctype == "text/rfc822-headers":
        body.enclosed.append(_header_block(part, body.defects))
        _attach(part, body, ctype)
    elif part.is_multipart() or part.get_content_maintype() == "multipart":
        _multipart(part, body, depth)
    elif ctype in ("text/plain", "text/html") and not _is_attachment(part):
        _text_part(part, body, ctype)
    else:
        if ctype in ("text/plain", "text/html") and part.get_content_disposition() == "inline":
            _text_part(part, body, ctype)  # named inline text is shown, and also a file
        _attach(part, body, ctype)


def _multipart(part: Message, body: _Body, depth: int) -> None:
    children = part.get_payload()
    if not isinstance(children, list):
        _recover_multipart(part, body, depth)
        return
    if part.get_content_subtype() != "alternative":
        for child in children:
            if isinstance(child, Message):
                _walk(child, body, depth + 1)
        return
    # Of the alternatives keep the plain text when it has content, else the HTML.
    variants = []
    for child in children:
        if isinstance(child, Message):
            sub = _Body(defects=body.defects, parts_seen=body.parts_seen)
            _walk(child, sub, depth + 1)
            body.parts_seen = sub.parts_seen
            variants.append(sub)
    with_plain = [v for v in variants if any(t.strip() for t in v.plain)]
    chosen = with_plain[0] if with_plain else next((v for v in variants if v.html), None)
    for variant in variants:
        if variant is chosen:
            body.plain.extend(variant.plain)
            body.html.extend(variant.html)
        body.enclosed.extend(variant.enclosed)
        body.attachments.extend(variant.attachments)
        body.attachment_parts.extend(variant.attachment_parts)


def _recover_multipart(part: Message, body: _Body, depth: int) -> None:
    """A multipart whose declared boundary never occurs: try the first ``--boundary`` line."""
    payload = part.get_payload()
    if not isinstance(payload, str) or not payload.strip():
        return
    _add(body.defects, "RecoveredMultipart")
    found = _BOUNDARY_LINE.search(payload[:MAX_HTML_CHARS])
    if found:
        header = f'Content-Type: multipart/mixed; boundary="{found.group(1)}"\n\n'
        try:
            rebuilt = email.message_from_string(header + payload)
        except RecursionError:
            _add(body.defects, "NestingTooDeep")
            return
        if isinstance(rebuilt.get_payload(), list):
            _walk(rebuilt, body, depth + 1)
            return
    text, _ = decode_bytes(payload.encode("utf-8", "surrogateescape"), part.get_content_charset())
    (body.html if "<html" in text[:2000].lower() else body.plain).append(text[:MAX_HTML_CHARS])


def _is_attachment(part: Message) -> bool:
    return part.get_content_disposition() == "attachment" or bool(part.get_filename())


def _text_part(part: Message, body: _Body, ctype: str) -> None:
    text = _part_text(part, body.defects)
    if ctype == "text/html":
        body.html.append(text[:MAX_HTML_CHARS])
    else:
        body.plain.append(text)


def _part_text(part: Message, defects: list[str]) -> str:
    text, fallback = decode_bytes(_payload_bytes(part), part.get_content_charset())
    for defect in part.defects:  # decoding adds its own (bad base64 characters, padding)
        _add(defects, type(defect).__name__)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if fallback:
        _add(defects, "CharsetDecodeDefect")
    if part.get_param("format", "", header="content-type") == "flowed":
        delsp = str(part.get_param("delsp", "no", header="content-type")).lower() == "yes"
        text = unflow(text, delsp)
    return text


def _payload_bytes(part: Message) -> bytes:
    try:
        payload = part.get_payload(decode=True)
    except (ValueError, LookupError, UnicodeError):
        payload = None
    if isinstance(payload, bytes):
        return payload
    raw = part.get_payload()
    if isinstance(raw, str):
        return raw.encode("utf-8", "surrogateescape")
    return b""


def _attach(part: Message, body: _Body, ctype: str) -> None:
    filename = decode_header_value(str(part.get_filename("") or ""))
    attachment = Attachment(filename=filename, content_type=ctype, size=_size(part))
    body.attachments.append(attachment)
    body.attachment_parts.append((attachment, part))


def _size(part: Message) -> int:
    if part.is_multipart():
        try:
            return len(part.as_bytes())
        except (LookupError, UnicodeError, ValueError):
            return 0
    return len(_payload_bytes(part))


def _enclosed_message(part: Message, body: _Body, depth: int) -> None:
    payload = part.get_payload()
    inner = payload[0] if isinstance(payload, list) and payload else None
    if isinstance(inner, Message):
        sub = _Body(defects=body.defects, parts_seen=body.parts_seen)
        _walk(inner, sub, depth + 1)
        body.parts_seen = sub.parts_seen
        lines = [
            f"{name.title()}: {decode_header_value(str(inner[name]))}"
            for name in _ENCLOSED_HEADERS
            if inner[name] is not None
        ]
        text, _ = sub.text()
        body.enclosed.append("\n".join(lines) + "\n\n" + text)
        body.enclosed.extend(sub.enclosed)
    if _is_attachment(part) or part.get_content_disposition() is None:
        _attach(part, body, part.get_content_type())


def _delivery_status(part: Message) -> str:
    payload = part.get_payload()
    blocks = payload if isinstance(payload, list) else []
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Message):
            lines.extend(f"{k}: {decode_header_value(str(v))}" for k, v in block.raw_items())
            lines.append("")
    if not lines and isinstance(payload, str):
        return payload
    return "\n".join(lines)


def _header_block(part: Message, defects: list[str]) -> str:
    text = _part_text(part, defects)
    headers = HeaderParser().parsestr(text, headersonly=True)
    return "\n".join(f"{k}: {decode_header_value(str(v))}" for k, v in headers.raw_items())


def unflow(text: str, delsp: bool = False) -> str:
    """Join the soft line breaks of ``format=flowed`` text (RFC 3676)."""
    out: list[str] = []
    carry, carry_prefix = "", ""
    for line in text.split("\n"):
        line = line.rstrip("\r")
        stripped = line.lstrip(">")
        prefix = line[: len(line) - len(stripped)]
        if stripped.startswith(" "):
            stripped = stripped[1:]
        if carry and prefix == carry_prefix:
            stripped = carry + stripped
        elif carry:
            out.append(carry_prefix + (" " if carry_prefix else "") + carry)
        carry = ""
        if stripped.endswith(" ") and stripped != "-- ":
            carry, carry_prefix = (stripped[:-1] if delsp else stripped), prefix
            continue
        out.append(prefix + (" " if prefix and stripped else "") + stripped)
        carry_prefix = prefix
    if carry:
        out.append(carry_prefix + (" " if carry_prefix else "") + carry)
    return "\n".join(out)


def html_to_text(html: str) -> str:
    """Readable text of an HTML body: entities decoded, blockquotes as ``>`` lines."""
    converter = html2text.HTML2Text()
    converter.body_width = 0
    converter.ignore_images = True
    converter.ignore_links = True
    converter.ignore_emphasis = True
    converter.unicode_snob = True
    text = converter.handle(html)
    # html2text writes Markdown; undo its escapes and table rules, keep only the words.
    for pattern, replacement in _HTML_ESCAPES:
        text = pattern.sub(replacement, text)
    text = _HTML_SEPARATOR_LINE.sub("", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


# --- assembly ------------------------------------------------------------------------------


def _assemble(
    raw: RawMail,
    message: Message,
    headers: tuple[tuple[str, str], ...],
    body: _Body,
    defects: list[str],
) -> ParsedMail:
    text, html_only = body.text()
    if len(text) > MAX_TEXT_CHARS:
        text = text[:MAX_TEXT_CHARS]
        _add(defects, "TextTruncated")
    enclosed = "\n\n".join(e for e in body.enclosed if e.strip())[:MAX_TEXT_CHARS]
    reply_text, quoted_text = split_reply(text)
    sender_name, sender = _first_address("from", message, defects)
    if not sender:
        sender_name, sender = _first_address("sender", message, defects)
        _add(defects, "MissingFrom")
    message_id = _msgid(decode_header_value(str(message.get("message-id", ""))))
    if not message_id:
        message_id = f"<{hashlib.sha256(raw.data).hexdigest()}@missing.invalid>"
        _add(defects, "MissingMessageId")
    references = _MSGID.findall(decode_header_value(str(message.get("references", ""))))
    return ParsedMail(
        message_id=message_id,
        subject=next((v for k, v in headers if k == "subject"), ""),
        sender=sender,
        sender_name=sender_name,
        to=tuple(a for _, a in _addresses("to", message, defects)),
        cc=tuple(a for _, a in _addresses("cc", message, defects)),
        reply_to=_first_address("reply-to", message, defects)[1],
        return_path=_return_path(message),
        date=_date(message, defects),
        in_reply_to=_msgid(decode_header_value(str(message.get("in-reply-to", "")))),
        references=tuple(references[:MAX_REFERENCES]),
        headers=headers,
        content_type=message.get_content_type(),
        text=text,
        reply_text=reply_text,
        quoted_text=quoted_text,
        enclosed_text=enclosed,
        html_only=html_only,
        attachments=tuple(body.attachments),
        size=len(raw.data),
        defects=tuple(defects),
    )
