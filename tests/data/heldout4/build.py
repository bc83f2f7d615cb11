#!/usr/bin/env python3
"""Build held-out test set 3b for the Sklep Domowy complaint-triage program.

Writes 60 RFC 5322 .eml files (NNN-slug.eml) and labels.jsonl into the
directory of this script.  Standard library only, deterministic: running the
script twice gives byte-identical files.

    python build.py

Mail dates: 1 March - 15 April 2027.  The MIME/header helpers follow the
development corpus build script (/work/shared/corpus/build.py); the messages,
people, products and stories are new.
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
        rd, zone = pl_local(d + _dt.timedelta(seconds=n % 37 + 2))
        m.set_raw("Received", f"from {helo}\r\n\t({helo} [{ip}])\r\n"
                              f"\tby mx1.sklep.example (Postfix) with ESMTPS id 4{qid}\r\n"
                              f"\tfor <{SHOP}>; {utils.format_datetime(rd)} ({zone})")
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


# Poland switches to summer time on Sunday 28 March 2027 at 01:00 UTC.
DST_START = _dt.datetime(2027, 3, 28, 1, 0, tzinfo=_dt.timezone.utc)


def pl_local(d):
    """An aware datetime -> (the same instant in Polish local time, 'CET'/'CEST')."""
    if d >= DST_START:
        return d.astimezone(_dt.timezone(_dt.timedelta(hours=2))), "CEST"
    return d.astimezone(_dt.timezone(_dt.timedelta(hours=1))), "CET"


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

def shop_mid(seed):
    return message_id("mta", seed, "sklep.example")


# ---------------------------------------------------------------- damaged

@mail("cafetiere-arrived-in-pieces", kind="complaint", language="en", orders=["734215"],
      category="damaged", resolution="replacement", name="Fiona MacLeod",
      notes="British; 'Order #' in subject and body; From display name 'Fi MacLeod' is shorter "
            "than the signed full name; UK mobile '+44 7700 900 417' ends in a ddd ddd group; "
            "UK postcode; mentions 'rather than a refund' but asks for a replacement")
def _():
    m = new(("Fi MacLeod", "fi.macleod@gmail.example"),
            "Order #734215 - cafetière arrived in pieces", "2027-03-02 09:14:33 +0000")
    body = """Hello,

I'm afraid the glass cafetière (the 8-cup one, copper finish) from Order #734215 arrived this morning in rather a lot of pieces. The outer box looked fine, but there was only one thin sheet of bubble wrap round it and the glass jug has shattered completely. The plunger and lid seem OK. I've kept everything and can send photos if you need them.

It was meant to be a birthday present for my sister on the 14th, so I'd be grateful if you could send a replacement rather than a refund, as long as it can get here in time.

You can reach me on +44 7700 900 417 during the day if that's easier.

Many thanks,
Fiona MacLeod
Edinburgh EH9 1PR"""
    alternative(m, body + "\n", gmail_html(body))
    return m


@mail("lodowka-turystyczna-wgnieciona", kind="complaint", language="pl", orders=["652908"],
      category="damaged", resolution=None, name="Katarzyna Wojcik",
      notes="no diacritics, plain us-ascii 7bit; the paczkomat pickup code '418 207' comes "
            "before the order number and has the same ddd ddd shape as 'nr zam. 652 908'; "
            "the customer only asks what to do next, so no resolution; From display name is "
            "a lowercase nickname, full name in the signature")
def _():
    m = new(("kasia w", "kasia.wojcik88@wp.example"), "Reklamacja - lodowka turystyczna",
            "2027-03-09 20:41:07 +0100", client="web")
    plain(m, """Dzien dobry,
odebralam dzis z paczkomatu (kod odbioru 418 207, WRO54M) lodowke turystyczna 26 l z nr zam. 652 908. Karton z jednej strony caly wgnieciony, lodowka ma peknieta pokrywe przy zawiasie i odlamany uchwyt. Nie podlaczalam jej jeszcze do pradu bo nie wiem czy moge.
Co mam teraz zrobic? Odeslac ja? Czy potrzebne sa zdjecia, bo mam.
Pozdrawiam
Katarzyna Wojcik
""", charset="us-ascii", cte="7bit")
    return m


@mail("damaged-dollhouse-refund", kind="complaint", language="en", orders=["581330"],
      category="damaged", resolution="refund", name="Paweł Zieliński",
      notes="non-native English by a Pole; HTML only (Outlook, utf-8 quoted-printable); "
            "'order no.' in subject and body; signature with job title and employer "
            "(CodeNest Sp. z o.o.) - the person is the customer; mobile '+48 601 774 902' has "
            "a ddd ddd tail; price '379,00 PLN'; Warsaw postcode")
def _():
    m = new(("Paweł Zieliński", "pawel.zielinski@codenest.example"),
            "Damaged dollhouse - order no. 581330", "2027-03-04 13:22:50 +0100", client="o365",
            lang="en-US")
    body = """Good afternoon,

I am writing regarding order no. 581330 which I received yesterday. It was the wooden dollhouse "Villa Rosa" for my daughter. Unfortunately the roof is cracked in two places, one of the balconies is broken off and the box was teared on the corner. The courier was in a hurry so I did not check it at the door, sorry.

I do not want to wait for another one because the birthday was already, so please make the refund of the money (379,00 PLN) to my card. I can send back the dollhouse with courier, please tell me how.

Best regards,
Paweł Zieliński
Senior QA Engineer
CodeNest Sp. z o.o.
ul. Prosta 51, 00-838 Warszawa
mob. +48 601 774 902"""
    html_only(m, outlook_html(body, charset="utf-8", lang="EN-US"))
    return m


@mail("rowerek-biegowy-protokol", kind="complaint", language="pl", orders=["903472"],
      category="damaged", resolution="replacement", name="Marek Nowicki",
      notes="Outlook windows-1250 with a JPEG attachment (multipart/mixed); From has the "
            "surname first ('Nowicki Marek'), signed in normal order; 'ZAM-' form in subject "
            "and body; 14-digit DPD parcel number; phone '698 210 447' ends in a ddd ddd group")
def _():
    m = new(("Nowicki Marek", "m.nowicki@interia.example"),
            "Reklamacja ZAM-903472 – rowerek biegowy uszkodzony w transporcie",
            "2027-03-22 07:58:12 +0100", client="outlook1250")
    body = """Dzień dobry,

w piątek kurier dostarczył rowerek biegowy (zamówienie ZAM-903472). Już przy odbiorze karton był rozerwany, a w środku rama jest wygięta przy kierownicy i tylne koło ociera o błotnik. Spisaliśmy z kurierem protokół szkody (nr przesyłki DPD 13975502184467), zdjęcie protokołu i rowerka w załączniku.

Proszę o wymianę rowerka na nowy, syn czeka na niego od tygodnia.

Pozdrawiam
Marek Nowicki
tel. 698 210 447"""
    alternative(m, body + "\n", outlook_html(body, charset="windows-1250"),
                charset="windows-1250")
    attach(m, fake_jpeg("nowicki-rowerek", 3600), "image/jpeg", "protokol_szkody.jpg")
    return m


@mail("dented-stand-mixer-keep-for-discount", kind="complaint", language="en",
      orders=["266019"], category="damaged", resolution="discount", name="Jessica Turner",
      notes="American, terse, iPhone; negation 'not a problem with the motor' - it works, "
            "only cosmetic transport damage, so damaged not defective; asks for 25% off to "
            "keep it (discount); signed with nickname 'Jess', full name in From; bare 'order "
            "266019'; '20 lb'")
def _():
    m = new(("Jessica Turner", "jessturner@icloud.example"), "dented mixer",
            "2027-03-12 16:05:41 -0500", client="iphone")
    body = """Hi - my stand mixer came today (order 266019). Works totally fine, not a problem with the motor or anything, but the bowl has a big dent on the side and there's a scrape down the back of the housing. Box was pretty beat up too.

Honestly I don't want the hassle of shipping a 20 lb mixer back to Poland. If you knock 25% off I'll keep it.

Jess

Sent from my iPhone"""
    alternative(m, body + "\n", apple_html(body))
    return m


# ---------------------------------------------------------------- defective

@mail("multicooker-blad-e4-naprawa", kind="complaint", language="pl", orders=["718044"],
      category="defective", resolution="repair", name="Jolanta Baran",
      notes="Thunderbird plain text, format=flowed, 8bit; 'zamówienia nr 718 044' with a "
            "space; explicitly wants a warranty repair and no other model; error code E4, "
            "serial number, price, date 17 lutego")
def _():
    m = new(("Jolanta Baran", "jolanta.baran@onet.example"),
            "Multicooker wyświetla błąd E4 – naprawa gwarancyjna", "2027-03-05 18:47:20 +0100",
            client="thunderbird", mode="words")
    plain(m, """Dzień dobry,

17 lutego odebrałam multicooker Kuchmistrz 6 l z zamówienia nr 718 044 (cena 459,00 zł). Przez pierwsze dwa tygodnie wszystko było w porządku, ale od wtorku w połowie gotowania urządzenie piszczy, na wyświetlaczu pojawia się „E4” i grzanie się wyłącza. Zrobiłam reset według instrukcji (odłączenie na 10 minut) – nie pomogło. Numer seryjny z tabliczki: MC6-2411-0087.

Garnek mi odpowiada i nie chcę innego, dlatego proszę o naprawę w ramach gwarancji. Proszę o informację, czy mam go wysłać do Państwa, czy bezpośrednio do serwisu producenta.

Z poważaniem
Jolanta Baran
Toruń
""", cte="8bit", flowed=True)
    return m


@mail("heated-airer-faulty-money-back", kind="complaint", language="en", orders=["690415"],
      category="defective", resolution="refund", name="Gillian Hartley",
      notes="British, verbose; rejected remedy: the phone agent offered a replacement, the "
            "customer prefers her money back (refund); 'order number' in subject and body; "
            "UK landline and postcode, pound and zloty amounts; signed 'Gill Hartley', full "
            "name in From")
def _():
    m = new(("Gillian Hartley", "gill.hartley@outlook.example"),
            "Heated airer - faulty - order number 690415", "2027-03-10 21:15:03 +0000",
            client="o365en")
    body = """Dear Sir or Madam,

