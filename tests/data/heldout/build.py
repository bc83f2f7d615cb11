#!/usr/bin/env python3
"""Build the held-out labelled mail set for inbox-worker.

80 mails that the rules were never tuned on, written by a different author than
the development corpus (/work/shared/corpus) and following its README: same shop,
same label schema, same labelling conventions.  They arrive after the corpus
(13 January - 12 February 2027).

    python build.py          # writes NNN-slug.eml and labels.jsonl next to this file,
                             # then checks them (exit status 0 when consistent)
    python build.py -v       # additionally lists unlabelled six-digit tokens
    python build.py --check  # only check what is on disk

Standard library only.  Deterministic: Message-IDs, boundaries, attachment bytes
and Received headers are derived from the slug, so repeated runs produce
byte-identical files.
"""

import base64
import binascii
import datetime as _dt
import hashlib
import html
import json
import os
import re
import sys
from email import policy, utils
from email.parser import BytesParser, HeaderParser

HERE = os.path.dirname(os.path.abspath(__file__))
SHOP = "reklamacje@sklep.example"

FIELDS = ["file", "kind", "language", "order_numbers", "category", "resolution",
          "customer_name", "rating", "notes"]
KINDS = {"complaint", "status_query", "rating", "auto_reply", "bounce", "bulk"}
CATEGORIES = {"damaged", "defective", "wrong_item", "missing_item", "not_delivered",
              "return", "refund", "billing", "other"}
RESOLUTIONS = {"refund", "replacement", "repair", "discount"}

# ---------------------------------------------------------------------------
# registry

MAILS = []


def mail(slug, date, *, kind, language, orders=(), category=None, resolution=None,
         name=None, rating=None, notes):
    def deco(fn):
        MAILS.append({
            "slug": slug,
            "date": _dt.datetime.strptime(date, "%Y-%m-%d %H:%M:%S %z"),
            "build": fn,
            "label": {"kind": kind, "language": language, "order_numbers": list(orders),
                      "category": category, "resolution": resolution,
                      "customer_name": name, "rating": rating, "notes": notes},
        })
        return fn
    return deco


# ---------------------------------------------------------------------------
# deterministic material

def hx(seed, n=32):
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:n]


def rnd(seed, n):
    return hashlib.shake_256(seed.encode("utf-8")).digest(n)


def fake_jpeg(seed, n=900):
    return (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x01\x00H\x00H\x00\x00"
            + b"\xff\xdb\x00C\x00" + rnd(seed + "q", 64)
            + b"\xff\xda\x00\x08\x01\x01\x00\x00?\x00" + rnd(seed, n) + b"\xff\xd9")


def fake_pdf(seed, title):
    body = rnd(seed, 600)
    return (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
            b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Contents 4 0 R >>\nendobj\n4 0 obj\n<< /Length 600 /Filter /FlateDecode "
            b"/Title (" + title.encode("ascii") + b") >>\nstream\n" + body +
            b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")


def message_id(style, seed, domain):
    h = hx(seed, 64)
    if style == "gmail":
        alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+="
        return "<CA" + "".join(alpha[b % len(alpha)] for b in rnd(seed, 42)) + \
            "@mail.gmail.example>"
    if style == "o365":
        pfx = ["PR3PR02MB", "AS8PR04MB", "DU0PR10MB", "GV1PR07MB"][int(h[0], 16) % 4]
        return f"<{pfx}{int(h[1:5], 16) % 9000 + 1000}{h[5:27].upper()}@{pfx}.eurprd0" \
               f"{int(h[27], 16) % 9 + 1}.prod.outlook.example>"
    if style == "outlook":
        return f"<000{h[1:4]}01db{h[4:8]}${h[8:16]}${h[16:24]}$@{domain}>"
    if style == "apple":
        u = h.upper()
        return f"<{u[:8]}-{u[8:12]}-{u[12:16]}-{u[16:20]}-{u[20:32]}@{domain}>"
    if style == "thunderbird":
        return f"<{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}@{domain}>"
    if style == "web":
        return f"<{int(h[:9], 16)}.{h[9:17]}.{int(h[17:22], 16)}@{domain}>"
    if style == "mta":
        return f"<{h[:14].upper()}.{int(h[14:20], 16)}@{domain}>"
    if style == "shop":
        return f"<{int(h[:8], 16)}.{h[8:14]}@sklep.example>"
    raise ValueError(style)


def shop_mid(seed):
    return message_id("shop", "shop:" + seed, "sklep.example")


def thread_index(seed):
    return base64.b64encode(rnd("ti" + seed, 22)).decode("ascii")


# ---------------------------------------------------------------------------
# headers (RFC 2047 by hand so that charset and Q/B are under our control)

_QSAFE = set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!*+-/")


def _ew(s, cs, enc):
    b = s.encode(cs)
    if enc == "B":
        return f"=?{cs}?B?{base64.b64encode(b).decode('ascii')}?="
    q = "".join(chr(c) if c in _QSAFE else ("_" if c == 32 else "=%02X" % c) for c in b)
    return f"=?{cs}?Q?{q}?="


def encoded_words(text, cs, enc, limit=64):
    out, cur = [], ""
    for ch in text:
        if cur and len(_ew(cur + ch, cs, enc)) > limit:
            out.append(_ew(cur, cs, enc))
            cur = ch
        else:
            cur += ch
    if cur:
        out.append(_ew(cur, cs, enc))
    return out


def is_ascii(s):
    return all(ord(c) < 128 for c in s)


def text_tokens(text, cs="utf-8", enc="B", mode="whole"):
    """mode 'whole': encode all of it if needed; 'words': only the non-ASCII words."""
    if is_ascii(text):
        return text.split(" ")
    if mode == "whole":
        return encoded_words(text, cs, enc)
    words, out, i = text.split(" "), [], 0
    while i < len(words):
        if is_ascii(words[i]):
            out.append(words[i])
            i += 1
            continue
        j = i
        while j + 1 < len(words) and not is_ascii(words[j + 1]):
            j += 1
        out.extend(encoded_words(" ".join(words[i:j + 1]), cs, enc))
        i = j + 1
    return out


def fold(name, tokens, width=76):
    lines, cur = [], name + ":"
    for t in tokens:
        if cur != name + ":" and len(cur) + 1 + len(t) > width:
            lines.append(cur)
            cur = " " + t
        else:
            cur += " " + t
    lines.append(cur)
    return "\n".join(lines)


def addr_tokens(display, address, cs="utf-8", enc="B"):
    if not display:
        return [address]
    if is_ascii(display):
        if re.search(r"[,.;:()\"<>@\[\]']", display):
            return ['"' + display.replace('"', '\\"') + '"', f"<{address}>"]
        return display.split(" ") + [f"<{address}>"]
    return encoded_words(display, cs, enc) + [f"<{address}>"]


def fmt_date(d):
    return utils.format_datetime(d)


# ---------------------------------------------------------------------------
# MIME parts

class Part:
    def __init__(self, headers, body):
        self.headers = list(headers)      # complete header lines (may contain folds)
        self.body = body                  # bytes, ending with a newline

    def render(self):
        return ("\n".join(self.headers) + "\n\n").encode("ascii") + self.body


def _ensure_nl(s):
    return s if s.endswith("\n") else s + "\n"


def text_part(s, subtype="plain", cs="utf-8", cte="quoted-printable", flowed=False,
              delsp=False, quote_cs=True, extra=()):
    raw = _ensure_nl(s).encode(cs)          # raises if the text does not fit the charset
    if cte == "quoted-printable":
        body = binascii.b2a_qp(raw, istext=True)
    elif cte == "base64":
        body = base64.encodebytes(raw)
    elif cte == "7bit":
        raw.decode("ascii")
        body = raw
    else:
        body = raw
    if not body.endswith(b"\n"):
        body += b"\n"
    csv = f'"{cs}"' if quote_cs else cs
    ct = f"Content-Type: text/{subtype}; charset={csv}"
    if flowed:
        ct += "; format=flowed"
        if delsp:
            ct += "; delsp=yes"
    return Part([ct, f"Content-Transfer-Encoding: {cte}", *extra], body)


def attachment(data, ctype, filename, disposition="attachment", cid=None):
    if is_ascii(filename):
        ctl = f'Content-Type: {ctype}; name="{filename}"'
        cdl = f'Content-Disposition: {disposition}; filename="{filename}"'
    else:
        q = "".join(chr(b) if b < 128 and (chr(b).isalnum() or chr(b) in "._-") else "%%%02X" % b
                    for b in filename.encode("utf-8"))
        ctl = f"Content-Type: {ctype};\n name*=utf-8''{q}"
        cdl = f"Content-Disposition: {disposition};\n filename*=utf-8''{q}"
    hdrs = [ctl, cdl, "Content-Transfer-Encoding: base64"]
    if cid:
        hdrs.append(f"Content-ID: <{cid}>")
    return Part(hdrs, base64.encodebytes(data))


def multipart(subtype, parts, boundary, params="", preamble=None):
    ct = f'Content-Type: multipart/{subtype};{params}\n boundary="{boundary}"'
    chunks = []
    if preamble:
        chunks.append(preamble.encode("ascii") + b"\n")
    for p in parts:
        chunks.append(b"--" + boundary.encode("ascii") + b"\n" + p.render() + b"\n")
    chunks.append(b"--" + boundary.encode("ascii") + b"--\n")
    return Part([ct], b"".join(chunks))


def rfc822_part(raw, description=None):
    hdrs = ["Content-Type: message/rfc822"]
    if description:
        hdrs.append(f"Content-Description: {description}")
    try:
        raw.decode("ascii")
        hdrs.append("Content-Transfer-Encoding: 7bit")
    except UnicodeDecodeError:
        hdrs.append("Content-Transfer-Encoding: 8bit")
    return Part(hdrs, raw if raw.endswith(b"\n") else raw + b"\n")


def boundary(style, seed):
    h = hx("b" + seed, 40)
    if style == "gmail":
        return "000000000000" + h[:16]
    if style == "outlook":
        return f"_000_{h[:20].upper()}_"
    if style == "apple":
        u = h.upper()
        return f"Apple-Mail={u[:8]}-{u[8:12]}-{u[12:16]}-{u[16:20]}-{u[20:32]}"
    if style == "thunderbird":
        return "------------" + "".join(c for c in h if c.isdigit())[:10] + h[:14]
    if style == "web":
        return f"=_{h[:24]}"
    return f"----={h[:28]}"


# ---------------------------------------------------------------------------
# clients and envelopes

CLIENTS = {
    # name: message-id style, header charset, header encoding, header mode, extra headers
    "gmail": ("gmail", "UTF-8", "B", "whole", []),
    "o365": ("o365", "utf-8", "B", "whole", ["Accept-Language: pl-PL, en-US",
                                             "Content-Language: pl-PL"]),
    "o365en": ("o365", "utf-8", "B", "whole", ["Accept-Language: en-GB, en-US",
                                               "Content-Language: en-GB"]),
    "outlook1250": ("outlook", "windows-1250", "Q", "whole",
                    ["X-Mailer: Microsoft Outlook 16.0", "Content-Language: pl"]),
    "outlook88592": ("outlook", "iso-8859-2", "Q", "whole",
                     ["X-Mailer: Microsoft Outlook 16.0", "Content-Language: pl"]),
    "iphone": ("apple", "utf-8", "Q", "whole", ["X-Mailer: iPhone Mail (22D82)"]),
    "applemail": ("apple", "utf-8", "Q", "whole", ["X-Mailer: Apple Mail (2.3826.400.131)"]),
    "thunderbird": ("thunderbird", "UTF-8", "Q", "words", ["User-Agent: Mozilla Thunderbird",
                                                          "Content-Language: pl"]),
    "thunderbird2": ("thunderbird", "ISO-8859-2", "Q", "words",
                     ["User-Agent: Mozilla Thunderbird", "Content-Language: pl"]),
    "web": ("web", "UTF-8", "Q", "whole", []),
    "web2": ("web", "ISO-8859-2", "Q", "whole", []),
    "web1250": ("web", "windows-1250", "B", "whole", []),
    "mta": ("mta", "utf-8", "B", "whole", []),
}

RELAYS = {
    "gmail.example": ("mail-sor-f{n}.google.example", "198.51.100"),
    "outlook.example": ("EUR0{m}-VI1-obe.outbound.protection.outlook.example", "203.0.113"),
    "wp.example": ("smtpo{n}.poczta.wp.example", "192.0.2"),
    "o2.example": ("smtpo{n}.poczta.o2.example", "192.0.2"),
    "onet.example": ("smtp{n}.poczta.onet.example", "203.0.113"),
    "interia.example": ("smtp{n}.poczta.interia.example", "198.51.100"),
    "icloud.example": ("st{n}p00im-qukt0{m}.me.example", "198.51.100"),
}


def relay_for(domain, seed):
    h = hx("r" + seed, 12)
    n, m = int(h[:3], 16) % 90 + 10, int(h[3], 16) % 8 + 1
    ip_last = int(h[4:6], 16) % 250 + 2
    if domain in RELAYS:
        host, net = RELAYS[domain]
        return host.format(n=n, m=m), f"{net}.{ip_last}"
    return f"mail.{domain}", f"203.0.113.{ip_last}"


def received(d, seed, host, ip, delay=3):
    qid = hx("q" + seed, 12).upper()
    t = fmt_date(d + _dt.timedelta(seconds=delay + int(hx("d" + seed, 2), 16) % 20))
    return (f"Received: from {host}\n\t({host} [{ip}])\n\tby mx1.sklep.example (Postfix) "
            f"with ESMTPS id {qid}\n\tfor <reklamacje@sklep.example>; {t}")


def envelope(d, seed, *, frm, subject, client="gmail", to=SHOP, cc=None, in_reply_to=None,
             references=None, extra=(), return_path=None, subject_tokens=None,
             relay=True, thread=False):
    """Top-level header lines.  frm = (display, address) or address."""
    mid_style, hcs, henc, hmode, cextra = CLIENTS[client]
    display, address = frm if isinstance(frm, tuple) else (None, frm)
    domain = address.split("@")[1]
    lines = []
    lines.append(f"Return-Path: <{address}>" if return_path is None else
                 f"Return-Path: {return_path}")
    if relay:
        host, ip = relay if isinstance(relay, tuple) else relay_for(domain, seed)
        lines.append(received(d, seed, host, ip))
    lines.append(fold("From", addr_tokens(display, address, hcs, henc)))
    if isinstance(to, tuple):
        lines.append(fold("To", addr_tokens(to[0], to[1], hcs, henc)))
    else:
        lines.append(f"To: {to}")
    if cc:
        lines.append(f"Cc: {cc}")
    toks = subject_tokens if subject_tokens is not None else text_tokens(subject, hcs, henc,
                                                                         hmode)
    lines.append(fold("Subject", toks) if toks else "Subject: ")
    lines.append(f"Date: {fmt_date(d)}")
    lines.append(f"Message-ID: {message_id(mid_style, seed, domain)}")
    if in_reply_to:
        lines.append(f"In-Reply-To: {in_reply_to}")
        lines.append(f"References: {references or in_reply_to}")
    if thread or mid_style in ("o365", "outlook"):
        lines.append(f"Thread-Index: {thread_index(seed)}")
    lines.extend(cextra)
    lines.extend(extra)
    lines.append("MIME-Version: 1.0")
    return lines


def finish(headers, part):
    raw = ("\n".join(headers) + "\n").encode("ascii") + part.render()
    raw = raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    return raw


# ---------------------------------------------------------------------------
# HTML renderings of plain text, in the style of a few clients

def _esc(s):
    return html.escape(s, quote=False)


def _blocks(text):
    """Split text into ('text', lines) and ('quote', lines) blocks."""
    out = []
    for line in text.rstrip("\n").split("\n"):
        kind = "quote" if line.startswith(">") else "text"
        if kind == "quote":
            line = line[1:].lstrip(" ") if line.startswith("> ") or line == ">" else line[1:]
        if out and out[-1][0] == kind:
            out[-1][1].append(line)
        else:
            out.append((kind, [line]))
    return out


def gmail_html(text):
    parts = []
    for kind, lines in _blocks(text):
        inner = "\n".join(f"<div>{_esc(ln) if ln else '<br>'}</div>" for ln in lines)
        if kind == "quote":
            parts.append('<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;'
                         'border-left:1px solid rgb(204,204,204);padding-left:1ex">\n'
                         + inner + "\n</blockquote>")
        else:
            parts.append(inner)
    return '<div dir="ltr">\n' + "\n".join(parts) + "\n</div>\n"


def apple_html(text):
    parts = []
    for kind, lines in _blocks(text):
        inner = "<br>\n".join(_esc(ln) for ln in lines)
        if kind == "quote":
            parts.append('<blockquote type="cite">' + inner + "</blockquote>")
        else:
            parts.append(inner)
    return ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8">'
            '</head><body dir="auto">\n' + "<br>\n".join(parts) + "\n</body></html>\n")


