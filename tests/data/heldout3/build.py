#!/usr/bin/env python3
"""Build held-out test set 3a for the Sklep Domowy complaint-mailbox triage.

Writes 70 RFC 5322 .eml files (NNN-slug.eml) and labels.jsonl into the
directory of this script.  Standard library only, deterministic: running the
script twice gives byte-identical files.  Dates: 13 January - 28 February 2027.

    python build.py

The helper section (MIME structure, header encoding, client-specific headers)
follows the development corpus's build.py; the messages are new.
"""
import base64
import datetime as _dt
import hashlib
import html
import json
import os
import re
import struct
import zlib
from email import policy, utils
from email.headerregistry import Address
from email.message import EmailMessage, MIMEPart
from email.parser import BytesParser, Parser

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = HERE

SHOP = "reklamacje@sklep.example"
WIRE = policy.SMTP  # RFC 5322 line endings (CRLF) on output

KINDS = {"complaint", "status_query", "rating", "auto_reply", "bounce", "bulk"}
CATEGORIES = {"damaged", "defective", "wrong_item", "missing_item", "not_delivered",
              "return", "refund", "billing", "other"}
RESOLUTIONS = {"refund", "replacement", "repair", "discount"}

# ---------------------------------------------------------------------------
# registry

MAILS = []


def mail(slug, *, kind, language, orders, category, resolution, name,
         rating=None, notes):
    """Register one message builder together with its label."""
    def deco(fn):
        MAILS.append({
            "slug": slug,
            "build": fn,
            "label": {
                "kind": kind,
                "language": language,
                "order_numbers": list(orders),
                "category": category,
                "resolution": resolution,
                "customer_name": name,
                "rating": rating,
                "notes": notes,
            },
        })
        return fn
    return deco


# ---------------------------------------------------------------------------
# deterministic pseudo-random material

def _hex(seed, n=32):
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:n]


def _bytes(seed, n):
    return hashlib.shake_256(seed.encode("utf-8")).digest(n)


def _pick(seed, seq):
    return seq[int(_hex(seed, 8), 16) % len(seq)]


def when(s):
    """'2026-11-04 07:52:10 +0100' -> aware datetime."""
    return _dt.datetime.strptime(s, "%Y-%m-%d %H:%M:%S %z")


def message_id(style, seed, domain):
    h = _hex(seed, 64)
    if style == "gmail":
        alphabet = ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                    "0123456789+_=-")
        raw = _bytes(seed, 40)
        return "<CA" + "".join(alphabet[b % len(alphabet)] for b in raw) + "@mail.gmail.example>"
    if style == "o365":
        pfx = _pick(seed, ["AM9PR03MB", "DB8PR07MB", "PAXPR02MB", "VI1PR04MB", "DU2PR08MB"])
        num = str(int(h[:6], 16))[:4]
        host = f"{pfx}{num}.eurprd0{int(h[6], 16) % 8 + 1}.prod.outlook.example"
        return f"<{pfx}{num}{h[8:30].upper()}@{host}>"
    if style == "outlook":  # classic Outlook talking SMTP directly
        return f"<00{h[:4]}01db{h[4:8]}${h[8:16]}${h[16:24]}$@{domain}>"
    if style == "apple":
        u = h[:32].upper()
        return f"<{u[:8]}-{u[8:12]}-{u[12:16]}-{u[16:20]}-{u[20:32]}@{domain}>"
    if style == "thunderbird":
        return f"<{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}@{domain}>"
    if style == "web":
        return f"<{h[:10]}.{int(h[10:20], 16)}.{h[20:26]}@{domain}>"
    if style == "mta":
        return f"<{int(h[:8], 16)}.{h[8:14]}@{domain}>"
    raise ValueError(style)


CLIENTS = {
    # name: (message-id style, header charset, header encoding, extra headers)
    "gmail": ("gmail", "UTF-8", "B", []),
    "o365": ("o365", "utf-8", "B", [("Accept-Language", "pl-PL, en-US"),
                                   ("Content-Language", "pl-PL")]),
    "o365en": ("o365", "utf-8", "B", [("Accept-Language", "en-GB, en-US"),
                                     ("Content-Language", "en-GB")]),
    "outlook": ("outlook", "iso-8859-2", "Q", [("X-Mailer", "Microsoft Outlook 16.0"),
                                              ("Content-Language", "pl")]),
    "outlook1250": ("outlook", "windows-1250", "Q", [("X-Mailer", "Microsoft Outlook 16.0"),
                                                    ("Content-Language", "pl")]),
    "iphone": ("apple", "utf-8", "Q", [("X-Mailer", "iPhone Mail (22B91)")]),
    "applemail": ("apple", "utf-8", "Q", [("X-Mailer", "Apple Mail (2.3826.200.121)")]),
    "thunderbird": ("thunderbird", "UTF-8", "Q", [("User-Agent", "Mozilla Thunderbird"),
                                                 ("Content-Language", "pl")]),
    "thunderbird2": ("thunderbird", "ISO-8859-2", "Q", [("User-Agent", "Mozilla Thunderbird"),
                                                       ("Content-Language", "pl")]),
    "web": ("web", "UTF-8", "Q", []),
    "web2": ("web", "ISO-8859-2", "Q", []),
    "python": ("mta", None, None, []),
    "postfix": ("mta", None, None, []),
}

OUTBOUND = {
    "gmail.example": "mail-sor-f{n}.google.example",
    "googlemail.example": "mail-sor-f{n}.google.example",
    "outlook.example": "EUR0{m}-DB8-obe.outbound.protection.outlook.example",
    "hotmail.example": "EUR0{m}-AM6-obe.outbound.protection.outlook.example",
    "wp.example": "smtpo{n}.poczta.wp.example",
    "o2.example": "smtpo{n}.poczta.o2.example",
    "onet.example": "smtp{n}.poczta.onet.example",
    "op.example": "smtp{n}.poczta.onet.example",
    "interia.example": "smtp{n}.poczta.interia.example",
    "icloud.example": "st{n}p00im-qukt0{m}.me.example",
    "me.example": "st{n}p00im-qukt0{m}.me.example",
}


# ---------------------------------------------------------------------------
# RFC 2047 header encoding (so that we control charset and Q/B like real clients)

_QSAFE = set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!*+-/")


def _ew(s, charset, enc):
    b = s.encode(charset)
    if enc.upper() == "B":
        payload = base64.b64encode(b).decode("ascii")
    else:
        payload = "".join(chr(c) if c in _QSAFE else ("_" if c == 32 else "=%02X" % c)
                          for c in b)
    return f"=?{charset}?{enc}?{payload}?="


def encoded_words(text, charset, enc, limit=66):
    """Split text into encoded-words short enough to follow 'Subject: ' on one line."""
    out, cur = [], ""
    for ch in text:
        if cur and len(_ew(cur + ch, charset, enc)) > limit:
            out.append(_ew(cur, charset, enc))
            cur = ch
        else:
            cur += ch
    if cur:
        out.append(_ew(cur, charset, enc))
    return out


def _ascii(s):
    return all(ord(c) < 128 for c in s)


def header_tokens(text, charset, enc, mode="whole"):
    """Tokens to be joined by folding whitespace.

    mode 'whole' encodes the complete text if it has any non-ASCII character,
    mode 'words' encodes only runs of words that need it (Thunderbird style).
    """
    if _ascii(text):
        return text.split(" ")
    if mode == "whole":
        return encoded_words(text, charset, enc)
    parts = text.split(" ")
    tokens, i = [], 0
    while i < len(parts):
        if _ascii(parts[i]):
            tokens.append(parts[i])
            i += 1
            continue
        j = i
        while j + 1 < len(parts) and not _ascii(parts[j + 1]):
            j += 1
        tokens.extend(encoded_words(" ".join(parts[i:j + 1]), charset, enc))
        i = j + 1
    return tokens


def fold(name, tokens, maxlen=78):
    lines, cur = [], name + ":"
    for t in tokens:
        if cur != name + ":" and len(cur) + 1 + len(t) > maxlen:
            lines.append(cur)
            cur = " " + t
        else:
            cur += " " + t
    lines.append(cur)
    return "\r\n".join(lines)[len(name) + 2:]


def raw_address(display, addr, charset, enc):
    if not display:
        return addr
    if _ascii(display):
        if re.search(r"[,.;:()\"<>@\[\]]", display):
            return '"' + display.replace('"', '\\"') + '" <' + addr + ">"
        return f"{display} <{addr}>"
    return encoded_words(display, charset, enc) + [f"<{addr}>"]


# ---------------------------------------------------------------------------
# message construction

def _set_addr_header(m, name, value, charset, enc):
    """value: 'a@b', ('Name', 'a@b') or a list of those."""
    items = value if isinstance(value, list) else [value]
    if charset is None:
        addrs = []
        for it in items:
            if isinstance(it, tuple):
                user, dom = it[1].split("@")
                addrs.append(Address(it[0], user, dom))
            else:
                user, dom = it.split("@")
                addrs.append(Address("", user, dom))
        m[name] = addrs
        return
    tokens = []
    for k, it in enumerate(items):
        if isinstance(it, tuple):
            t = raw_address(it[0], it[1], charset, enc)
            t = t if isinstance(t, list) else t.split(" ")
        else:
            t = [it]
        if k < len(items) - 1:
            t[-1] += ","
        tokens.extend(t)
    m.set_raw(name, fold(name, tokens))


def new(sender, subject, date, *, to=SHOP, cc=None, client="gmail", hdr=None,
        mode="whole", in_reply_to=None, references=None, return_path=None,
        received=True, extra=(), mid=None, from_raw=None, lang=None):
    """Create a message with realistic top-level headers (no body yet).

    sender: 'addr' or ('Display Name', 'addr'); from_raw overrides the From value
    verbatim; received may be a raw Received value; lang overrides the client's
    Content-Language."""
    style, cs, enc, client_extra = CLIENTS[client]
    if hdr is not None:
        cs, enc = hdr
    addr = sender[1] if isinstance(sender, tuple) else sender
    domain = addr.split("@")[1]
    d = when(date)
    seed = f"{addr}|{date}|{subject}"
    m = EmailMessage(policy=policy.default)
    m.set_raw("Return-Path", f"<{addr}>" if return_path is None else return_path)
    if isinstance(received, str):
        m.set_raw("Received", received)
    elif received:
        n = int(_hex(seed + "n", 4), 16)
        helo = OUTBOUND.get(domain, "mail." + domain).format(n=n % 90 + 10, m=n % 7 + 1)
        ip = f"{_pick(seed + 'net', ['192.0.2', '198.51.100', '203.0.113'])}.{n % 250 + 3}"
        qid = _hex(seed + "q", 11).upper()
        rd = (d + _dt.timedelta(seconds=n % 37 + 2)).astimezone(
            _dt.timezone(_dt.timedelta(hours=1)))
        m.set_raw("Received", f"from {helo}\r\n\t({helo} [{ip}])\r\n"
                              f"\tby mx1.sklep.example (Postfix) with ESMTPS id 4{qid}\r\n"
                              f"\tfor <{SHOP}>; {utils.format_datetime(rd)} (CET)")
    if from_raw:
        m.set_raw("From", from_raw)
    else:
        _set_addr_header(m, "From", sender, cs, enc)
    _set_addr_header(m, "To", to, cs, enc)
    if cc:
        _set_addr_header(m, "Cc", cc, cs, enc)
    m.set_raw("Subject", fold("Subject", header_tokens(subject, cs or "utf-8", enc or "Q", mode))
              if subject else "")
    m.set_raw("Date", rfc_date(d, pad=(client == "python")))
    m.set_raw("Message-ID", mid or message_id(style, seed, domain))
    m.client = client
    if in_reply_to:
        m.set_raw("In-Reply-To", in_reply_to)
        m.set_raw("References", references or in_reply_to)
    if client.startswith("outlook") or client.startswith("o365"):
        m.set_raw("Thread-Index", base64.b64encode(_bytes(seed + "ti", 22)).decode())
    for k, v in client_extra:
        if lang and k == "Content-Language":
            v = lang
        m.set_raw(k, v)
    for k, v in extra:
        m.set_raw(k, v)
    return m


def rfc_date(d, pad=False):
    s = utils.format_datetime(d)
    return s if pad else re.sub(r"^(\w{3}, )0", r"\1", s)


BOUNDARY = {
    "gmail": lambda h: "0000000000" + h[:18],
    "o365": lambda h: "_000_" + h[:20].upper() + "_",
    "o365en": lambda h: "_000_" + h[:20].upper() + "_",
    "outlook": lambda h: "----=_NextPart_000_00%s_01DB%s.%s" % (h[:2].upper(), h[2:6].upper(), h[6:14].upper()),
    "outlook1250": lambda h: "----=_NextPart_000_00%s_01DB%s.%s" % (h[:2].upper(), h[2:6].upper(), h[6:14].upper()),
    "iphone": lambda h: "Apple-Mail-" + "-".join([h[:8], h[8:12], h[12:16], h[16:20], h[20:32]]).upper(),
    "applemail": lambda h: "Apple-Mail=_" + "-".join([h[:8], h[8:12], h[12:16], h[16:20], h[20:32]]).upper(),
    "thunderbird": lambda h: "------------" + base64.b64encode(bytes.fromhex(h[:36])).decode().replace("+", "0").replace("/", "1")[:24],
    "web": lambda h: "----=_Part_" + str(int(h[:6], 16)) + "_" + str(int(h[6:14], 16)) + "." + str(int(h[14:24], 16)),
    "python": lambda h: "===============" + str(int(h[:16], 16))[:19] + "==",
}
BOUNDARY["postfix"] = lambda h: "%s.%d/mx1.sklep.example" % (h[:11].upper(), int(h[11:19], 16))
BOUNDARY["thunderbird2"] = BOUNDARY["thunderbird"]
BOUNDARY["web2"] = BOUNDARY["web"]