I ordered a heated clothes airer from you last month (order number 690415) and I'm sorry to say it has packed up after barely three weeks. It was perfectly fine to begin with, but now only the bottom two rails warm up and the top ones stay stone cold. I've tried different sockets in the house, so it isn't the plug.

I rang your customer line yesterday and the gentleman I spoke to said you could send a replacement. That's kind, but to be honest I've lost confidence in this particular model, so instead of a replacement I would much prefer my money back (it came to 289,00 zł, about £57). I'm happy to post it back to you at your expense.

My daytime number is 0113 496 0732 and my address is 14 Moorland Road, Leeds LS6 2QT, should you need to arrange a collection.

Yours faithfully,
Gill Hartley"""
    alternative(m, body + "\n", outlook_html(body, charset="utf-8", lang="EN-GB"))
    return m


@mail("prostownica-nie-grzeje", kind="complaint", language="pl", orders=["847316"],
      category="defective", resolution="replacement", name="Wiktoria Sadowska",
      notes="colloquial, no capitals, no diacritics, abbreviations ('wgl', 'pon'); order "
            "number only in the subject ('zam 847316'); 'wymiencie mi ja na nowa' = "
            "replacement; signed with a diminutive, full name in From")
def _():
    m = new(("Wiktoria Sadowska", "wika.sadowska@o2.example"),
            "prostownica nie grzeje zam 847316", "2027-03-18 22:31:09 +0100", client="web")
    plain(m, """hej, prostownica co do mnie przyszla w pon nie grzeje wgl. dioda sie zapala ale plytki zimne nawet po 10 min. probowalam w innym gniazdku to samo. wymiencie mi ja na nowa prosze bo potrzebuje na sobote na wesele :(
wika
""")
    return m


@mail("vacuum-does-not-switch-on", kind="complaint", language="en", orders=["529804"],
      category="defective", resolution=None, name="Tomasz Wilk",
      notes="non-native English; text/plain in base64; 'ref. 529804 in your confirmation "
            "email' is the order; negations: box not damaged, nothing missing - it simply "
            "does not turn on (defective); asks what to do, no remedy (null); From display "
            "'T. Wilk', full name signed")
def _():
    m = new(("T. Wilk", "tomasz.wilk@onet.example"), "Vacuum cleaner does not switch on",
            "2027-03-26 11:09:55 +0100", client="web")
    plain(m, """Hello,

I bought the cordless vacuum cleaner Aero V9 from your shop, my order is ref. 529804 in your confirmation email. The parcel came on Wednesday in perfect condition, the box was not damaged and nothing was missing, all accessories are there. But the vacuum does not turn on at all. I charged it for full 5 hours as the manual says, the lights on the battery blink three times and then nothing.

I am not sure what is the procedure in your shop. Please let me know what I should do now.

Kind regards
Tomasz Wilk
""", cte="base64")
    return m


@mail("walkie-talkie-handset-dead", kind="complaint", language="en",
      orders=["305118", "412077"], category="defective", resolution="replacement",
      name="Derek Olsen",
      notes="American; HTML only; the current order written '#305&nbsp;118' with a "
            "non-breaking space; a second, older order '#412077' is mentioned only for "
            "comparison but is still an order number; asks for a new handset (replacement)")
def _():
    m = new(("Derek Olsen", "derek.olsen@gmail.example"), "Walkie talkie set - one handset dead",
            "2027-04-01 19:44:12 -0400", client="web")
    html_only(m, """<html><body style="font-family:Arial,sans-serif;font-size:14px">
<p>Hello Sklep Domowy team,</p>
<p>We ordered the kids' walkie-talkie twin pack (Order #305&nbsp;118) for our twins. One handset works great, the other one won't power up at all - fresh AA batteries, tried three different sets. Funny thing is I bought the exact same twin pack back in January for my nephew, order #412077, and both of those work perfectly, so I know it's not us doing something wrong.</p>
<p>Could you please just send out a new handset (or a new pair, whichever is easier)? Happy to send the dead one back if you need it.</p>
<p>Thanks,<br>
Derek Olsen<br>
Columbus, OH</p>
</body></html>
""")
    return m


# ---------------------------------------------------------------- wrong_item

@mail("zla-posciel-rozmiar-kolor", kind="complaint", language="pl", orders=["563920"],
      category="wrong_item", resolution="replacement", name="Dorota Kubiak",
      notes="'nr zam.' in subject and body; wrong size and colour; two SKUs; asks to send "
            "the right set (replacement) and how to return the wrong one")
def _():
    m = new(("Dorota Kubiak", "dorota.kubiak@gmail.example"), "Zła pościel – nr zam. 563920",
            "2027-03-03 12:06:18 +0100")
    body = """Dzień dobry,

zamówiłam komplet pościeli satynowej 160x200 w kolorze butelkowej zieleni (nr zam. 563920), a w paczce był komplet 140x200, do tego w kolorze szałwiowym. Na metce jest kod POS-SAT-140-SZA, a na fakturze mam POS-SAT-160-BZL, więc to ewidentnie pomyłka przy pakowaniu.

Proszę o przysłanie właściwego kompletu. Ten, który dostałam, odeślę – tylko proszę napisać, czy mam sama nadać paczkę, czy przyjedzie kurier.

Pozdrawiam serdecznie
Dorota Kubiak"""
    alternative(m, body + "\n", gmail_html(body))
    return m


@mail("wrong-coat-just-refund", kind="complaint", language="en", orders=["477258"],
      category="wrong_item", resolution="refund", name="Robert Hughes",
      notes="British, short; 'Order no.' at the start of the body; declines a correct item "
            "('don't bother sending the right one') and wants a refund; product label code; "
            "signed with first name only")
def _():
    m = new(("Robert Hughes", "rob.hughes@me.example"), "Wrong coat",
            "2027-03-15 08:30:44 +0000", client="applemail")
    body = """Morning,

Order no. 477258 - I ordered a men's waterproof jacket, size M, navy. What turned up is a women's parka, size L, in what I can only describe as mustard. Label says PRK-W-L-MUS.

Please don't bother sending the right one out, I needed it for a walking trip this weekend and it won't make it now. Just refund me and tell me where to send the mustard one.

Cheers,
Robert"""
    alternative(m, body + "\n", apple_html(body))
    return m


@mail("gra-planszowa-wersja-niemiecka-fwd", kind="complaint", language="pl",
      orders=["829117"], category="wrong_item", resolution="replacement",
      name="Bartłomiej Sowa",
      notes="Gmail forward of the shop's order confirmation; the customer's own text (no "
            "diacritics) has no number, the order number is only in the forwarded "
            "confirmation, whose subject has none; distractors in the confirmation: SKU, "
            "prices, IBAN, NIP, postcode, phone '512 408 336'; signed 'Bartek', full name "
            "in From")
def _():
    m = new(("Bartłomiej Sowa", "bsowa@gmail.example"),
            "Fwd: Potwierdzenie zamówienia – Sklep Domowy", "2027-03-08 19:12:30 +0100")
    own = """Czesc,
ponizej potwierdzenie. Zamawialem gre "Osadnicy z Wyspy" w wersji polskiej, a przyszla wersja niemiecka (Die Inselsiedler), instrukcja i karty po niemiecku. Dzieciaki nie umieja po niemiecku wiec nie pogramy :) Prosze o wymiane na polska wersje, niemiecka odesle.
Bartek"""
    fwd_head = """---------- Forwarded message ---------
Od: Sklep Domowy <zamowienia@sklep.example>
Date: pon., 1 mar 2027 o 14:03
Subject: Potwierdzenie zamówienia – Sklep Domowy
To: <bsowa@gmail.example>"""
    conf = """Dziękujemy za zakupy w Sklepie Domowym!

Zamówienie nr 829117 z dnia 01.03.2027
Osadnicy z Wyspy – gra planszowa (wersja PL)   SKU: GRA-OSW-PL   1 szt.   169,99 zł
Dostawa: Paczkomat InPost KRA08M   12,99 zł
Razem: 182,98 zł

Płatność: przelew na konto PL27 1140 2004 0000 3102 7781 5463
Dane do wysyłki: Bartłomiej Sowa, ul. Lipowa 7/3, 31-215 Kraków, tel. 512 408 336

Sklep Domowy, ul. Magazynowa 12, 05-800 Pruszków, NIP 534-118-22-90"""
    text = own + "\n\n" + fwd_head + "\n\n\n" + conf + "\n"
    html_text = ('<div dir="ltr">' + "".join(f"<div>{_esc(x)}</div>" if x else "<div><br></div>"
                                             for x in own.split("\n")) +
                 '<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">' +
                 lines_html(fwd_head) + "<br></div><br><br>" + lines_html(conf) +
                 "</div></div>\n")
    alternative(m, text, html_text)
    return m


@mail("wrong-purifier-filter-two-orders", kind="complaint", language="en",
      orders=["615002", "640771"], category="wrong_item", resolution="replacement",
      name="Olena Kovalenko",
      notes="non-native English; two orders: the earlier purifier order (mentioned first) and "
            "the filter order with the wrong item; bare 'order NNNNNN'; product codes "
            "F-BRZ500-H13 / F-BRZ300-H13; asks for the correct filter (replacement)")
def _():
    m = new(("Olena Kovalenko", "olena.kovalenko@gmail.example"), "Wrong filter received",
            "2027-03-29 10:17:02 +0200")
    body = """Hello,

In February I bought from you air purifier Breeze 300 (order 615002) and now I ordered replacement HEPA filter for it, order 640771. But the filter which came is for Breeze 500 model, it is bigger and does not fit inside at all. On the box is written F-BRZ500-H13, I needed F-BRZ300-H13.

Please send me the correct filter for Breeze 300. The wrong one is unopened, I can return it.