def outlook_html(text, cs):
    paras = []
    for ln in text.rstrip("\n").split("\n"):
        if ln.startswith(("Od:", "From:")):
            paras.append('<div style="border:none;border-top:solid #E1E1E1 1.0pt;'
                         'padding:3.0pt 0cm 0cm 0cm">')
        paras.append(f'<p class="MsoNormal">{_esc(ln) if ln else "<o:p>&nbsp;</o:p>"}</p>')
    if any(p.startswith("<div") for p in paras):
        paras.append("</div>")
    return ('<html xmlns:o="urn:schemas-microsoft-com:office:office">\n<head>\n'
            f'<meta http-equiv="Content-Type" content="text/html; charset={cs}">\n'
            '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n'
            '<style><!--\np.MsoNormal {margin:0cm;font-size:11.0pt;font-family:"Calibri",'
            'sans-serif;}\n--></style>\n</head>\n<body lang="PL" link="#0563C1">\n'
            '<div class="WordSection1">\n' + "\n".join(paras) + "\n</div>\n</body>\n</html>\n")


def simple_html(text):
    paras = text.rstrip("\n").split("\n\n")
    return ("<html><body>\n" + "\n".join(
        "<p>" + "<br>\n".join(_esc(ln) for ln in p.split("\n")) + "</p>" for p in paras)
        + "\n</body></html>\n")


def q(text):
    """Quote text with '> '."""
    return "\n".join(("> " + ln) if ln else ">" for ln in text.rstrip("\n").split("\n"))


def alt(text, seed, cs="utf-8", cte="quoted-printable", style="gmail", bstyle=None):
    if style == "gmail":
        h = gmail_html(text)
    elif style == "apple":
        h = apple_html(text)
    elif style == "outlook":
        h = outlook_html(text, cs)
    else:
        h = simple_html(text)
    return multipart("alternative",
                     [text_part(text, "plain", cs, cte), text_part(h, "html", cs, cte)],
                     boundary(bstyle or style, seed))


def with_attachments(body, atts, seed, style="gmail"):
    return multipart("mixed", [body] + list(atts), boundary(style, "mixed" + seed))


# ===========================================================================
# The mails.  Each function gets the Date (aware datetime) and the slug (seed)
# and returns the raw message.  Labels follow /work/shared/corpus/README.md.
# ===========================================================================

# --- 13 January -------------------------------------------------------------

@mail("rozbity-dzbanek-ze-zdjeciem", "2027-01-13 08:14:22 +0100",
      kind="complaint", language="pl", orders=["613207"], category="damaged",
      resolution="replacement", name="Jolanta Wiśniewska",
      notes="order written with a space ('nr 613 207'); phone 698 441 302 in the signature "
            "gives another ddd ddd shape; SKU and delivery date; JPEG photo attached "
            "(multipart/mixed); asks to send a new jug = replacement")
def _(d, s):
    text = """Dzień dobry,

wczoraj (12.01) odebrałam od kuriera paczkę z zamówieniem nr 613 207. Szklany
dzbanek do herbaty z zaparzaczem (DZB-1200-GL) był rozbity w drobny mak.
Karton z zewnątrz wyglądał normalnie, ale w środku nie było żadnego
wypełnienia i dzbanek luzem obijał się o kubki. Kubki na szczęście są całe.

W załączeniu zdjęcie. Proszę o wysłanie nowego dzbanka, ten sam model.

Z poważaniem
Jolanta Wiśniewska
tel. 698 441 302
"""
    h = envelope(d, s, frm=("Jolanta Wiśniewska", "jola.wisniewska@wp.example"),
                 subject="Rozbity dzbanek - reklamacja", client="web")
    body = with_attachments(text_part(text, cs="utf-8"),
                            [attachment(fake_jpeg(s), "image/jpeg", "IMG_20270112_184455.jpg")],
                            s, "web")
    return finish(h, body)


@mail("paczka-nie-doszla-jedna-linijka", "2027-01-13 10:02:51 +0100",
      kind="complaint", language="pl", orders=["584120"], category="not_delivered",
      resolution=None, name=None,
      notes="one line, no capitals, no diacritics, no punctuation; 'zam' without a dot; no "
            "display name and no signature, so the name is null even though the local part "
            "'marek77' hints at one; asks nothing explicit")
def _(d, s):
    text = "paczka nie doszla zam 584120 co jest grane\n\nwyslano z telefonu\n"
    h = envelope(d, s, frm="marek77@o2.example", subject="paczka", client="web")
    return finish(h, text_part(text, cs="us-ascii", cte="7bit"))


@mail("power-bank-stopped-charging", "2027-01-13 13:40:05 +0000",
      kind="complaint", language="en", orders=["640917"], category="defective",
      resolution="refund", name="Thomas Hartley",
      notes="English; 'Order #' in subject and body; From display name is the short 'Tom H', "
            "the signature has the full name; '20,000 mAh', price in zł, UK phone number; "
            "explicitly does not want another unit")
def _(d, s):
    text = """Hi,

The 20,000 mAh power bank I bought from you (Order #640917, delivered on 29
December) stopped charging on Sunday. The LEDs blink twice and then nothing,
whatever cable or plug I use. It's been used maybe five times.

I'd rather not have another one of the same model, to be honest, so please
refund me the 159,00 zł. Happy to post it back if you send me a label.

Thanks,
Thomas Hartley
+44 7700 900 417
"""
    h = envelope(d, s, frm=("Tom H", "tom.hartley82@gmail.example"),
                 subject="Power bank stopped charging - Order #640917", client="gmail")
    return finish(h, alt(text, s))


# --- 14 January -------------------------------------------------------------

@mail("suszarka-na-pranie-pogieta-rabat", "2027-01-14 09:25:40 +0100",
      kind="complaint", language="pl", orders=["702318"], category="damaged",
      resolution="discount", name="Ryszard Kołodziej",
      notes="HTML only, windows-1250 quoted-printable (Outlook); 'ZAM/' form in subject and "
            "body; crushed box and a bent arm; offers to keep it for 40 zł off (discount); "
            "price 189,00 zł and postal code 42-200")
def _(d, s):
    body_html = """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1250">
<meta name="Generator" content="Microsoft Word 15 (filtered medium)">
</head>
<body lang="PL">
<div class="WordSection1">
<p class="MsoNormal">Dzień dobry,</p>
<p class="MsoNormal">dziś dotarła suszarka na pranie balkonowa (ZAM/702318). Karton był zgnieciony
z jednego rogu, a jedno ramię suszarki jest pogięte i nie da się go do końca rozłożyć.
Reszta jest w porządku, suszarka stoi.</p>
<p class="MsoNormal">Nie chcę odsyłać całości, bo to duży gabaryt i kurier znowu ją pogniecie.
Proponuję obniżkę ceny o 40 zł (zapłaciłem 189,00 zł) &#8211; wtedy ją zatrzymuję.</p>
<p class="MsoNormal">Adres dostawy: ul. Kościuszki 7/3, 42-200 Częstochowa.</p>
<p class="MsoNormal">Pozdrawiam<br>
Ryszard Kołodziej</p>
</div>
</body></html>
"""
    h = envelope(d, s, frm=("Ryszard Kołodziej", "r.kolodziej@kolodziej-bud.example"),
                 subject="Reklamacja ZAM/702318 - pogięta suszarka", client="outlook1250")
    return finish(h, text_part(body_html, "html", "windows-1250"))


@mail("pobrano-dwa-razy-dwa-zamowienia", "2027-01-14 20:11:03 +0100",
      kind="complaint", language="pl", orders=["801233", "801240"], category="billing",
      resolution="refund", name="Renata Maciejewska",
      notes="two different order numbers (a failed first order and the repeated one); double "
            "charge of 899,00 zł; BLIK mentioned without a code; times 21:47/21:52 and date "
            "13.01; asks to cancel one and return the money = refund")
def _(d, s):
    text = """Dzień dobry,

wczoraj wieczorem zamawiałam odkurzacz pionowy. Przy pierwszej próbie płatność
BLIK się zawiesiła, strona pokazała błąd i zamówienie 801233 ma status
„nieopłacone”, więc złożyłam drugie – 801240 – i to przeszło. Dzisiaj patrzę
na konto, a tu pobrane dwa razy po 899,00 zł (13.01 o 21:47 i o 21:52).

Odkurzacz potrzebuję tylko jeden :) Proszę anulować pierwsze zamówienie
i oddać mi 899 zł.

Pozdrawiam serdecznie
Renata Maciejewska
"""
    h = envelope(d, s, frm=("Renata Maciejewska", "renata.maciejewska@gmail.example"),
                 subject="pobrano dwa razy za to samo", client="gmail")
    return finish(h, alt(text, s))


# --- 15 January -------------------------------------------------------------

@mail("czajnik-nie-wlacza-sie-naprawa", "2027-01-15 07:48:19 +0100",
      kind="complaint", language="pl", orders=["630118"], category="defective",
      resolution="repair", name="Tadeusz Michalski",
      notes="Thunderbird, ISO-8859-2 8bit, format=flowed; From has the surname first "
            "('Michalski Tadeusz'), the signature after '-- ' gives the order used; 'ZAM-' in "
            "subject and body; shop's own street address, a postal code and a phone number "
            "in the text; asks for a repair")
def _(d, s):
    text = """Dzień dobry,

czajnik elektryczny stalowy 1,7 l z zamówienia ZAM-630118 przestał się 
włączać. Po naciśnięciu przycisku lampka mrugnie i gaśnie, woda się nie 
grzeje. Sprawdzałem w innym gniazdku - to samo. Czajnik ma 5 tygodni.

Proszę o naprawę w ramach gwarancji. Mogę go odesłać albo przywieźć 
osobiście do Pruszkowa (ul. Magazynowa 12), bo pracuję niedaleko.

-- 
Tadeusz Michalski
ul. Lipowa 3, 05-820 Piastów
tel. 502 377 916
"""
    h = envelope(d, s, frm=("Michalski Tadeusz", "tadeusz.michalski@interia.example"),
                 subject="Czajnik nie włącza się - ZAM-630118", client="thunderbird2")
    return finish(h, text_part(text, cs="ISO-8859-2", cte="8bit", flowed=True))


@mail("teapot-arrived-smashed", "2027-01-15 16:03:37 +0000",
      kind="complaint", language="en", orders=["823410"], category="damaged",
      resolution="replacement", name="Emily Clarke",
      notes="English, Apple Mail; 'order #' lower case in the subject and body; photo "
            "attached; price in euro; asks for a replacement teapot")
def _(d, s):
    text = """Hello,

My order #823410 came this morning and the ceramic teapot had arrived
smashed - the spout is off and the lid is in three pieces. The outer box has a
big dent on one side, so I think it was dropped. Photo attached.

Could you please send me a replacement teapot? The cups in the same parcel
are fine. I paid €38.50 for the set.

Kind regards,
Emily Clarke
"""
    h = envelope(d, s, frm=("Emily Clarke", "emily.clarke@icloud.example"),
                 subject="order #823410 arrived smashed", client="applemail")
    body = with_attachments(alt(text, s, style="apple"),
                            [attachment(fake_jpeg(s, 1400), "image/jpeg", "IMG_4471.jpeg",
                                        disposition="inline")], s, "apple")
    return finish(h, body)


@mail("kurtka-nie-ten-rozmiar", "2027-01-15 19:30:12 +0100",
      kind="complaint", language="pl", orders=["733604"], category="wrong_item",
      resolution="replacement", name="Natalia Jabłońska",
      notes="iPhone, text/plain utf-8 QP; 'Zamówienie nr' in subject and repeated at the end; "
            "two SKUs that differ only in the size; unworn, asks for an exchange to M")
def _(d, s):
    text = """Dzień dobry,
zamówiłam kurtkę puchową damską w rozmiarze M (granatową), a przyszedł nie ten rozmiar – na metce jest XXL. W potwierdzeniu jest M (KUR-ZIM-M-GRAN), w paczce była KUR-ZIM-XXL-GRAN.
Proszę o wymianę na M, kurtka nie była noszona, metki są. Jak mam ją odesłać?
Zamówienie nr 733604.

Natalia Jabłońska

Wysłane z iPhone’a
"""
    h = envelope(d, s, frm=("Natalia Jabłońska", "natalia.jablonska@icloud.example"),
                 subject="Zamówienie nr 733604 – zły rozmiar", client="iphone")
    return finish(h, text_part(text))


# --- 16 January -------------------------------------------------------------

@mail("toster-zepsuty-drugi-raz", "2027-01-16 11:12:45 +0100",
      kind="complaint", language="pl", orders=["705990"], category="defective",
      resolution="refund", name="Dariusz Lis",
      notes="angry, capitals and '!!!'; 'zam.705990' without a space in subject and body; an "
            "older complaint reference RK/2026/10/0188; the word 'wymiany' appears but is "
            "refused - the request is the money back; signed only 'D. Lis', full name in From")
def _(d, s):
    text = """Witam

To jest jakiś żart. Toster z zam.705990 zepsuł się po 3 dniach – grzeje tylko
jedna strona, druga wcale, chleb wychodzi z jednej strony surowy. To już drugi
toster tej firmy od was który się psuje (poprzednio reklamacja
RK/2026/10/0188, to samo).

NIE CHCĘ kolejnej wymiany. Zwróćcie mi pieniądze, 129,99 zł, i tyle. Toster
mogę odesłać na wasz koszt.

D. Lis
"""
    h = envelope(d, s, frm=("Dariusz Lis", "darek.lis@gmail.example"),
                 subject="ZEPSUTY TOSTER!!! zam.705990", client="gmail")
    return finish(h, alt(text, s))


@mail("dwa-zamowienia-jedno-w-sortowni", "2027-01-16 14:40:28 +0100",
      kind="complaint", language="pl", orders=["871005", "872330"], category="not_delivered",
      resolution="refund", name="Agata Michalak",
      notes="two orders, only the second is stuck in a sorting centre; conditional request "
            "(refund if it does not come by Friday) labelled with the primary request as in "
            "the corpus convention; phone '601 234 567' in the signature; Outlook "
            "windows-1250 multipart/alternative")
def _(d, s):
    text = """Dzień dobry,

mam u Państwa dwa zamówienia: 871005 (ręczniki) i 872330 (pościel flanelowa).
Pierwsze doszło bez problemu, a drugie od 8 stycznia utknęło w sortowni w
Strykowie – w śledzeniu ciągle „Przesyłka w sortowni”, nic się nie zmienia.
Na infolinii kuriera powiedzieli, że to sprawa nadawcy.

Pościel miała być na prezent. Jeśli paczka nie dotrze do piątku 22.01, to
proszę anulować zamówienie 872330 i oddać pieniądze.

Pozdrawiam
Agata Michalak
601 234 567
"""
    h = envelope(d, s, frm=("Agata Michalak", "a.michalak@outlook.example"),
                 subject="Paczka utknęła w sortowni", client="outlook1250")
    return finish(h, alt(text, s, cs="windows-1250", style="outlook"))