def finalize(m, seed):
    """Deterministic multipart boundaries in the style of the sending client;
    MIME-Version only at the top level (and of enclosed messages)."""
    style = getattr(m, "client", "python")
    todo = [(m, True)]
    k = 0
    while todo:
        part, top = todo.pop(0)
        if not top:
            del part["MIME-Version"]
        if part.get_content_maintype() == "multipart":
            part.set_boundary(BOUNDARY[style](_hex(f"{seed}|{k}", 40)))
            k += 1
            for sub in part.get_payload():
                todo.append((sub, False))
        elif part.get_content_type() == "message/rfc822":
            inner = part.get_payload()[0]
            todo.append((inner, True))
    return m


def plain(m, text, charset="utf-8", cte="quoted-printable", flowed=False):
    if flowed:
        text = flow(text)
    m.set_content(text, charset=charset, cte=cte)
    if flowed:
        m.set_param("format", "flowed")
    return m


def alternative(m, text, html_text, charset="utf-8", cte="quoted-printable",
                html_charset=None, html_cte=None):
    m.set_content(text, charset=charset, cte=cte)
    m.add_alternative(html_text, subtype="html", charset=html_charset or charset,
                      cte=html_cte or cte)
    return m


def html_only(m, html_text, charset="utf-8", cte="quoted-printable"):
    m.set_content(html_text, subtype="html", charset=charset, cte=cte)
    return m


def attach(m, data, mimetype, filename, inline=False):
    maintype, subtype = mimetype.split("/")
    m.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename,
                     disposition="inline" if inline else "attachment")
    return m


def quote(text, prefix=">"):
    """'>' quoting as mail clients do it."""
    return "\n".join(prefix + (" " + line if line and not line.startswith(">") else line)
                     for line in text.split("\n"))


def flow(text, width=72):
    """format=flowed (RFC 3676) soft wrapping; quoted lines keep their prefix."""
    out = []
    for line in text.split("\n"):
        mq = re.match(r"^(>+ ?)", line)
        prefix = mq.group(1) if mq else ""
        body = line[len(prefix):]
        if line == "-- " or len(line) <= width:
            out.append(line.rstrip(" ") if line != "-- " else line)
            continue
        words, cur = body.split(" "), ""
        for w in words:
            if cur and len(prefix) + len(cur) + len(w) + 1 > width:
                out.append(prefix + cur + " ")
                cur = w
            else:
                cur = (cur + " " + w) if cur else w
        out.append(prefix + cur)
    return "\n".join(out)


# ---------------------------------------------------------------------------
# HTML as the common clients produce it

def _esc(s):
    return html.escape(s, quote=False)


def entities(s):
    """Numeric character references for everything non-ASCII (some webmails)."""
    return "".join(c if ord(c) < 128 else f"&#{ord(c)};" for c in s)


def gmail_html(body, attribution=None, quoted_html=None):
    parts = []
    for line in body.split("\n"):
        parts.append(f"<div>{_esc(line)}</div>" if line else "<div><br></div>")
    out = '<div dir="ltr">' + "".join(parts) + "</div>"
    if attribution:
        out += ('<br><div class="gmail_quote gmail_quote_container"><div dir="ltr" '
                f'class="gmail_attr">{_esc(attribution)}<br></div><blockquote '
                'class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px '
                f'solid rgb(204,204,204);padding-left:1ex">{quoted_html}</blockquote></div>')
    return out + "\n"


def lines_html(text):
    return "<br>\n".join(_esc(line) for line in text.split("\n"))


OUTLOOK_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset={charset}">
<meta name=Generator content="Microsoft Word 15 (filtered medium)">
<style><!--
/* Font Definitions */
@font-face
	{{font-family:"Cambria Math";
	panose-1:2 4 5 3 5 4 6 3 2 4;}}
@font-face
	{{font-family:Aptos;}}
/* Style Definitions */
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{margin:0cm;
	font-size:12.0pt;
	font-family:"Aptos",sans-serif;
	mso-ligatures:standardcontextual;
	mso-fareast-language:EN-US;}}
span.StylWiadomociEmail17
	{{mso-style-type:personal-compose;
	font-family:"Aptos",sans-serif;
	color:windowtext;}}
.MsoChpDefault
	{{mso-style-type:export-only;
	font-size:10.0pt;}}
@page WordSection1
	{{size:612.0pt 792.0pt;
	margin:70.85pt 70.85pt 70.85pt 70.85pt;}}
div.WordSection1
	{{page:WordSection1;}}
--></style>
</head>
<body lang={lang} link="#467886" vlink="#96607D" style='word-wrap:break-word'>
<div class=WordSection1>
"""


def outlook_html(body, charset="windows-1250", lang="PL", header_block=None, quoted=None):
    out = [OUTLOOK_HEAD.format(charset=charset, lang=lang)]
    for line in body.split("\n"):
        if line:
            out.append(f"<p class=MsoNormal>{_esc(line)}<o:p></o:p></p>\n")
        else:
            out.append("<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n")
    if header_block:
        out.append("<div><div style='border:none;border-top:solid #E1E1E1 1.0pt;"
                   "padding:3.0pt 0cm 0cm 0cm'>\n<p class=MsoNormal>")
        rows = []
        for line in header_block.split("\n"):
            k, _, v = line.partition(":")
            rows.append(f"<b>{_esc(k)}:</b>{_esc(v)}")
        out.append("<br>\n".join(rows) + "<o:p></o:p></p>\n</div></div>\n"
                   "<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n")
    if quoted:
        for line in quoted.split("\n"):
            out.append(f"<p class=MsoNormal>{_esc(line) if line else '<o:p>&nbsp;</o:p>'}"
                       "<o:p></o:p></p>\n")
    out.append("</div>\n</body>\n</html>\n")
    return "".join(out)


def apple_html(body, attribution=None, quoted=None):
    out = ('<html><head><meta http-equiv="content-type" content="text/html; '
           'charset=utf-8"></head><body dir="auto"><div dir="ltr">')
    out += "<br>".join(_esc(line) for line in body.split("\n"))
    out += "</div>"
    if attribution:
        out += ('<div dir="ltr"><br><blockquote type="cite">' + _esc(attribution) +
                "<br><br>" + "<br>".join(_esc(x) for x in quoted.split("\n")) +
                "</blockquote></div>")
    return out + "</body></html>\n"


def thunderbird_html(paragraphs_html, cite=None, cite_html=None, mid=None):
    out = ('<!DOCTYPE html>\n<html>\n  <head>\n    <meta http-equiv="Content-Type" '
           'content="text/html; charset=UTF-8">\n  </head>\n  <body>\n')
    out += paragraphs_html
    if cite:
        out += (f'    <div class="moz-cite-prefix">{_esc(cite)}<br>\n    </div>\n'
                f'    <blockquote type="cite" cite="mid:{mid or ""}">\n{cite_html}\n'
                '    </blockquote>\n')
    return out + "  </body>\n</html>\n"


# ---------------------------------------------------------------------------
# small fake attachments

def fake_jpeg(seed, size=3000):
    body = _bytes("jpeg" + seed, size).replace(b"\xff", b"\xfe")
    exif = b"Exif\x00\x00MM\x00*" + _bytes("exif" + seed, 40)
    return (b"\xff\xd8\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif +
            b"\xff\xdb\x00\x43\x00" + _bytes("dqt" + seed, 64).replace(b"\xff", b"\xfe") +
            b"\xff\xc0\x00\x11\x08\x0b\xd0\x0f\xc0\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01"
            b"\xff\xda\x00\x0c\x03\x01\x00\x02\x11\x03\x11\x00\x3f\x00" + body + b"\xff\xd9")


def png(seed, w=96, h=64):
    r = _bytes("png" + seed, 3)
    rows = b"".join(b"\x00" + bytes(((x * r[0] + y * r[1] + r[2]) // 7) % 256
                                    for x in range(w * 3)) for y in range(h))

    def chunk(t, data):
        return (struct.pack(">I", len(data)) + t + data +
                struct.pack(">I", zlib.crc32(t + data) & 0xFFFFFFFF))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def pdf(lines):
    """A tiny but valid one-page PDF (Helvetica, ASCII text only)."""
    def esc(s):
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    content = "BT /F1 11 Tf 56 780 Td 15 TL " + " ".join(f"({esc(x)}) '" for x in lines) + " ET"
    objs = ["<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            f"<< /Length {len(content)} >>\nstream\n{content}\nendstream"]
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{o}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return out


# ---------------------------------------------------------------------------
# machine-generated reports

def report(m, human_text, status_fields, original=None, original_headers=None,
           human_html=None, charset="utf-8", cte="quoted-printable"):
    """Turn m into multipart/report; report-type=delivery-status (RFC 3464)."""
    boundary = "=_" + _hex(str(m["Message-ID"]) + "b", 24)
    m["MIME-Version"] = "1.0"
    m["Content-Type"] = f'multipart/report; report-type=delivery-status; boundary="{boundary}"'
    m.set_payload([])
    human = MIMEPart(policy=policy.default)
    if human_html:
        human.set_content(human_text, charset=charset, cte=cte)
        human.add_alternative(human_html, subtype="html", charset=charset, cte=cte)
    else:
        human.set_content(human_text, charset=charset, cte=cte)
        human["Content-Description"] = "Notification"
    m.attach(human)
    status = Parser(policy=policy.default).parsestr(
        "Content-Description: Delivery report\n"
        "Content-Type: message/delivery-status\n\n" + status_fields.strip("\n") + "\n")
    m.attach(status)
    if original is not None:
        part = MIMEPart(policy=policy.default)
        part.set_content(original)
        part["Content-Description"] = "Undelivered Message"
        m.attach(part)
    elif original_headers is not None:
        part = MIMEPart(policy=policy.default)
        part.set_content(original_headers, subtype="rfc822-headers", charset="us-ascii",
                         cte="7bit")
        part["Content-Description"] = "Undelivered Message Headers"
        m.attach(part)
    return m


def shop_message(sender, to, subject, date, body, *, charset="utf-8",
                 cte="quoted-printable", html_body=None):
    """An outgoing message of the shop, used as the enclosed original in reports
    and forwards."""
    m = EmailMessage(policy=policy.default)
    if isinstance(sender, tuple):
        m["From"] = Address(sender[0], *sender[1].split("@"))
    else:
        m["From"] = sender
    m["To"] = to
    m["Subject"] = subject
    m["Date"] = utils.format_datetime(when(date))
    m.set_raw("Message-ID", message_id("mta", f"{to}|{date}|{subject}", "sklep.example"))
    if html_body:
        alternative(m, body, html_body, charset=charset, cte=cte)
    else:
        plain(m, body, charset=charset, cte=cte)
    return m



# ===========================================================================
# THE MESSAGES
# ===========================================================================

# ---------------------------------------------------------------- damaged

@mail("kieliszki-dwa-pekniete", kind="complaint", language="pl", orders=["604218"],
      category="damaged", resolution="replacement", name="Kinga Wójcik",
      notes="no diacritics in the body (display name has them); 'Zam. nr' on its own line; "
            "asks to send the 2 broken glasses only (replacement, not refund); signed with "
            "first name only, full name from From")
def _():
    m = new(("Kinga Wójcik", "kinga.wojcik.kw@gmail.example"), "pekniete kieliszki",
            "2027-01-13 08:14:37 +0100")
    body = """Dzien dobry

wczoraj przyszla paczka z kieliszkami do wina (komplet 6 szt, te z cienkiego szkla) i niestety 2 sa pekniete. Jeden ma odlamana nozke, drugi ma pekniecie przez cala czasze. Karton z zewnatrz wygladal ok, ale w srodku byla tylko jedna warstwa folii babelkowej wiec sie nie dziwie ze nie przezyly.

Zam. nr 604218

Czy mozecie doslac te 2 sztuki? Nie chce odsylac calego kompletu bo reszta jest cala, a potrzebuje ich na sobote na urodziny meza.

Kinga

Wyslane z telefonu"""
    alternative(m, body + "\n", gmail_html(body))
    return m


@mail("desk-lamp-boot-print", kind="complaint", language="en", orders=["731540"],
      category="damaged", resolution="refund", name="Priya Raman",
      notes="English; 'Order #' in brackets mid-sentence; prefers money back over a new "
            "lamp; Polish postal address with postal code in the signature; photo attached")
def _():
    m = new(("Priya Raman", "priya.raman@icloud.example"), "Lamp arrived broken",
            "2027-01-15 20:31:12 +0100", client="applemail")
    body = """Hi there,