Thank you,
Olena Kovalenko"""
    alternative(m, body + "\n", gmail_html(body))
    return m


@mail("poszewki-zly-kolor-rezygnacja-z-wymiany", kind="complaint", language="pl",
      orders=["590266"], category="wrong_item", resolution="refund",
      name="Ewa Michalak-Sroka",
      notes="HTML only in iso-8859-2; inflected 'zamówieniem 590266'; the consultant offered "
            "an exchange but the customer gives it up ('z wymiany rezygnuję') and asks for "
            "money back (refund); arithmetic with prices; hyphenated surname")
def _():
    m = new(("Ewa Michalak-Sroka", "ewa.michalak-sroka@onet.example"),
            "Poszewki w złym kolorze", "2027-04-07 14:50:26 +0200", client="web2")
    html_only(m, """<html><body><div style="font-family: Tahoma, sans-serif; font-size: 10pt;">
<p>Dzień dobry,</p>
<p>w związku z zamówieniem 590266 otrzymałam cztery poszewki lniane 50x50, ale zamiast koloru "terakota" przysłano musztardowe. Rozmawiałam już z Państwa konsultantką, która zaproponowała wymianę, jednak po namyśle z wymiany rezygnuję - kolor terakota i tak jest już niedostępny w sklepie, a na inny się nie zdecyduję. Proszę zatem o zwrot pieniędzy (4 × 39,90 zł = 159,60 zł) na konto, z którego płaciłam.</p>
<p>Poszewki są nierozpakowane, mogę je odesłać od razu.</p>
<p>Z poważaniem<br>
Ewa Michalak-Sroka</p>
</div></body></html>
""", charset="iso-8859-2")
    return m


# ---------------------------------------------------------------- missing_item

@mail("bistro-set-missing-fixings", kind="complaint", language="en", orders=["371650"],
      category="missing_item", resolution="replacement", name="Alistair Grant",
      notes="British; the order number appears only in the subject ('Order #371650'), the "
            "body says 'your bistro set'; negation 'no damage'; asks to post the missing bolts "
            "and key (replacement); part letters and 'M6' sizes")
def _():
    m = new(("Alistair Grant", "alistair.grant@icloud.example"),
            "Order #371650 - missing fixings", "2027-04-02 17:25:40 +0100", client="applemail")
    body = """Hello,

Your bistro set (two chairs and a folding table) arrived yesterday, well packed, no damage. However the bag of bolts and the Allen key for the chairs is not in either box - the assembly sheet lists part C (8 x M6 bolts) and part D (hex key), and neither is there. The table is fine as it just folds out.

Could you post the missing bolts and key out to me please? The address on the order is correct.

Regards,
Alistair Grant"""
    alternative(m, body + "\n", apple_html(body))
    return m


@mail("brak-formy-do-babki", kind="complaint", language="pl", orders=["702338"],
      category="missing_item", resolution="replacement", name="Marta Gorska",
      notes="no diacritics in the text (signature 'Marta Gorska'), From display name with "
            "them ('Marta Górska') - name as signed; paczkomat code '551 902' precedes "
            "'zamowieniem nr 702 338', both ddd ddd; carton intact; asks to send the missing "
            "item (replacement)")
def _():
    m = new(("Marta Górska", "marta.gorska@wp.example"), "brak czesci zamowienia",
            "2027-03-11 15:33:27 +0100", client="web")
    plain(m, """Dzien dobry,
dzisiaj odebralam paczke z paczkomatu (kod 551 902) z zamowieniem nr 702 338. W zamowieniu byly 3 rzeczy: tortownica 26 cm, forma do babki i zestaw foremek do muffinek. W paczce byla tylko tortownica i foremki, formy do babki nie ma, a na liscie w paczce jest wpisana. Karton byl zaklejony i caly.
Prosze o doslanie brakujacej formy.
Marta Gorska
""")
    return m


@mail("empty-box-fwd-dpd-notice", kind="complaint", language="en", orders=["488623"],
      category="missing_item", resolution="refund", name="Tyler Brooks",
      notes="American; forwards a courier delivery notice; the order number is only in the "
            "forwarded notice as 'Sender reference: zam. 488623'; an empty box counts as "
            "missing_item; wants money back; DPD parcel number with spaces, Polish phone "
            "number; signed with first name, full name in From")
def _():
    m = new(("Tyler Brooks", "tyler.brooks@gmail.example"),
            "Fwd: Your parcel has been delivered - EMPTY BOX??", "2027-03-23 09:02:11 -0400")
    own = """Hi there,

Forwarding the delivery notice below. The box showed up but it was EMPTY - just crumpled brown paper inside, no cocktail shaker set, no bar spoon, nothing. The tape looked like somebody had re-taped it, honestly. Not happy.

I just want my money back at this point.

Tyler"""
    fwd = """---------- Forwarded message ---------
From: DPD Polska <noreply@dpd.example>
Date: Mon, Mar 22, 2027 at 2:41 PM
Subject: Your parcel has been delivered
To: <tyler.brooks@gmail.example>"""
    notice = """Hello,
Your parcel 0000 4821 7703 5U from Sklep Domowy has been delivered.
Sender reference: zam. 488623
Weight: 1.2 kg
Delivered to: front door / porch
Questions? Call +48 22 577 55 55"""
    text = own + "\n\n" + fwd + "\n\n" + notice + "\n"
    html_text = ('<div dir="ltr">' + "".join(f"<div>{_esc(x)}</div>" if x else "<div><br></div>"
                                             for x in own.split("\n")) +
                 '<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">' +
                 lines_html(fwd) + "<br></div><br>" + lines_html(notice) + "</div></div>\n")
    alternative(m, text, html_text)
    return m


@mail("wkretarka-bez-ladowarki-rabat", kind="complaint", language="pl", orders=["688453"],
      category="missing_item", resolution="discount", name="Grzegorz Pawlak",
      notes="from a company mailbox (display 'INSTALBUD s.c.'), signed by a person with job "
            "title - the person is the customer; 'Zam. 688453' in subject and body; factory "
            "carton intact (not damaged); keeps the tool and asks for a price reduction "
            "(discount); phone '607 330 215' ends in ddd ddd; postcode")
def _():
    m = new(("INSTALBUD s.c.", "biuro@instalbud.example"),
            "Zam. 688453 - brak ładowarki do wkrętarki", "2027-03-31 07:12:45 +0200",
            client="outlook")
    body = """Dzień dobry,

w zamówieniu Zam. 688453 przyszła wkrętarka akumulatorowa 18 V z dwoma akumulatorami, ale bez ładowarki, choć w opisie na stronie jest "ładowarka w zestawie". Karton fabryczny nie był naruszony, więc chyba tak wyszło od producenta.

Ładowarkę od starej wkrętarki tej samej firmy mamy i pasuje, więc nie ma sensu nic odsyłać ani dosyłać. Proponuję obniżenie ceny o wartość ładowarki (w Państwa sklepie 89 zł).

Z poważaniem
Grzegorz Pawlak
kierownik budowy
INSTALBUD s.c. Pawlak i Wspólnicy
ul. Przemysłowa 4, 87-100 Toruń
tel. 56 652 19 08, kom. 607 330 215"""
    alternative(m, body + "\n", outlook_html(body, charset="iso-8859-2"), charset="iso-8859-2")
    return m


# ---------------------------------------------------------------- not_delivered

@mail("package-marked-delivered-never-received", kind="complaint", language="en",
      orders=["756120"], category="not_delivered", resolution=None, name="Rachel Kim",
      notes="American; 'Order No:' form; tracking says delivered but nothing came; asks for "
            "an investigation (no resolution value); Poczta Polska tracking number, US phone, "
            "dollar amount")
def _():
    m = new(("Rachel Kim", "rachel.kim@gmail.example"),
            "Package marked delivered but never received", "2027-03-05 22:18:40 -0500")
    body = """Hello,

The tracking for my order (Order No: 756120) has said "delivered" since Monday, March 1, but nothing ever came. I checked with the front desk of my building, my neighbors and the mail room - no package. The tracking number is LX208413926PL.

Could you please open an investigation with the carrier? I paid $74.50 for this including shipping.

Thank you,
Rachel Kim
(646) 555-0182"""
    alternative(m, body + "\n", gmail_html(body))
    return m


@mail("paczka-utknela-w-sortowni-termin", kind="complaint", language="pl", orders=["219884"],
      category="not_delivered", resolution="refund", name="Henryk Wasilewski",
      notes="'ZAM-' in subject and body; 24-digit InPost number; conditional request: refund "
            "if the parcel does not arrive by Friday - the primary (only) remedy named is a "
            "refund; dates and amount")
def _():
    m = new(("Henryk Wasilewski", "h.wasilewski@o2.example"),
            "ZAM-219884 utknęło w sortowni", "2027-04-05 09:40:00 +0200", client="web")
    plain(m, """Dzień dobry,

moja paczka z zamówienia ZAM-219884 (InPost, nr 520113456789012345678901) od 29 marca ma status „W sortowni – Komorniki” i nic się nie dzieje. Infolinia InPost każe kontaktować się z nadawcą.

Jeśli przesyłka nie dotrze do piątku 9 kwietnia, proszę o anulowanie zamówienia i zwrot pieniędzy (249,00 zł).

Henryk Wasilewski
""")
    return m


@mail("zamowienie-niewyslane-anulujcie", kind="complaint", language="pl", orders=["432760"],
      category="not_delivered", resolution="refund", name="Sebastian Krol",
      notes="no diacritics; never shipped after 3 weeks - not_delivered, not a return; wants "
            "the order cancelled and money back (refund); 'zamowienie 432760' at the start of "
            "a sentence")
def _():
    m = new(("Sebastian Krol", "seba.krol@gmail.example"), "anulowanie zamowienia",
            "2027-03-17 13:55:21 +0100")
    body = """Witam,