# --- 17 January -------------------------------------------------------------

@mail("odbior-osobisty-pytanie", "2027-01-17 10:05:55 +0100",
      kind="complaint", language="pl", orders=[], category="other", resolution=None,
      name="Wojciech Baran",
      notes="pre-sales question (personal pick-up), no order; no diacritics; the shop's own "
            "postal code 05-800, prices '1 899,00 zl' and '49,99 zl', a phone number "
            "723 104 885")
def _(d, s):
    text = """Dzien dobry,

chcialbym zamowic u Panstwa pralke, ale wolalbym ja odebrac sam, bo mieszkam
w Pruszkowie (05-800), kilka ulic od magazynu. Czy jest mozliwy odbior
osobisty z ul. Magazynowej 12 i czy wtedy nie place 49,99 zl za dostawe?
Pralka kosztuje 1 899,00 zl.

Jesli latwiej przez telefon: 723 104 885.

Wojciech Baran
"""
    h = envelope(d, s, frm=("Wojciech Baran", "wojtek.baran@onet.example"),
                 subject="Pytanie - odbior osobisty w Pruszkowie", client="web")
    return finish(h, text_part(text, cs="us-ascii", cte="7bit"))


@mail("tracking-hasnt-moved", "2027-01-17 21:18:09 +0100",
      kind="complaint", language="en", orders=["874519"], category="not_delivered",
      resolution=None, name="Laura Fischer",
      notes="English from Germany; 'order #874519' in lower case; 24-digit parcel number in "
            "groups of four; German 5-digit postcode; signed with the first name only, full "
            "name in From; asks to check with the courier (investigate = null)")
def _(d, s):
    text = """Hello,

I ordered a set of bed linen on 5 January (order #874519). The tracking hasn't
moved since 11 January - it still says "Parcel in transit - sorting centre".
Tracking number 6203 7451 9001 2288 3310 4471 (that's what your email said).

Can you check with the courier what is going on? I'm in Berlin, postcode 10115.

Best,
Laura
"""
    h = envelope(d, s, frm=("Laura Fischer", "laura.fischer@gmail.example"),
                 subject="Tracking hasn't moved for 6 days", client="gmail")
    return finish(h, alt(text, s))


# --- 18 January -------------------------------------------------------------

@mail("bez-tematu-czerwony-zamiast-niebieskiego", "2027-01-18 09:02:33 +0100",
      kind="complaint", language="pl", orders=["745210"], category="wrong_item",
      resolution="replacement", name="Ewa",
      notes="EMPTY subject; no diacritics, no capitals at sentence starts; '#745210' in the "
            "text; no display name, signed with a first name only; wrong colour, asks for "
            "the blue one")
def _(d, s):
    text = """dzien dobry, dostalam czerwony zamiast niebieskiego :( chodzi o koc z rekawami, zamowienie #745210. mial byc niebieski a przyszedl czerwony, siostra chciala niebieski.
prosze o wymiane na niebieski, moge odeslac ten czerwony.
Ewa
"""
    h = envelope(d, s, frm="ewa.k88@o2.example", subject="", subject_tokens=[], client="web")
    return finish(h, text_part(text, cs="us-ascii", cte="7bit"))


@mail("pieniadze-nie-wrocily-po-zwrocie", "2027-01-18 12:30:41 +0100",
      kind="complaint", language="pl", orders=["903552"], category="refund",
      resolution="refund", name="Sebastian Kowalewski",
      notes="'ZAM-' in subject and body; 24-digit return parcel number in groups; amount "
            "'1 249,00 zł'; dates; cites the 14-day rule; first message about it, so a "
            "complaint (refund / refund)")
def _(d, s):
    text = """Dzień dobry,

20 grudnia odesłałem Państwu w ramach zwrotu (14 dni) robot sprzątający
z zamówienia ZAM-903552. Paczka została doręczona do magazynu 23.12 (numer
nadania 6207 1132 0498 5561 2290 3318), a pieniądze nie wróciły do dziś,
czyli prawie 4 tygodnie. Kwota 1 249,00 zł.

Ustawowo mieli Państwo 14 dni. Proszę o pilny zwrot pieniędzy na konto,
z którego płaciłem.

Sebastian Kowalewski
"""
    h = envelope(d, s, frm=("Sebastian Kowalewski", "seba.kowalewski@gmail.example"),
                 subject="Brak zwrotu pieniędzy - ZAM-903552", client="gmail")
    return finish(h, alt(text, s))


@mail("autoodpowiedz-ferie", "2027-01-18 15:00:02 +0100",
      kind="auto_reply", language="pl", orders=["733604"], name="Natalia Jabłońska",
      notes="vacation autoresponder ('Autoodpowiedź:' prefix, Auto-Submitted, X-Autoreply, "
            "Precedence: auto_reply, Return-Path <>); the order number is only in the echoed "
            "subject; the name is the mailbox owner")
def _(d, s):
    text = """Dzień dobry,

do 25 stycznia jestem na feriach z dziećmi w górach i rzadko sprawdzam pocztę.
Odpiszę po powrocie.

Natalia Jabłońska
"""
    h = envelope(d, s, frm=("Natalia Jabłońska", "natalia.jablonska@icloud.example"),
                 subject="Autoodpowiedź: Re: Zamówienie nr 733604 – zły rozmiar",
                 client="web", return_path="<>", in_reply_to=shop_mid("ack-733604"),
                 extra=["Auto-Submitted: auto-replied", "X-Autoreply: yes",
                        "Precedence: auto_reply"])
    return finish(h, text_part(text))


# --- 19 January -------------------------------------------------------------

@mail("doniczka-numer-tylko-w-temacie", "2027-01-19 08:55:14 +0100",
      kind="complaint", language="pl", orders=["655031"], category="damaged",
      resolution="refund", name="Grzegorz Pawlik",
      notes="order number only in the subject ('Zam. 655031'); no diacritics, typo "
            "('pekneta'); paczkomat name KRA08M and pickup code '734 219' written exactly like "
            "a spaced order number; no signature, name from From; refund")
def _(d, s):
    text = """Dzien dobry

odebralem wczoraj paczke z paczkomatu KRA08M (kod odbioru 734 219) i duza
doniczka ceramiczna jest pekneta na pol, odlamki po calym pudelku. Karton
caly, ale wypelnienia w srodku prawie nie bylo.

Nie chce nowej bo do wiosny i tak mi nie potrzebna, prosze o zwrot pieniedzy
89,90 zl.

Pozdrawiam
"""
    h = envelope(d, s, frm=("Grzegorz Pawlik", "g.pawlik@gmail.example"),
                 subject="Zam. 655031 - potluczona doniczka", client="gmail")
    return finish(h, alt(text, s, cs="UTF-8"))


@mail("brakuje-jednej-szklanki", "2027-01-19 17:44:50 +0100",
      kind="complaint", language="pl", orders=["802417"], category="missing_item",
      resolution="replacement", name="Halina Zielińska",
      notes="webmail text/plain ISO-8859-2 quoted-printable; 'zamówienia nr'; 5 of 6 glasses, "
            "none broken; asks to send the missing one = replacement")
def _(d, s):
    text = """Dzień dobry,
zamówiłam komplet 6 szklanek do whisky (dot. zamówienia nr 802417). W pudełku
było tylko 5, szósta przegródka pusta. Żadna nie była stłuczona, po prostu
brakuje jednej sztuki.
Proszę o dosłanie brakującej szklanki.
Pozdrawiam
Halina Zielińska
Gdańsk
"""
    h = envelope(d, s, frm=("Halina Zielińska", "halina.zielinska@wp.example"),
                 subject="Niekompletna paczka", client="web2")
    return finish(h, text_part(text, cs="iso-8859-2"))


@mail("wrong-colour-raincoat", "2027-01-19 20:07:26 +0000",
      kind="complaint", language="en", orders=["791204"], category="wrong_item",
      resolution="replacement", name="Sophie Lambert",
      notes="English, Outlook.com; 'order no.' in the subject, 'Order no.' at the end of the "
            "body; two SKUs; children's size 110/116 (looks like a number pair); signed with "
            "first name, full name in From")
def _(d, s):
    text = """Hi there,

You sent me the wrong colour. I ordered the children's raincoat in yellow,
size 110/116, and received a pink one (same size). The label on the bag says
RC-KIDS-110-PNK, my order confirmation says RC-KIDS-110-YLW.

My son is not going to wear pink, so could you please send the yellow one
instead? I'll return the pink one, of course.

Order no. 791204.

Thanks,
Sophie
"""
    h = envelope(d, s, frm=("Sophie Lambert", "sophie.lambert@outlook.example"),
                 subject="Wrong colour sent - order no. 791204", client="o365en")
    return finish(h, alt(text, s, style="outlook"))


# --- 20 January -------------------------------------------------------------

@mail("faktura-na-zle-nip", "2027-01-20 08:31:17 +0100",
      kind="complaint", language="pl", orders=["926448"], category="billing",
      resolution=None, name="Marek Jankowski",
      notes="company mailbox ('Biuro - Jankowski Transport'), the person signs; 'zam. nr'; "
            "invoice FV/2027/01/0387, two NIPs in dashed form, company postal code, phone; "
            "PDF scan attached; asks for a corrected invoice (no resolution value)")
def _(d, s):
    text = """Dzień dobry,

otrzymaliśmy fakturę FV/2027/01/0387 do zam. nr 926448, ale wystawioną na
złe NIP – jest 951-247-38-61, a prawidłowy NIP firmy to 951-247-38-16
(przestawione dwie ostatnie cyfry). Przy zamówieniu wpisywałem poprawnie,
w załączniku skan.

Proszę o fakturę korygującą albo wystawienie nowej na dane:
Jankowski Transport Sp. z o.o.
ul. Składowa 15, 85-719 Bydgoszcz
NIP 951-247-38-16

Z poważaniem
Marek Jankowski
Jankowski Transport Sp. z o.o.
tel. 52 345 67 89
"""
    h = envelope(d, s, frm=("Biuro - Jankowski Transport", "biuro@jankowski-transport.example"),
                 subject="Faktura na złe NIP - zam. nr 926448", client="outlook1250")
    body = with_attachments(alt(text, s, cs="windows-1250", style="outlook"),
                            [attachment(fake_pdf(s, "skan"), "application/pdf",
                                        "FV_2027_01_0387_skan.pdf")], s, "outlook")
    return finish(h, body)


@mail("suszarka-do-wlosow-zepsula-sie", "2027-01-20 21:05:58 +0100",
      kind="complaint", language="pl", orders=["672554"], category="defective",
      resolution="replacement", name="Paulina Kurek",
      notes="no diacritics, typos ('wogole'), emoticon; 'nr.' with a dot; signed with first "
            "name only, so the full From display name is used; asks for a new one")
def _(d, s):
    text = """Dzien dobry,
suszarka z zamowienia nr. 672554 zepsula sie po tygodniu uzywania, dmucha ale nie grzeje wogole, tylko zimne powietrze. Probowalam wszystkich przyciskow. Prosze o wymiane na nowa sztuke bo suszarka byla na prezent dla mamy i ona ja lubi ;)
Paulina
"""
    h = envelope(d, s, frm=("Paulina Kurek", "paulinakurek95@gmail.example"),
                 subject="suszarka do wlosow zepsula sie", client="gmail")
    return finish(h, alt(text, s, cs="UTF-8"))


# --- 21 January -------------------------------------------------------------

@mail("chce-oddac-sweter", "2027-01-21 10:15:03 +0100",
      kind="complaint", language="pl", orders=["880214"], category="return",
      resolution="refund", name="Zuzanna Ciesielska",
      notes="'chcę oddać' / withdrawal within 14 days; 'zam.' with a dot and a space; colour "
            "'different than in the photo' could tempt wrong_item, but it is the product she "
            "ordered and she just does not like it; iPhone multipart/alternative")
def _(d, s):
    text = """Dzień dobry,
chcę oddać sweter (zam. 880214), który dostałam 16 stycznia – kolor na żywo jest zupełnie inny niż na zdjęciu i po prostu mi się nie podoba. Jest nienoszony, z metkami.
Korzystam z prawa do odstąpienia od umowy w ciągu 14 dni. Proszę o zwrot pieniędzy na kartę. Jak mam go odesłać – paczkomatem?
Pozdrawiam
Zuzanna Ciesielska

Wysłane z iPhone’a
"""
    h = envelope(d, s, frm=("Zuzanna Ciesielska", "zuzia.ciesielska@icloud.example"),
                 subject="Zwrot swetra", client="iphone")
    return finish(h, alt(text, s, style="apple"))


@mail("blender-jug-cracked-keep-for-discount", "2027-01-21 12:40:44 +0000",
      kind="complaint", language="en", orders=["566720"], category="damaged",
      resolution="discount", name="Daniel Brooks",
      notes="English Outlook reply on top of the shop's dispatch notice (From:/Sent:/To:/"
            "Subject: block); the order number is only in the subject and the quoted notice; "
            "DPD parcel number, SKU, prices with a decimal point and the shop's postal code in "
            "the quote; wants a price reduction to keep the item")
def _(d, s):
    text = """Hello,

The parcel came yesterday but the box was crushed on one corner and the glass
jug of the blender has a crack near the base. It still holds water, barely.
The motor unit is fine.

I don't really want to go through a return - if you knock something off the
price (say 30%) I'll keep it and buy a new jug myself.

Daniel Brooks

From: Sklep Domowy <zamowienia@sklep.example>
Sent: 18 January 2027 14:02
To: d.brooks@outlook.example
Subject: Your order 566720 has been dispatched

Dear Customer,

Your order 566720 has been handed over to the courier DPD.
Parcel number: 0000412877305U
Items: Glass blender 1.5 L (BLD-1500-GL) x1 - 319.00 PLN
Delivery: 0.00 PLN
Total: 319.00 PLN

Sklep Domowy, ul. Magazynowa 12, 05-800 Pruszkow
"""
    h = envelope(d, s, frm=("Daniel Brooks", "d.brooks@outlook.example"),
                 subject="RE: Your order 566720 has been dispatched", client="o365en",
                 in_reply_to=shop_mid("dispatch-566720"))
    return finish(h, alt(text, s, style="outlook"))


@mail("lampka-pekniety-klosz-odpowiedz-gmail", "2027-01-21 19:20:31 +0100",
      kind="complaint", language="pl", orders=["718844"], category="damaged",
      resolution="replacement", name="Karolina Dudek",
      notes="top-posted Gmail reply above the shop's dispatch notice ('W dniu ... "
            "napisał(a):'); the customer's own text has no order number, only the subject and "
            "the quote do; DPD parcel number and price in the quote; asks for a new shade or a "
            "whole new lamp = replacement; signed with first name only")
def _(d, s):
    text = """Dzień dobry,
lampka przyszła, ale klosz jest pęknięty – rysa przez całą długość i odprysk
na brzegu. Pudełko było wgniecione od góry. Synek się popłakał, bo to miała
być jego lampka z jednorożcem :(
Czy możecie wysłać nowy klosz albo całą nową lampkę?
Karolina

W dniu pt., 15 sty 2027 o 12:04 Sklep Domowy <zamowienia@sklep.example> napisał(a):
""" + q("""Dzień dobry,
Twoje zamówienie nr 718844 zostało przekazane kurierowi DPD.
Numer przesyłki: 0000482291550U
Produkty: Lampka nocna LED Jednorożec (LMP-UNI-01) – 79,99 zł
Dziękujemy za zakupy!
Sklep Domowy""") + "\n"
    h = envelope(d, s, frm=("Karolina Dudek", "karolina.dudek@gmail.example"),
                 subject="Re: Zamówienie 718844 zostało wysłane", client="gmail",
                 in_reply_to=shop_mid("dispatch-718844"))
    return finish(h, alt(text, s))