My desk lamp (the black architect-style one with the clamp, Order #731540) arrived this afternoon and it's in a sorry state. The box had a big dent in one corner and what looks like a boot print on top. Inside, the arm is bent at the middle joint and the glass diffuser is in pieces. I didn't plug it in as there are shards all over the base.

To be honest I'd rather just have my money back than wait for another one - I'll pick something up locally. Photo attached. Let me know whether you want it returned or if I should simply dispose of it.

Cheers,
Priya Raman
Flat 4, ul. Długa 21
80-827 Gdańsk"""
    alternative(m, body + "\n", apple_html(body))
    attach(m, fake_jpeg("priya-lamp", 4100), "image/jpeg", "IMG_0912.jpeg")
    return m


@mail("lustro-pekniete-u-sasiadki", kind="complaint", language="pl", orders=["587302"],
      category="damaged", resolution="replacement", name="Renata Kubiak",
      notes="HTML only, iso-8859-2 quoted-printable; 'ZAM-' inside <b>; DPD parcel number "
            "and mobile phone are distractors; courier left the parcel with a neighbour")
def _():
    m = new(("Renata Kubiak", "renata.kubiak@interia.example"), "Reklamacja - pęknięte lustro",
            "2027-01-19 11:02:48 +0100", client="web2")
    html_only(m, """<div style="font-family: Arial, sans-serif; font-size: 10pt;">
<p>Dzień dobry,</p>
<p>w poniedziałek kurier zostawił u sąsiadki paczkę z lustrem w drewnianej ramie 60x90 (zamówienie <b>ZAM-587302</b>). Sąsiadka mówi, że rzucił karton na wycieraczkę i od razu odjechał. Po rozpakowaniu okazało się, że szkło jest pęknięte w pajęczynę od dolnego rogu, a rama jest obtłuczona w dwóch miejscach.</p>
<p>Numer przesyłki DPD: 0000412093877U</p>
<p>Proszę o wysłanie nowego lustra, tym razem porządnie zabezpieczonego. Zdjęcia mogę przesłać, jeśli będą potrzebne.</p>
<p>Pozdrawiam<br>
Renata Kubiak<br>
tel. 693 140 872</p>
</div>
""", charset="iso-8859-2")
    return m


@mail("ekspres-przelewowy-wgnieciony-rabat", kind="complaint", language="pl",
      orders=["612077"], category="damaged", resolution="discount", name="Marek Zielinski",
      notes="no diacritics, Outlook windows-1250 declared; 'nr.' with a dot; item works, "
            "customer wants a price reduction and only falls back to sending it back; "
            "name kept as signed without diacritics")
def _():
    m = new(("Marek Zielinski", "m.zielinski@firma-remonty.example"),
            "zamowienie nr. 612077 - wgnieciony ekspres", "2027-01-26 09:47:03 +0100",
            client="outlook1250")
    body = """Witam,

dotyczy zamowienia nr. 612077 - ekspres przelewowy z dzbankiem termicznym.
Przyszedl w piatek, obudowa z tylu wgnieciona, a dzbanek porysowany na calej dlugosci. Karton tez byl wgnieciony dokladnie w tym samym miejscu, wiec to ewidentnie transport.

Ekspres dziala normalnie, kawe robi, nie chce mi sie bawic w pakowanie i odsylanie. Zaproponujcie jakis rabat / obnizke ceny za te wgniecenia i zamykamy temat. Jak nie, to trudno, bede odsylal.

Pozdrawiam
Marek Zielinski
tel. 501 377 260"""
    alternative(m, body + "\n", outlook_html(body), charset="windows-1250")
    return m


@mail("dzbanek-karton-caly-ucho-odlamane", kind="complaint", language="pl",
      orders=["655913"], category="damaged", resolution="refund", name="Jadwiga Nowicka",
      notes="negation trap: the box was NOT damaged, yet the item arrived broken (damaged, "
            "not defective); '#' form in the subject only; rejects a second item, wants money; "
            "price; Thunderbird format=flowed 8bit")
def _():
    m = new(("Jadwiga Nowicka", "jadwiga.nowicka@o2.example"), "Reklamacja #655913",
            "2027-02-01 18:05:21 +0100", client="thunderbird")
    plain(m, """Dzień dobry,

zamówiłam u Państwa dzbanek ceramiczny z pokrywką (1,2 l, kolor szałwiowy). Paczka przyszła w piątek. Od razu powiem, że karton był w idealnym stanie, bez jednego wgniecenia, taśma nienaruszona – a mimo to w środku dzbanek miał odłamane ucho, które leżało obok w folii. Nie wiem, czy to się stało u Państwa w magazynie, czy już tak został zapakowany, w każdym razie przyszedł rozbity.

Szczerze mówiąc straciłam do niego serce, to miał być prezent dla siostry. Drugiego nie chcę, proszę o zwrot pieniędzy (89,99 zł) na konto, z którego płaciłam.

Z poważaniem
Jadwiga Nowicka
""", cte="8bit", flowed=True)
    return m


@mail("hulajnoga-porysowana-odp-na-wysylke", kind="complaint", language="pl",
      orders=["668420"], category="damaged", resolution="replacement", name="Paweł Dudek",
      notes="top-posted reply above the shop's shipping notice; own text without diacritics "
            "and without the order number, which is only in the quote; paczkomat pickup code "
            "'550 341' (ddd ddd) and a 24-digit InPost number are distractors; signed "
            "'Pawel', full name from From")
def _():
    m = new(("Paweł Dudek", "pawel.dudek84@gmail.example"), "Re: Twoja paczka jest w drodze",
            "2027-02-09 17:40:55 +0100", in_reply_to="<2719043356.8c1d7e@sklep.example>")
    body = """Dzien dobry, hulajnoga przyszla dzis i jest porysowana na calym podescie, a kierownica krzywo osadzona, jakby ktos na nia stanal. Karton rozdarty z boku. Odbieralem z paczkomatu, kod odbioru byl 550 341 jakby co.

Syn ma urodziny w czwartek, wiec prosze o szybka wymiane na nowa.

Pawel"""
    attribution = ("W dniu pon., 8 lut 2027 o 10:12 Sklep Domowy <zamowienia@sklep.example> "
                   "napisał(a):")
    quoted = """Dzień dobry,

Zamówienie nr 668420 zostało przekazane do wysyłki.
Numer przesyłki InPost: 630018274659102837465019
Paczkomat: KRA08N, ul. Zakopiańska 105

1 x Hulajnoga dziecięca 3-kołowa, niebieska (SKU: HUL-KIDS-145-BL) – 189,00 zł

Dziękujemy za zakupy!
Zespół Sklepu Domowego"""
    text = body + "\n\n" + attribution + "\n\n" + quote(quoted) + "\n"
    alternative(m, text, gmail_html(body, attribution, lines_html(quoted)))
    return m


@mail("aquarium-cracked-panel", kind="complaint", language="en", orders=["694105"],
      category="damaged", resolution=None, name="Tomás Ferreira",
      notes="English text/plain in base64; 'order number' in brackets; asks what his "
            "options are without choosing a remedy; Portuguese phone number with 3-digit "
            "groups; '40 litre'")
def _():
    m = new(("Tomás Ferreira", "tomas.ferreira@outlook.example"), "Cracked aquarium",
            "2027-02-17 13:22:09 +0100", client="o365en")
    plain(m, """Hello,

I received my order today (order number 694105), the 40 litre glass aquarium set. Unfortunately the front panel is cracked from the bottom left corner almost up to the top, and the silicone seam has come loose on that side. The courier box had a hole punched through it right at that corner. Obviously I can't fill it with water like this.

What are my options here? I'm not sure whether I should send it back straight away or wait for you to contact the courier first. I have photos on my phone if you need them.

Kind regards,
Tomás Ferreira
+351 912 345 678
""", cte="base64")
    return m


# ---------------------------------------------------------------- defective

@mail("wyciskarka-slimak-sie-nie-kreci", kind="complaint", language="pl", orders=["615882"],
      category="defective", resolution="repair", name="Bartosz Kowalczyk",
      notes="short, no diacritics, everything in one paragraph; 'Zam' capitalised at the "
            "start of a sentence; asks for repair first and a new one only as a fallback "
            "(primary = repair); signed with a diminutive, full name in From")
def _():
    m = new(("Bartosz Kowalczyk", "b.kowalczyk@wp.example"), "wyciskarka",
            "2027-01-14 21:58:40 +0100", client="web")
    plain(m, """Witam, wyciskarka wolnoobrotowa zepsula sie po tygodniu uzywania, silnik buczy ale slimak sie nie kreci i nic sie nie da wycisnac. Zam 615882. Prosze o naprawe, a jak sie nie da to o nowa.
Bartek
""", charset="us-ascii", cte="7bit")
    return m


@mail("fitness-band-wont-charge", kind="complaint", language="en", orders=["622914"],
      category="defective", resolution="replacement", name="Daniel Hughes",
      notes="English Outlook (plain + HTML); 'order no' without a dot; serial number "
            "FB5-22-0931-7741 and UK phone number are distractors; asks for a replacement "
            "unit")
def _():
    m = new(("Daniel Hughes", "daniel.hughes@outlook.example"),
            "Fitness band not charging - order no 622914", "2027-01-18 10:12:33 +0100",
            client="o365en")
    body = """Hello,

I ordered the FitBand 5 activity tracker (order no 622914) and it arrived last Tuesday. It worked for about three days on the initial charge, but now it won't charge at all. When I put it on the charging cradle the little light doesn't come on and the screen stays black. I've tried three different USB plugs and a laptop port, and cleaned the contacts with a cotton bud as the manual suggests.

Serial number on the back: FB5-22-0931-7741.

Could you please send me a replacement unit? I can post this one back to you.

Best regards,
Daniel Hughes
+44 7700 900614"""
    alternative(m, body + "\n", outlook_html(body, charset="utf-8", lang="EN-GB"))
    return m


@mail("nawilzacz-cieknie-nie-chce-wymiany", kind="complaint", language="pl",
      orders=["603517"], category="defective", resolution="refund", name="Halina Michalak",
      notes="rejects the replacement offered by the hotline and asks for a refund "
            "(resolution refund, not replacement); 'Nr. zam.' form; iso-8859-2 "
            "quoted-printable; postal address with postal code; flat number 3/12")
def _():
    m = new(("Halina Michalak", "halina.michalak@interia.example"), "Reklamacja nawilżacza",
            "2027-01-21 12:33:14 +0100", client="web2")
    plain(m, """Szanowni Państwo,

w grudniu kupiłam u Państwa nawilżacz powietrza ultradźwiękowy (Nr. zam. 603517). Od kilku dni spod podstawy wycieka woda, a wyświetlacz pokazuje same kreski i nie da się ustawić wilgotności. Urządzenie cały czas stało w tym samym miejscu, nikt go nie przestawiał ani nie upuścił.

Na infolinii zaproponowano mi wymianę na nowy egzemplarz. Nie chcę wymiany na taki sam model, bo w opiniach widzę, że innym osobom też cieknie. Proszę o zwrot pieniędzy (279,00 zł).

Z poważaniem
Halina Michalak
ul. Lipowa 3/12
20-321 Lublin
""", charset="iso-8859-2")
    return m


@mail("lokowka-wesele-spalenizna", kind="complaint", language="pl", orders=["640059"],
      category="defective", resolution=None, name="Dominika Rutkowska",
      notes="long rambling story without diacritics, written late at night; invoice number "
            "FV/2027/01/0218, error code E2, price of the hairdresser; asks what to do, no "
            "remedy requested; phone number in the signature")
def _():
    m = new(("Dominika Rutkowska", "domi.rutkowska@gmail.example"),
            "lokowka przestala dzialac!!", "2027-01-28 23:41:17 +0100", client="iphone")
    plain(m, """Dzien dobry, pisze bo juz nie wiem co robic.

Na poczatku stycznia zamowilam u was lokowke automatyczna (ta co sama wciaga wlosy) z zamowienia 640059, faktura FV/2027/01/0218. Kupilam ja specjalnie na wesele kuzynki ktore bylo w ta sobote. Przez pierwsze dwa razy dzialala super, naprawde bylam zadowolona, polecilam nawet kolezance z pracy.

A w sobote rano jak sie szykowalam, to po jakichs 5 minutach zaczela strasznie smierdziec spalenizna, wyswietlacz zaczal migac, wyskoczyl jakis blad E2 i sie calkiem wylaczyla. I juz sie nie wlacza, nie reaguje na nic. Dobrze ze mi wlosow nie spalila. Musialam na szybko jechac do fryzjerki i zaplacilam 150 zl za uczesanie, ale to juz pomijam.

Nie wiem czy mam ja odeslac do was czy do serwisu producenta, w instrukcji jest jakis adres serwisu ale nie wiem czy aktualny. Co mam zrobic? Pudelko mam, fakture tez.

Pozdrawiam
Dominika Rutkowska
tel 782 640 115

Wysłane z iPhone'a
""")
    return m


@mail("mouse-double-clicks", kind="complaint", language="en", orders=["651203"],
      category="defective", resolution="replacement", name="Wei Zhang",
      notes="two-sentence English mail, bare order number, no greeting and no signature: "
            "name only from the From display name")
def _():
    m = new(("Wei Zhang", "wei.zhang.pl@gmail.example"), "mouse problem",
            "2027-02-03 08:05:44 +0100")
    body = ("The wireless mouse from order 651203 double-clicks on every single click, it "
            "started after two weeks. Can you send me a new one?")
    alternative(m, body + "\n", gmail_html(body))
    return m


@mail("zegar-stanal-odp-na-zwrot-przyjety", kind="complaint", language="pl",
      orders=["629774", "671355"], category="defective", resolution="replacement",
      name="Ewa Sadowska",
      notes="reply to the shop's 'return accepted' mail for an OLDER order (629774, in the "
            "subject and quote) that reports a NEW problem with another order (ZAM/671355): "
            "complaint, not status_query; two order numbers, subject first; battery already "
            "changed; iPhone Apple Mail quoting")
def _():
    m = new(("Ewa Sadowska", "ewa.sadowska@icloud.example"),
            "Re: Zwrot przyjęty – zamówienie 629774", "2027-02-11 20:15:02 +0100",
            client="iphone", in_reply_to="<1837702945.a40f19@sklep.example>")
    body = """Dzień dobry,

dziękuję, pieniądze za koc już są. Ale przy okazji mam nowy problem: zegar ścienny z drugiego zamówienia (ZAM/671355) stanął po trzech dniach. Włożyłam nową baterię, dalej stoi, wskazówka sekundowa tylko drga w miejscu.

Proszę o wymianę na sprawny egzemplarz.

Ewa Sadowska

Wysłane z iPhone'a"""
    attribution = ("Wiadomość napisana przez Sklep Domowy – Zwroty <zwroty@sklep.example> "
                   "w dniu 10 lut 2027, o godz. 14:20:")
    quoted = """Dzień dobry,

paczka zwrotna do zamówienia 629774 dotarła do naszego magazynu. Towar jest kompletny, dlatego zleciliśmy zwrot kwoty 139,00 zł na Twój rachunek.

Pozdrawiamy
Dział Zwrotów Sklepu Domowego"""
    text = body + "\n\n" + quote(attribution + "\n\n" + quoted) + "\n"
    alternative(m, text, apple_html(body, attribution, quoted))
    return m


@mail("oczyszczacz-blad-e3-naprawa", kind="complaint", language="pl", orders=["689940"],
      category="defective", resolution="repair", name="Wojciech Kaczor",
      notes="Outlook windows-1250 (plain + HTML); inflected 'z zamówieniem'; model AP-300, "
            "serial number with 10 digits, postal code 43-300 and phone; asks for warranty "
            "repair")
def _():
    m = new(("Wojciech Kaczor", "wojciech.kaczor@outlook.example"),
            "Oczyszczacz powietrza – błąd E3", "2027-02-22 08:50:26 +0100",
            client="outlook1250")
    body = """Dzień dobry,

mam problem z oczyszczaczem powietrza AP-300, który przyszedł do mnie z zamówieniem 689940 w połowie stycznia. Od soboty po włączeniu na wyświetlaczu pojawia się „E3”, wentylator w ogóle nie rusza, a po kilkunastu sekundach urządzenie samo się wyłącza. Filtr jest oryginalny, założony zgodnie z instrukcją, czujnik przeczyściłem.

Numer seryjny: AP3002611094.

Proszę o naprawę gwarancyjną. Mogę oddać urządzenie kurierowi w dowolny dzień roboczy po 15:00.

Z poważaniem
Wojciech Kaczor
ul. Ogrodowa 15
43-300 Bielsko-Biała
tel. 728 115 046"""
    alternative(m, body + "\n", outlook_html(body), charset="windows-1250")
    return m


# ---------------------------------------------------------------- wrong_item

@mail("pizama-m-przyszla-xl", kind="complaint", language="pl", orders=["608833"],
      category="wrong_item", resolution="replacement", name="Monika Baran",
      notes="plain us-ascii 7bit, no diacritics; 'ZAM-' in subject and body; wrong size; "
            "asks to exchange for the ordered size M (replacement)")
def _():
    m = new(("Monika Baran", "monika.baran@o2.example"), "ZAM-608833 zly rozmiar",
            "2027-01-16 14:25:51 +0100", client="web")
    plain(m, """Dzien dobry,

w zamowieniu ZAM-608833 zamawialam damska pizame flanelowa w krate w rozmiarze M, a przyszla XL (na metce XL i na opakowaniu tez XL). Nie byla noszona, metki sa.
Prosze o wymiane na M, moge odeslac te XL jak tylko dostane etykiete.

Pozdrawiam
Monika Baran
""", charset="us-ascii", cte="7bit")
    return m


@mail("duvet-cover-pink-not-grey", kind="complaint", language="en", orders=["617490"],
      category="wrong_item", resolution="refund", name="Hannah Becker",
      notes="English; 'Order #' form; wrong colour; wants her money back instead of the "
            "right colour; product code on the label is a distractor")
def _():
    m = new(("Hannah Becker", "hannah.becker@gmail.example"), "Wrong colour sent",
            "2027-01-22 16:40:08 +0100")
    body = """Good afternoon,

I ordered a grey satin duvet cover set, 160x200 (Order #617490), but what arrived is pink - "dusty rose" according to the label, product code POS-SAT-160-RS. The packaging was sealed, so I think it was simply picked wrong in the warehouse.

I don't really want to wait for another delivery, so I'd prefer a full refund. I can send the pink set back in its original packaging - please let me know how.

Thank you,
Hannah Becker"""
    alternative(m, body + "\n", gmail_html(body))
    return m


@mail("wiertla-zamiast-fondue", kind="complaint", language="pl",
      orders=["648217", "646990"], category="wrong_item", resolution="replacement",
      name="Dorota Pawłowska",
      notes="HTML only (utf-8 QP); received another customer's parcel: two order numbers, "
            "her own and the one printed on the packing slip; someone else's name 'Tadeusz "
            "K.' is not the customer; asks for her own item to be sent (replacement)")
def _():
    m = new(("Dorota Pawłowska", "dorota.pawlowska@wp.example"),
            "Dostałam nie swoją paczkę", "2027-01-30 10:15:39 +0100", client="web")
    html_only(m, """<div style="font-family: Tahoma, sans-serif; font-size: 13px;">
<p>Dzień dobry,</p>
<p>w zamówieniu 648217 zamówiłam zestaw do fondue (garnek, podgrzewacz i 6 widelców). Wczoraj przyszła paczka z moim nazwiskiem na etykiecie kuriera, ale w środku był zestaw wierteł do betonu i kołki rozporowe. Na dokumencie wydania w środku jest wydrukowane <b>Zam. 646990</b> i nazwisko Tadeusz K., więc chyba ktoś dostał moje fondue, a ja jego wiertła.</p>
<p>Proszę o przesłanie mojego zestawu do fondue i informację, co mam zrobić z wiertłami - mogę je oddać kurierowi.</p>
<p>Dorota Pawłowska</p>
</div>
""")
    return m


@mail("klawiatura-uklad-niemiecki", kind="complaint", language="pl", orders=["659378"],
      category="wrong_item", resolution="replacement", name="Jakub Lis",
      notes="order number with '#' in the subject only; no diacritics; two SKUs differing "
            "only in the layout code; From 'Kuba Lis' (diminutive), signature has the full "
            "name 'Jakub Lis'")
def _():
    m = new(("Kuba Lis", "kuba.lis@gmail.example"), "#659378 zly uklad klawiatury",
            "2027-02-05 12:47:19 +0100")
    body = """Czesc,

zamawialem klawiature mechaniczna w wersji z polskim ukladem (na stronie SKU KBD-MECH-PL-RED), a przyszla z niemieckim QWERTZ - na pudelku naklejka KBD-MECH-DE-RED. Z i Y zamienione, umlauty zamiast polskich znakow, do pracy sie nie nadaje.

Prosze o wymiane na wersje PL. Ta jest nieuzywana, tylko podlaczylem zeby sprawdzic.

Jakub Lis"""
    alternative(m, body + "\n", gmail_html(body))
    return m


@mail("rekawice-dzieciece-zamiast-dla-doroslych", kind="complaint", language="pl",
      orders=["672048"], category="wrong_item", resolution="refund", name="Agata Sobczak",
      notes="wrong size AND colour; customer explicitly declines an exchange and asks for "
            "money back (refund); 'nr zamówienia'; dates of winter holidays; iPhone")
def _():
    m = new(("Agata Sobczak", "agata.sobczak@icloud.example"),
            "Złe rękawice narciarskie", "2027-02-12 07:58:30 +0100", client="iphone")
    plain(m, """Dzień dobry,

nr zamówienia 672048. Zamówiłam rękawice narciarskie dla córki w rozmiarze dziecięcym 6-8 lat, kolor różowy. Przyszły rękawice dla dorosłych, rozmiar L, czarne. Córka ma w nich ręce jak w workach.

Wyjeżdżamy na ferie w sobotę, więc na wymianę już nie zdążymy – kupię coś na miejscu. Nie chcę wymiany, proszę o zwrot pieniędzy. Rękawice odeślę, proszę tylko napisać jak.

Agata Sobczak

Wysłane z iPhone'a
""")
    return m


@mail("mlynek-nozowy-zamiast-zarnowego-rabat", kind="complaint", language="pl",
      orders=["697531"], category="wrong_item", resolution="discount", name="Konrad Zawadzki",
      notes="wrong model; customer offers to keep it if the price is lowered to the "
            "cheaper model's price (discount), return only as an alternative; prices "
            "'349 zł' and '129 zł'; Thunderbird ISO-8859-2 format=flowed")
def _():
    m = new(("Konrad Zawadzki", "konrad.zawadzki@onet.example"),
            "Młynek do kawy - inny model niż zamówiony", "2027-02-24 21:10:47 +0100",
            client="thunderbird2")
    plain(m, """Dobry wieczór,

w zam. 697531 kupiłem żarnowy młynek do kawy z regulacją stopnia mielenia (349 zł). Przyszedł zwykły młynek nożowy tej samej marki, w sklepach kosztuje około 129 zł. Pudełko było oryginalnie zaklejone, więc to pomyłka przy kompletowaniu.

Żeby nie robić zamieszania: mogę ten młynek zatrzymać, jeżeli obniżycie cenę do ceny modelu nożowego i oddacie różnicę. Jeśli to niemożliwe, odeślę go, ale wolałbym pierwsze rozwiązanie.

Pozdrawiam
Konrad Zawadzki
""", charset="iso-8859-2", cte="quoted-printable", flowed=True)
    return m


# ---------------------------------------------------------------- missing_item

@mail("wkretarka-bez-ladowarki-paczka-cala", kind="complaint", language="pl",
      orders=["611406"], category="missing_item", resolution="replacement",
      name="Grzegorz Mazur",
      notes="negation trap: 'paczka nie byla uszkodzona' then the charger is missing "
            "(missing_item, not damaged); no diacritics; inflected 'w zamowieniu'; asks to "
            "send the charger (replacement); phone number in signature")
def _():
    m = new(("Grzegorz Mazur", "grzegorz.mazur@onet.example"), "brak ladowarki",
            "2027-01-20 18:30:12 +0100", client="web")
    plain(m, """Dzien dobry,

w zamowieniu 611406 byla wkretarka akumulatorowa 18V z ladowarka (tak bylo w opisie - zestaw z akumulatorem i ladowarka). Paczka nie byla uszkodzona, karton caly, wszystko ladnie zafoliowane, ale w srodku jest tylko wkretarka, akumulator i walizka. Ladowarki nie ma.

Prosze o doslanie ladowarki, bo bez niej wkretarka jest bezuzyteczna.

Grzegorz Mazur
tel. 516 204 733
""")
    return m


@mail("stand-mixer-bowls-missing", kind="complaint", language="en", orders=["633185"],
      category="missing_item", resolution="replacement", name="Oliver Grant",
      notes="English Outlook; bare 'Order 633185' in the subject and 'order 633185' in the "
            "body; the packing slip lists three items, only two were in the box; SKUs and "
            "quantities; asks to send the missing item")
def _():
    m = new(("Oliver Grant", "oliver.grant@outlook.example"),
            "Order 633185 - item missing from the box", "2027-01-27 09:05:50 +0100",
            client="o365en")
    body = """Hello,

My order 633185 arrived yesterday. The packing slip lists three items:

1 x Hand mixer 500W (HMX-500-WH)
1 x Silicone spatula set (SPT-SIL-3)
1 x Glass mixing bowl set, 3 pcs (BWL-GLS-3)

Only the mixer and the spatulas were in the box. There was no sign that the box had been opened and it wasn't damaged, there simply was no bowl set inside.

Could you please send the missing glass bowls?

Kind regards,
Oliver Grant"""
    alternative(m, body + "\n", outlook_html(body, charset="utf-8", lang="EN-GB"))
    return m


@mail("gra-planszowa-brak-kostek", kind="complaint", language="pl", orders=["645571"],
      category="missing_item", resolution="replacement", name="Piotr Wasiak",
      notes="order number written with a space ('zam. 645 571'); 13-digit EAN code; "
            "incomplete board game (missing dice and pawns) asked to be sent; Gmail "
            "plain + HTML")
def _():
    m = new(("Piotr Wasiak", "piotr.wasiak@gmail.example"), "Niekompletna gra",
            "2027-01-31 15:12:04 +0100")
    body = """Dzień dobry,

w grze planszowej „Wyprawa na Biegun” (zam. 645 571) brakuje dwóch kostek i czterech pionków w kolorze zielonym. Według instrukcji w pudełku powinny być 2 kostki i 16 pionków, jest 12 pionków i zero kostek. Folia na pudełku była fabryczna, więc to raczej braki od producenta, ale kupowałem u Państwa.

Kod EAN z pudełka: 5907608214063.

Czy możecie dosłać brakujące elementy albo wymienić grę na kompletną? Dzieci czekają, żeby zagrać.

Pozdrawiam
Piotr Wasiak"""
    alternative(m, body + "\n", gmail_html(body))
    return m


@mail("projektor-bez-pilota-fwd-potwierdzenie", kind="complaint", language="pl",
      orders=["650744"], category="missing_item", resolution=None, name="Sebastian Król",
      notes="Gmail 'Forwarded message' of the order confirmation: the order number is only "
            "in the forwarded part, among prices, SKUs, postal code, phone, bank account, "
            "NIP and a paczkomat code (WAW21M); own text without diacritics, no remedy "
            "asked; signed with the nickname 'Seba', full name from From")
def _():
    m = new(("Sebastian Król", "seba.krol@gmail.example"),
            "Fwd: Potwierdzenie zamówienia", "2027-02-02 21:03:33 +0100")
    body = """Dzien dobry,

przesylam potwierdzenie ponizej. Projektor przyszedl dzisiaj, ale w pudelku nie ma pilota, a na stronie w opisie bylo ze jest w zestawie (w instrukcji tez jest na liscie). Bez pilota nie da sie nawet wejsc w menu. Co z tym robimy?

Seba"""
    fwd_head = """---------- Forwarded message ---------
Od: Sklep Domowy <zamowienia@sklep.example>
Date: pt., 29 sty 2027 o 19:47
Subject: Potwierdzenie zamówienia
To: <seba.krol@gmail.example>"""
    conf = """Dzień dobry,

dziękujemy za zamówienie nr 650744 z dnia 29.01.2027.

1 x Projektor LED Full HD 4500 lm (SKU: PRJ-LED-FHD-45) – 749,00 zł
1 x Ekran projekcyjny 100" (SKU: EKR-100-W) – 199,00 zł
Dostawa: Paczkomat InPost WAW21M – 12,99 zł
Razem: 960,99 zł

Adres dostawy: Sebastian Król, ul. Grochowska 251/14, 04-077 Warszawa, tel. 600 433 918

Płatność: przelew na rachunek 61 1090 1014 0000 0712 1981 2874
Sklep Domowy sp. z o.o., ul. Magazynowa 12, 05-800 Pruszków, NIP 5272918374"""
    text = body + "\n\n" + fwd_head + "\n\n" + conf + "\n"
    html_body = ('<div dir="ltr">' + "".join(f"<div>{_esc(x)}</div>" if x else "<div><br></div>"
                                            for x in body.split("\n")) +
                 '<br><div class="gmail_quote gmail_quote_container"><div dir="ltr" '
                 'class="gmail_attr">' + lines_html(fwd_head) + "<br></div><br><br>" +
                 lines_html(conf) + "</div></div>\n")
    alternative(m, text, html_body)
    return m


@mail("sztucce-brak-lyzeczki", kind="complaint", language="pl", orders=["676602"],
      category="missing_item", resolution="replacement", name="Irena Zając",
      notes="Outlook windows-1250 (plain + HTML); 'nr zam.' form; 24-piece set with a "
            "teaspoon missing; primary request: send the missing teaspoon, a price "
            "reduction only as fallback (replacement)")
def _():
    m = new(("Irena Zając", "irena.zajac@wp.example"), "Niekompletny komplet sztućców",
            "2027-02-14 11:40:12 +0100", client="outlook1250")
    body = """Dzień dobry,

w komplecie sztućców na 6 osób (24 elementy, nr zam. 676602) jest tylko 5 łyżeczek do herbaty – pozostałe elementy się zgadzają, 6 noży, 6 widelców i 6 łyżek. Przegródka na szóstą łyżeczkę w kasecie jest pusta.

Proszę o dosłanie brakującej łyżeczki. Jeśli nie jest to możliwe, to proszę o obniżenie ceny kompletu.

Z poważaniem
Irena Zając"""
    alternative(m, body + "\n", outlook_html(body), charset="windows-1250")
    return m


@mail("lunchboxy-bez-pokrywek", kind="complaint", language="pl", orders=["687214"],
      category="missing_item", resolution=None, name="Aleksandra Pietras",
      notes="very short, no diacritics; 'ZAM/' form; only reports the problem, no remedy; "
            "From display name is the nickname 'Ola P.', signature has the full name")
def _():
    m = new(("Ola P.", "ola.pietras@o2.example"), "lunchboxy",
            "2027-02-19 07:12:45 +0100", client="web")
    plain(m, """Dzien dobry, lunchboxy z ZAM/687214 przyszly bez pokrywek. 3 pojemniki i zero wieczek, w pudelku nic wiecej nie bylo.
Aleksandra Pietras
""", charset="us-ascii", cte="7bit")
    return m


# ---------------------------------------------------------------- not_delivered

@mail("paczka-nie-doszla-stoi-w-drodze", kind="complaint", language="pl", orders=["613960"],
      category="not_delivered", resolution=None, name="Damian Kwiatkowski",
      notes="no diacritics; 'nr' form; 24-digit InPost number; the phone number in the "
            "signature ends with '611 406', the digits of another customer's order (phone "
            "tail distractor); no remedy, just wants the parcel found; base64 body")
def _():
    m = new(("Damian Kwiatkowski", "damian.kwiatkowski@wp.example"),
            "paczka nie doszla", "2027-01-17 11:20:08 +0100", client="web")
    plain(m, """Dzien dobry,

zamowienie nr 613960 oplacone 8 stycznia, dostalem maila ze wyslane 11 stycznia i od tamtej pory w sledzeniu InPost caly czas "w drodze". Numer paczki 520113470028365519204417. Minelo 6 dni, a paczka nie doszla. Czy mozecie to sprawdzic u przewoznika?

Damian Kwiatkowski
tel. 605 611 406
""", cte="base64")
    return m


@mail("paczka-utknela-strykow-zwrot-do-piatku", kind="complaint", language="pl",
      orders=["628551"], category="not_delivered", resolution="refund",
      name="Aleksandra Czarnecka",
      notes="parcel stuck in a sorting centre; conditional request: refund if it doesn't "
            "arrive by Friday (primary = refund per convention); Poczta Polska tracking "
            "PX7730184526; inflected 'zamówienia nr'; Thunderbird flowed")
def _():
    m = new(("Aleksandra Czarnecka", "ola.czarnecka@onet.example"),
            "Przesyłka stoi w sortowni od tygodnia", "2027-01-24 19:02:36 +0100",
            client="thunderbird")
    plain(m, """Dzień dobry,

przesyłka do zamówienia nr 628551 (Pocztex, numer PX7730184526) od poniedziałku ma status „przesyłka w sortowni Stryków” i nic się nie zmienia. Na infolinii Poczty usłyszałam, że to nadawca musi złożyć reklamację, więc piszę do Państwa.

To był prezent na urodziny teściowej, które już minęły. Jeżeli paczka nie dotrze do piątku, proszę o zwrot pieniędzy, bo dłużej nie ma sensu czekać.

Aleksandra Czarnecka
""", cte="8bit", flowed=True)
    return m


@mail("order-stuck-processing-cancel", kind="complaint", language="en", orders=["638172"],
      category="not_delivered", resolution="refund", name="Michael O'Brien",
      notes="English; order never shipped (still 'processing' after 12 days); asks to cancel "
            "and refund; apostrophe in the name; 'order #' lower case")
def _():
    m = new(("Michael O'Brien", "mobrien@gmail.example"), "Where is my order??",
            "2027-01-29 22:10:40 +0100")
    body = """Hi,

I placed order #638172 twelve days ago (17 January) and paid straight away by card. The status in my account still says "processing" and I never got a shipping email. Your website says orders ship within 24 hours.

At this point I'd like to cancel the order and get a refund please. I've already bought the item elsewhere.

Michael O'Brien"""
    alternative(m, body + "\n", gmail_html(body))
    return m


@mail("kurier-nie-przyjechal-jednolinijkowiec", kind="complaint", language="pl",
      orders=["657718"], category="not_delivered", resolution=None, name="Marcin",
      notes="one line without diacritics, no greeting, no signature; 'zam' without a dot; "
            "only a first name as From display name")
def _():
    m = new(("Marcin", "marcin.k88@interia.example"), "kurier", "2027-02-06 09:31:27 +0100",
            client="web")
    plain(m, "kurier mial byc wczoraj i nic, paczka z zam 657718 dalej nie doszla, co jest grane??\n",
          charset="us-ascii", cte="7bit")
    return m


@mail("szkola-dwa-zamowienia-odmowa-przyjecia", kind="complaint", language="pl",
      orders=["679204", "679311"], category="not_delivered", resolution=None,
      name="Beata Wróbel",
      notes="institution mailbox (school secretariat) in From, the person signs below; two "
            "orders 'ZAM/'; courier falsely claims the delivery was refused; NIP, REGON "
            "(9 digits), landline and postal code; asks for redelivery (no resolution "
            "value); Outlook windows-1250 quoted-printable")
def _():
    m = new(("Sekretariat SP12", "sekretariat@sp12-gniezno.example"),
            "Niedostarczone zamówienia ZAM/679204 i ZAM/679311", "2027-02-16 10:05:18 +0100",
            client="outlook1250")
    plain(m, """Dzień dobry,

zamawialiśmy do szkoły dwie paczki: ZAM/679204 (czajniki i kubki do pokoju nauczycielskiego) oraz ZAM/679311 (zestawy plastyczne dla świetlicy). W śledzeniu obie przesyłki mają status „odmowa przyjęcia – zwrot do nadawcy” z 12 lutego. Nikt z nas nie odmawiał przyjęcia – sekretariat jest czynny od 7:30 do 15:30, a kurier w ogóle się u nas nie pojawił.

Prosimy o ponowne wysłanie obu paczek na adres szkoły.

Z poważaniem
Beata Wróbel
sekretarz szkoły
Szkoła Podstawowa nr 12 im. Jana Brzechwy
ul. Kolejowa 8, 62-200 Gniezno
tel. 61 426 18 90
NIP 7842310556, REGON 300912447
""", charset="windows-1250")
    return m


@mail("parcel-marked-delivered-germany", kind="complaint", language="en",
      orders=["699832"], category="not_delivered", resolution=None, name="Katrin Vogel",
      notes="HTML only; English from Germany; carrier says delivered, customer never got it; "
            "'Order no.' form; asks first to resend, refund only as a fallback (primary is "
            "resend, which has no resolution value); German postal code and street number")
def _():
    m = new(("Katrin Vogel", "katrin.vogel@web-mail.example"), "Parcel not received",
            "2027-02-25 18:45:59 +0100", client="web")
    html_only(m, """<html><body style="font-family:Arial,Helvetica,sans-serif;font-size:14px">
<p>Dear Sklep Domowy team,</p>
<p>according to the DHL tracking my parcel (Order no. 699832) was delivered on 22 February at 11:04, &quot;handed to resident&quot;. I was at home all day and nobody rang. I have asked all my neighbours in the building and checked the parcel box - nothing.</p>
<p>Could you please send the order again? If that is not possible, I would like my money back.</p>
<p>Best regards<br>
Katrin Vogel<br>
Lindenstra&szlig;e 14, 01097 Dresden</p>
</body></html>
""", charset="utf-8")
    return m


# ---------------------------------------------------------------- return

@mail("odstapienie-plaszcz-kolor", kind="complaint", language="pl", orders=["607439"],
      category="return", resolution="refund", name="Karolina Jabłońska",
      notes="withdrawal without fault (colour looks different live); IBAN with PL prefix in "
            "groups; inflected 'zamówienie' with the number; explicitly says there is no "
            "defect; Gmail text in base64")
def _():
    m = new(("Karolina Jabłońska", "karolina.jablonska@gmail.example"),
            "Odstąpienie od umowy - płaszcz", "2027-01-14 17:22:10 +0100")
    body = """Dzień dobry,

chciałabym odstąpić od umowy i zwrócić płaszcz wełniany (zamówienie 607439, odebrane 11 stycznia). Płaszcz nie ma żadnej wady, po prostu kolor na żywo jest dużo bardziej żółty niż na zdjęciach i zupełnie mi nie pasuje. Był tylko przymierzony, metki są na miejscu.

Proszę o zwrot pieniędzy na rachunek:
PL27 1140 2004 0000 3902 7719 0145
(Karolina Jabłońska)

Paczkę nadam jutro paczkomatem na adres z regulaminu.

Pozdrawiam
Karolina Jabłońska"""
    alternative(m, body + "\n", gmail_html(body), cte="base64")
    return m


@mail("sweter-prezent-wymiana-bez-numeru", kind="complaint", language="pl", orders=[],
      category="return", resolution="replacement", name="Wiktoria Lewandowska",
      notes="gift exchange for a larger size, no fault (return + replacement by "
            "convention); no order number because the buyer was someone else; EAN barcode "
            "and price on the gift receipt; no diacritics")
def _():
    m = new(("Wiktoria Lewandowska", "wiktoria.lewandowska@o2.example"),
            "wymiana swetra z prezentu", "2027-01-23 13:15:44 +0100", client="web")
    body = """Dzien dobry,

dostalam od mamy na urodziny sweter z Waszego sklepu (golf z welna merino, bordowy), ale jest za maly - rozmiar S, a potrzebuje L. Nie mam numeru zamowienia bo zamawiala mama, mam tylko paragon prezentowy, na nim kod kreskowy 5904417002389 i cena 219,99.

Czy moge go wymienic na L w tym samym kolorze? Sweter nienoszony, z metkami.

Wiktoria Lewandowska"""
    plain(m, body + "\n", charset="us-ascii", cte="7bit")
    return m


@mail("return-unopened-heated-throw", kind="complaint", language="en", orders=["641925"],
      category="return", resolution="refund", name="Laura Bianchi",
      notes="English customer using the shop's 'ZAM-' format; ordered twice by mistake, "
            "returns the unopened duplicate; refund of one item; amount in PLN")
def _():
    m = new(("Laura Bianchi", "laura.bianchi@outlook.example"),
            "Return of duplicate item", "2027-01-31 10:40:22 +0100", client="o365en")
    body = """Hello,

I accidentally ordered the electric heated throw twice - it's in order ZAM-641925 with quantity 2 instead of 1. Both arrived on Friday. One is still sealed in its original packaging.

I'd like to return the unopened one and get a refund for it (159.00 PLN). Could you tell me where to send it, or send me a return label?

Many thanks,
Laura Bianchi"""
    alternative(m, body + "\n", outlook_html(body, charset="utf-8", lang="EN-GB"))
    return m


@mail("rezygnacja-paczka-w-paczkomacie", kind="complaint", language="pl", orders=["662380"],
      category="return", resolution="refund", name="Natalia Szymczak",
      notes="withdrawal: she will not pick the parcel up from the locker; paczkomat pickup "
            "code '602 915' (ddd ddd) next to the real order written 'zam. 662380'; paid "
            "with BLIK; no diacritics")
def _():
    m = new(("Natalia Szymczak", "natalia.szymczak@wp.example"), "rezygnacja",
            "2027-02-08 20:44:03 +0100", client="web")
    plain(m, """Dzien dobry,

rezygnuje z zamowienia zam. 662380 (odkurzacz do okien). Paczka juz lezy w paczkomacie, dostalam sms z kodem odbioru 602 915, ale nie bede jej odbierac, niech wraca do Was. Znalazlam ten sam model w markecie i juz kupilam.

Placilam blikiem, prosze o zwrot pieniedzy.

Natalia Szymczak
""")
    return m


@mail("zwrot-dwoch-poduszek-jak", kind="complaint", language="pl", orders=["681077"],
      category="return", resolution=None, name="Magdalena Kos",
      notes="partial return (2 of 4 cushions) without fault; 'Nr zamówienia:' on its own "
            "line; asks only how to send them back, no remedy stated (null)")
def _():
    m = new(("Magdalena Kos", "magda.kos@gmail.example"), "Zwrot części zamówienia",
            "2027-02-18 16:30:31 +0100")
    body = """Dzień dobry,

Nr zamówienia: 681077

Zamówiłam 4 poduszki dekoracyjne 45x45, dwie musztardowe i dwie szare. Szare są w porządku, ale musztardowe na żywo gryzą się z kanapą i chciałabym je oddać. Są nieużywane, w oryginalnych woreczkach.

Czy muszę wypełniać jakiś formularz, czy wystarczy, że włożę je do paczki z kartką? I czy mogę nadać zwrot w paczkomacie?

Dziękuję i pozdrawiam
Magdalena Kos"""
    alternative(m, body + "\n", gmail_html(body))
    return m


@mail("withdrawal-letter-pdf", kind="complaint", language="en", orders=["702316"],
      category="return", resolution="refund", name="Jonas Lindqvist",
      notes="formal English withdrawal notice with a filled-in PDF form attached; 'order "
            "number' form; delivery date; refund to the original card; Swedish phone "
            "number")
def _():
    m = new(("Jonas Lindqvist", "jonas.lindqvist@gmail.example"),
            "Notice of withdrawal from contract", "2027-02-26 09:30:14 +0100")
    body = """Dear Sir or Madam,

I hereby give notice that I withdraw from my contract of sale for the following goods: 1 x cordless stick vacuum cleaner, order number 702316, ordered on 15 February 2027 and received on 19 February 2027.

The item is unused and will be returned in its original packaging within 14 days. Please refund the full amount, including the original delivery cost, to the card used for payment.

The signed withdrawal form is attached.

Yours faithfully,
Jonas Lindqvist
+46 70 123 45 67"""
    alternative(m, body + "\n", gmail_html(body))
    attach(m, pdf(["Withdrawal form", "To: Sklep Domowy, ul. Magazynowa 12, 05-800 Pruszkow",
                   "I hereby give notice that I withdraw from my contract",
                   "Goods: cordless stick vacuum cleaner, order 702316",
                   "Received on: 19.02.2027", "Name: Jonas Lindqvist",
                   "Signature: J. Lindqvist   Date: 26.02.2027"]),
           "application/pdf", "withdrawal_form.pdf")
    return m


# ---------------------------------------------------------------- refund

@mail("kasa-nie-wrocila-po-odeslaniu", kind="complaint", language="pl", orders=["598442"],
      category="refund", resolution="refund", name="Krystian Borkowski",
      notes="no diacritics, colloquial ('kasa nie wrocila'); older December order 'nr zam.'; "
            "24-digit return parcel number; dates; refund not received after a return")
def _():
    m = new(("Krystian Borkowski", "krystian.borkowski@gmail.example"),
            "zwrot kasy", "2027-01-19 20:11:56 +0100")
    body = """Siema, znaczy dzien dobry

4 stycznia odeslalem Wam sluchawki nauszne z nr zam. 598442 (zwrot w 14 dni, bez wad, po prostu nie pasowaly mi). Nadane paczkomatem, numer nadania 520009814432017763001245, w sledzeniu widze ze doreczone do Was 7 stycznia. Minely prawie 2 tygodnie a kasa nie wrocila, na koncie nic.

Kiedy moge sie spodziewac zwrotu 249 zl?

Krystian Borkowski"""
    alternative(m, body + "\n", gmail_html(body))
    return m


@mail("refund-short-by-shipping", kind="complaint", language="en", orders=["619055"],
      category="refund", resolution="refund", name="Aisha Rahman",
      notes="English; refund received but the amount is wrong (shipping deducted although "
            "the item was faulty); amounts in PLN with decimal points; complaint reference "
            "RK/2027/01/0062 is not an order")
def _():
    m = new(("Aisha Rahman", "aisha.rahman@gmail.example"), "Refund amount incorrect",
            "2027-01-25 14:02:18 +0100")
    body = """Hello,

Your colleague accepted my complaint RK/2027/01/0062 about the faulty toaster oven from Order #619055 and said I would get a full refund. Today I received 324.00 PLN, but I paid 349.00 PLN - the 25.00 PLN delivery charge was deducted.

As the item was faulty, I believe the delivery cost should be refunded too. Could you please send the remaining 25.00 PLN?

Thanks,
Aisha Rahman"""
    alternative(m, body + "\n", gmail_html(body))
    return m


@mail("anulowane-przed-wysylka-brak-zwrotu", kind="complaint", language="pl",
      orders=["646812"], category="refund", resolution="refund", name="Teresa Głowacka",
      notes="iso-8859-2, plain + HTML; the order number is written with a space ('646 812') "
            "in the text part and with &nbsp; in the HTML part; order cancelled before "
            "shipping, money not returned after 10 days")
def _():
    m = new(("Teresa Głowacka", "teresa.glowacka@onet.example"),
            "Brak zwrotu za anulowane zamówienie", "2027-02-01 09:12:40 +0100",
            client="web2")
    text = """Dzień dobry,

22 stycznia anulowałam zamówienie nr 646 812 (kołdra i dwie poduszki), zanim zostało wysłane. Dostałam od Państwa potwierdzenie anulowania, ale pieniądze (412,50 zł) do dziś nie wróciły na moje konto.

Proszę o pilny zwrot.

Teresa Głowacka
"""
    html_body = ("<div style=\"font-family: Verdana; font-size: 10pt\"><p>Dzień dobry,</p>"
                 "<p>22 stycznia anulowałam zamówienie nr 646&nbsp;812 (kołdra i dwie "
                 "poduszki), zanim zostało wysłane. Dostałam od Państwa potwierdzenie "
                 "anulowania, ale pieniądze (412,50&nbsp;zł) do dziś nie wróciły na moje "
                 "konto.</p><p>Proszę o pilny zwrot.</p><p>Teresa Głowacka</p></div>\n")
    alternative(m, text, html_body, charset="iso-8859-2")
    return m


@mail("zwrot-zlecony-a-nie-ma-outlook-cytat", kind="complaint", language="pl",
      orders=["652190"], category="refund", resolution="refund", name="Zbigniew Olszewski",
      notes="top-posted above the shop's 'refund ordered' message (Outlook Od:/Wysłano:/Do:/"
            "Temat: block); the order number is only in the quoted subject and body; "
            "complaint, not status_query, as in the corpus's refund cases; windows-1250")
def _():
    m = new(("Zbigniew Olszewski", "zbigniew.olszewski@interia.example"),
            "RE: Zwrot środków - zamówienie 652190", "2027-02-09 08:20:37 +0100",
            client="outlook1250", in_reply_to="<3012984470.2f9c0b@sklep.example>")
    body = """Dzień dobry,

w wiadomości poniżej piszą Państwo, że zwrot 329,00 zł został zlecony 20 stycznia. Dziś jest 9 lutego, a na moim koncie nadal nic nie ma – sprawdzałem także w banku. Proszę o zwrot pieniędzy albo potwierdzenie przelewu, które mogę pokazać w banku.

Zbigniew Olszewski"""
    header_block = """Od: Sklep Domowy - Zwroty <zwroty@sklep.example>
Wysłano: środa, 20 stycznia 2027 11:05
Do: zbigniew.olszewski@interia.example
Temat: Zwrot środków - zamówienie 652190"""
    quoted = """Dzień dobry,

informujemy, że zleciliśmy zwrot kwoty 329,00 zł za zwrócony towar z zamówienia 652190. Środki zostaną przekazane na rachunek, z którego dokonano płatności.

Pozdrawiamy
Dział Zwrotów Sklepu Domowego"""
    text = body + "\n\n" + header_block + "\n\n" + quoted + "\n"
    alternative(m, text, outlook_html(body, header_block=header_block, quoted=quoted),
                charset="windows-1250")
    return m


@mail("anulowalem-numer-z-bledem", kind="complaint", language="pl", orders=[],
      category="refund", resolution="refund", name="T. Jaworski",
      notes="the customer's order number has only five digits ('65520', a typo), so it is "
            "not labelled; no diacritics; no display name, signed with an initial; amount "
            "and date")
def _():
    m = new("tjaworski@interia.example", "Zwrot pieniedzy za anulowane",
            "2027-02-15 22:37:09 +0100", client="web")
    plain(m, """Dzien dobry,
anulowalem zamowienie 3 lutego (numer chyba 65520, nie mam pod reka maila) i do dzis nie dostalem zwrotu 184,90 zl. Prosze o zwrot pieniedzy.
T. Jaworski
""", charset="us-ascii", cte="7bit")
    return m


@mail("brak-zwrotu-kosztow-wysylki-html", kind="complaint", language="pl",
      orders=["671880"], category="refund", resolution="refund", name="Sylwia Marciniak",
      notes="HTML only, no diacritics; 'ZAM/' form; after a withdrawal the product price was "
            "refunded but not the original delivery cost; amounts 14,99 zl and 164,98 zl")
def _():
    m = new(("Sylwia Marciniak", "sylwia.marciniak@o2.example"),
            "niepelny zwrot ZAM/671880", "2027-02-20 13:55:24 +0100", client="web")
    html_only(m, """<div>Dzien dobry,</div>
<div><br></div>
<div>zwrocilam cale zamowienie ZAM/671880 w ramach odstapienia od umowy. Dostalam przelew na 149,99 zl, a zaplacilam 164,98 zl - nie zwrociliscie kosztu dostawy 14,99 zl. Z tego co wiem przy odstapieniu od umowy sklep musi oddac tez koszt najtanszej dostawy.</div>
<div><br></div>
<div>Prosze o zwrot brakujacych 14,99 zl.</div>
<div><br></div>
<div>Sylwia Marciniak</div>
""", charset="us-ascii", cte="7bit")
    return m


# ---------------------------------------------------------------- billing

@mail("podwojnie-pobrane-z-konta", kind="complaint", language="pl", orders=["609771"],
      category="billing", resolution="refund", name="Adrian Sowinski",
      notes="double charge ('podwojnie pobrane'); no diacritics, name without them in From "
            "and signature; two bank transaction ids and amounts; asks to return one of the "
            "payments")
def _():
    m = new(("Adrian Sowinski", "adrian.sowinski@wp.example"),
            "pieniadze pobrane 2 razy", "2027-01-15 12:08:27 +0100", client="web")
    plain(m, """Dzien dobry

za zamowienie 609771 (opiekacz do kanapek 3w1) pieniadze zostaly podwojnie pobrane z konta. Na wyciagu mam dwie transakcje po 249,00 zl z 13.01, id 7F3A9C21 i 7F3A9D08, obie "SKLEP DOMOWY PRUSZKOW". Zamowienie jest jedno.

Prosze o zwrot jednej platnosci.

Adrian Sowinski
""", charset="us-ascii", cte="quoted-printable")
    return m


@mail("faktura-na-firme-zamiast-prywatnie", kind="complaint", language="pl",
      orders=["620408"], category="billing", resolution=None, name="Rafał Kamiński",
      notes="invoice issued to a private person instead of the company; NIP (10 digits), "
            "invoice number FV/2027/01/0377; order written 'o numerze 620408'; correction "
            "requested (no resolution value); Outlook iso-8859-2")
def _():
    m = new(("Rafał Kamiński", "biuro@kaminski-instalacje.example"),
            "Korekta faktury FV/2027/01/0377", "2027-01-21 15:44:58 +0100", client="outlook")
    plain(m, """Dzień dobry,

do mojego zamówienia o numerze 620408 wystawili Państwo fakturę FV/2027/01/0377 na mnie jako osobę prywatną, mimo że w formularzu zaznaczyłem zakup na firmę i podałem NIP.

Proszę o korektę faktury na dane:
Kamiński Instalacje Rafał Kamiński
ul. Fabryczna 22, 97-300 Piotrków Trybunalski
NIP 7712904416

Pozdrawiam
Rafał Kamiński
tel. 604 882 193
""", charset="iso-8859-2")
    return m


@mail("no-vat-invoice-expenses", kind="complaint", language="en", orders=["647003"],
      category="billing", resolution=None, name="Mark Jensen",
      notes="English; missing VAT invoice; 'Order #' form; company name and Polish NIP; "
            "asks for the document, no resolution")
def _():
    m = new(("Mark Jensen", "mark.jensen@nordlight-design.example"),
            "VAT invoice missing", "2027-02-02 11:30:45 +0100", client="o365en")
    body = """Hello,

I haven't received a VAT invoice for Order #647003 (office chair, paid 1 089,00 PLN on 27 January). I ticked "invoice for a company" at checkout and entered our details:

Nordlight Design sp. z o.o.
NIP 5253019877

I need the invoice for our monthly expenses report by Friday. Could you email it to me, please?

Regards,
Mark Jensen
Office Manager, Nordlight Design"""
    alternative(m, body + "\n", outlook_html(body, charset="utf-8", lang="EN-GB"))
    return m


@mail("zla-cena-promocja-screen", kind="complaint", language="pl", orders=["664519"],
      category="billing", resolution="refund", name="Patrycja Dziedzic",
      notes="wrong price charged (promo price not applied); asks to get the difference "
            "back (refund); no diacritics; 'zam.' with a dot; screenshot attached; prices")
def _():
    m = new(("Patrycja Dziedzic", "patrycja.dziedzic@gmail.example"),
            "zla cena w zamowieniu", "2027-02-10 19:25:12 +0100")
    body = """Dzien dobry,

9 lutego zamowilam parownice do ubran, ktora na stronie byla w promocji za 199 zl (screen w zalaczniku, widac date i godzine). W koszyku i na potwierdzeniu zam. 664519 jest 259 zl i tyle tez mi zeszlo z karty.

Prosze o zwrot roznicy 60 zl.

Patrycja Dziedzic"""
    alternative(m, body + "\n", gmail_html(body))
    attach(m, png("patrycja-screen"), "image/png", "Screenshot_20270209-181204.png")
    return m


@mail("payu-zaplacone-zamowienie-anulowane", kind="complaint", language="pl",
      orders=["673140"], category="billing", resolution=None, name="Michał Wrona",
      notes="payment taken but the order was auto-cancelled as unpaid; asks to book the "
            "payment and ship (no resolution value); inflected 'z zamówieniem'; payment "
            "transaction id and amount; staff first name Michał elsewhere is irrelevant")
def _():
    m = new(("Michał Wrona", "michal.wrona@gmail.example"),
            "Zapłaciłem, a zamówienie anulowane", "2027-02-13 10:03:51 +0100")
    body = """Dzień dobry,

mam problem z zamówieniem 673140. Zapłaciłem przez PayU od razu po złożeniu zamówienia (11.02, 18:42, kwota 538,00 zł, ID transakcji PAYU-4TQ8-W2ZK-19XB), pieniądze zeszły z konta. Dziś rano dostałem maila, że zamówienie zostało anulowane z powodu braku płatności.

Proszę o zaksięgowanie wpłaty i wysłanie zamówienia – nie chcę składać go od nowa, bo cena w międzyczasie wzrosła.

Pozdrawiam
Michał Wrona"""
    alternative(m, body + "\n", gmail_html(body))
    return m


@mail("faktura-stary-adres-html", kind="complaint", language="pl", orders=["690118"],
      category="billing", resolution=None, name="Małgorzata Kowal",
      notes="HTML only, windows-1250; invoice with an old address, number FV/2027/02/0154 "
            "near the order number; two postal codes; asks for a corrected invoice (no "
            "resolution value)")
def _():
    m = new(("Małgorzata Kowal", "malgorzata.kowal@onet.example"),
            "Błędny adres na fakturze", "2027-02-23 09:15:06 +0100", client="web",
            hdr=("windows-1250", "Q"))
    html_only(m, """<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1250"></head><body>
<p>Dzień dobry,</p>
<p>na fakturze FV/2027/02/0154 do zamówienia 690118 jest mój stary adres (ul. Piękna 3, 31-444 Kraków), chociaż w koncie zmieniłam go w grudniu na obecny: ul. Wiślana 17/2, 30-213 Kraków. Adres dostawy był dobry.</p>
<p>Bardzo proszę o wystawienie faktury z prawidłowym adresem.</p>
<p>Z poważaniem<br>Małgorzata Kowal</p>
</body></html>
""", charset="windows-1250")
    return m


# ---------------------------------------------------------------- other

@mail("pytanie-gwarancja-raty", kind="complaint", language="pl", orders=[],
      category="other", resolution=None, name="Leszek Pawlik",
      notes="pre-sales question (warranty length, instalments) sent to the complaints "
            "mailbox; no order, no signature; words 'gwarancja' and 'raty' only; no "
            "diacritics")
def _():
    m = new(("Leszek Pawlik", "leszek.pawlik@wp.example"), "pytanie",
            "2027-01-20 07:40:33 +0100", client="web")
    plain(m, """Dzien dobry, czy zmywarka wolnostojaca 45 cm ktora macie teraz w promocji ma gwarancje 2 lata czy 3? I czy da sie ja kupic na raty 0%? Na stronie nie moge tego znalezc.
""", charset="us-ascii", cte="7bit")
    return m


@mail("thank-you-karolina", kind="complaint", language="en", orders=["626655"],
      category="other", resolution=None, name="Emma Clarke",
      notes="praise only, no problem; English; names a staff member (Karolina from "
            "customer service) who is not the customer; bare order number")
def _():
    m = new(("Emma Clarke", "emma.clarke@icloud.example"), "Thank you!",
            "2027-01-26 16:20:05 +0100", client="iphone")
    plain(m, """Hi,

Just a quick note to say thank you to Karolina from your customer service. I called on Monday in a panic because order 626655 had the wrong delivery address (my old flat), and she managed to change it before it left the warehouse. Everything arrived today, perfectly packed.

Lovely service, I'll definitely order again.

Emma Clarke

Sent from my iPhone
""")
    return m


@mail("za-duzo-plastiku-w-paczce", kind="complaint", language="pl", orders=["653390"],
      category="other", resolution=None, name="Julia Ostrowska",
      notes="complaint about excessive plastic packaging while the goods are fine (other, "
            "not damaged); 'ZAM-' form; counts of bags and boxes are small numbers")
def _():
    m = new(("Julia Ostrowska", "julia.ostrowska@gmail.example"),
            "Opakowanie zamówienia ZAM-653390", "2027-02-04 14:50:16 +0100")
    body = """Dzień dobry,

towar z zamówienia ZAM-653390 doszedł cały i wszystko jest w porządku, więc nie o to chodzi. Chciałam tylko zwrócić uwagę, że dwie małe świeczki zapakowali Państwo w karton wielkości mikrofalówki, a w środku było 5 woreczków foliowych i chyba pół metra sześciennego folii bąbelkowej. Naprawdę da się to zrobić lepiej – wiele sklepów używa już papieru.

Proszę przekazać to osobom, które odpowiadają za pakowanie.

Pozdrawiam
Julia Ostrowska"""
    alternative(m, body + "\n", gmail_html(body))
    return m


@mail("filtr-do-nawilzacza-czy-macie", kind="complaint", language="pl", orders=["580411"],
      category="other", resolution=None, name="Roman Pietrzyk",
      notes="question about buying a spare filter for a working device (other, not "
            "defective); old order 'zamowienie 580411'; catalogue number '300 415' written "
            "ddd ddd is a distractor; no diacritics")
def _():
    m = new(("Roman Pietrzyk", "roman.pietrzyk@interia.example"),
            "filtr", "2027-02-07 11:11:50 +0100", client="web")
    plain(m, """Dzien dobry

w listopadzie kupilem u Panstwa oczyszczacz powietrza (zamowienie 580411). Dziala bez zarzutu, ale wskaznik pokazuje ze trzeba wymienic filtr. W instrukcji jest numer katalogowy filtra 300 415, a na Waszej stronie nie moge go znalezc. Czy bedzie dostepny albo czy pasuje jakis zamiennik?

Pozdrawiam
Roman Pietrzyk
""", charset="us-ascii", cte="7bit")
    return m


@mail("zmiana-kuriera-na-paczkomat", kind="complaint", language="pl", orders=["661047"],
      category="other", resolution=None, name="Wanda Jasinska",
      notes="request to change the delivery method of an order not yet shipped (other); "
            "unusual form 'ZAM 661047' with a space after ZAM; paczkomat code POZ12A and "
            "street number; no diacritics anywhere")
def _():
    m = new(("Wanda Jasinska", "wanda.jasinska@onet.example"),
            "zmiana dostawy", "2027-02-27 10:20:19 +0100", client="web")
    plain(m, """Dzien dobry,

czy mozna jeszcze zmienic sposob dostawy w zamowieniu ZAM 661047? Wybralam kuriera, ale w przyszlym tygodniu nie bedzie mnie w domu i wolalabym paczkomat POZ12A (ul. Garbary 48, Poznan). Jesli trzeba doplacic, to nie ma problemu.

Dziekuje
Wanda Jasinska
""")
    return m


# ===========================================================================
# status queries

@mail("status-kieliszki-cisza", kind="status_query", language="pl", orders=["604218"],
      category="damaged", resolution=None, name="Kinga Wójcik",
      notes="follow-up on the broken wine glasses (damaged); own text without diacritics "
            "and without the order number, which is only in the quoted acknowledgement "
            "together with the complaint reference RK/2027/01/0107; staff signature "
            "'Karolina Mazur' in the quote is not the customer")
def _():
    m = new(("Kinga Wójcik", "kinga.wojcik.kw@gmail.example"),
            "Re: Reklamacja RK/2027/01/0107 - przyjęcie zgłoszenia",
            "2027-01-27 19:50:14 +0100", in_reply_to="<1290384415.77ab01@sklep.example>")
    body = """Dzien dobry, minely prawie 2 tygodnie i cisza. Kieliszki mialy byc doslane, sobota dawno minela. Czy cos sie w ogole dzieje w tej sprawie??

Kinga"""
    attribution = ("W dniu czw., 14 sty 2027 o 09:31 Dział Reklamacji Sklep Domowy "
                   "<reklamacje@sklep.example> napisał(a):")
    quoted = """Dzień dobry,

potwierdzamy przyjęcie reklamacji dotyczącej zamówienia 604218 (uszkodzone kieliszki). Zgłoszeniu nadaliśmy numer RK/2027/01/0107. Brakujące sztuki wyślemy po potwierdzeniu dostępności w magazynie.

Pozdrawiamy
Karolina Mazur
Dział Reklamacji Sklep Domowy"""
    text = body + "\n\n" + attribution + "\n\n" + quote(quoted) + "\n"
    alternative(m, text, gmail_html(body, attribution, lines_html(quoted)))
    return m


@mail("status-fitness-band-sent-back", kind="status_query", language="en",
      orders=["622914"], category="defective", resolution=None, name="Daniel Hughes",
      notes="English Outlook reply above the shop's acknowledgement (From/Sent/To/Subject "
            "block); the order number is only in the quote; Poczta Polska tracking "
            "number and complaint reference are distractors")
def _():
    m = new(("Daniel Hughes", "daniel.hughes@outlook.example"),
            "RE: Complaint RK/2027/01/0133 received", "2027-02-04 09:15:27 +0100",
            client="o365en", in_reply_to="<2204761193.c3e9a2@sklep.example>")
    body = """Hi,

I posted the fitness band back to you on 22 January (Poczta Polska, PX8820461937) and the tracking says it was delivered on the 25th. I haven't heard anything since. Is there any update on the replacement?

Thanks,
Daniel"""
    header_block = """From: Sklep Domowy - Reklamacje <reklamacje@sklep.example>
Sent: 19 January 2027 13:02
To: Daniel Hughes <daniel.hughes@outlook.example>
Subject: Complaint RK/2027/01/0133 received"""
    quoted = """Dear Mr Hughes,

thank you for your message. We have registered your complaint about the FitBand 5 from order no. 622914 under the reference RK/2027/01/0133. Please send the device to: Sklep Domowy, ul. Magazynowa 12, 05-800 Pruszków, marked "Reklamacja".

Kind regards,
Anna Nowak
Customer Care, Sklep Domowy"""
    text = body + "\n\n" + header_block + "\n\n" + quoted + "\n"
    alternative(m, text, outlook_html(body, charset="utf-8", lang="EN-GB",
                                      header_block=header_block, quoted=quoted))
    return m


@mail("status-ladowarka-tylko-rk", kind="status_query", language="pl", orders=[],
      category="missing_item", resolution=None, name="Grzegorz Mazur",
      notes="only the complaint reference RK/2027/01/0121 and no order number, but the text "
            "says what the complaint is about (missing charger), so the category is "
            "missing_item; phone number in the signature")
def _():
    m = new(("Grzegorz Mazur", "grzegorz.mazur@onet.example"),
            "Reklamacja RK/2027/01/0121", "2027-02-11 08:30:45 +0100", client="web")
    plain(m, """Dzień dobry,

20 stycznia zgłaszałem brak ładowarki do wkrętarki. Dostałem numer zgłoszenia RK/2027/01/0121 i od tamtej pory cisza, a minęły już trzy tygodnie. Kiedy ładowarka zostanie wysłana?

Grzegorz Mazur
tel. 516 204 733
""")
    return m


@mail("status-dalej-nic-zwrot", kind="status_query", language="pl", orders=["598442"],
      category="refund", resolution=None, name="Krystian Borkowski",
      notes="short impatient follow-up about the same refund complaint (status_query, not a "
            "new complaint); no diacritics; 'zam' without a dot; amount; 'Re:' subject")
def _():
    m = new(("Krystian Borkowski", "krystian.borkowski@gmail.example"),
            "Re: zwrot kasy", "2027-02-03 21:05:33 +0100",
            in_reply_to="<CAe7Hq2xWm0pL1R9vT4sN8kJ3dF6gB5yZc0aQ2uX@mail.gmail.example>")
    body = """no i dalej nic. zam 598442, pisalem 19 stycznia. ile mozna czekac na zwrot 249 zl??

K. Borkowski"""
    alternative(m, body + "\n", gmail_html(body))
    return m


@mail("status-szkola-ponowna-wysylka-html", kind="status_query", language="pl",
      orders=["679204", "679311"], category="not_delivered", resolution=None,
      name="Beata Wróbel",
      notes="formal HTML-only follow-up in windows-1250 from the school secretariat; both "
            "order numbers in the subject and body; asks whether the parcels were resent; "
            "the person signs, the From display name is the institution")
def _():
    m = new(("Sekretariat SP12", "sekretariat@sp12-gniezno.example"),
            "Zapytanie o status - ZAM/679204, ZAM/679311", "2027-02-24 12:30:08 +0100",
            client="web", hdr=("windows-1250", "Q"))
    html_only(m, """<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1250"></head><body style="font-family: Calibri, sans-serif">
<p>Szanowni Państwo,</p>
<p>16 lutego zgłaszaliśmy, że zamówienia ZAM/679204 i ZAM/679311 nie zostały nam doręczone, a kurier błędnie oznaczył je jako „odmowa przyjęcia”. Do dziś nie otrzymaliśmy odpowiedzi ani informacji, czy paczki zostały wysłane ponownie.</p>
<p>Uprzejmie proszę o informację, na jakim etapie jest sprawa.</p>
<p>Z poważaniem<br>Beata Wróbel<br>sekretarz szkoły<br>Szkoła Podstawowa nr 12 w Gnieźnie</p>
</body></html>
""", charset="windows-1250")
    return m


@mail("status-complaint-reference-only", kind="status_query", language="en", orders=[],
      category="other", resolution=None, name="Peter Novak",
      notes="English; only a complaint reference, no order number and no hint of what the "
            "complaint was about, so the category cannot be told (other)")
def _():
    m = new(("Peter Novak", "peter.novak@gmail.example"), "Complaint RK/2027/01/0158 - status?",
            "2027-02-08 15:00:39 +0100")
    body = """Hello,

could you let me know the current status of my complaint RK/2027/01/0158? It has been over two weeks since I submitted it and I haven't heard anything back.

Thanks,
Peter Novak"""
    alternative(m, body + "\n", gmail_html(body))
    return m


# ===========================================================================
# ratings

@mail("ocena-5-na-5-lustro", kind="rating", language="pl", orders=["587302"], category=None,
      resolution=None, name="Renata Kubiak", rating=5,
      notes="score written '5/5' on the first line; the quoted survey (Onet/Interia-style "
            "'Oryginalna wiadomość' block) carries the order number 'ZAM-' and the 1-5 "
            "scale; iso-8859-2")
def _():
    m = new(("Renata Kubiak", "renata.kubiak@interia.example"),
            "Odp: Jak oceniasz obsługę reklamacji?", "2027-02-13 12:04:56 +0100",
            client="web2")
    plain(m, """5/5

Nowe lustro przyszło zapakowane w dwa kartony i styropian, całe. Dziękuję za szybką wymianę!

Renata Kubiak

----- Oryginalna wiadomość -----
Od: Sklep Domowy <ankieta@sklep.example>
Do: renata.kubiak@interia.example
Data: 12 lutego 2027 16:00
Temat: Jak oceniasz obsługę reklamacji?

Twoja reklamacja RK/2027/01/0140 dotycząca zamówienia ZAM-587302 została zakończona. Oceń naszą obsługę w skali od 1 do 5 (5 - bardzo dobrze). Wystarczy odpisać na tę wiadomość.
""", charset="iso-8859-2")
    return m


@mail("ocena-na-trojke", kind="rating", language="pl", orders=["598442"], category=None,
      resolution=None, name="Krystian Borkowski", rating=3,
      notes="score as an inflected word ('Na trojke' = 3), no digit for the score; the "
            "comment contains other small numbers (4 tygodnie, 2 maile); quoted survey with "
            "the order number and the 1-5 scale; no diacritics in own text")
def _():
    m = new(("Krystian Borkowski", "krystian.borkowski@gmail.example"),
            "Re: Oceń obsługę reklamacji", "2027-02-21 18:40:02 +0100",
            in_reply_to="<2630018841.be0c44@sklep.example>")
    body = """Na trojke. Kasa w koncu wrocila, ale po 4 tygodniach i 2 mailach, a na pierwszego maila nikt nie odpisal.

Krystian"""
    attribution = ("W dniu sob., 20 lut 2027 o 09:00 Sklep Domowy <ankieta@sklep.example> "
                   "napisał(a):")
    quoted = """Dzień dobry,
sprawa zwrotu środków do zamówienia 598442 została zamknięta.
Jak oceniasz naszą obsługę w skali od 1 do 5? Odpowiedz na tę wiadomość.
Zespół Sklepu Domowego"""
    text = body + "\n\n" + attribution + "\n\n" + quote(quoted) + "\n"
    alternative(m, text, gmail_html(body, attribution, lines_html(quoted)))
    return m


@mail("rating-two-stars-html", kind="rating", language="en", orders=["622914"],
      category=None, resolution=None, name="Daniel Hughes", rating=2,
      notes="HTML only; score given as stars (two filled, three empty); the comment "
            "mentions 'a month' and 'three'; quoted survey in a blockquote with the order "
            "number")
def _():
    m = new(("Daniel Hughes", "daniel.hughes@outlook.example"), "RE: How did we do?",
            "2027-02-23 19:12:44 +0100", client="o365en",
            in_reply_to="<1977302264.04fe1b@sklep.example>")
    html_only(m, """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>
<div style="font-family:Aptos,Calibri,sans-serif;font-size:12pt">★★☆☆☆</div>
<div style="font-family:Aptos,Calibri,sans-serif;font-size:12pt">The replacement band works fine, but it took almost a month and three emails to get it.</div>
<div style="font-family:Aptos,Calibri,sans-serif;font-size:12pt">Daniel</div>
<hr>
<blockquote style="margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex">
Your complaint about order no. 622914 has been closed.<br>
How would you rate our service? Reply with 1 to 5 stars.
</blockquote>
</body></html>
""")
    return m


@mail("ocena-4-nawilzacz", kind="rating", language="pl", orders=[], category=None,
      resolution=None, name="Halina Michalak", rating=4,
      notes="bare digit '4' on the first line, then a comment with another number "
            "(5 dniach); survey quoted without an order number (only the complaint "
            "reference); iso-8859-2")
def _():
    m = new(("Halina Michalak", "halina.michalak@interia.example"),
            "Re: Ankieta - reklamacja RK/2027/01/0149", "2027-02-27 09:02:31 +0100",
            client="web2")
    plain(m, """4

Pieniądze wróciły po 5 dniach od odesłania nawilżacza, bez problemów. Jeden punkt mniej, bo pani na infolinii upierała się przy wymianie.

Halina Michalak

----- Oryginalna wiadomość -----
Od: Sklep Domowy <ankieta@sklep.example>
Do: halina.michalak@interia.example
Data: 26 lutego 2027 10:00
Temat: Ankieta - reklamacja RK/2027/01/0149

Prosimy o ocenę obsługi Twojej reklamacji w skali od 1 do 5.
""", charset="iso-8859-2")
    return m


# ===========================================================================
# auto-replies, bounce, bulk

@mail("autoodpowiedz-delegacja-bez-naglowkow", kind="auto_reply", language="pl",
      orders=["611406"], category=None, resolution=None, name="Grzegorz Mazur",
      notes="NO machine headers (normal Return-Path, no Auto-Submitted/X-Autoreply/"
            "Precedence) and a plain 'Odp:' prefix: only the text says it is automatic; "
            "no diacritics; order number only in the echoed subject")
def _():
    m = new(("Grzegorz Mazur", "grzegorz.mazur@onet.example"),
            "Odp: Reklamacja RK/2027/01/0121 – zamówienie 611406", "2027-01-22 07:00:12 +0100",
            client="web", in_reply_to="<1458830021.61d3f0@sklep.example>")
    plain(m, """Dzien dobry, to jest automatyczna odpowiedz. Do 5 lutego jestem na delegacji i mam ograniczony dostep do poczty. Na wiadomosci odpowiem po powrocie.

Grzegorz Mazur
""", charset="us-ascii", cte="7bit")
    return m


@mail("automatic-reply-out-of-office-english", kind="auto_reply", language="en",
      orders=["633185"], category=None, resolution=None, name="Oliver Grant",
      notes="Exchange out-of-office with Auto-Submitted, X-Auto-Response-Suppress and a null "
            "Return-Path; 'Automatic reply:' prefix; order number only in the echoed "
            "subject; colleague's address and a phone number")
def _():
    m = new(("Oliver Grant", "oliver.grant@outlook.example"),
            "Automatic reply: RE: Order 633185 - item missing from the box",
            "2027-01-28 09:10:03 +0100", client="o365en", return_path="<>",
            extra=[("Auto-Submitted", "auto-generated"), ("X-Auto-Response-Suppress", "All")])
    body = """Thank you for your email. I am out of the office until Monday 1 February with limited access to email. For anything urgent please call +44 20 7946 0321.

Oliver Grant"""
    alternative(m, body + "\n", outlook_html(body, charset="utf-8", lang="EN-GB"))
    return m


@mail("wp-niedostarczona-rezygnacja", kind="bounce", language="pl", orders=["662380"],
      category=None, resolution=None, name=None,
      notes="Polish provider's non-delivery report (multipart/report) returning the full "
            "shop reply as message/rfc822; the shop wrote to a misspelt address; the order "
            "number is only in the enclosed message's subject and body; SMTP codes")
def _():
    m = new(("Administrator poczty WP", "MAILER-DAEMON@mx.wp.example"),
            "Wiadomość niedostarczona", "2027-02-09 10:30:44 +0100", client="web",
            return_path="<>", extra=[("Auto-Submitted", "auto-replied")])
    original = shop_message(("Sklep Domowy - Reklamacje", "reklamacje@sklep.example"),
                            "natalia.szymczk@wp.example",
                            "Re: rezygnacja – zamówienie 662380",
                            "2027-02-09 10:30:39 +0100", """Dzień dobry,

potwierdzamy rezygnację z zamówienia 662380. Po zwrocie nieodebranej przesyłki do naszego magazynu zwrócimy pieniądze tą samą metodą płatności (BLIK), zwykle w ciągu 3 dni roboczych.

Pozdrawiamy
Ewa Kruk
Dział Reklamacji Sklep Domowy
""")
    report(m, """Dzień dobry,

Twoja wiadomość nie mogła zostać dostarczona do adresata:

  natalia.szymczk@wp.example

Powód: podany adres nie istnieje (550 5.1.1 User unknown).

Sprawdź pisownię adresu i spróbuj ponownie. Oryginalna wiadomość znajduje się w załączniku.

--
System pocztowy WP
""", """Reporting-MTA: dns; mx.wp.example
Arrival-Date: Tue, 9 Feb 2027 10:30:41 +0100

Final-Recipient: rfc822; natalia.szymczk@wp.example
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 <natalia.szymczk@wp.example>: User unknown
""", original=original)
    return m


@mail("newsletter-ceramika-numery-katalogowe", kind="bulk", language="pl", orders=[],
      category=None, resolution=None, name=None,
      notes="supplier newsletter with List-Unsubscribe, List-Id and Precedence: bulk; "
            "six-digit catalogue numbers (715230, 715247, 716 002) look like order numbers "
            "but are not; the word 'zamówienia' appears; prices and NIP")
def _():
    m = new(("Ceramika Kraszewscy - Hurt", "newsletter@ceramika-kraszewscy.example"),
            "Nowa kolekcja Fiord 2027 – ceny partnerskie do 31 stycznia",
            "2027-01-18 06:00:00 +0100", client="web",
            return_path="<nl-bounce+reklamacje=sklep.example@ceramika-kraszewscy.example>",
            extra=[("List-Unsubscribe", "<https://ceramika-kraszewscy.example/wypisz?u=5e81c0>"),
                   ("List-Id", "Partnerzy hurtowi <partnerzy.ceramika-kraszewscy.example>"),
                   ("Precedence", "bulk")])
    body = """Kolekcja Fiord 2027 już w magazynie!

Szanowni Państwo,

przedstawiamy nową kolekcję naczyń kamionkowych Fiord w trzech kolorach szkliwa. Do 31 stycznia obowiązują ceny partnerskie:

• Talerz płytki 27 cm – nr kat. 715230 – 18,40 zł netto
• Miska 15 cm – nr kat. 715247 – 14,90 zł netto
• Kubek 350 ml – nr kat. 716 002 – 12,70 zł netto

Minimum logistyczne: 24 szt. z jednego indeksu. Zamówienia powyżej 3 000 zł netto wysyłamy bez kosztów transportu.

Ceramika Kraszewscy Sp. j., ul. Garncarska 9, 27-440 Ćmielów, NIP 6611928374
Nie chcesz otrzymywać newslettera? Wypisz się: https://ceramika-kraszewscy.example/wypisz"""
    html_body = ("<html><body style=\"background:#eef2f3\"><table width=\"620\" align=\"center\" "
                 "style=\"background:#fff;font-family:Georgia,serif\"><tr><td style=\"padding:24px;"
                 "font-size:22px;color:#2f4f4f\">Kolekcja Fiord 2027 już w magazynie!</td></tr>"
                 "<tr><td style=\"padding:0 24px 24px\">" + lines_html(body.split("\n", 2)[2]) +
                 "</td></tr></table></body></html>\n")
    alternative(m, body + "\n", html_body)
    return m


@mail("payment-provider-settlement-report", kind="bulk", language="en", orders=[],
      category=None, resolution=None, name=None,
      notes="payment provider's automatic settlement notification in English sent to the "
            "complaints mailbox; Precedence: bulk and Auto-Submitted; merchant ID, "
            "settlement number and transaction count are six-digit or similar distractors; "
            "amounts in PLN; masked IBAN")
def _():
    m = new(("PayFlow Notifications", "no-reply@payflow.example"),
            "Daily settlement report - 14 Feb 2027", "2027-02-15 07:30:02 +0100",
            client="python", return_path="<bounces@payflow.example>",
            extra=[("Precedence", "bulk"), ("Auto-Submitted", "auto-generated"),
                   ("X-Mailer", "PayFlow Notifier 4.2")])
    body = """Daily settlement report

Merchant: Sklep Domowy sp. z o.o.
Merchant ID: 512088
Settlement no.: 884213
Settlement date: 14 Feb 2027

Transactions settled: 143
Refunds: 6
Gross amount: 48 211.40 PLN
Fees: 723.17 PLN
Net payout: 47 488.23 PLN

Payout account: PL** **** **** **** **** **** 2874

This is an automated message. Please do not reply. Log in to the PayFlow merchant panel to download the full CSV report."""
    alternative(m, body + "\n", "<html><body style=\"font-family:Arial\">" + lines_html(body) +
                "</body></html>\n", charset="us-ascii", cte="7bit")
    return m


# ===========================================================================
# build

def validate(label):
    assert label["kind"] in KINDS, label
    assert label["language"] in ("pl", "en"), label
    for n in label["order_numbers"]:
        assert re.fullmatch(r"[1-9]\d{5}", n), label
    assert len(set(label["order_numbers"])) == len(label["order_numbers"]), label
    if label["kind"] in ("complaint", "status_query"):
        assert label["category"] in CATEGORIES, label
    else:
        assert label["category"] is None, label
    assert label["resolution"] is None or label["resolution"] in RESOLUTIONS, label
    if label["kind"] == "rating":
        assert isinstance(label["rating"], int) and 1 <= label["rating"] <= 5, label
    else:
        assert label["rating"] is None, label
    assert label["notes"], label


FIRST = when("2027-01-13 00:00:00 +0100")
LAST = when("2027-03-01 00:00:00 +0100")


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    for f in os.listdir(OUT_DIR):
        if f.endswith(".eml") or f == "labels.jsonl":
            os.remove(os.path.join(OUT_DIR, f))
    slugs = [spec["slug"] for spec in MAILS]
    assert len(slugs) == len(set(slugs)), "duplicate slug"
    built = []
    for spec in MAILS:
        m = spec["build"]()
        d = m["Date"].datetime
        assert FIRST <= d < LAST, (spec["slug"], d)
        built.append((d, spec["slug"], spec, m))
    built.sort(key=lambda t: (t[0], t[1]))          # mailbox order: by arrival
    with open(os.path.join(OUT_DIR, "labels.jsonl"), "w", encoding="utf-8", newline="\n") as lf:
        for i, (_, slug, spec, m) in enumerate(built, 1):
            name = f"{i:03d}-{slug}.eml"
            finalize(m, slug)
            data = m.as_bytes(policy=WIRE)
            BytesParser(policy=policy.default).parsebytes(data)   # must parse back
            with open(os.path.join(OUT_DIR, name), "wb") as f:
                f.write(data)
            label = {"file": name, **spec["label"]}
            validate(label)
            lf.write(json.dumps(label, ensure_ascii=False) + "\n")
    kinds = {}
    for _, _, spec, _ in built:
        kinds[spec["label"]["kind"]] = kinds.get(spec["label"]["kind"], 0) + 1
    print(f"wrote {len(built)} messages to {OUT_DIR}: " +
          ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))


if __name__ == "__main__":
    main()