zamowienie 432760 zlozylem i oplacilem 24 lutego, na stronie caly czas status "w realizacji", zadnego maila o wysylce, nic. Minely ponad 3 tygodnie. Dzwonilem dwa razy, za kazdym razem ze "jutro wyjdzie".
Nie czekam dluzej - prosze anulowac zamowienie i oddac pieniadze na konto.
Sebastian Krol"""
    alternative(m, body + "\n", gmail_html(body))
    return m


@mail("druga-paczka-nie-doszla", kind="complaint", language="pl",
      orders=["611045", "611392"], category="not_delivered", resolution=None,
      name="Iwona Pawlik",
      notes="no display name in From, name only in the signature; no diacritics, one long "
            "lowercase sentence; two orders: the first arrived fine, the second did not; asks "
            "to check (no resolution); date 23.03")
def _():
    m = new("iwona.p1975@interia.example", "paczka", "2027-03-30 20:02:14 +0200", client="web")
    plain(m, """dzien dobry, zrobilam dwa zamowienia 21 marca, dostalam paczke z zam. 611045 (dywanik i kosz na pranie), ale druga z zam. 611392 (suszarka do prania) do dzis nie przyszla, a w mailu bylo ze wyslana 23.03. prosze sprawdzic co sie z nia dzieje