# --- 22 January -------------------------------------------------------------

@mail("rezygnuje-z-zakupu-blik", "2027-01-22 07:12:26 +0100",
      kind="complaint", language="pl", orders=["883907"], category="return",
      resolution="refund", name="Michal Nowicki",
      notes="cancellation before delivery ('rezygnuję z zakupu'), no diacritics (name too); "
            "order spaced '883 907' in the subject and body; BLIK code '918 204' has exactly "
            "the same shape; 'sorry'")
def _(d, s):
    text = """Dzien dobry,
rezygnuje z zakupu - zamowienie 883 907 z wczoraj (ekspres przelewowy). Znalazlem taniej gdzie indziej, sorry. Jesli juz wyslane to odmowie przyjecia paczki.
Placilem blikiem (kod BLIK 918 204 jakby co), prosze o zwrot 279 zl na konto.
Michal Nowicki
"""
    h = envelope(d, s, frm=("Michal Nowicki", "m.nowicki@interia.example"),
                 subject="rezygnacja z zamowienia 883 907", client="web")
    return finish(h, text_part(text, cs="us-ascii", cte="7bit"))


@mail("still-waiting-for-my-money", "2027-01-22 16:50:19 +0000",
      kind="complaint", language="en", orders=["918233"], category="refund",
      resolution="refund", name="Ben Carter",
      notes="English; bare 'order 918233' in brackets; Poczta Polska number PX5521038842; "
            "amount '389.00 PLN'; dates")
def _(d, s):
    text = """Hi,

I sent the air fryer back on 2 January (order 918233) after you agreed to take
it back, and Poczta Polska shows it delivered to you on 7 January
(PX5521038842). I'm still waiting for my money - 389.00 PLN. It's been over two
weeks.

Please process the refund or tell me what's holding it up.

Ben Carter
Manchester
"""
    h = envelope(d, s, frm=("Ben Carter", "ben.carter@gmail.example"),
                 subject="Still waiting for my money", client="gmail")
    return finish(h, alt(text, s))


# --- 23 January -------------------------------------------------------------

@mail("fwd-potwierdzenie-patelnie-24-zamiast-28", "2027-01-23 11:00:48 +0100",
      kind="complaint", language="pl", orders=["758301"], category="wrong_item",
      resolution="replacement", name="Piotr Zawadzki",
      notes="Gmail forward of the order confirmation; the customer's own text (no diacritics) "
            "has no order number - it is in the subject and the forwarded confirmation; "
            "confirmation full of distractors: sizes 28/24 cm, SKU, prices, postal code "
            "26-600, phone '604 918 233' whose tail is another customer's order number, IBAN, "
            "the shop's NIP")
def _(d, s):
    text = """Dzien dobry,
przesylam potwierdzenie. Zamawialem dwie patelnie 28 cm, a przyszly dwie 24 cm (na spodzie wytloczone 24). Prosze o wymiane na 28 cm, te odesle.
Piotr Zawadzki

---------- Forwarded message ---------
Od: Sklep Domowy <zamowienia@sklep.example>
Date: pon., 18 sty 2027 o 09:41
Subject: Potwierdzenie zamówienia nr 758301
To: <piotr.zawadzki@gmail.example>


Dziękujemy za zamówienie!

Numer zamówienia: 758301
Data: 18.01.2027 09:40
Produkty:
  Patelnia granitowa 28 cm (PAT-GR-28) x2 – 2 x 119,00 zł
Dostawa: Kurier InPost – 14,99 zł
Razem: 252,99 zł

Adres dostawy: Piotr Zawadzki, ul. Polna 22, 26-600 Radom, tel. 604 918 233
Płatność: przelew na konto PL27 1140 2004 0000 3102 7845 1190

Sklep Domowy, ul. Magazynowa 12, 05-800 Pruszków, NIP 534-000-12-89
"""
    h = envelope(d, s, frm=("Piotr Zawadzki", "piotr.zawadzki@gmail.example"),
                 subject="Fwd: Potwierdzenie zamówienia nr 758301", client="gmail")
    return finish(h, alt(text, s))


@mail("przedszkole-zapytanie-o-rabat", "2027-01-23 13:25:37 +0100",
      kind="complaint", language="pl", orders=[], category="other", resolution=None,
      name="Agnieszka Lewicka",
      notes="B2B pre-sales question from a kindergarten, no order; the word 'rabat' is a "
            "question about a volume discount, not a complaint resolution (null); phone "
            "'+48 601 234 567', NIP, postal code, unit price; Outlook 365")
def _(d, s):
    text = """Dzień dobry,

piszę w imieniu Przedszkola Niepublicznego „Słonko”. Chcielibyśmy zamówić
40 sztuk kubków dziecięcych z melaminy (te w kropki, 24,99 zł/szt.) i mam
pytanie, czy przy takiej ilości możliwy jest rabat oraz faktura z odroczonym
terminem płatności (14 dni).

Proszę o kontakt telefoniczny: +48 601 234 567 lub mailowy.

Z poważaniem
Agnieszka Lewicka
dyrektor
Przedszkole Niepubliczne „Słonko”
ul. Słoneczna 4, 05-500 Piaseczno
NIP 123-456-32-18
"""
    h = envelope(d, s, frm=("Agnieszka Lewicka", "a.lewicka@przedszkole-slonko.example"),
                 subject="Zapytanie - większa ilość kubków dla przedszkola", client="o365")
    return finish(h, alt(text, s, style="outlook"))


# --- 24 January -------------------------------------------------------------

@mail("kurier-zgubil-paczke", "2027-01-24 18:02:11 +0100",
      kind="complaint", language="pl", orders=["866412"], category="not_delivered",
      resolution="refund", name="Jakub Wojcik",
      notes="marked delivered but never came (lost by the courier); no diacritics; 'nr.' form; "
            "courier phone '+48 512 903 447', DPD number, date and time; refund")
def _(d, s):
    text = """Dzien dobry,
wg sledzenia DPD paczka z zamowienia nr. 866412 zostala "doreczona" 20.01 o 14:37, ale nikt jej nie dostarczyl - bylem w domu caly dzien, sasiedzi tez nic nie maja. Dzwonilem do kuriera (+48 512 903 447), twierdzi ze zostawil pod drzwiami, czego nie zrobil. Numer przesylki 0000391820551U.
Kurier zgubil paczke i nie bede sie z nim klocil. Prosze o zwrot pieniedzy (342,50 zl), sluchawki kupie gdzie indziej.
Jakub Wojcik
"""
    h = envelope(d, s, frm=("Jakub Wojcik", "kuba.wojcik@gmail.example"),
                 subject="Kurier zgubil paczke", client="gmail")
    return finish(h, alt(text, s))


@mail("one-item-short-storage-boxes", "2027-01-24 20:30:06 +0000",
      kind="complaint", language="en", orders=["845602"], category="missing_item",
      resolution="replacement", name="Grace O'Neill",
      notes="English, Outlook.com; 'Order #' in subject and body; dimensions '31 x 31 cm'; "
            "Irish mobile number; asks to send the missing box (replacement); apostrophe in "
            "the name")
def _(d, s):
    text = """Hello,

My Order #845602 arrived today, but it's one item short: I paid for three
fabric storage boxes (grey, 31 x 31 cm) and only two were in the parcel. The
packing slip lists 3.

Could you please send the third box? I don't need the whole order replaced.

Many thanks,
Grace O'Neill
+353 87 123 4567
"""
    h = envelope(d, s, frm=("Grace O'Neill", "grace.oneill@outlook.example"),
                 subject="Order #845602 - one item short", client="o365en")
    return finish(h, alt(text, s, style="outlook"))


# --- 25 January -------------------------------------------------------------

@mail("sluchawki-dlugi-mail-wymiana-albo-zwrot", "2027-01-25 22:47:39 +0100",
      kind="complaint", language="pl", orders=["688230"], category="defective",
      resolution="replacement", name="Elżbieta Sobczak",
      notes="long rambling mail (Outlook, windows-1250); order spaced '688 230' after "
            "'Zamówienie'; invoice FV/2027/01/0211, serial number, SKU, '15 sekund', price; "
            "husband wants money, she prefers new earphones and falls back to a refund only if "
            "the model is gone - primary request replacement")
def _(d, s):
    text = """Dzień dobry Państwu,

piszę w sprawie słuchawek bezprzewodowych, które kupiłam u Państwa na początku stycznia dla syna. Zamówienie 688 230, zapłacone kartą, faktura FV/2027/01/0211. Najpierw wszystko było dobrze, syn był zadowolony, słuchał muzyki w autobusie do szkoły, ale mniej więcej od tygodnia jedna słuchawka (prawa) nie ładuje się w etui. Lewa się ładuje, prawa nie – dioda się nie zapala. Próbowaliśmy przetrzeć styki spirytusem, jak radzili na jakimś forum, resetowaliśmy według instrukcji (trzymać przycisk 15 sekund), nic. Syn mówi, że to na pewno bateria. Ja się na tym nie znam, ale skoro kosztowały 249 zł, to chyba nie powinny się psuć po trzech tygodniach?

Mąż mówi, żeby od razu żądać pieniędzy, ale ja bym wolała nowe słuchawki, bo syn się do tych przyzwyczaił i kolor pasuje mu do telefonu. Jeśli tego modelu (SLU-TWS-BLK) już nie będzie, to wtedy proszę o zwrot pieniędzy.

Numer seryjny z pudełka: TWS2409118377.

Przepraszam, że tak długo, ale chciałam wszystko opisać.

Z poważaniem
Elżbieta Sobczak
Lublin
"""
    h = envelope(d, s, frm=("Elżbieta Sobczak", "ela.sobczak@onet.example"),
                 subject="Słuchawki – reklamacja (długo, przepraszam)", client="outlook1250")
    return finish(h, alt(text, s, cs="windows-1250", style="outlook"))


@mail("automatyczna-odpowiedz-exchange-urlop", "2027-01-25 09:00:14 +0100",
      kind="auto_reply", language="pl", orders=["702318"], name="Ryszard Kołodziej",
      notes="Exchange out-of-office ('Automatyczna odpowiedź:'), Auto-Submitted: "
            "auto-generated, X-Auto-Response-Suppress, Return-Path <>; the order number only "
            "in the echoed subject ('ZAM/' form); office phone number")
def _(d, s):
    text = """Dzień dobry,

do 29 stycznia przebywam na urlopie. W sprawach pilnych proszę dzwonić do biura: 34 361 22 80.

Ryszard Kołodziej
"""
    h = envelope(d, s, frm=("Ryszard Kołodziej", "r.kolodziej@kolodziej-bud.example"),
                 subject="Automatyczna odpowiedź: Re: Reklamacja ZAM/702318 - pogięta suszarka",
                 client="o365", return_path="<>", in_reply_to=shop_mid("reply-702318"),
                 extra=["Auto-Submitted: auto-generated", "X-Auto-Response-Suppress: All",
                        "X-MS-Exchange-Inbox-Rules-Loop: r.kolodziej@kolodziej-bud.example"])
    return finish(h, alt(text, s, style="outlook"))


@mail("brak-faktury-na-firme", "2027-01-25 13:15:27 +0100",
      kind="complaint", language="pl", orders=["930905"], category="billing",
      resolution=None, name="Bartlomiej Sikorski",
      notes="missing VAT invoice; no diacritics (name too); 10-digit NIP without dashes; "
            "'zamowienia 930905'; asks to send the invoice (no resolution value)")
def _(d, s):
    text = """Witam,
nie dostalem faktury do zamowienia 930905, a przy zakupie zaznaczylem ze chce fakture na firme (BS Instalacje Bartlomiej Sikorski, NIP 7792418306). Paragon w paczce jest, faktury brak, w mailu tez nic nie bylo. Potrzebuje jej do konca miesiaca do ksiegowosci.
pozdrawiam
Bartlomiej Sikorski
"""
    h = envelope(d, s, frm=("Bartlomiej Sikorski", "bartek.sikorski@wp.example"),
                 subject="brak faktury", client="web")
    return finish(h, text_part(text, cs="us-ascii", cte="7bit"))


# --- 26 January -------------------------------------------------------------

@mail("brak-zasilacza-html-nbsp", "2027-01-26 08:40:52 +0100",
      kind="complaint", language="pl", orders=["815233"], category="missing_item",
      resolution="replacement", name="Krystyna Baran",
      notes="HTML only, utf-8 QP; the order number is split by '&nbsp;' ('815&nbsp;233'); "
            "'12V', page number; accessory missing, asks to send it = replacement")
def _(d, s):
    body_html = """<html><head><meta charset="utf-8"></head><body>
<p>Dzień dobry,</p>
<p>w paczce z zamówieniem nr 815&nbsp;233 była lampa biurkowa LED, ale bez zasilacza. W instrukcji na stronie 2 jest napisane, że zasilacz 12V jest w zestawie, a w pudełku jest tylko lampa i kabel USB, który do niczego nie pasuje.</p>
<p>Proszę o przesłanie brakującego zasilacza.</p>
<p>Krystyna Baran</p>
</body></html>
"""
    h = envelope(d, s, frm=("Krystyna Baran", "krystyna.baran@interia.example"),
                 subject="brak zasilacza", client="web")
    return finish(h, text_part(body_html, "html"))


@mail("kettle-wont-switch-on-repair", "2027-01-26 10:20:33 +0000",
      kind="complaint", language="en", orders=["742118"], category="defective",
      resolution="repair", name="Priya Nair",
      notes="English; the order number appears only in the subject ('order 742118'); company "
            "signature with a London phone number; asks for a repair, alternatives only if "
            "repair is impossible")
def _(d, s):
    text = """Hello,

The glass kettle I bought from you in December won't switch on any more. The
blue light comes on for a second and then goes off, and the water doesn't
heat. It's been used daily for about five weeks.

Can you repair it under the warranty? I'd rather keep this one if it can be
fixed, as it matches the toaster. If a repair isn't possible, please let me
know the options.

Regards,
Priya Nair
Nair Consulting Ltd
+44 20 7946 0321
"""
    h = envelope(d, s, frm=("Priya Nair", "priya.nair@nair-consulting.example"),
                 subject="Faulty kettle - order 742118", client="o365en")
    return finish(h, alt(text, s, style="outlook"))


@mail("klocki-inny-zestaw-html", "2027-01-26 17:55:08 +0100",
      kind="complaint", language="pl", orders=["772046"], category="wrong_item",
      resolution="refund", name="Monika Wróbel",
      notes="HTML only, windows-1250 QP from webmail; 'nr zam. 772 046' spaced; a completely "
            "different toy set; gift no longer needed, so refund")
def _(d, s):
    body_html = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1250"></head>
<body><div style="font-family: Arial; font-size: 10pt">
Dzień dobry,<br><br>
zamówiłam dla córki klocki „Farma z traktorem” (nr zam. 772 046), a przyszła „Stacja kosmiczna” – zupełnie inny zestaw. Pudełko było zafoliowane, więc to nie pomyłka u nas w domu, tylko przy pakowaniu.<br><br>
Urodziny były w sobotę, więc prezent już nieaktualny. Proszę o zwrot pieniędzy (159,99 zł), klocki odeślę w stanie nienaruszonym.<br><br>
Monika Wróbel
</div></body></html>
"""
    h = envelope(d, s, frm=("Monika Wróbel", "monika.wrobel@o2.example"),
                 subject="Inny zestaw klocków niż zamówiony", client="web1250")
    return finish(h, text_part(body_html, "html", "windows-1250"))


# --- 27 January -------------------------------------------------------------

@mail("gdzie-moja-kasa", "2027-01-27 07:30:44 +0100",
      kind="complaint", language="pl", orders=["905117"], category="refund",
      resolution="refund", name="Kamil Duda",
      notes="very short and rude, subject 'ZWROT' in capitals; no diacritics; signed 'K.', "
            "name from From; asking where the money is counts as asking for the refund")
def _(d, s):
    text = """gdzie jest moja kasa?? oddalem kurtke 2 tyg temu, nr 905117, zadnego przelewu nie ma. ile mam czekac