Iwona Pawlik
""")
    return m


@mail("where-is-my-parcel-five-digits", kind="complaint", language="en", orders=[],
      category="not_delivered", resolution=None, name="Sam Bradshaw",
      notes="British, terse; the customer gives 'order number 48119 I think' - five digits, "
            "so no valid order number; no remedy named; signed 'Sam', full name in From")
def _():
    m = new(("Sam Bradshaw", "sam.bradshaw@outlook.example"), "where is my parcel",
            "2027-04-09 18:20:03 +0100", client="o365en")
    body = """Ordered a set of pans on the 22nd of March, order number 48119 I think (can't find the email). Paid, got a confirmation, nothing since. Where is it?

Sam"""
    alternative(m, body + "\n", outlook_html(body, charset="utf-8", lang="EN-GB"))
    return m


# ---------------------------------------------------------------- return

@mail("returning-a-jumper-how", kind="complaint", language="en", orders=["745093"],
      category="return", resolution=None, name="Charlotte Evans",
      notes="British; return without any fault ('nothing wrong with it'); only asks how to "
            "send it back and who pays postage - no resolution; 'order no' without a dot; "
            "UK dress size 12")
def _():
    m = new(("Charlotte Evans", "charlotte.evans@outlook.example"), "Returning a jumper",
            "2027-03-13 11:48:09 +0000", client="o365en")
    body = """Hi,

I'd like to return a jumper from order no 745093 (the oatmeal cable-knit, size 12). Nothing wrong with it at all, it just doesn't suit me. It's unworn with the tags still on.

How do I go about sending it back from the UK? Do I need to fill in a form, and will I have to pay the postage myself?

Thanks very much,
Charlotte"""
    alternative(m, body + "\n", outlook_html(body, charset="utf-8", lang="EN-GB"))
    return m


@mail("odstapienie-ekspres-przelewowy", kind="complaint", language="pl", orders=["350871"],
      category="return", resolution="refund", name="Adam Czerwiński",
      notes="formal withdrawal citing the consumer-rights act (art. 27, date of the act), "
            "device works fine; IBAN in groups, two amounts, date 19.03.2027; PDF form "
            "attached (multipart/mixed); postcode")
def _():
    m = new(("Adam Czerwiński", "adam.czerwinski@wp.example"),
            "Odstąpienie od umowy – zamówienie nr 350871", "2027-03-27 10:03:33 +0100",
            client="web")
    plain(m, """Szanowni Państwo,

na podstawie art. 27 ustawy o prawach konsumenta z dnia 30 maja 2014 r. odstępuję od umowy sprzedaży ekspresu przelewowego Barista Drip 12 (nr zamówienia 350871, odebrany 19.03.2027). Towar jest sprawny, nieużywany, w oryginalnym opakowaniu – po prostu zdecydowałem się na inny model.

Proszę o zwrot należności (329,00 zł oraz koszt dostawy 14,99 zł) na rachunek:
PL61 1090 1014 0000 0712 1981 2874

Wypełniony formularz odstąpienia w załączniku.

Z poważaniem
Adam Czerwiński
ul. Ogrodowa 18/4, 90-413 Łódź
""")
    attach(m, pdf(["Formularz odstapienia od umowy",
                   "Adresat: Sklep Domowy, ul. Magazynowa 12, 05-800 Pruszkow",
                   "Odstepuje od umowy sprzedazy: ekspres przelewowy Barista Drip 12",
                   "Numer zamowienia: 350871",
                   "Data odbioru: 19.03.2027",
                   "Imie i nazwisko: Adam Czerwinski",
                   "Data: 27.03.2027"]),
           "application/pdf", "formularz_odstapienia.pdf")
    return m


@mail("exchange-rain-boots-size", kind="complaint", language="en", orders=["562004"],
      category="return", resolution="replacement", name="Megan Castillo",
      notes="American, chatty; exchange for a bigger size with no fault ('nothing wrong with "
            "them') - category return, resolution replacement; EU shoe sizes 28/30; 'Order #' "
            "in subject and body; signed with first name")
def _():
    m = new(("Megan Castillo", "megan.castillo@gmail.example"),
            "Exchange rain boots for bigger size - Order #562004", "2027-04-08 15:12:59 -0400")
    body = """Hi!

My daughter's rain boots (the yellow duck ones, size 28) from Order #562004 fit her perfectly when they arrived, but apparently she had a growth spurt lol - they're too tight now. They've only been worn in the house. Any chance I could swap them for a size 30 in the same color? There's nothing wrong with them, they're really cute.

Thanks so much,
Megan"""
    alternative(m, body + "\n", gmail_html(body))
    return m


@mail("zwrot-dwoch-rzeczy-numer-w-temacie", kind="complaint", language="pl",
      orders=["874551"], category="return", resolution="refund", name="Lucja Malinowska",
      notes="no diacritics; bare order number only in the subject ('Zwrot czesci towaru - "
            "874551'); partial return of 2 of 5 items without fault; asks for the money for "
            "those two (refund) and the return address")
def _():
    m = new(("Lucja Malinowska", "lucja.malinowska@interia.example"),
            "Zwrot czesci towaru - 874551", "2027-04-12 08:25:10 +0200", client="web")
    plain(m, """Dzien dobry,
chcialabym zwrocic 2 z 5 rzeczy z tego zamowienia: lampke nocna LED i wazon szklany 30 cm. Po prostu nie pasuja mi do wnetrza, sa nieuzywane. Reszte zostawiam.
Prosze o zwrot pieniedzy za te dwie rzeczy na konto z ktorego placilam i info na jaki adres je wyslac.
Pozdrawiam
Lucja Malinowska
""")
    return m


# ---------------------------------------------------------------- refund

@mail("refund-not-received-polish-quote", kind="complaint", language="en", orders=["493075"],
      category="refund", resolution="refund", name="Priya Shah",
      notes="English reply above the shop's Polish returns confirmation (language en); the "
            "order number is in the Polish subject and in the quote, not in her own text; "
            "refund promised within 14 days has not arrived (refund, not return); SKU and "
            "amounts in both notations")
def _():
    m = new(("Priya Shah", "priya.shah@gmail.example"),
            "Re: Zwrot przyjęty – zamówienie 493075", "2027-04-03 12:40:51 +0100",
            in_reply_to=shop_mid("zwrot-493075"))
    body = """Hello,

I received the message below on 15 March (I had to run it through a translator!), which I understand says you've received my returned toaster and the refund would be made within 14 days. It's now been almost three weeks and nothing has come back to my card.

Could you check what's happened and make sure the refund of 219.00 PLN is sent?

Best wishes,
Priya Shah"""
    attribution = ("On Mon, 15 Mar 2027 at 10:12, Sklep Domowy – Zwroty "
                   "<zwroty@sklep.example> wrote:")
    quoted = """Dzień dobry,

potwierdzamy otrzymanie zwrotu towaru z zamówienia 493075 (toster 2-kromkowy, SKU TOS-2K-SLV). Zwrot należności w kwocie 219,00 zł zostanie zlecony w ciągu 14 dni na kartę użytą przy płatności.

Pozdrawiamy
Dział Zwrotów Sklep Domowy"""
    text = body + "\n\n" + attribution + "\n" + quote(quoted) + "\n"
    alternative(m, text, gmail_html(body, attribution, lines_html(quoted)))
    return m


@mail("zwrot-tylko-za-jedna-rzecz", kind="complaint", language="pl", orders=["325641"],
      category="refund", resolution="refund", name="Krzysztof Lasota",
      notes="no diacritics; returned two items in one parcel, money came back for one only; "
            "several amounts with commas; phone number '721 048 339' ends in ddd ddd")
def _():
    m = new(("Krzysztof Lasota", "k.lasota@gmail.example"), "zwrot niepelnej kwoty",
            "2027-03-19 17:11:48 +0100")
    body = """Dzien dobry,
odeslalem dwie rzeczy z zamowienia nr 325641 - wentylator kolumnowy (179,99 zl) i lampke biurkowa (64,90 zl). Wczoraj przyszedl przelew tylko na 179,99 zl, za lampke nic. Paczka byla jedna, obie rzeczy byly w srodku, mam potwierdzenie nadania.
Prosze o zwrot brakujacych 64,90 zl.
Krzysztof Lasota
tel 721 048 339"""
    alternative(m, body + "\n", gmail_html(body))
    return m


@mail("refund-to-closed-card-irish-iban", kind="complaint", language="en", orders=["957302"],
      category="refund", resolution="refund", name="Marcin Kaczor",
      notes="non-native English from a Pole in Ireland; 'order nr' form in subject and body; "
            "an accepted complaint about a kettle, but the new problem is the refund going "
            "to a closed card (refund, not a status query); Irish IBAN and BIC; signed "
            "'Marcin', full name in From and in the account details")
def _():
    m = new(("Marcin Kaczor", "marcin.kaczor@outlook.example"),
            "Refund to closed card - order nr 957302", "2027-04-10 21:30:40 +0100",
            client="o365en")
    body = """Hello,

You accepted my complaint for the broken electric kettle (order nr 957302) and wrote that you will refund 149,99 zł to my card. But this card is cancelled since February, I moved to Ireland and closed my Polish account. The bank says the money will go back to you.

Can you please send the refund to my Irish account instead:
IBAN IE64 IRCE 9205 0112 3456 78
BIC IRCEIE2D
Name: Marcin Kaczor

Thanks and regards,
Marcin"""
    alternative(m, body + "\n", outlook_html(body, charset="utf-8", lang="EN-GB"),
                cte="base64")
    return m


@mail("pd-brak-zwrotu-za-anulowane-zamowienie", kind="complaint", language="pl",
      orders=["268930"], category="refund", resolution="refund", name="Zdzisława Bąk",
      notes="forwarded internally by staff member Karolina Mazur ('PD:' prefix, Outlook "
            "Od/Wysłano/Do/Temat block) - the customer is the original writer, not the "
            "staff member; 'ZAM/' form; cancelled before shipping, money not back; amount "
            "'1 149,00 zł'; phone '603 940 127'")
def _():
    m = new(("Karolina Mazur", "karolina.mazur@sklep.example"),
            "PD: Brak zwrotu za anulowane zamówienie", "2027-03-24 14:20:05 +0100",
            client="o365", received="from mail.sklep.example ([192.0.2.10])\r\n"
                                    "\tby mx1.sklep.example (Postfix) with ESMTPS id 4ZQ8k71Hn2z3Tw\r\n"
                                    "\tfor <reklamacje@sklep.example>; "
                                    "Wed, 24 Mar 2027 14:20:06 +0100 (CET)")
    body = """Przekazuję do Was – klientka napisała na kontakt@, sprawa zwrotu.
Karolina

Od: Zdzisława Bąk <zdzislawa.bak@onet.example>
Wysłano: wtorek, 23 marca 2027 19:47
Do: kontakt@sklep.example
Temat: Brak zwrotu za anulowane zamówienie

Dzień dobry,
10 marca anulowałam zamówienie ZAM/268930 (robot kuchenny), jeszcze przed wysyłką, i dostałam maila, że pieniądze wrócą w ciągu 5 dni roboczych. Minęły już prawie dwa tygodnie, a na koncie nic nie ma. Płaciłam kartą. Bardzo proszę o zwrot 1 149,00 zł, bo to dla mnie duża kwota.
Zdzisława Bąk
tel. 603 940 127"""
    alternative(m, body + "\n", outlook_html(body, charset="utf-8"))
    return m


# ---------------------------------------------------------------- billing

@mail("podwojna-platnosc-blik-dwa-zamowienia", kind="complaint", language="pl",
      orders=["674205", "674219"], category="billing", resolution="refund",
      name="Natalia Urban",
      notes="no diacritics, one paragraph; BLIK code '493 118' has the ddd ddd shape; paid "
            "twice and a duplicate order was created - both order numbers labelled; asks to "
            "cancel the second and return the money (refund); amount")
def _():
    m = new(("Natalia Urban", "natalia.urban@wp.example"), "podwojna platnosc",
            "2027-03-01 08:15:37 +0100", client="web")
    plain(m, """Dzien dobry, wczoraj wieczorem placilam BLIKiem za zamowienie 674205. Pierwszy kod (493 118) niby nie przeszedl, aplikacja sie zawiesila, wiec wygenerowalam nowy i zaplacilam jeszcze raz. Dzis rano widze w banku dwie platnosci po 312,40 zl na Sklep Domowy, a na koncie w sklepie mam dwa zamowienia: 674205 i 674219, oba z tymi samymi rzeczami. Potrzebuje tylko jednego. Prosze anulowac to drugie i oddac pieniadze.
Natalia Urban
""")
    return m


@mail("incorrect-invoice-company-details", kind="complaint", language="en",
      orders=["831904"], category="billing", resolution=None, name="Daniel Osei",
      notes="British company buyer writing from a shared mailbox (display 'Brightline "
            "Interiors Accounts'); signed by a person with job title - that person is the "
            "customer; invoice FV/2027/03/0815, UK VAT number in ddd ddd ddd groups, phone "
            "ending 0815; asks for a corrected invoice (no resolution value); PDF attached")
def _():
    m = new(("Brightline Interiors Accounts", "accounts@brightline-interiors.example"),
            "Incorrect invoice for Order #831904", "2027-03-15 14:02:19 +0000", client="o365en")
    body = """Good afternoon,

We received invoice FV/2027/03/0815 for Order #831904 (12 x linen table runners, 8 x ceramic serving bowls). Unfortunately it has been issued to me personally rather than to the company, and without our VAT number, so our finance team can't process it.

Could you please reissue it with the following details:
Brightline Interiors Ltd
Unit 4, Canal Wharf, Manchester M1 7HB, United Kingdom
VAT No. GB 293 811 406

The original is attached for reference.

Kind regards,

Daniel Osei
Procurement Manager
Brightline Interiors Ltd
+44 161 496 0815"""
    alternative(m, body + "\n", outlook_html(body, charset="utf-8", lang="EN-GB"))
    attach(m, pdf(["Sklep Domowy, ul. Magazynowa 12, 05-800 Pruszkow",
                   "Faktura VAT FV/2027/03/0815",
                   "Nabywca: Daniel Osei",
                   "Bieznik lniany x 12, Miska ceramiczna x 8",
                   "Razem brutto: 1 486,20 zl"]),
           "application/pdf", "FV_2027_03_0815.pdf")
    return m


@mail("kod-rabatowy-nie-naliczony", kind="complaint", language="pl", orders=["146388"],
      category="billing", resolution="refund", name="Magdalena Witt",
      notes="wrong amount charged (discount code not applied) - billing; asks for the "
            "difference back (refund) and a corrected invoice; invoice number "
            "FV/2027/04/1127, percentages and three amounts; Apple Mail")
def _():
    m = new(("Magdalena Witt", "magda.witt@icloud.example"),
            "Kod rabatowy nie został naliczony", "2027-04-14 19:06:02 +0200", client="applemail")
    body = """Dzień dobry,

przy zamówieniu nr 146388 wpisałam kod WIOSNA20, który według newslettera daje 20% rabatu na tekstylia. W koszyku rabat był widoczny (suma 276,00 zł), ale z karty pobrano 345,00 zł i tyle też jest na fakturze FV/2027/04/1127.

Proszę o zwrot różnicy, czyli 69,00 zł, oraz o poprawioną fakturę.

Pozdrawiam
Magdalena Witt"""
    alternative(m, body + "\n", apple_html(body))
    return m


@mail("paid-by-wire-still-awaiting-payment", kind="complaint", language="en",
      orders=["507731"], category="billing", resolution=None, name="Chris Delgado",
      notes="American; 'order number' in the body and again inside the transfer reference "
            "in quotes; long bank TRN digit run; payment not matched to the order - wants it "
            "booked, not refunded (null)")
def _():
    m = new(("Chris Delgado", "chris.delgado@gmail.example"),
            "Paid but order says awaiting payment", "2027-03-28 13:33:44 -0400")
    body = """Hey,

I placed order number 507731 on Friday and paid by bank transfer (international wire, reference "507731 Delgado", amount 412.80 PLN). My bank shows the transfer completed Friday afternoon, but your site still says "Awaiting payment" and I got an email warning that the order will be cancelled in 3 days.

Can you please check and make sure the payment gets matched to the order? I don't want it cancelled. Confirmation from my bank: TRN 2027032600418832.

Chris Delgado"""
    alternative(m, body + "\n", gmail_html(body))
    return m


# ---------------------------------------------------------------- other

@mail("sito-do-suszarki-czesci", kind="complaint", language="pl", orders=[],
      category="other", resolution=None, name="Leszek Borowiec",
      notes="no diacritics; a question about buying a spare part for a working device bought "
            "last year - not missing_item (nothing was missing on delivery); no order number "
            "('nie pamietam numeru'); model number")
def _():
    m = new(("Leszek Borowiec", "leszek.borowiec@o2.example"), "czesci zamienne",
            "2027-03-02 17:40:20 +0100", client="web")
    plain(m, """Dzien dobry,
kupilem u Panstwa w zeszlym roku suszarke do grzybow i owocow (nie pamietam numeru zamowienia). Zgubilem jedno sito, reszta dziala super. Czy da sie u Was kupic samo sito, ewentualnie gdzie takie znalezc? Model DH-500.
Pozdrawiam
Leszek Borowiec
""")
    return m


@mail("bread-maker-manual-in-english", kind="complaint", language="en", orders=["779341"],
      category="other", resolution=None, name="Nikolai Petrov",
      notes="non-native English; the shop's 'ZAM-' form copied by a foreign customer; the "
            "device works, he only asks for an English manual (other)")
def _():
    m = new(("Nikolai Petrov", "n.petrov@gmail.example"), "User manual in English",
            "2027-04-04 10:11:12 +0200")
    body = """Good morning,

I bought a bread maker from you (ZAM-779341, delivered last week). It works fine but the instruction booklet inside is only in Polish and Czech. Is there an English version, maybe as a PDF? I especially need the programme list and the recipe for gluten-free bread.

Thank you in advance,
Nikolai Petrov"""
    alternative(m, body + "\n", gmail_html(body))
    return m


@mail("uwagi-do-pakowania-folia", kind="complaint", language="pl", orders=["415267"],
      category="other", resolution=None, name="Agata Rutkowska",
      notes="HTML only; 'nie tyle z reklamacją' - goods are fine, the complaint is about "
            "excessive plastic packaging (other, not damaged); inflected 'zamówieniu 415267'; "
            "carton dimensions with the multiplication sign")
def _():
    m = new(("Agata Rutkowska", "agata.rutkowska@gmail.example"), "Uwagi do pakowania",
            "2027-03-21 20:20:20 +0100")
    html_only(m, """<div dir="ltr"><div>Dzień dobry,</div><div><br></div><div>piszę nie tyle z reklamacją, co z prośbą. W zamówieniu 415267 były dwa kubki termiczne – przyszły w kartonie 60×40×40 cm wypełnionym po brzegi foliowymi poduszkami, a każdy kubek był jeszcze w folii bąbelkowej i w osobnym pudełku. Kubki całe, wszystko w porządku, ale tyle plastiku na dwa kubki to przesada.</div><div><br></div><div>Czy można przy zamówieniu zaznaczyć pakowanie bez folii, np. w papier?</div><div><br></div><div>Pozdrawiam</div><div>Agata Rutkowska</div></div>
""")
    return m


@mail("cant-log-in-password-reset", kind="complaint", language="en", orders=[],
      category="other", resolution=None, name="Laura Bennett",
      notes="British; account/login problem, no order number; password reset mail not "
            "arriving (other)")
def _():
    m = new(("Laura Bennett", "laura.bennett@outlook.example"), "Can't log in to my account",
            "2027-03-31 16:44:30 +0100", client="o365en")
    body = """Hi,

I've been trying to log in to my Sklep Domowy account for two days. It says my password is wrong, so I click "forgot password" but the reset email never arrives (I've checked spam too). My account email is this one. I'd like to check my order history before I order again.