K.
"""
    h = envelope(d, s, frm=("Kamil Duda", "kamil.duda@gmail.example"),
                 subject="ZWROT", client="gmail")
    return finish(h, alt(text, s))


@mail("status-power-bank-any-update", "2027-01-27 11:00:21 +0000",
      kind="status_query", language="en", orders=["640917"], category="defective",
      resolution=None, name="Thomas Hartley",
      notes="English status query on top of the shop's acknowledgement; 'Order #' in the "
            "subject and quote; complaint number RK/2027/01/0031; staff name Karolina Mazur in "
            "the quote; display name 'Tom H', signed with the full name")
def _(d, s):
    text = """Hi,

Any update on this? It's been two weeks and I haven't heard anything since
this acknowledgement.

Thomas Hartley

On Wed, 13 Jan 2027 at 15:12, Sklep Domowy <reklamacje@sklep.example> wrote:
""" + q("""Dear Mr Hartley,

we have registered your complaint RK/2027/01/0031 regarding Order #640917
(power bank). We will reply by 27 January 2027.

Kind regards,
Karolina Mazur
Sklep Domowy""") + "\n"
    h = envelope(d, s, frm=("Tom H", "tom.hartley82@gmail.example"),
                 subject="Re: Complaint RK/2027/01/0031 - Order #640917", client="gmail",
                 in_reply_to=shop_mid("ack-640917"))
    return finish(h, alt(text, s))


@mail("odkurzacz-inny-model-outlook-firma", "2027-01-27 14:10:37 +0100",
      kind="complaint", language="pl", orders=["780315"], category="wrong_item",
      resolution="replacement", name="Adam Szymański",
      notes="company mailbox (display 'Biuro Szymański Serwis'), a person signs; Outlook reply "
            "on top of the shop's dispatch notice (Od:/Wysłano:/Do:/Temat:); 'ZAM-' in "
            "subject, own text and quote; two model codes, a phone, a 24-digit InPost number")
def _(d, s):
    text = """Dzień dobry,

przyszedł nie ten model odkurzacza. Zamawialiśmy w ZAM-780315 odkurzacz warsztatowy 30 l z gniazdem do elektronarzędzi (VAC-WS30-P), a przyszedł zwykły 20 l bez gniazda (VAC-WS20). Potrzebujemy właściwego modelu – proszę o wymianę i informację, jak odesłać ten.

Pozdrawiam
Adam Szymański
Szymański Serwis s.c.
tel. 609 552 180

Od: Sklep Domowy <zamowienia@sklep.example>
Wysłano: wtorek, 26 stycznia 2027 10:03
Do: biuro@szymanski-serwis.example
Temat: Zamówienie ZAM-780315 zostało wysłane

Dzień dobry,
zamówienie ZAM-780315 zostało przekazane do wysyłki. Numer przesyłki InPost: 620345118902771544063218.
Sklep Domowy
"""
    h = envelope(d, s, frm=("Biuro Szymański Serwis", "biuro@szymanski-serwis.example"),
                 subject="RE: Zamówienie ZAM-780315 zostało wysłane", client="o365",
                 in_reply_to=shop_mid("dispatch-780315"))
    return finish(h, alt(text, s, style="outlook"))


# --- 28 January -------------------------------------------------------------

@mail("mikrofalowka-iskrzy-html-base64", "2027-01-28 09:30:16 +0100",
      kind="complaint", language="pl", orders=["701552"], category="defective",
      resolution=None, name="Wiesław Kaczmarek",
      notes="HTML only in base64; '#701552' inside <strong>; model code MW-20L-BL; phone "
            "'661 208 447'; asks only what to do, no explicit resolution (null)")
def _(d, s):
    body_html = """<div>Dzień dobry</div><div><br></div>