Could someone reset it for me?

Thanks,
Laura Bennett"""
    alternative(m, body + "\n", outlook_html(body, charset="utf-8", lang="EN-GB"))
    return m


# ===========================================================================
# status queries

@mail("status-any-update-cafetiere", kind="status_query", language="en", orders=["734215"],
      category="damaged", resolution=None, name="Fiona MacLeod",
      notes="top-posted 'Any update?' above the shop's Polish acknowledgement; case tag "
            "[#R2703-0042] in the subject and RK/2027/03/0042 in the quote are not orders; "
            "the order number is only in the quote; staff signature in the quote; From "
            "display 'Fi MacLeod', signed full name")
def _():
    m = new(("Fi MacLeod", "fi.macleod@gmail.example"),
            "Re: [#R2703-0042] Przyjęliśmy Twoją reklamację", "2027-03-16 18:22:07 +0000",
            in_reply_to=shop_mid("ack-0042"))
    body = """Hello again,

Any update on this? The translation app tells me you've registered the complaint, but that was almost two weeks ago and I haven't heard anything since - no replacement, no tracking. My sister's birthday has now come and gone.

Fiona MacLeod"""
    attribution = ("On Wed, 3 Mar 2027 at 11:05, Sklep Domowy – Reklamacje "
                   "<reklamacje@sklep.example> wrote:")
    quoted = """Dzień dobry,

potwierdzamy przyjęcie reklamacji dotyczącej zamówienia 734215 (zaparzacz do kawy, szkło pęknięte w transporcie). Zgłoszenie otrzymało numer RK/2027/03/0042. Wysyłka nowego produktu nastąpi po weryfikacji zdjęć.
W odpowiedzi prosimy nie zmieniać tematu wiadomości.

Pozdrawiamy
Michał Dąbrowski
Dział Reklamacji Sklep Domowy"""
    text = body + "\n\n" + attribution + "\n" + quote(quoted) + "\n"
    alternative(m, text, gmail_html(body, attribution, lines_html(quoted)))
    return m


@mail("status-czy-cos-wiadomo-toster", kind="status_query", language="pl", orders=["260517"],
      category="defective", resolution=None, name="Roman Jablonski",
      notes="two-line 'czy cos wiadomo w sprawie reklamacji' without diacritics; the subject "
            "is only the complaint number RK/2027/02/0388 (not an order); the toaster 'ten co "
            "sie nie wylaczal' tells the original category (defective); 'Nr zamowienia' at "
            "the end")
def _():
    m = new(("Roman Jablonski", "roman.jablonski@interia.example"), "RK/2027/02/0388",
            "2027-03-04 07:31:02 +0100", client="web")
    plain(m, """Dzien dobry, czy cos wiadomo w sprawie reklamacji RK/2027/02/0388? Toster (ten co sie nie wylaczal) odeslalem 16 lutego i od tamtej pory cisza. Nr zamowienia 260517.
Roman Jablonski
""")
    return m


@mail("status-following-up-no-reply", kind="status_query", language="en", orders=["756120"],
      category="not_delivered", resolution=None, name="Rachel Kim",
      notes="follow-up to her own unanswered complaint, quoting it in full (Gmail); still a "
            "status query although the quote describes the original problem; 'Order No:' in "
            "her text and the quote; quoted US phone and tracking number")
def _():
    m = new(("Rachel Kim", "rachel.kim@gmail.example"),
            "Re: Package marked delivered but never received", "2027-03-20 10:03:33 -0400",
            in_reply_to=message_id("gmail", "rachel.kim@gmail.example|2027-03-05 22:18:40 -0500|"
                                   "Package marked delivered but never received", ""))
    body = """Hello,

Following up on my email from March 5 about Order No: 756120. I haven't received any reply, not even a case number, and the package still hasn't turned up. Could someone please let me know whether the investigation with the carrier has been started?

Rachel Kim"""
    attribution = "On Fri, Mar 5, 2027 at 10:18 PM Rachel Kim <rachel.kim@gmail.example> wrote:"
    quoted = """Hello,

The tracking for my order (Order No: 756120) has said "delivered" since Monday, March 1, but nothing ever came. I checked with the front desk of my building, my neighbors and the mail room - no package. The tracking number is LX208413926PL.

Could you please open an investigation with the carrier? I paid $74.50 for this including shipping.

Thank you,
Rachel Kim
(646) 555-0182"""
    text = body + "\n\n" + attribution + "\n" + quote(quoted) + "\n"
    alternative(m, text, gmail_html(body, attribution, lines_html(quoted)))
    return m


@mail("status-multicooker-naprawa-etap", kind="status_query", language="pl", orders=[],
      category="defective", resolution=None, name="Jolanta Baran",
      notes="restates the original fault (error E4, heating stops) in detail but asks only at "
            "which stage the repair is - status_query; no order number, only the case tag "
            "[#R2703-0057] in the subject; DPD waybill number; Thunderbird reply without quote")
def _():
    m = new(("Jolanta Baran", "jolanta.baran@onet.example"),
            "Re: [#R2703-0057] Przyjęliśmy Twoją reklamację", "2027-03-25 12:15:45 +0100",
            client="thunderbird", mode="words", in_reply_to=shop_mid("ack-0057"))
    plain(m, """Dzień dobry,

piszę w sprawie multicookera, który 8 marca wysłałam do Państwa do naprawy gwarancyjnej. Przypomnę: urządzenie w połowie gotowania wyłączało grzanie i pokazywało błąd E4, a reset nie pomagał. Kurier odebrał je ode mnie 9 marca (list przewozowy DPD 13975502311820).

Minęły ponad dwa tygodnie i nie dostałam żadnej informacji, czy garnek dotarł do serwisu i kiedy mogę się go spodziewać. Bardzo proszę o informację, na jakim etapie jest naprawa.

Z poważaniem
Jolanta Baran
""", cte="8bit", flowed=True)
    return m


@mail("status-missing-lid-not-sent", kind="status_query", language="en", orders=["157882"],
      category="missing_item", resolution=None, name="Jonas Becker",
      notes="non-native English (German living in Poland) replying to a Polish subject that "
            "carries the complaint number and 'zam. 157882'; the order number is only in the "
            "subject; asks whether the promised missing lid was sent (missing_item)")
def _():
    m = new(("Jonas Becker", "jonas.becker@gmail.example"),
            "Re: Reklamacja RK/2027/03/0131 - brakująca pokrywka (zam. 157882)",
            "2027-04-01 08:44:29 +0200", in_reply_to=shop_mid("rk-0131"))
    body = """Hello,

sorry to write in English, my Polish is not good enough for this. On 18 March you confirmed that the missing glass lid for the casserole dish will be sent "in the next days". Today is 1st April and still nothing came. Is it already sent? Maybe you have a tracking number?

Regards
Jonas Becker"""
    alternative(m, body + "\n", gmail_html(body))
    return m


@mail("status-grzejnik-olejowy-outlook", kind="status_query", language="pl",
      orders=["398554"], category="damaged", resolution=None, name="Renata Kołodziej",
      notes="Outlook top-posted reply above the shop's acknowledgement (Od/Wysłano/Do/Temat "
            "block); case tag [#R2703-0104] and RK/2027/03/0104 are not orders; the order "
            "number is only in the quote; staff 'Anna Nowak' is not the customer; asks for the "
            "decision (status_query, damaged)")
def _():
    m = new(("Renata Kołodziej", "r.kolodziej@outlook.example"),
            "RE: [#R2703-0104] Przyjęliśmy Twoją reklamację", "2027-03-30 09:12:40 +0200",
            client="outlook", in_reply_to=shop_mid("ack-0104"))
    body = """Dzień dobry,

minęło już 14 dni od przyjęcia zgłoszenia. Czy mogę prosić o informację, czy zapadła decyzja w sprawie grzejnika? Chciałabym wiedzieć, czy mam czekać na nowy, bo w domu zimno.

Renata Kołodziej"""
    header_block = """Od: Sklep Domowy - Reklamacje <reklamacje@sklep.example>
Wysłano: poniedziałek, 15 marca 2027 16:31
Do: Renata Kołodziej <r.kolodziej@outlook.example>
Temat: [#R2703-0104] Przyjęliśmy Twoją reklamację"""
    quoted = """Dzień dobry,

dziękujemy za zgłoszenie dotyczące grzejnika olejowego z zamówienia 398554, który dotarł z wgniecioną obudową i śladami oleju na kartonie. Reklamacja otrzymała numer RK/2027/03/0104. Decyzję przekażemy w ciągu 14 dni.

Z pozdrowieniami
Anna Nowak
Dział Reklamacji"""
    text = body + "\n\n" + header_block + "\n\n" + quoted + "\n"
    alternative(m, text, outlook_html(body, charset="iso-8859-2", header_block=header_block,
                                      quoted=quoted), charset="iso-8859-2")
    return m


@mail("status-any-news-case-tag-only", kind="status_query", language="en", orders=[],
      category="other", resolution=None, name="Tom Gallagher",
      notes="one-line English nag replying to a Polish acknowledgement subject with only a "
            "case tag [#R2704-0009]; no order, no description, so the category cannot be told "
            "(other); unsigned, name from From")
def _():
    m = new(("Tom Gallagher", "tom.gallagher@icloud.example"),
            "Re: [#R2704-0009] Potwierdzenie przyjęcia zgłoszenia", "2027-04-12 11:02:03 +0100",
            client="iphone", in_reply_to=shop_mid("ack-r2704-0009"))
    body = """Any news on this? It's been 10 days.

Sent from my iPhone"""
    plain(m, body + "\n")
    return m


@mail("status-halo-jest-tam-ktos", kind="status_query", language="pl", orders=["563920"],
      category="wrong_item", resolution=None, name="Dorota Kubiak",
      notes="colloquial nag from a phone, no diacritics, no capitals; 'Re:' of her own first "
            "mail, the order number is only in the subject; restates the problem (wrong size "
            "and colour) but asks what is happening - status_query; signed 'D. Kubiak', full "
            "name in From")
def _():
    m = new(("Dorota Kubiak", "dorota.kubiak@gmail.example"), "Re: Zła pościel – nr zam. 563920",
            "2027-03-19 21:40:02 +0100", client="iphone")
    body = """halo, jest tam ktos? pisalam 3 marca ze dostalam zla posciel (140 zamiast 160 i inny kolor), do dzis zero odpowiedzi. odeslac ja czy nie? kiedy przyjdzie dobra?
D. Kubiak

Wysłane z iPhone'a"""
    plain(m, body + "\n")
    return m


# ===========================================================================
# ratings

SURVEY_EN = """Dear Customer,
Your complaint about order {order} has been closed. How would you rate our service on a scale from 1 (very poor) to 5 (excellent)? Just reply with a single number.
Thank you!
Sklep Domowy"""


@mail("rating-4-would-have-been-5", kind="rating", language="en", orders=["690415"],
      category=None, resolution=None, name="Gillian Hartley", rating=4,
      notes="a bare '4' on the first line, then a comment that mentions 'a 5' and 'a week'; "
            "Outlook reply with From/Sent/To/Subject block; the quoted survey has the order "
            "number and the 1-5 scale; signed 'Gill Hartley', full name in From")
def _():
    m = new(("Gillian Hartley", "gill.hartley@outlook.example"),
            "RE: How did we do? Your complaint [#R2703-0071]", "2027-04-05 10:30:12 +0100",
            client="o365en", in_reply_to=shop_mid("survey-0071"))
    body = """4

Would have been a 5 but it took a week and a phone call before anyone replied to my first email. The refund arrived promptly after that though, thank you.

Gill Hartley"""
    header_block = """From: Sklep Domowy <ankieta@sklep.example>
Sent: 04 April 2027 09:00
To: Gillian Hartley <gill.hartley@outlook.example>
Subject: How did we do? Your complaint [#R2703-0071]"""
    quoted = SURVEY_EN.format(order="690415")
    text = body + "\n\n" + header_block + "\n\n" + quoted + "\n"
    alternative(m, text, outlook_html(body, charset="utf-8", lang="EN-GB",
                                      header_block=header_block, quoted=quoted))
    return m


@mail("ocena-gwiazdki-cztery-posciel", kind="rating", language="pl", orders=["563920"],
      category=None, resolution=None, name="Dorota Kubiak", rating=4,
      notes="HTML only; the score as stars (four filled, one empty) followed by 'cztery, bo' "
            "and a complaint about the slow first reply; quoted survey in a <blockquote> with "
            "the order number and 'od 1 do 5'; signed with first name only, full name in From")
def _():
    m = new(("Dorota Kubiak", "dorota.kubiak@gmail.example"),
            "Re: Oceń obsługę zgłoszenia [#R2703-0019]", "2027-04-02 19:40:00 +0200",
            in_reply_to=shop_mid("survey-0019"))
    html_only(m, """<div dir="ltr"><div>★★★★☆</div><div>cztery, bo odpowiedź przyszła dopiero po moim drugim mailu, ale pościel wymieniona bez problemu i szybko.</div><div>Dorota</div></div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">wt., 30 mar 2027 o 09:00 Sklep Domowy &lt;ankieta@sklep.example&gt; napisał(a):<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">Dzień dobry,<br>zakończyliśmy obsługę Twojego zgłoszenia dotyczącego zamówienia 563920.<br>Jak oceniasz naszą pomoc? Odpowiedz, podając ocenę od 1 do 5 gwiazdek.<br>Dziękujemy!<br>Zespół Sklepu Domowego</blockquote></div>
""")
    return m


@mail("ocena-piatka-forma", kind="rating", language="pl", orders=["702338"], category=None,
      resolution=None, name="Marta Górska", rating=5,
      notes="the score as a word without diacritics ('Piatka'); the quoted survey lists the "
            "scale 1-5 and the order number; signed with first name only, so the From display "
            "name (with diacritics) is the name")
def _():
    m = new(("Marta Górska", "marta.gorska@wp.example"), "Re: Jak oceniasz obsługę reklamacji?",
            "2027-03-26 09:05:00 +0100", client="web", in_reply_to=shop_mid("survey-gorska"))
    quoted = """Dzień dobry,
Twoja reklamacja do zamówienia nr 702338 została rozpatrzona.
Oceń naszą obsługę w skali od 1 (bardzo źle) do 5 (bardzo dobrze) - wystarczy odpisać jedną cyfrą.
Sklep Domowy"""
    plain(m, "Piatka :) forma doszla w 2 dni, dzieki!\nMarta\n\n"
             "----- Oryginalna wiadomość -----\n"
             "Od: Sklep Domowy <ankieta@sklep.example>\n"
             "Do: marta.gorska@wp.example\n"
             "Wysłane: czwartek, 25 marca 2027 09:00\n"
             "Temat: Jak oceniasz obsługę reklamacji?\n\n" + quoted + "\n")
    return m


@mail("rating-5-of-5-cafetiere", kind="rating", language="en", orders=["734215"],
      category=None, resolution=None, name="Fiona MacLeod", rating=5,
      notes="'5/5' - the second 5 is the scale; quoted survey with order number and scale; "
            "From display 'Fi MacLeod', signed full name")
def _():
    m = new(("Fi MacLeod", "fi.macleod@gmail.example"),
            "Re: How did we do? Your complaint [#R2703-0042]", "2027-04-06 08:15:00 +0100",
            in_reply_to=shop_mid("survey-0042"))
    body = """5/5 - the replacement cafetière arrived safe and sound (double boxed this time!). Thank you.

Fiona MacLeod"""
    attribution = ("On Mon, 5 Apr 2027 at 09:00, Sklep Domowy <ankieta@sklep.example> wrote:")
    quoted = SURVEY_EN.format(order="734215")
    text = body + "\n\n" + attribution + "\n" + quote(quoted) + "\n"
    alternative(m, text, gmail_html(body, attribution, lines_html(quoted)))
    return m


@mail("rating-3-out-of-5-long-comment", kind="rating", language="en", orders=["756120"],
      category=None, resolution=None, name="Rachel Kim", rating=3,
      notes="'3 out of 5' followed by a long comment about the problem and slow replies - "
            "still a rating, not a complaint; numbers '3 emails', 'two floors'; quoted survey "
            "with the order number")
def _():
    m = new(("Rachel Kim", "rachel.kim@gmail.example"),
            "Re: How did we do? Your complaint [#R2703-0133]", "2027-04-11 14:22:10 -0400",
            in_reply_to=shop_mid("survey-0133"))
    body = """3 out of 5.

The package did turn up in the end - a neighbor two floors up had signed for it and forgot to tell me - so in the end it wasn't really your fault. But it took 3 emails to get any response from you, and nobody ever told me whether the carrier had actually been contacted. Please work on response times.

Rachel"""
    attribution = "On Sat, Apr 10, 2027 at 3:00 AM Sklep Domowy <ankieta@sklep.example> wrote:"
    quoted = SURVEY_EN.format(order="756120")
    text = body + "\n\n" + attribution + "\n" + quote(quoted) + "\n"
    alternative(m, text, gmail_html(body, attribution, lines_html(quoted)))
    return m


@mail("ocena-2-multicooker-znowu-e4", kind="rating", language="pl", orders=[], category=None,
      resolution=None, name="Jolanta Baran", rating=2,
      notes="'Oceniam na 2, bo...' then a long comment: the repaired device showed error E4 "
            "again ('napiszę osobno') - still a rating, not a new complaint; 'cztery tygodnie' "
            "and 'E4' are not the score; no order number, the quoted survey has only the case "
            "tag; Thunderbird quote")
def _():
    m = new(("Jolanta Baran", "jolanta.baran@onet.example"),
            "Re: Jak oceniasz obsługę zgłoszenia [#R2703-0057]?", "2027-04-13 20:10:10 +0200",
            client="thunderbird", mode="words", in_reply_to=shop_mid("survey-0057"))
    quoted = """Dzień dobry,
Twoje zgłoszenie [#R2703-0057] zostało zamknięte.
Jak oceniasz naszą obsługę w skali 1–5? Odpowiedz jedną cyfrą.
Dziękujemy!
Sklep Domowy"""
    plain(m, """Oceniam na 2, bo naprawa trwała prawie cztery tygodnie, a przez ten czas musiałam sama dzwonić i dopytywać. Multicooker wrócił, ale wczoraj przy gotowaniu zupy znowu na chwilę pokazał się błąd E4 – na razie grzeje dalej, więc obserwuję. Jeśli się powtórzy, napiszę osobno. Pani przez telefon była bardzo miła, to muszę przyznać.

Jolanta Baran

W dniu 12.04.2027 o 09:00, Sklep Domowy pisze:
""" + quote(quoted) + "\n", cte="8bit", flowed=True)
    return m


# ===========================================================================
# auto-replies, bounces, bulk

@mail("automatyczna-odpowiedz-urlop-rowerek", kind="auto_reply", language="pl",
      orders=["903472"], category=None, resolution=None, name="Marek Nowicki",
      notes="Polish out-of-office with Auto-Submitted: auto-replied, X-Autoreply and "
            "Precedence: auto_reply, empty Return-Path; 'Automatyczna odpowiedź:' prefix; the "
            "order number only in the echoed subject; mobile '698 210 447' ends in ddd ddd; "
            "From has the surname first")
def _():
    m = new(("Nowicki Marek", "m.nowicki@interia.example"),
            "Automatyczna odpowiedź: RE: Reklamacja ZAM-903472 – rowerek biegowy uszkodzony "
            "w transporcie", "2027-03-24 10:02:00 +0100", client="web", return_path="<>",
            in_reply_to=shop_mid("reply-903472"),
            extra=[("Auto-Submitted", "auto-replied"), ("X-Autoreply", "yes"),
                   ("Precedence", "auto_reply")])
    plain(m, """Dzień dobry,

do 31 marca przebywam na urlopie z ograniczonym dostępem do poczty. Na wiadomości odpowiem po powrocie. W pilnych sprawach proszę dzwonić: 698 210 447.

Marek Nowicki
""")
    return m


@mail("out-of-office-no-headers-fixings", kind="auto_reply", language="en",
      orders=["371650"], category=None, resolution=None, name="Alistair Grant",
      notes="English out-of-office with NO machine headers (no Auto-Submitted, X-Autoreply or "
            "Precedence, normal Return-Path); only the 'Out of Office:' prefix and the text "
            "tell it; order number only in the echoed subject; UK mobile ending in ddd ddd")
def _():
    m = new(("Alistair Grant", "alistair.grant@icloud.example"),
            "Out of Office: Re: Order #371650 - missing fixings", "2027-04-06 09:00:30 +0100",
            client="applemail", in_reply_to=shop_mid("reply-371650"))
    plain(m, """Thank you for your email. I am away from 5 to 16 April with limited access to email and will respond on my return. For anything urgent please ring +44 7700 900 384.

Alistair Grant
""")
    return m


@mail("ticket-system-zgloszenie-582140", kind="auto_reply", language="pl",
      orders=["688453"], category=None, resolution=None, name=None,
      notes="a company ticket system acknowledges the shop's reply; the six-digit ticket "
            "number 582140 comes first in the subject and is repeated in the body - not an "
            "order; the order number only in the echoed subject ('Zam. 688453'); "
            "Auto-Submitted, Precedence: bulk, X-Loop; system sender, so no name")
def _():
    m = new(("INSTALBUD – Biuro Obsługi", "zgloszenia@instalbud.example"),
            "[Zgłoszenie #582140] Re: Zam. 688453 - brak ładowarki do wkrętarki",
            "2027-04-01 09:30:12 +0200", client="web", return_path="<>",
            in_reply_to=shop_mid("reply-688453"),
            extra=[("Auto-Submitted", "auto-replied"), ("Precedence", "bulk"),
                   ("X-Loop", "zgloszenia@instalbud.example")])
    plain(m, """Dzień dobry,

Twoja wiadomość została zarejestrowana w naszym systemie pod numerem zgłoszenia 582140 i przekazana do działu zaopatrzenia. Odpowiemy w ciągu 2 dni roboczych.

W dalszej korespondencji prosimy zachować numer zgłoszenia w temacie wiadomości.

--
INSTALBUD s.c. | System obsługi zgłoszeń
Ta wiadomość została wygenerowana automatycznie, prosimy na nią nie odpowiadać.
""")
    return m


@mail("undelivered-mail-typo-address", kind="bounce", language="en", orders=["488623"],
      category=None, resolution=None, name=None,
      notes="Postfix non-delivery report from the shop's own server (multipart/report, "
            "Return-Path <>); the staff reply went to a misspelt address (gmial); the order "
            "number is only in the returned message/rfc822 body; DPD parcel number; staff "
            "name in the returned message is not a customer")
def _():
    m = new("MAILER-DAEMON@mx1.sklep.example", "Undelivered Mail Returned to Sender",
            "2027-03-25 14:12:09 +0100", client="postfix", return_path="<>",
            received="by mx1.sklep.example (Postfix)\r\n\tid 4ZR3bT0Kq7z8mWd; "
                     "Thu, 25 Mar 2027 14:12:09 +0100 (CET)",
            from_raw="MAILER-DAEMON@mx1.sklep.example (Mail Delivery System)",
            mid="<20270325131209.4ZR3bT0Kq7z8mWd@mx1.sklep.example>",
            extra=[("Auto-Submitted", "auto-replied")])
    original = shop_message(("Sklep Domowy - Reklamacje", "reklamacje@sklep.example"),
                            "tyler.brooks@gmial.example",
                            "Re: Fwd: Your parcel has been delivered - EMPTY BOX??",
                            "2027-03-25 14:12:01 +0100", """Dear Mr Brooks,

we are very sorry that the parcel for order 488623 (DPD 0000 4821 7703 5U) arrived empty. We have opened a claim with DPD and will refund the full amount to your card within 5 working days.

Kind regards,
Michał Dąbrowski
Complaints Department, Sklep Domowy
""")
    report(m, """This is the mail system at host mx1.sklep.example.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<tyler.brooks@gmial.example>: Host or domain name not found. Name service error
    for name=gmial.example type=MX: Host not found, try again
""", """Reporting-MTA: dns; mx1.sklep.example
X-Postfix-Queue-ID: 4ZR3bS5Yhvz8mWc
X-Postfix-Sender: rfc822; reklamacje@sklep.example
Arrival-Date: Thu, 25 Mar 2027 14:12:01 +0100 (CET)

Final-Recipient: rfc822; tyler.brooks@gmial.example
Original-Recipient: rfc822;tyler.brooks@gmial.example
Action: failed
Status: 5.4.4
Diagnostic-Code: X-Postfix; Host or domain name not found. Name service error
    for name=gmial.example type=MX: Host not found, try again
""", original=original, charset="us-ascii", cte="7bit")
    return m


@mail("newsletter-kuchnia-i-spolka-wyprzedaz", kind="bulk", language="pl", orders=[],
      category=None, resolution=None, name=None,
      notes="another shop's marketing newsletter (List-Unsubscribe, List-Id, Precedence: "
            "bulk); six-digit catalogue numbers written 'ddd ddd' look like orders; promo "
            "code, prices, percentages, a hotline and a postcode; emoji in the subject")
def _():
    m = new(("Kuchnia i Spółka", "newsletter@kuchniaispolka.example"),
            "🌷 Wiosenna wyprzedaż – do -40% na garnki i patelnie", "2027-03-10 06:00:00 +0100",
            client="web", return_path="<bounce-nl-7731@kuchniaispolka.example>",
            extra=[("List-Unsubscribe", "<https://kuchniaispolka.example/wypisz?u=reklamacje>"),
                   ("List-Id", "Newsletter Kuchnia i Spolka <newsletter.kuchniaispolka.example>"),
                   ("Precedence", "bulk")])
    body = """Wiosenne porządki w kuchni? Mamy coś dla Ciebie!

Do niedzieli 14 marca rabaty do -40% na garnki, patelnie i akcesoria.

• Zestaw garnków Toskania 8 el. – 399,00 zł zamiast 649,00 zł (nr kat. 240 118)
• Patelnia granitowa 28 cm – 89,99 zł zamiast 139,99 zł (nr kat. 240 131)
• Brytfanna żeliwna 5 l – 219,00 zł (nr kat. 311 902)

Z kodem WIOSNA10 dostaniesz dodatkowe 10% przy zakupie powyżej 300 zł.

Kuchnia i Spółka, ul. Fabryczna 3, 60-101 Poznań
Infolinia: 61 300 40 50
Nie chcesz otrzymywać newslettera? Wypisz się: https://kuchniaispolka.example/wypisz"""
    html_text = ('<html><body style="font-family:Georgia,serif;background:#fdf8f2">'
                 '<table width="600" align="center"><tr><td>'
                 '<h1 style="color:#b5532f">Wiosenne porządki w kuchni?</h1>'
                 + "<p>" + lines_html(body.split("\n", 2)[2]) + "</p>"
                 '</td></tr></table></body></html>\n')
    alternative(m, body + "\n", html_text)
    return m


@mail("social-network-mention-notification", kind="bulk", language="en",
      orders=["554210"], category=None, resolution=None, name=None,
      notes="social-network notification (Auto-Submitted, List-Unsubscribe, Precedence: bulk) "
            "quoting a stranger's public post that complains about 'order 554210' - it is "
            "bulk, not a complaint, but the quoted order number is still labelled; follower "
            "counts and a post ID")
def _():
    m = new(("Connectly", "notifications@connectly.example"),
            "Marta K. mentioned Sklep Domowy in a post", "2027-03-18 15:30:00 +0000",
            client="python", return_path="<bounce-n-55821@connectly.example>",
            extra=[("Auto-Submitted", "auto-generated"), ("Precedence", "bulk"),
                   ("List-Unsubscribe", "<https://connectly.example/settings/notifications>")])
    body = """Hi Sklep Domowy,

Marta K. mentioned your page in a post:

"@SklepDomowy still waiting for my order 554210, ordered 2 weeks ago 🙁 anyone else?"

12 people reacted · 4 comments

View post: https://connectly.example/p/8841207733
Reply as Sklep Domowy: https://connectly.example/p/8841207733?reply=1

You are receiving this email because you manage the page Sklep Domowy (2,418 followers).
Connectly Inc., 500 Market Street, San Francisco, CA 94105
Manage notifications: https://connectly.example/settings/notifications"""
    alternative(m, body + "\n", "<html><body>" + lines_html(body) + "</body></html>\n")
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


FIRST = _dt.datetime(2027, 3, 1, tzinfo=_dt.timezone(_dt.timedelta(hours=1)))
LAST = _dt.datetime(2027, 4, 16, tzinfo=_dt.timezone(_dt.timedelta(hours=2)))


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    for f in os.listdir(OUT_DIR):
        if re.fullmatch(r"\d{3}-.*\.eml", f) or f == "labels.jsonl":
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
    assert len({t[0] for t in built}) == len(built), "two mails with the same Date"
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