<div>Kuchenka mikrofalowa MW-20L-BL kupiona u Państwa (<strong>#701552</strong>) od wczoraj iskrzy w środku i przestała grzać. Czuć spaleniznę. Wyłączyłem ją z prądu i więcej nie włączam, bo się boję.</div>
<div>Co mam teraz zrobić? Proszę o informację.</div><div><br></div>
<div>Wiesław Kaczmarek<br>tel. 661 208 447</div>
"""
    h = envelope(d, s, frm=("Wiesław Kaczmarek", "w.kaczmarek@onet.example"),
                 subject="Mikrofalówka iskrzy", client="web")
    return finish(h, text_part(body_html, "html", "UTF-8", cte="base64"))


@mail("return-rug-number-in-subject", "2027-01-28 19:05:12 +0000",
      kind="complaint", language="en", orders=["894018"], category="return",
      resolution="refund", name="Jessica Moore",
      notes="English; the bare order number only in the subject ('Return 894018'); change of "
            "mind, nothing wrong with the item; signed with the diminutive 'Jess', so the full "
            "From display name wins; asks for the money back to her card")
def _(d, s):
    text = """Hi,

I'd like to send back the jute rug I ordered last week. There's nothing wrong
with it, it just doesn't work in our living room. It hasn't been used and I
still have the original packaging.

How do I send it back, and can the money go back to my card?

Thanks,
Jess Moore
"""
    h = envelope(d, s, frm=("Jessica Moore", "jess.moore@icloud.example"),
                 subject="Return 894018", client="applemail")
    return finish(h, text_part(text, cs="us-ascii", cte="7bit"))


@mail("exim-mailbox-full-bounce", "2027-01-28 14:31:02 +0100",
      kind="bounce", language="en", orders=["780315"], name=None,
      notes="classic Exim bounce as a single text/plain part (no multipart/report): the "
            "returned message is pasted as text after '------ This is a copy of the "
            "message'; the order number is in the copied subject and the QP body of the "
            "shop's reply; X-Failed-Recipients; the customer's company address in the text")
def _(d, s):
    copy_body = binascii.b2a_qp("""Dzień dobry,

przyjęliśmy reklamację RK/2027/01/0152 dotyczącą zamówienia ZAM-780315.
Kurier odbierze błędnie wysłany odkurzacz w czwartek.

Pozdrawiamy
Magdalena Sowa
Dział Reklamacji Sklep Domowy
""".encode("utf-8"), istext=True).decode("ascii")
    text = f"""This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  biuro@szymanski-serwis.example
    mailbox is full: retry timeout exceeded

------ This is a copy of the message, including all the headers. ------

Return-path: <reklamacje@sklep.example>
Received: from mx1.sklep.example ([198.51.100.7])
\tby mail.szymanski-serwis.example with esmtps  (TLS1.3) tls TLS_AES_256_GCM_SHA384
\t(Exim 4.97)
\t(envelope-from <reklamacje@sklep.example>)
\tid 1tP8xQ-00031k-2B
\tfor biuro@szymanski-serwis.example;
\tThu, 28 Jan 2027 10:12:55 +0100
From: Sklep Domowy - Reklamacje <reklamacje@sklep.example>
To: biuro@szymanski-serwis.example
Subject: Re: =?utf-8?q?Zam=C3=B3wienie?= ZAM-780315 =?utf-8?q?zosta=C5=82o?=
 =?utf-8?q?_wys=C5=82ane?=
Date: Thu, 28 Jan 2027 10:12:51 +0100
Message-ID: {shop_mid("reply-780315")}
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: quoted-printable

{copy_body}"""
    h = envelope(d, s, frm=("Mail Delivery System", "Mailer-Daemon@mail.szymanski-serwis.example"),
                 subject="Mail delivery failed: returning message to sender", client="mta",
                 return_path="<>", relay=("mail.szymanski-serwis.example", "203.0.113.58"),
                 extra=["X-Failed-Recipients: biuro@szymanski-serwis.example",
                        "Auto-Submitted: auto-replied"])
    return finish(h, text_part(text, cs="us-ascii", cte="7bit"))


# --- 29 January -------------------------------------------------------------

@mail("pusta-paczka-paczkomat-zdjecia", "2027-01-29 12:20:40 +0100",
      kind="complaint", language="pl", orders=["826914"], category="missing_item",
      resolution="refund", name="Marcin Kubiak",
      notes="empty parcel (missing_item per the README); subject in capitals; 'ZAM/' form; "
            "no diacritics; paczkomat WAW231M, 24-digit parcel number, pickup code '551 208' "
            "with the order's shape; two photos attached; refund")
def _(d, s):
    text = """Dzien dobry,

odebralem dzis z paczkomatu WAW231M paczke z ZAM/826914 i w srodku nie bylo NIC, tylko folia babelkowa. Karton byl zaklejony tasma z logo InPost, a nie wasza, wiec ktos go chyba otwieral po drodze. Numer paczki 620398447711520034876612, kod odbioru byl 551 208. Zdjecia w zalaczniku.

Zamowienie bylo na smartwatch za 399 zl. Prosze o zwrot pieniedzy, nie chce czekac na kolejna wysylke.

Marcin Kubiak
"""
    h = envelope(d, s, frm=("Marcin Kubiak", "marcin.kubiak@gmail.example"),
                 subject="PUSTA PACZKA ZAM/826914", client="gmail")
    body = with_attachments(alt(text, s),
                            [attachment(fake_jpeg(s + "1"), "image/jpeg", "IMG_0231.jpg"),
                             attachment(fake_jpeg(s + "2"), "image/jpeg", "IMG_0232.jpg")], s)
    return finish(h, body)


@mail("zla-cena-pobrana-html-1250", "2027-01-29 15:33:29 +0100",
      kind="complaint", language="pl", orders=["933017"], category="billing",
      resolution="refund", name="Jadwiga Szewczyk",
      notes="wrong price charged (billing), wants the difference back (refund); HTML only, "
            "windows-1250 8bit; '#933017'; amounts with a thousands space; promotion end "
            "date")
def _(d, s):
    body_html = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1250"></head>
<body>
<p>Dzień dobry,</p>
<p>w koszyku przy zamówieniu #933017 ekspres do kawy kosztował 1 199,00 zł (cena promocyjna do 31.01), a z karty pobrano 1 349,00 zł. Mam zrzut ekranu koszyka.</p>
<p>Proszę o zwrot różnicy 150 zł.</p>
<p>Jadwiga Szewczyk</p>
</body></html>
"""
    h = envelope(d, s, frm=("Jadwiga Szewczyk", "jadwiga.szewczyk@wp.example"),
                 subject="Pobrano więcej niż cena w koszyku", client="web1250")
    return finish(h, text_part(body_html, "html", "windows-1250", cte="8bit"))


@mail("status-dzbanek-odp-wp", "2027-01-29 18:40:55 +0100",
      kind="status_query", language="pl", orders=["613207"], category="damaged",
      resolution=None, name="Jolanta Wiśniewska",
      notes="status query ('Odp:' and a WP-style 'Dnia ... napisał(a):' quote); no order "
            "number in her own text, it is in the quoted acknowledgement with RK/2027/01/0024; "
            "staff name Anna Nowak in the quote; mentions the new jug she is waiting for but "
            "raises nothing new")
def _(d, s):
    text = """Dzień dobry,
minęło już ponad dwa tygodnie, a ja nadal nie wiem, czy wyślą Państwo nowy dzbanek. Czy reklamacja została rozpatrzona?
Jolanta Wiśniewska

Dnia 13 stycznia 2027 11:02 Sklep Domowy <reklamacje@sklep.example> napisał(a):
""" + q("""Dzień dobry,
potwierdzamy przyjęcie reklamacji RK/2027/01/0024 dotyczącej zamówienia nr 613207
(dzbanek szklany). Odpowiemy najpóźniej do 27 stycznia 2027 r.
Pozdrawiamy
Anna Nowak
Dział Reklamacji Sklep Domowy""") + "\n"
    h = envelope(d, s, frm=("Jolanta Wiśniewska", "jola.wisniewska@wp.example"),
                 subject="Odp: Potwierdzenie reklamacji RK/2027/01/0024", client="web",
                 in_reply_to=shop_mid("ack-613207"))
    return finish(h, text_part(text))


# --- 30 January -------------------------------------------------------------

@mail("buty-wymiana-rozmiaru-flowed", "2027-01-30 10:10:07 +0100",
      kind="complaint", language="pl", orders=["887661"], category="return",
      resolution="replacement", name="Krzysztof Zając",
      notes="exchange for another size without a fault: category return, resolution "
            "replacement (corpus convention); Thunderbird format=flowed 8bit with the soft line "
            "break falling between 'zam. nr' and the number; shoe sizes 41/42/43")
def _(d, s):
    text = """Dzień dobry,

kupiłem u Państwa buty zimowe męskie, czarne, skórzane, z zam. nr 
887661 i niestety są za małe - 42 to u tego producenta raczej 41. Nie są 
uszkodzone, nie były noszone na zewnątrz, tylko przymierzone w domu.

Chciałbym wymienić je na rozmiar 43. Czy mam je odesłać na adres magazynu 
w Pruszkowie i zaznaczyć w formularzu, że chodzi o wymianę?

Pozdrawiam
Krzysztof Zając
"""
    h = envelope(d, s, frm=("Krzysztof Zając", "k.zajac@interia.example"),
                 subject="Wymiana butów na większy rozmiar", client="thunderbird")
    return finish(h, text_part(text, cs="UTF-8", cte="8bit", flowed=True))


@mail("drone-charging-cable-missing-html", "2027-01-30 13:00:45 +0000",
      kind="complaint", language="en", orders=["851937"], category="missing_item",
      resolution=None, name="Oliver Grant",
      notes="English, HTML only; 'order number:' inside brackets; accessory missing but he "
            "only asks the shop to 'look into this' - no explicit resolution (null), although "
            "a reader may assume he wants the cable sent")
def _(d, s):
    body_html = """<html><body>
<p>Hi,</p>
<p>We received the mini drone (order number: 851937) yesterday. There's no charging cable in the box, even though the contents list on the side says &quot;1x USB-C charging cable&quot;. Batteries, propellers and the remote are all there.</p>
<p>Can you look into this? My son has been waiting to fly it all weekend.</p>
<p>Oliver Grant</p>
</body></html>
"""
    h = envelope(d, s, frm=("Oliver Grant", "oliver.grant@ymail.example"),
                 subject="Drone - charging cable not in box", client="web")
    return finish(h, text_part(body_html, "html", cte="7bit", quote_cs=False))


@mail("out-of-office-no-headers-en", "2027-01-30 16:22:10 +0000",
      kind="auto_reply", language="en", orders=[], name="Priya Nair",
      notes="out-of-office WITHOUT any machine header (normal Return-Path, no Auto-Submitted, "
            "no Precedence) and a subject that does not echo ours; only the wording tells; "
            "colleague's phone number")
def _(d, s):
    text = """Thank you for your email. I'm away from the office until Monday 15 February
2027 with limited access to email. For anything urgent regarding Nair
Consulting projects please contact my colleague James on +44 20 7946 0322.

Priya Nair
"""
    h = envelope(d, s, frm=("Priya Nair", "priya.nair@nair-consulting.example"),
                 subject="Out of office until 15 February", client="o365en")
    return finish(h, alt(text, s, style="outlook"))


# --- 31 January -------------------------------------------------------------

@mail("zwrocono-za-malo-html-iso", "2027-01-31 11:11:38 +0100",
      kind="complaint", language="pl", orders=["911486"], category="refund",
      resolution="refund", name="Danuta Wróblewska",
      notes="refund amount wrong; HTML only, ISO-8859-2 QP with some letters as named "
            "entities ('&oacute;'); 'z zamówienia 911486'; several amounts "
            "('2 x 139,99 zł')")
def _(d, s):
    body_html = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2"></head>
<body>Dzień dobry,<br><br>
zwr&oacute;ciłam dwie pary rękawiczek z zamówienia 911486. Zapłaciłam za nie 279,98 zł (2 x 139,99 zł), a na konto wr&oacute;ciło tylko 249,99 zł. Brakuje 29,99 zł i nikt mi nie wyjaśnił, skąd ta r&oacute;żnica.<br><br>
Proszę o zwrot brakującej kwoty.<br><br>
Z poważaniem<br>
Danuta Wróblewska
</body></html>
"""
    h = envelope(d, s, frm=("Danuta Wróblewska", "danuta.wroblewska@onet.example"),
                 subject="Zwrot niepełny", client="web2")
    return finish(h, text_part(body_html, "html", "iso-8859-2"))


@mail("refund-top-posted-returns-mail", "2027-01-31 20:00:19 +0000",
      kind="complaint", language="en", orders=["921674"], category="refund",
      resolution="refund", name="Chloe Evans",
      notes="English Gmail reply on top of the shop's 'return received' mail (not a complaint "
            "acknowledgement, so this is her first complaint, not a status query); order "
            "number only in the subject and quote; '5 working days', amount")
def _(d, s):
    text = """Hi,

You sent this 10 days ago saying the refund would be processed within 5
working days. Still nothing on my card. Could you check and send the refund
please?

Chloe

On Thu, 21 Jan 2027 at 10:15, Sklep Domowy <zwroty@sklep.example> wrote:
""" + q("""Hello,

we have received your return for order 921674 (Wool scarf, 2 pcs).
The refund of 178.00 PLN will be processed within 5 working days.

Sklep Domowy - Returns""") + "\n"
    h = envelope(d, s, frm=("Chloe Evans", "chloe.evans@gmail.example"),
                 subject="Re: Return received - order 921674", client="gmail",
                 in_reply_to=shop_mid("return-921674"))
    return finish(h, alt(text, s))


# --- 1 February -------------------------------------------------------------

@mail("paczka-nie-przyszla-odpowiedz-na-potwierdzenie", "2027-02-01 09:00:27 +0100",
      kind="complaint", language="pl", orders=["959140"], category="not_delivered",
      resolution=None, name="Roman Krawiec",
      notes="Gmail reply above the order confirmation; own text without diacritics and "
            "without a number; the number is only in the quote, written '959 140'; asks to "
            "check and resend (null); subject without a number")
def _(d, s):
    text = """Dzien dobry, minely juz 3 tygodnie a paczki nie ma. W sledzeniu nic nie ma, jakby w ogole nie zostala nadana. Prosze sprawdzic co sie dzieje i wyslac jeszcze raz.
Roman Krawiec

W dniu pon., 11 sty 2027 o 16:22 Sklep Domowy <zamowienia@sklep.example> napisał(a):
""" + q("""Dzień dobry,
dziękujemy za złożenie zamówienia nr 959 140.
Zamówione produkty: Termos stalowy 1 l (TRM-1000-ST) – 69,00 zł
Wartość zamówienia z dostawą: 83,99 zł
Przewidywany czas wysyłki: 2 dni robocze.
Sklep Domowy""") + "\n"
    h = envelope(d, s, frm=("Roman Krawiec", "roman.krawiec@gmail.example"),
                 subject="Re: Potwierdzenie zamówienia", client="gmail",
                 in_reply_to=shop_mid("confirm-959140"))
    return finish(h, alt(text, s))


@mail("status-toster-rzecznik", "2027-02-01 10:30:50 +0100",
      kind="status_query", language="pl", orders=["705990"], category="defective",
      resolution=None, name="Dariusz Lis",
      notes="insistent follow-up threatening the consumer ombudsman, still a status query; "
            "no diacritics; the order number only in the 'Re:' subject; signed 'D. Lis'")
def _(d, s):
    text = """Minelo 14 dni roboczych i dalej cisza!!! Kiedy wreszcie dostane decyzje w sprawie tego tostera?? Jak do piatku nie bedzie odpowiedzi to zglaszam sprawe do rzecznika konsumentow.

D. Lis
"""
    h = envelope(d, s, frm=("Dariusz Lis", "darek.lis@gmail.example"),
                 subject="Re: ZEPSUTY TOSTER!!! zam.705990", client="gmail",
                 in_reply_to=shop_mid("ack-705990"))
    return finish(h, alt(text, s))


@mail("poza-biurem-bez-naglowkow-re", "2027-02-01 11:05:31 +0100",
      kind="auto_reply", language="pl", orders=["926448"], name="Marek Jankowski",
      notes="out-of-office WITHOUT machine headers and with a plain 'RE:' prefix like a human "
            "reply; only the text tells; company mailbox with the person's signature; order "
            "number in the echoed subject; phone numbers")
def _(d, s):
    text = """Dzień dobry,

dziękuję za wiadomość. Do 12 lutego przebywam poza biurem i nie odczytuję poczty na bieżąco. W sprawach faktur i płatności proszę kontaktować się z księgowością: ksiegowosc@jankowski-transport.example, tel. 52 345 67 90.

Marek Jankowski
Jankowski Transport Sp. z o.o.
"""
    h = envelope(d, s, frm=("Biuro - Jankowski Transport", "biuro@jankowski-transport.example"),
                 subject="RE: Faktura na złe NIP - zam. nr 926448", client="outlook1250",
                 in_reply_to=shop_mid("reply-926448"))
    return finish(h, alt(text, s, cs="windows-1250", style="outlook"))


# --- 2 February -------------------------------------------------------------

@mail("posciel-brak-poszewki-rabat", "2027-02-02 08:20:14 +0100",
      kind="complaint", language="pl", orders=["833150"], category="missing_item",
      resolution="discount", name="Beata Olszewska",
      notes="no diacritics; inflected 'z zamowieniem 833150'; dimensions 200x220 and 70x80; "
            "primary request a discount, the missing pillowcase only as a fallback, so "
            "discount")
def _(d, s):
    text = """Dzien dobry,

w komplecie poscieli satynowej 200x220 (przyszedl z zamowieniem 833150) mialy byc dwie poszewki 70x80 i poszwa, a jest jedna poszewka. Reszta w porzadku, kolor ladny.

Nie chce mi sie tego odsylac i czekac, wiec zamiast dosylania poprosze o rabat - powiedzmy 30 zl - i sprawa zamknieta. Jesli sie nie da, to wtedy dolozcie brakujaca poszewke do nastepnej paczki.

Beata Olszewska
"""
    h = envelope(d, s, frm=("Beata Olszewska", "beata.olszewska@gmail.example"),
                 subject="niekompletny komplet poscieli", client="gmail")
    return finish(h, alt(text, s))


@mail("parcel-not-arrived-seven-digit-number", "2027-02-02 17:45:03 +0000",
      kind="complaint", language="en", orders=[], category="not_delivered",
      resolution="refund", name="Michael O'Brien",
      notes="the customer typed a SEVEN-digit 'order 8760231' (one digit too many), so there "
            "is no valid order number; conditional refund (primary); signed 'Mike', full "
            "name in From")
def _(d, s):
    text = """Hello,

I ordered a toaster and a kettle on 14 January, order 8760231, and the parcel
still hasn't arrived. The status in my account has said "shipped" for two
weeks, but there's no tracking link.

If it doesn't turn up by Friday 5 February, please cancel the order and refund
me.

Mike
"""
    h = envelope(d, s, frm=("Michael O'Brien", "michael.obrien@outlook.example"),
                 subject="Parcel not arrived", client="o365en")
    return finish(h, alt(text, s, style="outlook"))


@mail("podziekowanie-za-wymiane", "2027-02-02 19:30:36 +0100",
      kind="complaint", language="pl", orders=["104117"], category="other",
      resolution=None, name="Iwona Kalinowska",
      notes="praise only (other, null); order number near the lower bound (104117) after "
            "'zamowieniem nr'; 'nowy mikser' describes a replacement already done, not a "
            "request; no diacritics")
def _(d, s):
    text = """Dzien dobry,
chcialam tylko podziekowac za szybkie zalatwienie sprawy z zamowieniem nr 104117 - nowy mikser przyszedl po 3 dniach, wszystko dziala. Rzadko sie zdarza taka obsluga, bede polecac znajomym.
Pozdrawiam serdecznie
Iwona Kalinowska
"""
    h = envelope(d, s, frm=("Iwona Kalinowska", "iwona.kalinowska@interia.example"),
                 subject="podziekowanie", client="web")
    return finish(h, text_part(text, cs="us-ascii", cte="7bit"))


# --- 3 February -------------------------------------------------------------

@mail("robot-kuchenny-uszkodzony-iso-8bit", "2027-02-03 10:00:42 +0100",
      kind="complaint", language="pl", orders=["741905"], category="damaged",
      resolution="refund", name="Stanisław Górecki",
      notes="formal; text/plain ISO-8859-2 8bit; 'W zamówieniu nr'; damage report written "
            "with the courier; 26-digit bank account in groups of four; price "
            "'1 099,00 zł', postal code 31-147; refund")
def _(d, s):
    text = """Szanowni Państwo,

w dniu 2 lutego 2027 r. kurier dostarczył mi przesyłkę. W zamówieniu nr 741905
był robot kuchenny planetarny za 1 099,00 zł. Po rozpakowaniu okazało się, że
misa ze stali jest wgnieciona, a plastikowa obudowa silnika pęknięta z boku.
Karton miał ślady uderzenia, co kurier potwierdził w protokole szkody
(spisanym na miejscu, kopia u mnie).

Nie jestem zainteresowany kolejnym egzemplarzem. Żądam zwrotu pieniędzy na
rachunek 12 1020 1097 0000 7802 0165 4321.

Z poważaniem
Stanisław Górecki
ul. Długa 15 m. 4
31-147 Kraków
"""
    h = envelope(d, s, frm=("Stanisław Górecki", "s.gorecki@interia.example"),
                 subject="Reklamacja - robot kuchenny uszkodzony w transporcie",
                 client="web2")
    return finish(h, text_part(text, cs="iso-8859-2", cte="8bit"))


@mail("wrong-size-boots-refund", "2027-02-03 14:00:25 +0100",
      kind="complaint", language="en", orders=["794630"], category="wrong_item",
      resolution="refund", name="Lukas Berger",
      notes="English from Austria; 'my order 794630'; shoe sizes EU 42/44; wants a refund "
            "and a return label rather than another delivery")
def _(d, s):
    text = """Hello,

I ordered winter boots in EU 42 (my order 794630), but the box contains size
44 - both the label on the box and the size inside the shoe say 44. The
invoice says 42.

I don't want to wait for another delivery, so please just refund me. I'll send
the boots back - please send me a return label.

Best regards
Lukas Berger
Linz, Austria
"""
    h = envelope(d, s, frm=("Lukas Berger", "lukas.berger@gmail.example"),
                 subject="Wrong size delivered", client="gmail")
    return finish(h, alt(text, s))


@mail("status-paczka-sortownia-outlook", "2027-02-03 16:40:18 +0100",
      kind="status_query", language="pl", orders=["872330"], category="not_delivered",
      resolution=None, name="Agata Michalak",
      notes="status query above an Outlook 'Od:/Wysłano:/Do:/Temat:' block quoting the "
            "shop's acknowledgement; order number in the subject and the quote only; staff "
            "name Michał Dąbrowski; only one of her two earlier orders is mentioned")
def _(d, s):
    text = """Dzień dobry,

czy coś już wiadomo w sprawie mojej paczki? Minęło prawie trzy tygodnie od zgłoszenia, a w śledzeniu dalej „w sortowni”. Prezent i tak już nieaktualny.

Agata Michalak

Od: Sklep Domowy – Reklamacje <reklamacje@sklep.example>
Wysłano: sobota, 16 stycznia 2027 17:20
Do: a.michalak@outlook.example
Temat: Reklamacja RK/2027/01/0079 - zamówienie 872330

Dzień dobry,
dziękujemy za zgłoszenie. Sprawa otrzymała numer RK/2027/01/0079. Wyjaśniamy z kurierem, co dzieje się z przesyłką z zamówienia 872330.
Pozdrawiamy
Michał Dąbrowski
Dział Reklamacji
"""
    h = envelope(d, s, frm=("Agata Michalak", "a.michalak@outlook.example"),
                 subject="RE: Reklamacja RK/2027/01/0079 - zamówienie 872330",
                 client="outlook1250", in_reply_to=shop_mid("ack-872330"))
    return finish(h, alt(text, s, cs="windows-1250", style="outlook"))


# --- 4 February -------------------------------------------------------------

@mail("paczka-nie-doszla-bez-numeru-konto-meza", "2027-02-04 09:15:46 +0100",
      kind="complaint", language="pl", orders=[], category="not_delivered",
      resolution=None, name="Ilona Bak",
      notes="no order number at all (ordered on the husband's account); the husband's name "
            "'Tomasz Bak' is not the customer; no diacritics (name too); amount, dates, "
            "postal code 87-100, phone '515 320 118'; asks to check (null)")
def _(d, s):
    text = """Dzien dobry,
zamawialam u Was 20 stycznia komplet recznikow, ale na konto meza (Tomasz Bak), wiec nie mam numeru zamowienia - maz jest w delegacji i nie odbiera. Paczka do dzis nie doszla, a miala byc w 2 dni. Placilam przelewem 20 stycznia, kwota 137,80 zl. Adres: ul. Rozana 9, 87-100 Torun.
Czy mozecie sprawdzic po nazwisku albo adresie, co sie z nia dzieje?
Ilona Bak
tel. 515 320 118
"""
    h = envelope(d, s, frm=("Ilona Bak", "ilona.bak@gmail.example"),
                 subject="nie doszla paczka", client="gmail")
    return finish(h, alt(text, s))


@mail("przelew-nieoplacone-numer-w-temacie", "2027-02-04 11:30:09 +0100",
      kind="complaint", language="pl", orders=["936624"], category="billing",
      resolution=None, name="Leszek Borkowski",
      notes="'ZAM-' order number only in the subject ('zamowienie z tematu'); no diacritics; "
            "bank transaction id with slashes; amount; asks to book the payment and ship "
            "(no resolution value)")
def _(d, s):
    text = """Dzien dobry,

zamowienie z tematu oplacilem przelewem tradycyjnym 1 lutego (kwota 214,50 zl,
tytul przelewu: zamowienie Sklep Domowy), a w panelu dalej status "oczekuje na
platnosc" i dostalem maila z przypomnieniem. Pieniadze z mojego konta zeszly,
potwierdzenie przelewu mam (nr transakcji 20270201/4471/0938).

Prosze o zaksiegowanie wplaty i wyslanie paczki.

Leszek Borkowski
"""
    h = envelope(d, s, frm=("Leszek Borkowski", "leszek.borkowski@o2.example"),
                 subject="ZAM-936624 - oplacone a status nieoplacone", client="thunderbird")
    return finish(h, text_part(text, cs="us-ascii", cte="7bit", flowed=True))


@mail("dpd-powiadomienie-zwrot-do-sklepu", "2027-02-04 15:00:00 +0100",
      kind="bulk", language="pl", orders=["880214"], name=None,
      notes="courier notification (Precedence: bulk, Auto-Submitted) about a customer's "
            "return parcel addressed to the shop; the sender's reference 'ZAM-880214' is a "
            "shop order number and is labelled (order numbers are labelled for every kind); "
            "a customer's name appears but the sender is a system (null); DPD number, shop "
            "address, time window")
def _(d, s):
    text = """Dzień dobry,

przesyłka nadana przez: Zuzanna Ciesielska
numer przesyłki: 0000413388201U
referencja nadawcy: ZAM-880214
odbiorca: Sklep Domowy, ul. Magazynowa 12, 05-800 Pruszków
planowana data doręczenia: 05.02.2027, w godz. 9:00-15:00

Śledź przesyłkę: https://tracking.dpd.example/0000413388201U

To jest wiadomość wygenerowana automatycznie, prosimy na nią nie odpowiadać.
DPD Polska Sp. z o.o.
"""
    h = envelope(d, s, frm=("DPD Polska", "powiadomienia@dpd.example"),
                 subject="Twoja przesyłka 0000413388201U jest w drodze", client="mta",
                 relay=("mailout3.dpd.example", "192.0.2.210"),
                 extra=["Precedence: bulk", "Auto-Submitted: auto-generated",
                        "X-Mailer: DPD Notification Service"])
    return finish(h, alt(text, s, style="simple", bstyle="web"))


# --- 5 February -------------------------------------------------------------

@mail("odstapienie-czesc-zamowienia-pdf", "2027-02-05 09:40:21 +0100",
      kind="complaint", language="pl", orders=["891270"], category="return",
      resolution="refund", name="Marianna Kwiatkowska",
      notes="formal withdrawal from part of an order with a PDF form (RFC 2231 filename with "
            "a Polish letter); 'Nr zamówienia:' inside brackets; date, dimensions 140x250, "
            "SKU, prices, IBAN in groups of four; Outlook windows-1250")
def _(d, s):
    text = """Dzień dobry,

w załączeniu przesyłam wypełniony formularz odstąpienia od umowy. Odstępuję od umowy w zakresie zasłon (Nr zamówienia: 891270, odebrane 29.01.2027):
- zasłona zaciemniająca 140x250 szara, 2 szt. (ZAS-140-250-GR) – 2 x 89,00 zł
Karnisz z tego samego zamówienia zatrzymuję.

Proszę o zwrot 178,00 zł na rachunek PL61 1090 1014 0000 0712 1981 2874.

Z poważaniem
Marianna Kwiatkowska
"""
    h = envelope(d, s, frm=("Marianna Kwiatkowska", "marianna.kwiatkowska@onet.example"),
                 subject="Oświadczenie o odstąpieniu od umowy", client="outlook1250")
    body = with_attachments(alt(text, s, cs="windows-1250", style="outlook"),
                            [attachment(fake_pdf(s, "formularz"), "application/pdf",
                                        "formularz_odstąpienia.pdf")], s, "outlook")
    return finish(h, body)


@mail("gift-exchange-size-no-order", "2027-02-05 12:00:51 +0000",
      kind="complaint", language="en", orders=[], category="return",
      resolution="replacement", name="Natalie Brown",
      notes="English; a gift to exchange for another size without any fault (return + "
            "replacement); no order number (ordered by an aunt); sizes S/M")
def _(d, s):
    text = """Hello,

I was given one of your fleece dressing gowns for my birthday (size S) but it's
too small. I don't have the order number - my aunt ordered and paid for it, and
I'd rather not ask her. Would it be possible to exchange it for a size M? The
tags are still on and it hasn't been worn.

Thank you,
Natalie Brown
"""
    h = envelope(d, s, frm=("Natalie Brown", "natalie.brown@icloud.example"),
                 subject="Exchanging a gift for a different size", client="applemail")
    return finish(h, alt(text, s, style="apple"))


@mail("automatic-reply-holiday-en", "2027-02-05 14:20:33 +0000",
      kind="auto_reply", language="en", orders=["566720"], name="Daniel Brooks",
      notes="Outlook.com 'Automatic reply:' with Auto-Submitted and X-Auto-Response-Suppress; "
            "the echoed subject carries a complaint number and 'order no. 566720'; signed "
            "with the first name only")
def _(d, s):
    text = """I'm on holiday until 12 February with no access to email. I'll reply when I'm back.

Daniel
"""
    h = envelope(d, s, frm=("Daniel Brooks", "d.brooks@outlook.example"),
                 subject="Automatic reply: Your complaint RK/2027/01/0118 - order no. 566720",
                 client="o365en", return_path="<>", in_reply_to=shop_mid("reply-566720"),
                 extra=["Auto-Submitted: auto-generated", "X-Auto-Response-Suppress: All"])
    return finish(h, alt(text, s, style="outlook"))


# --- 6 February -------------------------------------------------------------

@mail("zmiana-koloru-przed-wysylka", "2027-02-06 08:05:13 +0100",
      kind="complaint", language="pl", orders=["948306"], category="other",
      resolution=None, name="Oskar Wilk",
      notes="change request before shipping (other), not a wrong item nor a return; "
            "'#948306'; sizes/colours; signed with first name only; iPhone text/plain")
def _(d, s):
    text = """Dzień dobry, wczoraj wieczorem złożyłem zamówienie #948306 na bluzę z kapturem w kolorze czarnym, a chciałem jednak grafitową (ten sam rozmiar L). Czy da się to jeszcze zmienić przed wysyłką? Jeśli to problem, to zostawcie czarną.
Oskar

Wysłane z iPhone’a
"""
    h = envelope(d, s, frm=("Oskar Wilk", "oskar.wilk@icloud.example"),
                 subject="Zmiana koloru w zamówieniu", client="iphone")
    return finish(h, text_part(text))


@mail("charged-twice-en", "2027-02-06 10:10:40 +0100",
      kind="complaint", language="en", orders=["940553"], category="billing",
      resolution="refund", name="Rachel Hughes",
      notes="English double charge; 'Order #' in subject and body; amounts in PLN and euro; "
            "Irish Eircode; asks for the duplicate to be refunded")
def _(d, s):
    text = """Hi,

I've been charged twice for Order #940553. My bank app shows two payments of
223.49 PLN (€52.30) on 4 February, a minute apart, both to Sklep Domowy.
There's only one order in my account.

Please refund the duplicate payment.

Thanks,
Rachel Hughes
Dublin D02 X285
"""
    h = envelope(d, s, frm=("Rachel Hughes", "rachel.hughes@gmail.example"),
                 subject="Charged twice for Order #940553", client="gmail")
    return finish(h, alt(text, s))


@mail("status-zwrot-zlecony", "2027-02-06 12:00:39 +0100",
      kind="status_query", language="pl", orders=["903552"], category="refund",
      resolution=None, name="Sebastian Kowalewski",
      notes="short status query about the refund complaint (category refund); 'Re:' subject "
            "with 'ZAM-' and the number again in the text; date 19.01")
def _(d, s):
    text = """Dzień dobry,
czy zwrot za ZAM-903552 został już zlecony? Dostałem od Państwa potwierdzenie przyjęcia reklamacji 19.01 i od tamtej pory cisza.
Sebastian Kowalewski
"""
    h = envelope(d, s, frm=("Sebastian Kowalewski", "seba.kowalewski@gmail.example"),
                 subject="Re: Brak zwrotu pieniędzy - ZAM-903552", client="gmail",
                 in_reply_to=shop_mid("ack-903552"))
    return finish(h, alt(text, s))


# --- 7 February -------------------------------------------------------------

@mail("fwd-anulowanie-brak-zwrotu", "2027-02-07 13:00:28 +0100",
      kind="complaint", language="pl", orders=["915380"], category="refund",
      resolution="refund", name="Łucja Pakuła",
      notes="webmail forward (ISO-8859-2 QP) of the shop's cancellation notice; the order "
            "number is only in the forwarded text ('zamówienie nr'); amount 64,99 zł twice; "
            "refund for a cancelled order")
def _(d, s):
    text = """Dzień dobry,
poniżej Państwa mail o anulowaniu. Minęły 3 tygodnie i nadal nie mam zwrotu 64,99 zł na koncie. Proszę o pilny zwrot pieniędzy.
Łucja Pakuła

----- Wiadomość przekazana -----
Od: Sklep Domowy <zamowienia@sklep.example>
Do: lucja.pakula@o2.example
Data: 15 stycznia 2027 08:12
Temat: Anulowanie zamówienia

Dzień dobry,
informujemy, że zamówienie nr 915380 zostało anulowane z powodu braku towaru w magazynie. Wpłata 64,99 zł zostanie zwrócona w ciągu 14 dni na rachunek, z którego została dokonana.
Sklep Domowy
"""
    h = envelope(d, s, frm=("Łucja Pakuła", "lucja.pakula@o2.example"),
                 subject="Fwd: Anulowanie zamówienia", client="web2")
    return finish(h, text_part(text, cs="iso-8859-2"))


@mail("prosba-o-wypisanie-z-newslettera", "2027-02-07 18:00:17 +0100",
      kind="complaint", language="pl", orders=[], category="other", resolution=None,
      name="Sylwia Górska",
      notes="asks to be removed from the mailing list (other); no order; '404' error code; "
            "talks about newsletters but is not bulk itself")
def _(d, s):
    text = """Dzień dobry,
od tygodnia dostaję od Państwa po dwa newslettery dziennie, mimo że nigdy się na nie nie zapisywałam (zamawiałam raz, rok temu). Link „wypisz się” na dole prowadzi do strony z błędem 404.
Proszę o usunięcie mojego adresu z listy i potwierdzenie.
Sylwia Górska
"""
    h = envelope(d, s, frm=("Sylwia Górska", "sylwia.gorska@gmail.example"),
                 subject="Proszę o usunięcie z listy mailingowej", client="gmail")
    return finish(h, alt(text, s))


# --- 8 February -------------------------------------------------------------

@mail("delivery-to-ireland-question", "2027-02-08 09:00:35 +0000",
      kind="complaint", language="en", orders=[], category="other", resolution=None,
      name="Fiona Walsh",
      notes="English pre-sales question (other), no order; Eircode, weight '8 kg'; From "
            "display name is only 'Fiona', the signature has the full name")
def _(d, s):
    text = """Hi,

Quick question before I order: do you deliver to Ireland (Co. Cork, Eircode
P72 XN38), and if so how much is shipping for a stand mixer of about 8 kg?
Also, can I pay with PayPal?

Thanks a million,
Fiona Walsh
"""
    h = envelope(d, s, frm=("Fiona", "fiona.walsh@gmail.example"),
                 subject="Delivery to Ireland + PayPal?", client="gmail")
    return finish(h, alt(text, s))


@mail("status-tylko-numer-reklamacji-html", "2027-02-08 11:40:02 +0100",
      kind="status_query", language="pl", orders=[], category="other", resolution=None,
      name="Pawel Stepien",
      notes="HTML only; asks about a complaint by its reference RK/2027/01/0158 only (made by "
            "phone), so the category cannot be told (other); no diacritics, name written "
            "without them in From and signature; phone number")
def _(d, s):
    body_html = """<html><body>Dzien dobry,<br>
co z moja reklamacja RK/2027/01/0158? zglaszalem ja telefonicznie 22 stycznia, pani mowila ze dostane maila w ciagu tygodnia i nic.<br>
<br>
Pawel Stepien<br>
tel. 781 440 209
</body></html>
"""
    h = envelope(d, s, frm=("Pawel Stepien", "pawel.stepien@onet.example"),
                 subject="reklamacja RK/2027/01/0158", client="web")
    return finish(h, text_part(body_html, "html", "us-ascii", cte="7bit"))


@mail("o365-ndr-mailbox-full", "2027-02-08 15:00:47 +0000",
      kind="bounce", language="en", orders=["791204"], name=None,
      notes="Microsoft 365 NDR ('Undeliverable:'), multipart/report with a plain+HTML human "
            "part, delivery-status and only the returned headers (text/rfc822-headers); the "
            "order number is in the echoed subjects; mailbox full 5.2.2")
def _(d, s):
    human = """Your message to sophie.lambert@outlook.example couldn't be delivered.

The recipient's mailbox is full and can't accept messages now. Please try
resending this message later, or contact the recipient directly.

Diagnostic information for administrators:

Generating server: AS8PR04MB7711.eurprd04.prod.outlook.example

sophie.lambert@outlook.example
Remote server returned '554 5.2.2 mailbox full;
STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded'

Original message headers:
"""
    human_html = ("<html><body><p><b>Your message to sophie.lambert@outlook.example couldn't "
                  "be delivered.</b></p><p>The recipient's mailbox is full and can't accept "
                  "messages now. Please try resending this message later, or contact the "
                  "recipient directly.</p><p>Generating server: "
                  "AS8PR04MB7711.eurprd04.prod.outlook.example</p><p>Remote server returned "
                  "'554 5.2.2 mailbox full'</p></body></html>\n")
    status = """Reporting-MTA: dns;AS8PR04MB7711.eurprd04.prod.outlook.example
Received-From-MTA: dns;mx1.sklep.example
Arrival-Date: Mon, 8 Feb 2027 15:00:41 +0000

Final-Recipient: rfc822;sophie.lambert@outlook.example
Action: failed
Status: 5.2.2
Diagnostic-Code: smtp;554 5.2.2 mailbox full;
 STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded
"""
    orig = f"""Received: from mx1.sklep.example (198.51.100.7) by
 AM0PR02CA0011.outlook.example with Microsoft SMTP Server id 15.20.8466.11;
 Mon, 8 Feb 2027 15:00:41 +0000
From: Sklep Domowy - Reklamacje <reklamacje@sklep.example>
To: sophie.lambert@outlook.example
Subject: Re: Wrong colour sent - order no. 791204
Date: Mon, 8 Feb 2027 16:00:38 +0100
Message-ID: {shop_mid("reply-791204")}
In-Reply-To: {message_id("o365", "wrong-colour-raincoat", "outlook.example")}
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: quoted-printable
"""
    report = multipart("report", [
        multipart("alternative", [text_part(human, "plain", "us-ascii", "7bit"),
                                  text_part(human_html, "html", "us-ascii", "7bit")],
                  boundary("outlook", s + "h")),
        Part(["Content-Type: message/delivery-status"], status.encode("ascii")),
        Part(["Content-Type: text/rfc822-headers"], orig.encode("ascii")),
    ], boundary("outlook", s), params=' report-type="delivery-status";')
    h = envelope(d, s, frm=("Microsoft Outlook", "postmaster@outlook.example"),
                 subject="Undeliverable: Re: Wrong colour sent - order no. 791204",
                 client="o365en", return_path="<>",
                 extra=["Auto-Submitted: auto-replied", "X-MS-Exchange-Message-Is-Ndr: "])
    return finish(h, report)


# --- 9 February -------------------------------------------------------------

@mail("status-lost-parcel-en", "2027-02-09 10:00:24 +0100",
      kind="status_query", language="en", orders=["874519"], category="not_delivered",
      resolution=None, name="Laura Fischer",
      notes="English follow-up ('Re:' of her first mail, no quote); 'Order #874519' at the "
            "end; mentions a staff reply of 19 January; calls the parcel lost but raises "
            "nothing new")
def _(d, s):
    text = """Hello again,

Is there any news on the lost parcel? Your colleague wrote on 19 January that
you were checking with the courier, and I haven't heard anything since.
Order #874519.

Laura Fischer
"""
    h = envelope(d, s, frm=("Laura Fischer", "laura.fischer@gmail.example"),
                 subject="Re: Tracking hasn't moved for 6 days", client="gmail",
                 in_reply_to=shop_mid("reply-874519"))
    return finish(h, alt(text, s))


@mail("ocena-piatka-slownie", "2027-02-09 19:00:12 +0100",
      kind="rating", language="pl", orders=["613207"], rating=5, name="Jolanta Wiśniewska",
      notes="score as a word ('Piątka!'); WP-style quote of the survey, which holds the order "
            "number, the complaint number and the whole 1-5 scale")
def _(d, s):
    text = """Piątka! Nowy dzbanek dotarł cały i zdrowy, tym razem dobrze zapakowany. Dziękuję.
Jolanta Wiśniewska

Dnia 8 lutego 2027 10:00 Sklep Domowy <ankieta@sklep.example> napisał(a):
""" + q("""Dzień dobry,
Twoja reklamacja RK/2027/01/0024 (zamówienie nr 613207) została zamknięta.
Jak oceniasz naszą obsługę w skali od 1 do 5 (1 – bardzo źle, 5 – bardzo dobrze)?
Wystarczy odpisać na tę wiadomość jedną cyfrą.
Sklep Domowy""") + "\n"
    h = envelope(d, s, frm=("Jolanta Wiśniewska", "jola.wisniewska@wp.example"),
                 subject="Odp: Jak oceniasz obsługę reklamacji RK/2027/01/0024?", client="web",
                 in_reply_to=shop_mid("survey-613207"))
    return finish(h, text_part(text))


# --- 10 February ------------------------------------------------------------

@mail("ocena-trojka-slownie", "2027-02-10 08:45:30 +0100",
      kind="rating", language="pl", orders=["705990"], rating=3, name="Dariusz Lis",
      notes="score as a word ('trojka', no diacritics) while the comment has other digits "
            "('2 tygodniach', '2 razy'); Gmail quote of the survey with the 1-5 scale and the "
            "order number")
def _(d, s):
    text = """trojka. pieniadze oddaliscie, ale po 2 tygodniach i dopiero jak napisalem 2 razy.

D. Lis

W dniu wt., 9 lut 2027 o 09:30 Sklep Domowy <ankieta@sklep.example> napisał(a):
""" + q("""Dzień dobry,
Twoja reklamacja dotycząca zamówienia 705990 została zamknięta.
Oceń nas w skali 1–5, odpowiadając na tę wiadomość.
Dziękujemy!""") + "\n"
    h = envelope(d, s, frm=("Dariusz Lis", "darek.lis@gmail.example"),
                 subject="Re: Oceń obsługę reklamacji - zam. 705990", client="gmail",
                 in_reply_to=shop_mid("survey-705990"))
    return finish(h, alt(text, s))


@mail("ndr-polski-konto-nieaktywne", "2027-02-10 11:20:05 +0100",
      kind="bounce", language="pl", orders=["887661"], name=None,
      notes="Polish provider's NDR (multipart/report, ISO-8859-2 QP notice) returning the "
            "full survey as message/rfc822; the order number is in the enclosed subject and "
            "body; inactive account 5.2.1; the customer's address appears")
def _(d, s):
    notice = """Szanowny Użytkowniku,

Twoja wiadomość nie mogła zostać doręczona do następującego adresata:

  k.zajac@interia.example
  Powód: konto odbiorcy jest nieaktywne (550 5.2.1).

Wiadomość została zwrócona w całości w załączniku.

-- 
System pocztowy poczta.interia.example
"""
    status = """Reporting-MTA: dns; mx.poczta.interia.example
Arrival-Date: Wed, 10 Feb 2027 11:20:01 +0100

Final-Recipient: rfc822; k.zajac@interia.example
Action: failed
Status: 5.2.1
Diagnostic-Code: smtp; 550 5.2.1 Konto nieaktywne / Mailbox disabled
"""
    survey_text = """Dzień dobry,

wymiana butów z zamówienia nr 887661 została zakończona.
Jak oceniasz naszą obsługę? Odpisz jedną cyfrą od 1 (źle) do 5 (bardzo dobrze).

Sklep Domowy
"""
    sh = [
        "From: Sklep Domowy <ankieta@sklep.example>",
        "To: k.zajac@interia.example",
        fold("Subject", text_tokens("Jak oceniasz obsługę? Zamówienie nr 887661", "utf-8",
                                    "Q", "words")),
        "Date: Wed, 10 Feb 2027 11:19:58 +0100",
        f"Message-ID: {shop_mid('survey-887661')}",
        "MIME-Version: 1.0",
    ]
    survey = finish(sh, text_part(survey_text, cs="utf-8")).replace(b"\r\n", b"\n")
    report = multipart("report", [
        text_part(notice, "plain", "iso-8859-2"),
        Part(["Content-Type: message/delivery-status"], status.encode("ascii")),
        rfc822_part(survey),
    ], boundary("web", s), params=' report-type="delivery-status";')
    h = envelope(d, s, frm=("Administrator systemu pocztowego",
                            "mailer-daemon@mx.poczta.interia.example"),
                 subject="Zwrot: wiadomość nie została doręczona", client="web2",
                 return_path="<>", relay=("mx.poczta.interia.example", "198.51.100.33"),
                 extra=["Auto-Submitted: auto-replied"])
    return finish(h, report)


# --- 11 February ------------------------------------------------------------

@mail("ocena-4-na-5", "2027-02-11 09:12:43 +0100",
      kind="rating", language="pl", orders=["903552"], rating=4, name="Sebastian Kowalewski",
      notes="score written '4/5' on the first line; comment 'minus jeden punkt'; signed "
            "with the first name, full name in From; survey quote with 'ZAM-' number and scale")
def _(d, s):
    text = """4/5
pieniądze są, minus jeden punkt za czas oczekiwania.

Sebastian

W dniu śr., 10 lut 2027 o 14:00 Sklep Domowy <ankieta@sklep.example> napisał(a):
""" + q("""Dzień dobry,
sprawa dotycząca zamówienia ZAM-903552 została zamknięta.
Prosimy o ocenę naszej obsługi w skali od 1 do 5 - wystarczy odpisać jedną cyfrą.
Sklep Domowy""") + "\n"
    h = envelope(d, s, frm=("Sebastian Kowalewski", "seba.kowalewski@gmail.example"),
                 subject="Re: Jak oceniasz obsługę? ZAM-903552", client="gmail",
                 in_reply_to=shop_mid("survey-903552"))
    return finish(h, alt(text, s))


@mail("spam-fake-customs-fee", "2027-02-11 03:14:27 +0000",
      kind="bulk", language="en", orders=[], name=None,
      notes="phishing posing as a courier customs-fee notice; no bulk headers at all; the "
            "shipment id 'DHL-772910-PL' hides a six-digit run that is not an order; "
            "'EUR 1.99', 48 hours, a 10-digit reference; HTML only")
def _(d, s):
    body_html = """<html><body style="font-family:Arial">
<table width="600"><tr><td style="background:#FFCC00"><b>DHL Express</b></td></tr>
<tr><td>
<p>Dear Customer,</p>
<p>Your shipment <b>DHL-772910-PL</b> is on hold at our depot due to an unpaid customs fee of <b>EUR 1.99</b>.</p>
<p>Please confirm your payment within 48 hours or the parcel will be returned to the sender.</p>
<p><a href="http://dhl-express-delivery.example/pay?id=4471209833">Pay now</a></p>
<p>Reference: 4471209833</p>
<p>DHL Express Customer Service</p>
</td></tr></table>
</body></html>
"""
    h = envelope(d, s, frm=("DHL Express", "noreply@dhl-express-delivery.example"),
                 subject="Action required: customs fee unpaid for your shipment",
                 client="mta", relay=("vps-4471.hosting.example", "203.0.113.201"))
    return finish(h, text_part(body_html, "html", "utf-8", cte="7bit"))


# --- 12 February ------------------------------------------------------------

@mail("ocena-2-kurierowi-1", "2027-02-12 07:55:16 +0100",
      kind="rating", language="pl", orders=["872330"], rating=2, name="Agata Michalak",
      notes="bare '2' on the first line, then a comment with '3 tygodniach' and 'dalabym 1' "
            "for the courier (distractor digits); own text without diacritics; Outlook "
            "'Od:/Wysłano:' quote of the survey with the order number written '872 330'")
def _(d, s):
    text = """2
Paczka w koncu doszla po 3 tygodniach, z obsluga sklepu ok, ale kurierowi dalabym 1.
Agata Michalak

Od: Sklep Domowy <ankieta@sklep.example>
Wysłano: czwartek, 11 lutego 2027 09:00
Do: a.michalak@outlook.example
Temat: Oceń obsługę - zamówienie 872 330

Dzień dobry,
Twoja sprawa RK/2027/01/0079 dotycząca zamówienia 872 330 została zamknięta. Jak oceniasz naszą pomoc w skali od 1 do 5? Odpisz jedną cyfrą.
Sklep Domowy
"""
    h = envelope(d, s, frm=("Agata Michalak", "a.michalak@outlook.example"),
                 subject="RE: Oceń obsługę - zamówienie 872 330", client="outlook1250",
                 in_reply_to=shop_mid("survey-872330"))
    return finish(h, alt(text, s, cs="windows-1250", style="outlook"))


@mail("rating-four-as-a-word", "2027-02-12 18:30:58 +0000",
      kind="rating", language="en", orders=["640917"], rating=4, name="Thomas Hartley",
      notes="English score as a word ('Four.'); the comment mentions 'a 5' hypothetically; "
            "quoted survey with 'Order #640917' and the scale 1-5; display name 'Tom H', "
            "signature with the full name")
def _(d, s):
    text = """Four. The refund came through fine once it got going, it just took a while to
get an answer. Would have been a 5 if you'd replied within a week.

Thomas Hartley

On Thu, 11 Feb 2027 at 10:00, Sklep Domowy <ankieta@sklep.example> wrote:
""" + q("""Your complaint RK/2027/01/0031 about Order #640917 has been closed.
How would you rate our service on a scale from 1 (poor) to 5 (excellent)?
Just reply with a number.""") + "\n"
    h = envelope(d, s, frm=("Tom H", "tom.hartley82@gmail.example"),
                 subject="Re: How did we do? Complaint RK/2027/01/0031", client="gmail",
                 in_reply_to=shop_mid("survey-640917"))
    return finish(h, alt(text, s))


# ===========================================================================
# writing and checking
# ===========================================================================

def ordered():
    return sorted(MAILS, key=lambda m: m["date"])


def write():
    for f in os.listdir(HERE):
        if f.endswith(".eml") or f == "labels.jsonl":
            os.remove(os.path.join(HERE, f))
    lines = []
    for i, m in enumerate(ordered(), 1):
        fname = f"{i:03d}-{m['slug']}.eml"
        raw = m["build"](m["date"], m["slug"])
        with open(os.path.join(HERE, fname), "wb") as f:
            f.write(raw)
        lines.append(json.dumps({"file": fname, **m["label"]}, ensure_ascii=False))
    with open(os.path.join(HERE, "labels.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    return len(lines)


SPACES = "[ \u00a0\u202f]"


def _html_text(s):
    s = re.sub(r"(?is)<(style|script|head)\b.*?</\1>", " ", s)
    s = re.sub(r"(?i)<br\s*/?>|</(p|div|tr|li|h\d|blockquote)>", "\n", s)
    return html.unescape(re.sub(r"(?s)<[^>]+>", "", s))


def _walk(msg, problems, texts):
    for dfc in msg.defects:
        problems.append(f"defect {dfc!r} in {msg.get_content_type()}")
    for name, value in msg.items():
        for dfc in getattr(value, "defects", ()):
            problems.append(f"header {name}: {dfc!r}")
    ctype = msg.get_content_type()
    if ctype == "message/rfc822":
        inner = msg.get_payload()[0]
        if inner["Subject"] is not None:
            texts.append(str(inner["Subject"]))
        _walk(inner, problems, texts)
    elif ctype == "message/delivery-status":
        if not any(b.get("Action") for b in msg.get_payload()):
            problems.append("delivery-status without Action")
    elif msg.is_multipart():
        for sub in msg.get_payload():
            _walk(sub, problems, texts)
    elif msg.get_content_maintype() == "text":
        raw = msg.get_payload(decode=True)
        try:
            text = raw.decode(msg.get_content_charset() or "us-ascii")
        except (LookupError, UnicodeDecodeError) as e:
            problems.append(f"{ctype} does not decode strictly: {e}")
            return
        if msg.get_content().replace("\r\n", "\n") != text.replace("\r\n", "\n"):
            problems.append(f"{ctype}: get_content() differs from strict decoding")
        if ctype == "text/html":
            text = _html_text(text)
        elif ctype == "text/rfc822-headers":
            hdrs = HeaderParser(policy=policy.default).parsestr(text)
            text = "\n".join(f"{k}: {v}" for k, v in hdrs.items())
        texts.append(text)
    elif not msg.get_payload(decode=True):
        problems.append(f"{ctype} part has an empty body")


def check(verbose=False):
    """The same checks as the corpus's check.py, on this folder."""
    problems = []
    labels = {}
    with open(os.path.join(HERE, "labels.jsonl"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                lab = json.loads(line)
                if lab["file"] in labels:
                    problems.append(f"{lab['file']}: labelled twice")
                labels[lab["file"]] = lab
    files = sorted(f for f in os.listdir(HERE) if f.endswith(".eml"))
    problems += [f"{f}: label without file" for f in sorted(set(labels) - set(files))]
    parser = BytesParser(policy=policy.default)
    for fname in files:
        pr = []
        with open(os.path.join(HERE, fname), "rb") as f:
            msg = parser.parse(f)
        for h in ("From", "To", "Date", "Subject", "Message-ID", "MIME-Version"):
            if msg[h] is None:
                pr.append(f"missing {h}")
        if msg["Date"] is not None and msg["Date"].datetime is None:
            pr.append("unparseable Date")
        if not re.fullmatch(r"\s*<[^<>@\s]+@[^<>@\s]+>\s*", str(msg["Message-ID"] or "")):
            pr.append("odd Message-ID")
        texts = [str(msg["Subject"] or "")]
        _walk(msg, pr, texts)
        lab = labels.get(fname)
        if lab is None:
            pr.append("no label")
        else:
            if list(lab) != FIELDS:
                pr.append("label fields differ")
            kind = lab["kind"]
            ok = (kind in KINDS and lab["language"] in ("pl", "en")
                  and (lab["category"] in CATEGORIES if kind in ("complaint", "status_query")
                       else lab["category"] is None)
                  and (lab["resolution"] is None or lab["resolution"] in RESOLUTIONS)
                  and (isinstance(lab["rating"], int) and 1 <= lab["rating"] <= 5
                       if kind == "rating" else lab["rating"] is None)
                  and len(set(lab["order_numbers"])) == len(lab["order_numbers"])
                  and all(re.fullmatch(r"[1-9]\d{5}", n) for n in lab["order_numbers"])
                  and (lab["customer_name"] is None or lab["customer_name"].strip())
                  and lab["notes"].strip())
            if not ok:
                pr.append("label has a bad value")
            whole = "\n\n".join(texts)
            firsts = []
            for n in lab["order_numbers"]:
                m = re.search(r"(?<!\d)" + n[:3] + SPACES + "?" + n[3:] + r"(?!\d)", whole)
                if not m:
                    pr.append(f"order number {n} not in the decoded text")
                else:
                    firsts.append((m.start(), n))
            if [n for _, n in sorted(firsts)] != [n for _, n in firsts]:
                pr.append("order numbers not in order of first appearance")
            if verbose:
                seen = set()
                for mt in re.finditer(r"(?<![\d\w/.,-])(\d{3})" + SPACES +
                                      r"?(\d{3})(?![\d\w/,-])", whole):
                    n = mt.group(1) + mt.group(2)
                    if n not in lab["order_numbers"] and n not in seen:
                        seen.add(n)
                        print(f"  {fname}: unlabelled six-digit token {mt.group(0)!r}")
        problems += [f"{fname}: {p}" for p in pr]
    if problems:
        print("\n".join(problems))
        print(f"FAILED: {len(problems)} problem(s) in {len(files)} files")
        return 1
    counts = {}
    for lab in labels.values():
        counts[lab["kind"]] = counts.get(lab["kind"], 0) + 1
    print(f"OK: {len(files)} messages parsed, decoded and labelled (" +
          ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) + ")")
    return 0


def main(argv):
    if "--check" not in argv:
        n = write()
        print(f"wrote {n} messages and labels.jsonl")
    return check("-v" in argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
