#!/usr/bin/env python3
"""Second held-out set for the Sklep Domowy complaints mailbox (90 mails).

Written blind to the triage rules and to the first held-out set: a different
"author" imitating other customers of the same shop.  Standard library only,
deterministic (same bytes on every run).

    python build.py          # writes NNN-slug.eml + labels.jsonl next to this file
    python build.py -v       # additionally lists unlabelled six-digit tokens

After writing, every file is re-parsed with email.policy.default and checked:
no defects, every text part decodes strictly, every labelled order number
occurs in the decoded text (subject, text parts with HTML stripped, enclosed
messages and returned headers) as six digits or 'ddd ddd', not inside a longer
digit run, and labels are in order of first appearance.
"""

import base64
import datetime as dt
import hashlib
import html
import json
import os
import re
import struct
import sys
import zlib
from email import policy, utils
from email.message import EmailMessage, MIMEPart
from email.parser import BytesParser, HeaderParser, Parser

HERE = os.path.dirname(os.path.abspath(__file__))
SHOP = "reklamacje@sklep.example"
WIRE = policy.SMTP

FIELDS = ["file", "kind", "language", "order_numbers", "category", "resolution",
          "customer_name", "rating", "notes"]
KINDS = {"complaint", "status_query", "rating", "auto_reply", "bounce", "bulk"}
CATEGORIES = {"damaged", "defective", "wrong_item", "missing_item", "not_delivered",
              "return", "refund", "billing", "other"}
RESOLUTIONS = {"refund", "replacement", "repair", "discount"}

MAILS = []


def mail(slug, kind, lang, orders, cat, res, name, rating=None, notes=""):
    def deco(fn):
        MAILS.append(dict(slug=slug, build=fn, label=dict(
            kind=kind, language=lang, order_numbers=list(orders), category=cat,
            resolution=res, customer_name=name, rating=rating, notes=notes)))
        return fn
    return deco


# --------------------------------------------------------------------------
# deterministic material

def hx(seed, n=32):
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:n]


def rb(seed, n):
    return hashlib.shake_256(seed.encode("utf-8")).digest(n)


def at(s):
    return dt.datetime.strptime(s, "%Y-%m-%d %H:%M:%S %z")


# --------------------------------------------------------------------------
# headers

QSAFE = set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!*+-/")


def ew(s, cs, enc):
    b = s.encode(cs)
    if enc == "B":
        return f"=?{cs}?B?{base64.b64encode(b).decode()}?="
    q = "".join(chr(c) if c in QSAFE else ("_" if c == 32 else "=%02X" % c) for c in b)
    return f"=?{cs}?Q?{q}?="


def ewords(text, cs, enc, limit=64):
    out, cur = [], ""
    for ch in text:
        if cur and len(ew(cur + ch, cs, enc)) > limit:
            out.append(ew(cur, cs, enc))
            cur = ch
        else:
            cur += ch
    if cur:
        out.append(ew(cur, cs, enc))
    return out


def is_ascii(s):
    return all(ord(c) < 128 for c in s)


def htokens(text, cs, enc, mode="whole"):
    if is_ascii(text):
        return text.split(" ")
    if mode == "whole":
        return ewords(text, cs, enc)
    words, toks, i = text.split(" "), [], 0
    while i < len(words):
        if is_ascii(words[i]):
            toks.append(words[i])
            i += 1
            continue
        j = i
        while j + 1 < len(words) and not is_ascii(words[j + 1]):
            j += 1
        toks.extend(ewords(" ".join(words[i:j + 1]), cs, enc))
        i = j + 1
    return toks


def fold(name, toks, width=76):
    lines, cur = [], name + ":"
    for t in toks:
        if cur != name + ":" and len(cur) + 1 + len(t) > width:
            lines.append(cur)
            cur = " " + t
        else:
            cur += " " + t
    lines.append(cur)
    return "\r\n".join(lines)[len(name) + 2:]


def addr_tokens(item, cs, enc):
    if isinstance(item, str):
        return [item]
    disp, a = item
    if is_ascii(disp):
        if re.search(r"[,.;:()\"<>@\[\]']", disp):
            return ['"' + disp.replace('"', '\\"') + '"', f"<{a}>"]
        return disp.split(" ") + [f"<{a}>"]
    return ewords(disp, cs, enc) + [f"<{a}>"]


CLIENTS = {
    # name: (message-id style, header charset, header encoding, extra headers, boundary style)
    "gmail": ("gmail", "UTF-8", "B", [], "gmail"),
    "outlook": ("outlook", "iso-8859-2", "Q",
                [("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "pl")], "outlook"),
    "outlook1250": ("outlook", "windows-1250", "Q",
                    [("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "pl")],
                    "outlook"),
    "o365": ("o365", "utf-8", "B", [("Accept-Language", "pl-PL, en-US"),
                                    ("Content-Language", "pl-PL")], "o365"),
    "o365en": ("o365", "utf-8", "B", [("Accept-Language", "en-GB, en-US"),
                                      ("Content-Language", "en-GB")], "o365"),
    "iphone": ("apple", "utf-8", "Q", [("X-Mailer", "iPhone Mail (22D72)")], "apple"),
    "applemail": ("apple", "utf-8", "Q", [("X-Mailer", "Apple Mail (2.3826.400.131)")], "apple"),
    "thunderbird": ("tb", "UTF-8", "Q", [("User-Agent", "Mozilla Thunderbird"),
                                         ("Content-Language", "pl")], "tb"),
    "thunderbird2": ("tb", "ISO-8859-2", "Q", [("User-Agent", "Mozilla Thunderbird"),
                                               ("Content-Language", "pl")], "tb"),
    "wp": ("web", "UTF-8", "Q", [("X-Mailer", "WP Poczta 2.0")], "web"),
    "onet": ("web", "ISO-8859-2", "Q", [("X-Mailer", "Onet Poczta")], "web"),
    "interia": ("web", "UTF-8", "B", [("X-Mailer", "Interia Poczta")], "web"),
    "o2": ("web", "UTF-8", "Q", [("X-Mailer", "o2 Poczta")], "web"),
    "system": ("mta", "utf-8", "B", [], "mta"),
}

OUTBOUND = {
    "gmail.example": "mail-sor-f{n}.google.example",
    "outlook.example": "EUR0{m}-VI1-obe.outbound.protection.outlook.example",
    "wp.example": "smtpo{n}.poczta.wp.example",
    "o2.example": "smtpo{n}.poczta.o2.example",
    "onet.example": "smtp{n}.poczta.onet.example",
    "op.example": "smtp{n}.poczta.onet.example",
    "interia.example": "smtp{n}.poczta.interia.example",
    "icloud.example": "st{n}p00im-qukt0{m}.me.example",
}


def msgid(style, seed, domain):
    h = hx(seed, 64)
    if style == "gmail":
        al = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+="
        return "<CA" + "".join(al[b % len(al)] for b in rb(seed, 42)) + "@mail.gmail.example>"
    if style == "o365":
        return (f"<VI1PR0{int(h[0], 16) % 9}MB{int(h[1:5], 16) % 9000 + 1000}"
                f"{h[5:27].upper()}@VI1PR0{int(h[0], 16) % 9}MB"
                f"{int(h[1:5], 16) % 9000 + 1000}.eurprd0{int(h[27], 16) % 7 + 1}"
                ".prod.outlook.example>")
    if style == "outlook":
        return f"<000001db{h[:4]}${h[4:12]}${h[12:20]}$@{domain}>"
    if style == "apple":
        u = h.upper()
        return f"<{u[:8]}-{u[8:12]}-{u[12:16]}-{u[16:20]}-{u[20:32]}@{domain}>"
    if style == "tb":
        return f"<{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}@{domain}>"
    if style == "web":
        return f"<{int(h[:9], 16)}.{h[9:17]}.{int(h[17:22], 16)}@{domain}>"
    return f"<{int(h[:8], 16)}.{h[8:16]}@{domain}>"


def boundary(style, h):
    if style == "gmail":
        return "000000000000" + h[:16]
    if style == "outlook":
        return "----=_NextPart_000_%s_01DB%s.%s" % (h[:4].upper(), h[4:8].upper(),
                                                     h[8:16].upper())
    if style == "o365":
        return "_000_" + h[:24].upper() + "_"
    if style == "apple":
        return "Apple-Mail=_" + "-".join([h[:8], h[8:12], h[12:16], h[16:20],
                                          h[20:32]]).upper()
    if style == "tb":
        return "------------" + base64.b64encode(bytes.fromhex(h[:36])).decode(
            ).replace("+", "x").replace("/", "y")[:24]
    if style == "web":
        return "----=_Part_%d_%d.%d" % (int(h[:5], 16), int(h[5:13], 16), int(h[13:24], 16))
    return "===============%s==" % str(int(h[:16], 16))[:19]


def new(sender, subject, date, client="gmail", to=SHOP, cc=None, hdr=None, mode="whole",
        in_reply_to=None, extra=(), return_path=None, received=True, from_raw=None,
        mid=None, no_client_headers=False):
    mstyle, cs, enc, cextra, bstyle = CLIENTS[client]
    if hdr:
        cs, enc = hdr
    a = sender if isinstance(sender, str) else sender[1]
    domain = a.split("@")[1]
    d = at(date)
    seed = f"{a}|{date}|{subject}"
    m = EmailMessage(policy=policy.default)
    m.bstyle = bstyle
    m.set_raw("Return-Path", return_path if return_path is not None else f"<{a}>")
    if isinstance(received, str):
        m.set_raw("Received", received)
    elif received:
        n = int(hx(seed + "n", 4), 16)
        helo = OUTBOUND.get(domain, "mail." + domain).format(n=n % 80 + 10, m=n % 6 + 1)
        net = ["192.0.2", "198.51.100", "203.0.113"][n % 3]
        rd = (d + dt.timedelta(seconds=n % 29 + 1)).astimezone(
            dt.timezone(dt.timedelta(hours=1)))
        m.set_raw("Received", f"from {helo}\r\n\t({helo} [{net}.{n % 240 + 4}])\r\n"
                              f"\tby mx1.sklep.example (Postfix) with ESMTPS id "
                              f"4T{hx(seed + 'q', 10).upper()}\r\n"
                              f"\tfor <{to if isinstance(to, str) else SHOP}>; "
                              f"{utils.format_datetime(rd)}")
    if from_raw:
        m.set_raw("From", from_raw)
    else:
        m.set_raw("From", fold("From", addr_tokens(sender, cs, enc)))
    m.set_raw("To", fold("To", addr_tokens(to, cs, enc)))
    if cc:
        m.set_raw("Cc", fold("Cc", addr_tokens(cc, cs, enc)))
    m.set_raw("Subject", fold("Subject", htokens(subject, cs, enc, mode)) if subject else "")
    m.set_raw("Date", utils.format_datetime(d))
    m.set_raw("Message-ID", mid or msgid(mstyle, seed, domain))
    if in_reply_to:
        m.set_raw("In-Reply-To", in_reply_to)
        m.set_raw("References", in_reply_to)
    if client.startswith("outlook") or client.startswith("o365"):
        m.set_raw("Thread-Index", "AQH" + base64.b64encode(rb(seed + "ti", 21)).decode())
    if not no_client_headers:
        for k, v in cextra:
            m.set_raw(k, v)
    for k, v in extra:
        m.set_raw(k, v)
    return m


def shop_irt(seed):
    return msgid("mta", seed, "sklep.example")


# --------------------------------------------------------------------------
# bodies

def flow(text, width=72):
    out = []
    for line in text.split("\n"):
        mq = re.match(r"^(>+ ?)", line)
        pre = mq.group(1) if mq else ""
        body = line[len(pre):]
        if line == "-- " or len(line) <= width:
            out.append(line if line == "-- " else line.rstrip(" "))
            continue
        cur = ""
        for w in body.split(" "):
            if cur and len(pre) + len(cur) + 1 + len(w) > width:
                out.append(pre + cur + " ")
                cur = w
            else:
                cur = cur + " " + w if cur else w
        out.append(pre + cur)
    return "\n".join(out)


def plain(m, text, cs="utf-8", cte="quoted-printable", flowed=False):
    if flowed:
        text = flow(text)
    m.set_content(text, charset=cs, cte=cte)
    if flowed:
        m.set_param("format", "flowed")
    return m


def alt(m, text, html_text, cs="utf-8", cte="quoted-printable", hcs=None, hcte=None):
    m.set_content(text, charset=cs, cte=cte)
    m.add_alternative(html_text, subtype="html", charset=hcs or cs, cte=hcte or cte)
    return m


def html_only(m, html_text, cs="utf-8", cte="quoted-printable"):
    m.set_content(html_text, subtype="html", charset=cs, cte=cte)
    return m


def attach(m, data, mimetype, filename, inline=False):
    mt, st = mimetype.split("/")
    m.add_attachment(data, maintype=mt, subtype=st, filename=filename,
                     disposition="inline" if inline else "attachment")
    return m


def quote(text):
    return "\n".join(">" + ((" " + ln) if ln and not ln.startswith(">") else ln)
                     for ln in text.split("\n"))


def esc(s):
    return html.escape(s, quote=False)


def gmail_html(body, attribution=None, quoted=None, fwd=None):
    out = '<div dir="ltr">' + "".join(
        f"<div>{esc(ln)}</div>" if ln else "<div><br></div>" for ln in body.split("\n"))
    if fwd:
        out += '<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">' + \
            "<br>".join(esc(ln) for ln in fwd[0].split("\n")) + "<br></div><br><br>" + \
            "<br>".join(esc(ln) for ln in fwd[1].split("\n")) + "</div>"
    out += "</div>"
    if attribution:
        out += ('<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">' +
                esc(attribution) + '<br></div><blockquote class="gmail_quote" '
                'style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);'
                'padding-left:1ex">' + "<br>".join(esc(ln) for ln in quoted.split("\n")) +
                "</blockquote></div>")
    return out + "\n"


OUTLOOK_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset={cs}">
<meta name=Generator content="Microsoft Word 15 (filtered medium)">
<style><!--
p.MsoNormal, li.MsoNormal, div.MsoNormal
\t{{margin:0cm;
\tfont-size:11.0pt;
\tfont-family:"Calibri",sans-serif;}}
span.EmailStyle19
\t{{mso-style-type:personal-reply;
\tfont-family:"Calibri",sans-serif;}}
@page WordSection1
\t{{size:612.0pt 792.0pt;
\tmargin:70.85pt 70.85pt 70.85pt 70.85pt;}}
div.WordSection1
\t{{page:WordSection1;}}
--></style>
</head>
<body lang={lang} link="#0563C1" vlink="#954F72" style='word-wrap:break-word'>
<div class=WordSection1>
"""


def outlook_html(body, cs="windows-1250", lang="PL", header_block=None, quoted=None):
    out = [OUTLOOK_HEAD.format(cs=cs, lang=lang)]
    for ln in body.split("\n"):
        out.append(f"<p class=MsoNormal>{esc(ln)}<o:p></o:p></p>\n" if ln else
                   "<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n")
    if header_block:
        out.append("<div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm "
                   "0cm 0cm'>\n<p class=MsoNormal><b>")
        rows = []
        for ln in header_block.split("\n"):
            k, _, v = ln.partition(":")
            rows.append(f"<b>{esc(k)}:</b>{esc(v)}")
        out.append("<br>\n".join(rows)[3:] + "<o:p></o:p></p>\n</div>\n")
        out.append("<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n")
    if quoted:
        for ln in quoted.split("\n"):
            out.append(f"<p class=MsoNormal>{esc(ln) if ln else '<o:p>&nbsp;</o:p>'}"
                       "<o:p></o:p></p>\n")
    out.append("</div>\n</body>\n</html>\n")
    return "".join(out)


def apple_html(body, attribution=None, quoted=None):
    out = ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8">'
           '</head><body style="overflow-wrap: break-word;"><div dir="ltr">' +
           "<br>".join(esc(ln) for ln in body.split("\n")) + "</div>")
    if attribution:
        out += ('<div dir="ltr"><br><blockquote type="cite">' + esc(attribution) + "<br><br>" +
                "<br>".join(esc(ln) for ln in quoted.split("\n")) + "</blockquote></div>")
    return out + "</body></html>\n"


def tb_html(body):
    paras = "".join(f"    <p>{esc(p).replace(chr(10), '<br>' + chr(10) + '      ')}</p>\n"
                    for p in body.split("\n\n"))
    return ('<!DOCTYPE html>\n<html>\n  <head>\n    <meta http-equiv="Content-Type" '
            'content="text/html; charset=UTF-8">\n  </head>\n  <body>\n' + paras +
            "  </body>\n</html>\n")


# --------------------------------------------------------------------------
# small attachments

def jpeg(seed, size=2600):
    body = rb("jpg" + seed, size).replace(b"\xff", b"\xfe")
    exif = b"Exif\x00\x00II*\x00" + rb("exif" + seed, 36)
    return (b"\xff\xd8\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif +
            b"\xff\xdb\x00\x43\x00" + rb("q" + seed, 64).replace(b"\xff", b"\xfe") +
            b"\xff\xc0\x00\x11\x08\x0f\xc0\x0b\xd0\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01"
            b"\xff\xda\x00\x0c\x03\x01\x00\x02\x11\x03\x11\x00\x3f\x00" + body + b"\xff\xd9")


def png(seed, w=80, h=48):
    r = rb("png" + seed, 3)
    rows = b"".join(b"\x00" + bytes(((x * r[0] + y * r[1] + r[2]) // 5) % 256
                                    for x in range(w * 3)) for y in range(h))

    def chunk(t, data):
        return (struct.pack(">I", len(data)) + t + data +
                struct.pack(">I", zlib.crc32(t + data) & 0xFFFFFFFF))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def pdf(lines):
    def e(s):
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    content = "BT /F1 10 Tf 50 790 Td 14 TL " + " ".join(f"({e(x)}) '" for x in lines) + " ET"
    objs = ["<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            f"<< /Length {len(content)} >>\nstream\n{content}\nendstream"]
    out = b"%PDF-1.4\n"
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += f"{i} 0 obj\n{o}\nendobj\n".encode("latin-1")
    x = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offs)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{x}\n%%EOF\n".encode()
    return out


# --------------------------------------------------------------------------
# machine mail

def shop_msg(sender, to, subject, date, body, cs="utf-8", cte="quoted-printable"):
    m = EmailMessage(policy=policy.default)
    if isinstance(sender, tuple):
        m.set_raw("From", fold("From", addr_tokens(sender, "utf-8", "Q")))
    else:
        m["From"] = sender
    m["To"] = to
    m.set_raw("Subject", fold("Subject", htokens(subject, "utf-8", "Q")))
    m.set_raw("Date", utils.format_datetime(at(date)))
    m.set_raw("Message-ID", msgid("mta", f"{to}|{date}|{subject}", "sklep.example"))
    m.bstyle = "mta"
    plain(m, body, cs=cs, cte=cte)
    return m


def report(m, human, status, original=None, original_headers=None, human_html=None,
           cs="utf-8", cte="quoted-printable"):
    b = "=_" + hx(str(m["Message-ID"]) + "rep", 26)
    m["MIME-Version"] = "1.0"
    m["Content-Type"] = f'multipart/report; report-type=delivery-status; boundary="{b}"'
    m.set_payload([])
    hp = MIMEPart(policy=policy.default)
    hp.set_content(human, charset=cs, cte=cte)
    if human_html:
        hp.add_alternative(human_html, subtype="html", charset=cs, cte=cte)
    else:
        hp["Content-Description"] = "Notification"
    m.attach(hp)
    sp = Parser(policy=policy.default).parsestr(
        "Content-Description: Delivery report\nContent-Type: message/delivery-status\n\n" +
        status.strip("\n") + "\n")
    m.attach(sp)
    if original is not None:
        op = MIMEPart(policy=policy.default)
        op.set_content(original)
        op["Content-Description"] = "Undelivered Message"
        m.attach(op)
    elif original_headers is not None:
        op = MIMEPart(policy=policy.default)
        op.set_content(original_headers, subtype="rfc822-headers", charset="us-ascii",
                       cte="7bit")
        op["Content-Description"] = "Undelivered Message Headers"
        m.attach(op)
    return m


def finalize(m, seed):
    todo, k = [(m, True, getattr(m, "bstyle", "mta"))], 0
    while todo:
        part, top, style = todo.pop(0)
        if not top and "MIME-Version" in part:
            del part["MIME-Version"]
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload()[0]
            todo.append((inner, True, getattr(inner, "bstyle", "mta")))
        elif part.is_multipart() and part.get_content_type() != "multipart/report":
            part.set_boundary(boundary(style, hx(f"{seed}|{k}", 40)))
            k += 1
            for sub in part.get_payload():
                todo.append((sub, False, style))
        elif part.get_content_type() == "multipart/report":
            for sub in part.get_payload():
                todo.append((sub, False, style))
    return m


# ==========================================================================
# THE MESSAGES
# ==========================================================================

# ------------------------------------------------------------------ damaged

@mail("szklanki-popekane", "complaint", "pl", ["561204"], "damaged", "replacement",
      "Jolanta Wisniewska",
      notes="no diacritics (us-ascii); From display 'Jola Wisniewska', full first name in "
            "the signature; "
            "'zamowienie nr'; four of six glasses broken in transit; mobile number in the "
            "signature; asks to send new glasses = replacement")
def _():
    m = new(("Jola Wisniewska", "jola.wisniewska@wp.example"), "Reklamacja - pekniete szklanki",
            "2027-02-02 08:14:22 +0100", client="wp")
    plain(m, """Dzien dobry,

w poniedzialek doszla paczka, zamowienie nr 561204 (komplet 6 szklanek do drinkow + karafka). Karafka cala, ale cztery szklanki popekane, jedna wrecz rozsypala sie w kartonie na drobne kawalki. Byly owiniete jedna cienka warstwa folii i luzem w duzym pudle, wiec w sumie nic dziwnego.

Prosze o doslanie 4 nowych szklanek (albo calego kompletu jak sie nie da pojedynczo). Zdjecia moge doslac jesli trzeba.

Pozdrawiam
Jolanta Wisniewska
kom. 512 604 771
""", cs="us-ascii", cte="7bit")
    return m


@mail("mikrofalowka-dluga-historia", "complaint", "pl", ["573318"], "damaged", "refund",
      "Henryk Zawadzki",
      notes="long story, the damage only in the third paragraph and the order number only in "
            "the last one, inflected ('przy zamówieniu 573318'); From has the surname first "
            "('Zawadzki Henryk'); price 649 zł, house number, postal code and a landline in "
            "the signature; Outlook windows-1250")
def _():
    m = new(("Zawadzki Henryk", "h.zawadzki@interia.example"), "zamówienie - mikrofalówka",
            "2027-02-03 19:42:05 +0100", client="outlook1250")
    body = """Szanowni Państwo,

piszę do Państwa pierwszy raz, bo zwykle wszystko kupujemy z żoną w sklepie stacjonarnym w Radomiu, ale tym razem wnuczka namówiła mnie, żeby zamówić przez internet, bo taniej. Mikrofalówkę wybieraliśmy razem, tę srebrną z grillem za 649 zł, bo nasza stara po piętnastu latach odmówiła posłuszeństwa. Zamawiałem 24 stycznia, zapłaciłem od razu przelewem, dostałem e-mail z potwierdzeniem i wszystko wyglądało porządnie.

Kurier przyjechał w piątek, akurat byliśmy u lekarza, więc zostawił paczkę u sąsiadki spod czternastki. Sąsiadka mówi, że kurier postawił karton na wycieraczce i od razu odjechał. Karton był z jednego boku wgnieciony, ale myślałem, że to tylko karton.

Dopiero w niedzielę syn przyjechał i rozpakował. Okazało się, że szyba w drzwiczkach jest pęknięta na ukos przez całą szerokość, a bok obudowy wgięty do środka tak, że drzwiczki się nie domykają. Nie włączaliśmy jej, bo syn mówi, że to niebezpieczne.

W związku z powyższym proszę o zwrot pieniędzy za mikrofalówkę przy zamówieniu 573318, bo drugi raz nie chcę przez to przechodzić. Proszę też napisać, jak mam ją odesłać, bo nie mam samochodu.

Z wyrazami szacunku
Henryk Zawadzki
ul. Kwiatowa 9
26-600 Radom
tel. 48 362 11 05"""
    alt(m, body + "\n", outlook_html(body), cs="windows-1250")
    return m


@mail("garnek-odprysk-emalii", "complaint", "pl", ["590417"], "damaged", "discount",
      "Bożena Kalinowska",
      notes="HTML only (iso-8859-2, quoted-printable); 'ZAM-590417' at the end inside a "
            "<span>; asks for a price reduction, return only as a fallback; 'opłakany stan'")
def _():
    m = new(("Bożena Kalinowska", "bozena.kalinowska@onet.example"), "Garnek w opłakanym stanie",
            "2027-02-09 10:05:41 +0100", client="onet")
    html_only(m, """<div style="font-family: Tahoma, sans-serif; font-size: 11pt;">
<p>Dzień dobry,</p>
<p>przesyłka z garnkiem emaliowanym 5 l (czerwony) dotarła wczoraj w opłakanym stanie. Karton rozerwany, garnek wgnieciony przy uchwycie, a w dwóch miejscach odprysła emalia &ndash; widać czarną blachę. Gotować w nim nie będę, bo emalia będzie dalej odpadać.</p>
<p>Mogę go ewentualnie zostawić na kwiaty na balkon, jeżeli dostanę obniżkę ceny, powiedzmy o połowę. Jeśli to niemożliwe, proszę o informację, jak go odesłać.</p>
<p>Zamówienie: <span style="color:#333333">ZAM-590417</span></p>
<p>Bożena Kalinowska</p>
</div>
""", cs="iso-8859-2")
    return m


@mail("lampa-rozbita-po-9-dniach", "complaint", "pl", ["604221"], "damaged", "refund",
      "Patryk Sobczak",
      notes="two problems: the parcel was 9 days late AND arrived broken; primary is damaged; "
            "no diacritics; 'Nr zam. 604 221' with a space; paczkomat pickup code '338 915' "
            "has the same shape; 24-digit InPost number; price 389,00 zl; signed 'P.' above "
            "a full-name signature block")
def _():
    m = new(("Patryk Sobczak", "patryk.sobczak@gmail.example"), "lampa - reklamacja",
            "2027-02-11 21:17:33 +0100")
    body = """Witam

zamowienie zlozone 29.01, mialo byc w 2-3 dni robocze a paczka szla 9 dni, juz myslalem ze zginela. No i przyszla, tylko ze lampa stojaca ma rozbity klosz, szklo w kawalkach po calym kartonie, a noga wygieta w pol. Odebrana z paczkomatu (kod odbioru 338 915), nr paczki 630007339102847710322015.

Prosze o zwrot pieniedzy za lampe, 389,00 zl. Nr zam. 604 221

P.
--
Patryk Sobczak
tel 797 310 455"""
    alt(m, body + "\n", gmail_html(body))
    return m


@mail("czajnik-zdjecie-z-telefonu", "complaint", "pl", ["587702"], "damaged", None, "Kinga",
      notes="two sentences from an iPhone plus an inline photo; bare order number at the end "
            "of a sentence; only a first name in From and no signature; no request stated")
def _():
    m = new(("Kinga", "kinga.r93@icloud.example"), "Czajnik", "2027-02-14 12:33:09 +0100",
            client="iphone")
    plain(m, "Tak wyglądał czajnik po otwarciu paczki, pokrywka pęknięta i wgniecenie na "
             "boku. 587702\n\nWysłane z iPhone’a\n")
    attach(m, jpeg("kinga-czajnik", 3100), "image/jpeg", "IMG_5820.jpeg", inline=True)
    return m


@mail("deska-potwierdzenie-jako-zalacznik", "complaint", "pl", ["599645"], "damaged",
      "replacement", "Renata Majewska",
      notes="the order confirmation is forwarded as an attached .eml (message/rfc822); the "
            "order number only appears there (its Subject and body), next to SKU, prices, "
            "postal code, phone, shop NIP and a bank account; customer text without "
            "diacritics; Outlook 'PD:' prefix")
def _():
    m = new(("Renata Majewska", "renata.majewska@outlook.example"),
            "PD: Sklep Domowy - potwierdzenie zamówienia", "2027-02-16 08:50:12 +0100",
            client="outlook")
    body = """Dzien dobry,

w zalaczniku potwierdzenie zamowienia. Deska do prasowania przyszla z polamana noga - jedna noga pekla przy zawiasie, karton tez byl rozdarty z boku. Deska sie chwieje i nie da sie na niej prasowac.

Prosze o wymiane na nowa.

Pozdrawiam
Renata Majewska"""
    alt(m, body + "\n", outlook_html(body, cs="iso-8859-2"), cs="iso-8859-2")
    conf = shop_msg(("Sklep Domowy", "zamowienia@sklep.example"), "renata.majewska@outlook.example",
                    "Sklep Domowy - potwierdzenie zamówienia 599645", "2027-02-10 18:31:07 +0100",
                    """Dzień dobry,

dziękujemy za złożenie zamówienia 599645 w Sklepie Domowym.

Produkty:
  1 x Deska do prasowania 120x38 cm, szara (SKU: DSK-PRAS-120-GR)   189,99 zł
Dostawa: Kurier DPD                                                14,99 zł
Razem do zapłaty:                                                 204,98 zł

Płatność: przelew tradycyjny na rachunek PL61 1090 1014 0000 0712 1981 2874
Adres dostawy: Renata Majewska, ul. Lipowa 3/12, 60-101 Poznań, tel. +48 601 552 980

Sklep Domowy sp. z o.o., ul. Magazynowa 12, 05-800 Pruszków, NIP 534-281-77-90
""")
    m.add_attachment(conf, filename="Sklep Domowy - potwierdzenie zamówienia.eml")
    return m


@mail("cracked-carafe", "complaint", "en", ["577961"], "damaged", "replacement", "Oliver Grant",
      notes="'My order #577961'; crushed box, cracked glass carafe; asks for a replacement "
            "carafe or a whole new machine (both replacement)")
def _():
    m = new(("Oliver Grant", "oliver.grant@gmail.example"), "Cracked glass carafe",
            "2027-02-19 17:02:48 +0000")
    body = """Hi,

My order #577961 arrived today and the box had clearly been dropped - one corner was completely crushed. The glass carafe of the coffee maker is cracked from the rim down. The machine itself looks OK but I haven't tried it.

Could you send me a replacement carafe, or a whole new machine if that's easier? Happy to send photos.

Cheers,
Oliver Grant"""
    alt(m, body + "\n", gmail_html(body))
    return m


@mail("mirror-smashed", "complaint", "en", ["612908"], "damaged", "refund", "Siobhan Murphy",
      notes="order number in the subject only ('order no. 612908'); From display 'S. Murphy', "
            "full name in the signature; UK mobile number; Outlook base64")
def _():
    m = new(("S. Murphy", "s.murphy@outlook.example"), "Broken mirror - order no. 612908",
            "2027-03-03 09:26:14 +0000", client="o365en")
    body = """Hello,

The wall mirror I ordered arrived smashed - glass everywhere inside the packaging, and one corner of the frame is split as well. Honestly quite disappointed, it was meant to be a housewarming present for my sister.

I'd like a full refund please. I don't want to risk another one arriving like this.

Kind regards,
Siobhan Murphy
+44 7700 900418"""
    alt(m, body + "\n", outlook_html(body, cs="utf-8", lang="EN-GB"), cte="base64")
    return m


# ------------------------------------------------------------------ defective

@mail("ekspres-cieknie-naprawa", "complaint", "pl", ["548390"], "defective", "repair",
      "Marek Urbaniak",
      notes="'nr. 548390' in subject and body; asks for warranty repair; serial number "
            "'SN 4410728835'; Thunderbird format=flowed, partially encoded subject")
def _():
    m = new(("Marek Urbaniak", "marek.urbaniak@op.example"), "Ekspres cieknie - nr. 548390",
            "2027-02-04 07:35:50 +0100", client="thunderbird", mode="words")
    plain(m, """Dzień dobry,

ekspres ciśnieniowy z zamówienia nr. 548390 (kupiony w grudniu) od kilku dni cieknie. Po każdej kawie pod ekspresem jest kałuża, woda leci chyba spod zbiornika albo z bojlera, trudno powiedzieć. Odkamieniałem go zgodnie z instrukcją, nie pomogło.

Ekspres jest na gwarancji, proszę o naprawę. Czy mam go wysłać do Państwa, czy bezpośrednio do serwisu producenta? Numer seryjny z tabliczki: SN 4410728835.

--
Marek Urbaniak
""", cte="8bit", flowed=True)
    return m


@mail("grzejnik-nie-grzeje", "complaint", "pl", ["579114"], "defective", "replacement",
      "Dorota Kania",
      notes="no display name, name only in the signature; all lower case, no diacritics, "
            "little punctuation; 'zam.579114' without a space")
def _():
    m = new("dorota.k@o2.example", "grzejnik nie grzeje", "2027-02-05 22:10:18 +0100",
            client="o2")
    plain(m, """dzien dobry, kupilam grzejnik olejowy zam.579114 i on nie grzeje. swieci sie lampka slychac ze cos pyka ale zeberka zimne nawet po godzinie. probowalam w innym gniazdku to samo. prosze o wymiane na sprawny bo zimno w mieszkaniu
Dorota Kania
""", cs="us-ascii", cte="7bit")
    return m


@mail("odkurzacz-nie-laduje-po-odpowiedzi", "complaint", "pl", ["566030"], "defective",
      "refund", "Sławomir Pawlak",
      notes="top-posted above an Outlook 'Od: / Wysłano: / Do: / Temat:' block with an earlier "
            "shop reply about the delivery date, but reports a NEW problem (stopped charging) "
            "so it is a complaint, not a status query; order as '566 030' in the subject and "
            "'566030' in the quote; DPD parcel number; staff name Tomasz Wieczorek in the quote")
def _():
    m = new(("Sławomir Pawlak", "s.pawlak@outlook.example"),
            "RE: Zamówienie 566 030 - termin dostawy", "2027-02-23 13:21:40 +0100",
            client="outlook1250", in_reply_to=shop_irt("pawlak-termin"))
    body = """Dzień dobry,

odkurzacz ostatecznie doszedł, dziękuję. Niestety po trzech tygodniach używania przestał się ładować – ładowarka podłączona, dioda w ogóle się nie zapala, bateria pusta. Nie upuściłem go ani nie zalałem.

Chcę zwrotu pieniędzy, nie naprawy, bo za te pieniądze oczekuję sprzętu, który działa dłużej niż miesiąc.

Pozdrawiam
Sławomir Pawlak"""
    hb = """Od: Sklep Domowy - Reklamacje <reklamacje@sklep.example>
Wysłano: wtorek, 2 lutego 2027 10:12
Do: Sławomir Pawlak <s.pawlak@outlook.example>
Temat: RE: Zamówienie 566 030 - termin dostawy"""
    q = """Dzień dobry,

zamówienie 566030 zostało wczoraj przekazane kurierowi, przesyłka powinna dotrzeć w ciągu 1–2 dni roboczych. Numer przesyłki DPD: 0000412290317U.

Pozdrawiamy
Tomasz Wieczorek
Dział Obsługi Klienta Sklep Domowy"""
    text = body + "\n\n" + hb + "\n\n" + q + "\n"
    alt(m, text, outlook_html(body, header_block=hb, quoted=q), cs="windows-1250")
    return m


@mail("blender-buczy", "complaint", "pl", ["583406"], "defective", "replacement",
      "Kamil Wróbel",
      notes="box slightly dented but the item itself does not work, so defective not damaged; "
            "replacement with refund as fallback; 'ZAM/583406' in the subject only; signed "
            "with first name only, full name in From; no diacritics in the body")
def _():
    m = new(("Kamil Wróbel", "kamil.wrobel.kw@gmail.example"), "Blender ZAM/583406",
            "2027-02-13 16:44:02 +0100")
    body = """Czesc,

pudelko przyszlo troche pogniecione ale to pikus, gorzej ze blender nie dziala. Silnik buczy a nozyki ani drgna. Sprawdzalem czy dzbanek dobrze siedzi, czy zatrzask zaskoczyl itd - wszystko ok. Po minucie zaczyna smierdziec.

Chce wymiane na nowy, a jak nie macie na stanie to zwrot kasy.

Kamil"""
    alt(m, body + "\n", gmail_html(body))
    return m


@mail("powerbank-grzeje-sie", "complaint", "pl", ["617450"], "defective", None,
      "Zuzanna Krawczyk",
      notes="signed with the diminutive 'Zuzia', full name in From wins; no diacritics; "
            "'zamowienie nr 617 450' with a space; capacity '20000 mAh'; asks what to do, "
            "no resolution; windows-1250 8bit")
def _():
    m = new(("Zuzanna Krawczyk", "zuzanna.krawczyk@interia.example"), "Powerbank - wada",
            "2027-02-24 20:55:37 +0100", client="interia")
    plain(m, """Hej, to znaczy dzien dobry :)

Mam problem z powerbankiem 20000 mAh ktory kupilam u Was (zamowienie nr 617 450). Od poczatku ladowal telefon bardzo wolno, a od wczoraj wcale - telefon pokazuje ladowanie przez sekunde i przestaje, a sam powerbank robi sie goracy jak kaloryfer. Troche sie boje go zostawiac podlaczonego na noc.

Co mam zrobic? Odeslac do Was?

Zuzia
""", cs="windows-1250", cte="8bit")
    return m


@mail("air-fryer-doa", "complaint", "en", ["556781"], "defective", "replacement", "Priya Raman",
      notes="'order no. 556781'; 'dead on arrival'; Polish mobile number in the signature")
def _():
    m = new(("Priya Raman", "priya.raman@gmail.example"), "Air fryer dead on arrival",
            "2027-02-06 10:18:26 +0100")
    body = """Hello,

I received the air fryer from order no. 556781 yesterday. It's dead on arrival - plugged it in, turned the dial, nothing. No light, no fan, no sound. I tried three different sockets and the kettle works fine in the same socket, so it's not the power.

Please send me a replacement unit. I'm happy to return this one with your label.

Thanks,
Priya Raman
+48 516 220 904"""
    alt(m, body + "\n", gmail_html(body))
    return m


@mail("saucepan-handle-snapped", "complaint", "en", [], "defective", "refund", "Gareth Hughes",
      notes="no order number (customer cannot find the confirmation); 'the handle snapped "
            "off' during use - a manufacturing fault, not transport damage; asks for the money "
            "back for the whole set")
def _():
    m = new(("Gareth Hughes", "gareth.hughes@outlook.example"), "Saucepan handle snapped off",
            "2027-02-17 19:40:03 +0000", client="o365en")
    plain(m, """Hi there,

I bought a set of three saucepans from you in January (sorry, I can't find the confirmation email, it must have gone to spam). Yesterday the handle snapped off the middle one while I was draining pasta - the rivet just sheared clean through. Luckily nobody got burnt, but it could have been nasty.

This is clearly a manufacturing fault. I'd like my money back for the set, I don't trust the other two now.

Regards,
Gareth Hughes
""")
    return m


@mail("rc-car-only-turns-left", "complaint", "en", ["598032"], "defective", "replacement",
      "Daniel Okafor",
      notes="HTML only, base64; 'Order #598032' in subject and body; batteries replaced "
            "twice (a number word)")
def _():
    m = new(("Daniel Okafor", "d.okafor@okafor-family.example"), "Faulty RC car - Order #598032",
            "2027-03-06 09:12:55 +0000", client="applemail")
    html_only(m, """<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body>
<div>Hi,</div><div><br></div>
<div>The remote control car I bought for my son (Order #598032) only steers to the left. Forward and reverse work, but the front wheels never turn right, whatever you do with the remote. We've replaced the batteries in both the car and the controller twice.</div><div><br></div>
<div>Could you replace it with a working one, please? His birthday party is next weekend.</div><div><br></div>
<div>Thanks,</div><div>Daniel Okafor</div>
</body></html>
""", cte="base64")
    return m


# ------------------------------------------------------------------ wrong item

@mail("sweter-xl-zamiast-m", "complaint", "pl", ["552019"], "wrong_item", "replacement",
      "Agnieszka Lis",
      notes="'zamiast M przyszło XL' style; no diacritics; 'nr zam. 552019'; asks to exchange "
            "for the ordered size")
def _():
    m = new(("Agnieszka Lis", "aga.lis@wp.example"), "zly rozmiar swetra",
            "2027-02-02 18:27:45 +0100", client="wp")
    plain(m, """Dzien dobry
zamowilam sweter welniany rozmiar M (nr zam. 552019) a przyszedl XL. Na metce wyraznie XL, na woreczku tez naklejka XL wiec to nie ja sie pomylilam przy zamawianiu. Prosze o wymiane na M, ten odesle jak tylko podacie adres.
Agnieszka Lis
""", cs="us-ascii", cte="7bit")
    return m


@mail("mikser-nie-ten-model", "complaint", "pl", ["571660"], "wrong_item", "replacement",
      "Grzegorz Szymański",
      notes="'ZAM-571660' in subject and body; two SKUs, price '1 299,00 zł'; phone '604 718 "
            "229' whose tail has the ddd ddd shape; asks to send the right product; Outlook "
            "iso-8859-2")
def _():
    m = new(("Grzegorz Szymański", "g.szymanski@onet.example"),
            "Reklamacja - otrzymany inny model miksera (ZAM-571660)", "2027-02-05 11:50:19 +0100",
            client="outlook")
    body = """Dzień dobry,

w dniu 4.02.2027 otrzymałem przesyłkę do zamówienia ZAM-571660. Zamówiony był mikser planetarny Kuchmistrz MP-900 (SKU: MIX-MP900-BK, 1 299,00 zł), a dostałem nie ten model - w kartonie był mikser ręczny MR-300 (na pudełku kod MIX-MR300-WH), wart ułamek tej ceny.

Proszę o pilne dosłanie właściwego produktu oraz informację, jak mam odesłać błędnie dostarczony mikser. Jest nieużywany, w oryginalnej folii.

Z poważaniem
Grzegorz Szymański
tel. 604 718 229"""
    alt(m, body + "\n", outlook_html(body, cs="iso-8859-2"), cs="iso-8859-2")
    return m


@mail("zaslony-granat-zamiast-zieleni", "complaint", "pl", ["608113"], "wrong_item",
      "replacement", "Ewa Nowicka-Brzezińska",
      notes="order number in the subject only (bare); wrong colour; asks for the right colour, "
            "refund only if it is not available (conditional -> primary replacement); "
            "double-barrelled surname; dimensions 140x250")
def _():
    m = new(("Ewa Nowicka-Brzezińska", "ewa.nowicka.b@gmail.example"), "Zamówienie 608113",
            "2027-02-08 09:30:11 +0100")
    body = """Dzień dobry,

zamówiłam zasłony zaciemniające w kolorze butelkowej zieleni (2 szt., 140x250), a przyszły granatowe. Na paragonie jest zielony, więc to pomyłka przy pakowaniu.

Bardzo proszę o przysłanie zielonych – granatowe odeślę. Gdyby zielonych już nie było, to wtedy proszę o zwrot pieniędzy.

Pozdrawiam serdecznie
Ewa Nowicka-Brzezińska"""
    alt(m, body + "\n", gmail_html(body))
    return m


@mail("botki-dwa-zamowienia", "complaint", "pl", ["557830", "560214"], "wrong_item",
      "replacement", "Natalia Gorska",
      notes="two orders mentioned, both written 'ddd ddd'; only the second has the problem "
            "(size 40 instead of 38); no diacritics, also in the signature while From has "
            "'Natalia Górska' - the signed spelling is kept; iPhone")
def _():
    m = new(("Natalia Górska", "natalia.gorska@interia.example"), "Dwa zamowienia - zle buty",
            "2027-02-20 14:05:57 +0100", client="iphone")
    plain(m, """Dzien dobry, w tym miesiacu zlozylam u Was dwa zamowienia: 557 830 (kurtka) i 560 214 (botki). Kurtka w porzadku, ale w paczce z botkami przyszly w rozmiarze 40, a zamawialam 38. Model ten sam. Prosze o wymiane na 38, czterdziestki odesle.

Natalia Gorska
""")
    return m


@mail("lalka-blondynka", "complaint", "pl", ["593008"], "wrong_item", None, "Magdalena Wilk",
      notes="one line, no diacritics, no punctuation at the end, no signature; bare order "
            "number at the end; name from From only; no request")
def _():
    m = new(("Magdalena Wilk", "magdalena.wilk84@gmail.example"), "lalka",
            "2027-02-26 22:48:30 +0100")
    body = "przyszla lalka blondynka a zamawialam brunetke 593008"
    alt(m, body + "\n", gmail_html(body))
    return m


@mail("duvet-wrong-size", "complaint", "en", ["563447"], "wrong_item", "replacement",
      "Emma Clarke",
      notes="'My order was 563 447' with a space at the end of a paragraph; sizes 200x220 and "
            "140x200; Apple Mail from an iPad")
def _():
    m = new(("Emma Clarke", "emma.clarke@icloud.example"), "Wrong size duvet cover",
            "2027-02-15 20:20:44 +0000", client="applemail")
    body = """Hi,

I ordered a duvet cover set in 200x220 but the one that came is 140x200 (a single). The label on the packet says 140x200 too, so it's just been picked wrong. My order was 563 447.

Could you swap it for the right size please? I'll post this one back.

Thanks
Emma Clarke

Sent from my iPad"""
    alt(m, body + "\n", apple_html(body))
    return m


@mail("kettle-black-not-white", "complaint", "en", ["601775"], "wrong_item", "discount",
      "Lukas Becker",
      notes="'#601 775' (hash plus space); wrong colour; willing to keep it for a 'partial "
            "refund / some discount' of 20% - a price reduction, so discount; exchange only "
            "as fallback; text/plain base64")
def _():
    m = new(("Lukas Becker", "lukas.becker@gmail.example"), "Wrong colour",
            "2027-03-01 08:05:12 +0100")
    plain(m, """Good morning,

I received a black kettle instead of the white one I ordered (#601 775). To be honest the black one doesn't look bad in our kitchen, so I'm willing to keep it if you can give me a partial refund / some discount on the price, say 20%. Otherwise I'll send it back and wait for the white one.

Best regards
Lukas Becker
""", cte="base64")
    return m


# ------------------------------------------------------------------ missing item

@mail("poduszki-tylko-polowa", "complaint", "pl", ["547221"], "missing_item", "replacement",
      "Wojciech Baran",
      notes="'w paczce byla tylko polowa'; no diacritics; 'zamowienie nr 547221'; price "
            "'4 x 29,99'; asks to send the missing two")
def _():
    m = new(("Wojciech Baran", "w.baran@onet.example"), "brakuje 2 poduszek",
            "2027-02-03 12:12:40 +0100", client="onet")
    plain(m, """Witam
zamowienie nr 547221 - zamawialem 4 poduszki na krzesla (szare, 40x40), w paczce byla tylko polowa, 2 sztuki. Na fakturze sa 4 i za 4 zaplacilem (4 x 29,99). Prosze o doslanie brakujacych dwoch.
Pozdr.
Wojciech Baran
""", cs="iso-8859-2", cte="quoted-printable")
    return m


@mail("odkurzacz-bez-zasilacza", "complaint", "pl", ["562980"], "missing_item", "replacement",
      "Iwona Michalska",
      notes="accessory (charger) missing; '#562980' in the subject only; lists what WAS in "
            "the box; no diacritics")
def _():
    m = new(("Iwona Michalska", "iwona.michalska@gmail.example"), "Brak ladowarki #562980",
            "2027-02-07 15:40:08 +0100")
    body = """Dzien dobry,

w paczce z odkurzaczem bezprzewodowym nie bylo ladowarki (zasilacza). Przeszukalam caly karton i wszystkie woreczki - jest ssawka, rura, szczotka, uchwyt na sciane i instrukcja, a zasilacza brak. Innym kablem nie da sie go naladowac bo ma specjalne gniazdo.

Prosze o doslanie zasilacza.

Iwona Michalska"""
    alt(m, body + "\n", gmail_html(body))
    return m


@mail("pusta-paczka-sluchawki", "complaint", "pl", ["586912"], "missing_item", "refund",
      "Lukasz Jablonski",
      notes="empty parcel (only filler) -> missing_item; shouting subject; 'ZAM/586 912' with "
            "a space; photo attached; no diacritics anywhere including the name")
def _():
    m = new(("Lukasz Jablonski", "lukasz.jablonski@icloud.example"), "PUSTA PACZKA!!!",
            "2027-02-10 18:02:27 +0100", client="applemail")
    body = """Dzien dobry

wlasnie otworzylem paczke ZAM/586 912 i w srodku byl tylko papier i wypelniacz. Zadnych sluchawek. Tasma na kartonie wygladala na oryginalna. Zdjecie w zalaczniku.

Zaplacilem 279 zl i oczekuje zwrotu pieniedzy.

Lukasz Jablonski"""
    alt(m, body + "\n", apple_html(body))
    attach(m, jpeg("jablonski-karton", 3400), "image/jpeg", "IMG_0412.jpg")
    return m


@mail("noze-przekazane-potwierdzenie", "complaint", "pl", ["594036"], "missing_item", None,
      "Halina Dudek",
      notes="Gmail 'Forwarded message' of the order confirmation; the order number is only in "
            "the forwarded part, among SKUs, prices, postal code, phone and NIP; 2 of 6 knives "
            "missing; 'Co teraz?' - no explicit resolution")
def _():
    m = new(("Halina Dudek", "halina.dudek@wp.example"),
            "Fwd: Potwierdzenie zamówienia w Sklep Domowy", "2027-02-12 10:27:16 +0100",
            client="gmail")
    body = """Dzień dobry,

przesyłam potwierdzenie, bo nie wiem, gdzie tam jest numer. W zestawie noży miało być 6 noży i stojak, a w pudełku są tylko 4 noże – brakuje noża do chleba i małego do obierania. Pudełko było zaklejone.

Co teraz?

Halina Dudek"""
    fh = """---------- Forwarded message ---------
Od: Sklep Domowy <zamowienia@sklep.example>
Date: pon., 1 lut 2027 o 14:22
Subject: Potwierdzenie zamówienia w Sklep Domowy
To: <halina.dudek@wp.example>"""
    fb = """Dziękujemy za zakupy!

Zamówienie nr 594036 z dnia 01.02.2027

1 x Zestaw noży kuchennych 6 el. ze stojakiem (SKU: NOZ-SET6-BLK) – 329,00 zł
1 x Deska do krojenia bambusowa 45 cm (SKU: DSK-BAM-45) – 69,90 zł
Dostawa: Kurier DPD – 14,99 zł
Razem: 413,89 zł
Płatność: BLIK

Adres dostawy: Halina Dudek, ul. Różana 17, 43-300 Bielsko-Biała, tel. 609 214 337

Sklep Domowy sp. z o.o., ul. Magazynowa 12, 05-800 Pruszków, NIP 534-281-77-90"""
    text = body + "\n\n" + fh + "\n\n" + fb + "\n"
    alt(m, text, gmail_html(body, fwd=(fh, fb)))
    return m


@mail("garnki-brak-pokrywki", "complaint", "pl", ["584776"], "missing_item", "replacement",
      "Teresa Wojciechowska",
      notes="'(Nr zamówienia: 584 776)' with a space; one lid missing from a 10-piece set; "
            "Outlook windows-1250")
def _():
    m = new(("Teresa Wojciechowska", "t.wojciechowska@onet.example"),
            "Brak pokrywki w zestawie garnków", "2027-02-08 07:55:03 +0100", client="outlook1250")
    body = """Dzień dobry,

zestaw garnków 10-elementowy (Nr zamówienia: 584 776) dotarł w piątek. Po rozpakowaniu okazało się, że brakuje jednej pokrywki – do rondla 16 cm. Wszystkie pozostałe elementy są. Opakowanie było fabrycznie zaklejone, więc to raczej wina producenta lub magazynu.

Proszę o dosłanie brakującej pokrywki.

Z poważaniem
Teresa Wojciechowska"""
    alt(m, body + "\n", outlook_html(body), cs="windows-1250")
    return m


@mail("half-order-came", "complaint", "en", ["589144"], "missing_item", "replacement",
      "Hannah Schmidt",
      notes="'Order number 589144'; 'only half of my order came'; send the rest or refund if "
            "out of stock - primary replacement")
def _():
    m = new(("Hannah Schmidt", "hannah.schmidt@gmail.example"), "Only half my order arrived",
            "2027-02-18 11:11:51 +0100")
    body = """Hello,

Only half of my order came yesterday. Order number 589144 - I ordered 2 bath towels, 2 hand towels, a bath mat and a shower curtain. The parcel contained the towels only, and nothing on the packing slip says the rest is coming separately.

Please send the rest of the items, or if they're out of stock, refund them.

Best,
Hannah Schmidt"""
    alt(m, body + "\n", gmail_html(body))
    return m


@mail("lego-missing-bag", "complaint", "en", ["606390"], "missing_item", "replacement",
      "Jamie Keller",
      notes="short iPhone mail, 'order 606390'; 'bag no. 7' is a number too; signed 'Jamie', "
            "full name in From")
def _():
    m = new(("Jamie Keller", "jamie.keller@icloud.example"), "Missing bag",
            "2027-03-08 19:30:38 +0000", client="iphone")
    plain(m, """Hi, the building set from order 606390 is missing bag no. 7, can you send it? kids are gutted

Jamie

Sent from my iPhone
""")
    return m


# ------------------------------------------------------------------ not delivered

@mail("przesylka-stoi-od-tygodnia", "complaint", "pl", ["558612"], "not_delivered", None,
      "Bartosz Kowalczyk",
      notes="'przesylka stoi w miejscu od tygodnia'; 'zam. 558 612' with a space; DPD parcel "
            "number and a date; asks to check = null; no diacritics; phone in signature")
def _():
    m = new(("Bartosz Kowalczyk", "bartosz.kowalczyk@o2.example"), "przesylka stoi w miejscu",
            "2027-02-04 14:20:35 +0100", client="o2")
    plain(m, """Dzien dobry

przesylka do zam. 558 612 stoi w miejscu od tygodnia. Na stronie DPD caly czas ten sam status "przesylka w terminalu - Strykow" od 28.01. Numer listu 0000398120774U. Dzwonilem na infolinie kuriera to mowia ze to sprawa nadawcy.

Prosze o sprawdzenie co sie dzieje.

Bartosz Kowalczyk
tel. 501 882 140
""", cs="us-ascii", cte="7bit")
    return m


@mail("kurier-twierdzi-ze-doreczyl", "complaint", "pl", ["594550"], "not_delivered", "refund",
      "Monika Zielińska",
      notes="marked delivered but never received; asks for an investigation and a refund if "
            "the parcel is not found by the end of the week - labelled refund like the "
            "corpus' deadline cases, but the primary ask could be read as 'investigate' "
            "(null); time 13:42; iso-8859-2 quoted-printable")
def _():
    m = new(("Monika Zielińska", "monika.zielinska@onet.example"),
            "Paczka oznaczona jako doręczona, a jej nie ma", "2027-02-09 20:14:52 +0100",
            client="onet")
    plain(m, """Dzień dobry,

piszę w sprawie zamówienia nr 594550. Wczoraj dostałam SMS, że paczka została doręczona o 13:42, a ja cały dzień byłam w domu (pracuję zdalnie) i nikt nie dzwonił ani nie pukał. Sąsiedzi też nic nie mają. Kurier twierdzi, że doręczył, a ja nic nie dostałam. Na zdjęciu w aplikacji kuriera są jakieś inne drzwi, brązowe, a moje są białe.

Proszę to wyjaśnić z firmą kurierską. Jeśli paczka się nie odnajdzie do końca tygodnia, proszę o zwrot pieniędzy.

Monika Zielińska
""", cs="iso-8859-2")
    return m


@mail("prezent-dla-wnuczka-nie-doszedl", "complaint", "pl", [], "not_delivered", None,
      "Stanisława Pawłowska",
      notes="elderly customer, long story, the problem (nothing arrived after almost 4 weeks) "
            "comes late; no order number; BLIK code '605 114' and the tail of the phone "
            "number '693 402 817' have the ddd ddd shape; price in words and digits; dates; "
            "postal code")
def _():
    m = new(("Stanisława Pawłowska", "s.pawlowska1952@interia.example"), "Paczka",
            "2027-02-22 09:03:28 +0100", client="interia")
    plain(m, """Dzień dobry
Nazywam się Stanisława Pawłowska i mam 74 lata, więc proszę wybaczyć, jeśli coś napiszę nie tak. Wnuczek Kacperek miał 1 lutego urodziny i chciałam mu kupić u Państwa klocki z wozem strażackim, bo o takich marzył. Córka mi pokazała jak się zamawia na komputerze, ale potem wyjechała do Holandii i zostałam z tym sama. Zamawiałam chyba 27 stycznia, zapłaciłam przez ten BLIK w telefonie (kod wpisałam 605 114, tak jak pokazała aplikacja), 189 złotych i 99 groszy, pieniądze zeszły z konta od razu, sprawdzałam w banku.
Urodziny minęły, wnuczek dostał ode mnie tylko kartkę i obietnicę, a paczki jak nie było, tak nie ma. Minęły już prawie 4 tygodnie. Nie dostałam żadnego listu ani SMS od kuriera. Numeru zamówienia nie mam, bo ten e-mail gdzieś mi zniknął.
Bardzo proszę sprawdzić, co się stało z moją paczką. Mój telefon 693 402 817. Adres: ul. Ogrodowa 5 m. 3, 97-300 Piotrków Trybunalski.
Z poważaniem
Stanisława Pawłowska
""", cte="base64")
    return m


@mail("paczkomat-brak-paczki", "complaint", "pl", ["611305"], "not_delivered", None,
      "Mateusz Ostrowski",
      notes="'ZAM-611305' in subject and body; paczkomat ID 'KRA05M'; asks to check or send "
            "again (resend = null); signed with first name, full name in From; no diacritics")
def _():
    m = new(("Mateusz Ostrowski", "mateusz.ostrowski@gmail.example"), "ZAM-611305 nie dotarlo",
            "2027-02-25 17:36:19 +0100")
    body = """Dzien dobry,

zamowienie ZAM-611305 mialo byc w paczkomacie KRA05M w poniedzialek. Status od 5 dni "przekazano do doreczenia" i nic, zadnego kodu odbioru nie dostalem. Mozecie to sprawdzic albo wyslac jeszcze raz? Potrzebuje tego na weekend.

Mateusz"""
    alt(m, body + "\n", gmail_html(body))
    return m


@mail("gdzie-moja-paczka-5-cyfr", "complaint", "pl", [], "not_delivered", None, None,
      notes="HTML only, angry two-liner, no diacritics; the customer wrote a five-digit "
            "'Zamowienie 58127' (typo) which is not an order number; no display name and no "
            "signature -> name null")
def _():
    m = new("kmazur.97@gmail.example", "???", "2027-02-27 23:51:06 +0100")
    html_only(m, '<div dir="ltr"><div>Gdzie moja paczka??? Zamowienie 58127 zaplacone 10 dni '
                 'temu i cisza.</div><div>Odpiszcie wkoncu</div></div>\n')
    return m


@mail("walentynki-nie-dotarlo", "complaint", "pl", ["586603"], "not_delivered", "refund",
      "Adam Lewandowski",
      notes="late parcel promised before Valentine's Day; 'z zamówieniem nr 586603' "
            "(instrumental case); no longer wants it, asks to stop it and refund - could be "
            "read as return, but the problem is non-delivery; dates 10.02 / 14 lutego; "
            "Thunderbird flowed")
def _():
    m = new(("Adam Lewandowski", "adam.lewandowski@op.example"),
            "Zamówienie na Walentynki nie dotarło", "2027-02-15 08:05:44 +0100",
            client="thunderbird", mode="words")
    plain(m, """Dzień dobry,

z zamówieniem nr 586603 mieliście zdążyć na 14 lutego – tak było napisane na stronie przy produkcie („zamów do 10.02, dostawa przed Walentynkami”). Zamawiałem 8 lutego. Dziś jest 15 lutego, paczki nie ma, a w śledzeniu od 3 dni „w drodze”. Prezent już nieaktualny.

Nie chcę już tej paczki. Jeśli da się ją jeszcze zatrzymać, proszę ją zawrócić i oddać pieniądze, a jeśli przyjdzie, odeślę ją bez otwierania.

Adam Lewandowski
""", flowed=True)
    return m


@mail("parcel-says-delivered", "complaint", "en", ["565129"], "not_delivered", None,
      "Rachel Evans",
      notes="'Order #565129'; tracking says delivered but it isn't here; asks for an "
            "investigation and a resend = null; time 10:02; Outlook")
def _():
    m = new(("Rachel Evans", "rachel.evans@outlook.example"), "Parcel says delivered but it isn't here",
            "2027-02-12 16:40:21 +0000", client="o365en")
    body = """Hello,

The tracking for Order #565129 says it was delivered on 11 February at 10:02, but it isn't here. I've checked with the neighbours and the building's reception - nothing. The courier's "proof of delivery" is just a scribble that isn't my signature.

Could you please open an investigation with the courier and send the parcel again?

Kind regards,
Rachel Evans"""
    alt(m, body + "\n", outlook_html(body, cs="utf-8", lang="EN-GB"))
    return m


@mail("three-weeks-money-back", "complaint", "en", ["578240"], "not_delivered", "refund",
      "Ahmed Khalil",
      notes="'order no 578240' (no dot) in subject and body; amount '412.50 PLN'; mentions "
            "two unanswered contact-form messages but this is his first mail here, not a "
            "status query on a complaint; wants the money back")
def _():
    m = new(("Ahmed Khalil", "ahmed.khalil@gmail.example"), "Order no 578240 not received",
            "2027-03-04 12:00:09 +0100")
    plain(m, """Hi, it's been over 3 weeks since I ordered (order no 578240, paid 412.50 PLN) and the tracking hasn't moved since 9 Feb. I've written twice through the contact form on your website with no answer. At this point I just want my money back.

Ahmed Khalil
""", cs="us-ascii", cte="7bit")
    return m


# ------------------------------------------------------------------ return

@mail("odstapienie-od-umowy-formularz", "complaint", "pl", ["553907"], "return", "refund",
      "Paweł Adamczyk",
      notes="formal withdrawal ('odstępuję od umowy'); order in subject and body; bank account "
            "number (26 digits with spaces) and a price; PDF form attached; Outlook "
            "windows-1250")
def _():
    m = new(("Paweł Adamczyk", "pawel.adamczyk@outlook.example"),
            "Odstąpienie od umowy – zamówienie 553907", "2027-02-06 13:15:27 +0100",
            client="outlook1250")
    body = """Szanowni Państwo,

niniejszym informuję, że odstępuję od umowy sprzedaży dotyczącej zamówienia nr 553907 z dnia 30.01.2027 (odkurzacz piorący, 899,00 zł). Towar jest nieużywany, w oryginalnym opakowaniu. Wypełniony formularz odstąpienia przesyłam w załączeniu.

Proszę o zwrot należności na rachunek: 61 1090 1014 0000 0712 1981 2874.

Z poważaniem
Paweł Adamczyk"""
    alt(m, body + "\n", outlook_html(body), cs="windows-1250")
    attach(m, pdf(["FORMULARZ ODSTAPIENIA OD UMOWY", "Adresat: Sklep Domowy sp. z o.o.,",
                   "ul. Magazynowa 12, 05-800 Pruszkow",
                   "Niniejszym informuje o odstapieniu od umowy sprzedazy:",
                   "odkurzacz pioracy, zamowienie 553907, data odbioru 02.02.2027",
                   "Imie i nazwisko: Pawel Adamczyk", "Data: 06.02.2027"]),
           "application/pdf", "formularz_odstapienia.pdf")
    return m


@mail("sukienka-nie-pasuje", "complaint", "pl", ["574093"], "return", "refund",
      "Klaudia Pietrzyk",
      notes="'zwracam bo nie pasuje' - return without a fault; '#574093'; no diacritics; "
            "iPhone; paczkomat mentioned")
def _():
    m = new(("Klaudia Pietrzyk", "klaudia.pietrzyk@icloud.example"), "zwrot",
            "2027-02-10 21:33:50 +0100", client="iphone")
    plain(m, """Dzien dobry, zwracam sukienke z zamowienia #574093 bo nie pasuje, w biuscie za ciasna. Paczke nadam jutro w paczkomacie. Prosze o zwrot pieniedzy na konto z ktorego placilam.
Klaudia Pietrzyk
""", cs="us-ascii", cte="7bit")
    return m


@mail("kurtka-prezent-wymiana-rozmiaru", "complaint", "pl", ["588234"], "return",
      "replacement", "Beata Sikora",
      notes="a gift from her sister, too big; exchange for size S without a fault = return "
            "with resolution replacement; order number written '588 234' after a colon")
def _():
    m = new(("Beata Sikora", "beata.sikora@gmail.example"), "Wymiana rozmiaru – prezent",
            "2027-02-17 10:40:33 +0100")
    body = """Dzień dobry,

dostałam od siostry w prezencie kurtkę pikowaną (rozmiar L), niestety jest na mnie za duża. Siostra przesłała mi numer zamówienia: 588 234. Kurtka jest nieużywana, z metkami.

Czy mogę ją wymienić na rozmiar S w tym samym kolorze? Jeśli tak, to jak to zrobić – odesłać na Państwa adres z karteczką?

Pozdrawiam
Beata Sikora"""
    alt(m, body + "\n", gmail_html(body))
    return m


@mail("odkurzacz-za-glosny-oddac", "complaint", "pl", [], "return", "refund", "Jarek",
      notes="no order number ('numeru zamowienia nie pamietam'); used once, no fault - "
            "return; asks for money back; only the nickname 'Jarek' in From and signature; "
            "lower case, no diacritics")
def _():
    m = new(("Jarek", "jarek1975@wp.example"), "zwrot odkurzacza", "2027-02-21 19:19:07 +0100",
            client="wp")
    plain(m, """witam, kupilem u was odkurzacz 5 dni temu i jednak chce go oddac, za glosny jest i zona go nie chce. uzylem go raz zeby sprawdzic. czy moge go zwrocic i dostac kase? numeru zamowienia nie pamietam, zamawialem na ten adres mailowy
jarek
""", cs="us-ascii", cte="7bit")
    return m


@mail("buty-rezygnacja-po-odpowiedzi", "complaint", "pl", ["596118"], "return", "refund",
      "Maciej Kołodziej",
      notes="reply top-posted above a Thunderbird 'W dniu ... napisał(a):' quote of an earlier "
            "shop answer; the order number is only in the quoted shop text; return within "
            "14 days without a fault; staff name Monika Bielecka in the quote; sizes 43 and "
            "27,5 cm")
def _():
    m = new(("Maciej Kołodziej", "maciej.kolodziej@op.example"), "Re: Pytanie o rozmiar butów",
            "2027-03-02 11:25:15 +0100", client="thunderbird", mode="words",
            in_reply_to=shop_irt("kolodziej-rozmiar"))
    q = """Dzień dobry,

dziękujemy za wiadomość w sprawie zamówienia 596118. Model butów trekkingowych, który Pan wybrał, jest zgodny z tabelą rozmiarów – rozmiar 43 odpowiada długości wkładki 27,5 cm. Jeśli buty nie pasują, może Pan je zwrócić w ciągu 14 dni od otrzymania bez podania przyczyny.

Pozdrawiamy
Monika Bielecka
Dział Obsługi Klienta Sklep Domowy"""
    plain(m, """Dzień dobry,

dziękuję za odpowiedź. Przymierzyłem jednak te buty kilka razy i mimo wszystko są niewygodne, więc rezygnuję – odeślę je w tym tygodniu w ramach zwrotu w 14 dni. Proszę o zwrot pieniędzy na kartę.

Maciej Kołodziej

W dniu 26.02.2027 o 09:14, Sklep Domowy - Reklamacje napisał(a):
""" + quote(q) + "\n", flowed=True)
    return m


@mail("return-within-14-days", "complaint", "en", ["568802"], "return", "refund",
      "Claire Whitfield",
      notes="'order 568802'; 'return it within the 14 days', nothing wrong; refund to card")
def _():
    m = new(("Claire Whitfield", "claire.whitfield@gmail.example"), "Return request",
            "2027-02-14 09:45:30 +0000")
    plain(m, """Hello,

I'd like to return the stand mixer from order 568802 - I'm still within the 14 days. There's nothing wrong with it, it's just too big for our kitchen worktop. It's unused and still in the box.

Please let me know how to send it back, and refund me to the original card.

Thanks,
Claire Whitfield
""")
    return m


@mail("toy-kitchen-changed-mind", "complaint", "en", ["615024"], "return", "refund",
      "Marta Kowal",
      notes="'Order No. 615 024' with a space in subject and body; unopened toy, changed mind; "
            "Polish name writing English from the UK; utf-8 base64")
def _():
    m = new(("Marta Kowal", "marta.kowal@outlook.example"), "Returning a toy (Order No. 615 024)",
            "2027-03-05 14:50:02 +0000", client="o365en")
    plain(m, """Hi,

I ordered a wooden play kitchen (Order No. 615 024) for my daughter, but my mother-in-law has bought her exactly the same one, so we'd like to send ours back. It hasn't been opened.

Can I have a refund please? I live in the UK now - is it OK to send it back by Royal Mail?

Many thanks
Marta Kowal
""", cte="base64")
    return m


# ------------------------------------------------------------------ refund

@mail("kiedy-oddacie-pieniadze", "complaint", "pl", ["551487"], "refund", "refund",
      "Sebastian Nowak",
      notes="'kiedy oddacie pieniadze'; 'ZAM/551487' in subject and body; cites the 14-day "
            "rule but it is his first mail, not a status query on a complaint; no diacritics")
def _():
    m = new(("Sebastian Nowak", "seba.nowak@gmail.example"), "zwrot ZAM/551487",
            "2027-02-11 08:33:48 +0100")
    body = """Dzien dobry,

3 tygodnie temu odeslalem zwrot (ZAM/551487, 2 pary spodni), wedlug sledzenia paczka odebrana przez Was 22 stycznia. Pieniedzy dalej nie ma. Kiedy oddacie pieniadze? Ustawowo macie 14 dni.

Sebastian Nowak"""
    alt(m, body + "\n", gmail_html(body))
    return m


@mail("zwrot-bez-kosztow-dostawy", "complaint", "pl", ["576330"], "refund", "refund",
      "Alicja Borkowska",
      notes="refund amount wrong (delivery cost not refunded); 'zam. 576 330' with a space "
            "in subject and body; several prices; Outlook windows-1250, encoded subject")
def _():
    m = new(("Alicja Borkowska", "alicja.borkowska@onet.example"),
            "Niepełny zwrot środków - zam. 576 330", "2027-02-10 12:08:31 +0100",
            client="outlook1250")
    body = """Dzień dobry,

8 lutego otrzymałam zwrot za odstąpienie od umowy do zam. 576 330, ale w kwocie 189,00 zł, podczas gdy zapłaciłam 203,99 zł (189,00 zł za towar + 14,99 zł za dostawę). Zgodnie z przepisami przy odstąpieniu od umowy sklep zwraca także koszt najtańszej dostawy.

Proszę o dopłatę brakujących 14,99 zł na rachunek, z którego dokonałam płatności.

Z poważaniem
Alicja Borkowska"""
    alt(m, body + "\n", outlook_html(body), cs="windows-1250")
    return m


@mail("zwrot-blik-nie-doszedl", "complaint", "pl", ["592665"], "refund", "refund",
      "Karolina Jasinska",
      notes="paid with BLIK, refund announced but not received; transaction ID '7731-0092-4415'; "
            "no diacritics anywhere, name included; declared iso-8859-2 QP")
def _():
    m = new(("Karolina Jasinska", "karolina.jasinska@interia.example"),
            "Zwrot pieniedzy - platnosc BLIK", "2027-02-19 15:25:10 +0100", client="onet")
    plain(m, """Dzien dobry,

za zamowienie 592665 zaplacilam BLIKiem. 5 lutego dostalam maila, ze zwrot zostal zlecony, a do dzis nie ma pieniedzy ani na koncie, ani w historii BLIK. W banku mowia ze nic nie wplynelo. Identyfikator transakcji z potwierdzenia: 7731-0092-4415.

Kiedy moge sie spodziewac pieniedzy?

Karolina Jasinska
""", cs="iso-8859-2")
    return m


@mail("dwa-zwroty-jeden-brak", "complaint", "pl", ["577902", "575310"], "refund", "refund",
      "Anna Domanska",
      notes="two orders: the subject names the one still unrefunded (577902), the body first "
            "mentions the refunded one (575310), so the order of first appearance differs "
            "from the body order; no diacritics; date 20.02")
def _():
    m = new(("Anna Domanska", "anna.domanska@gmail.example"), "zwrot za 577902",
            "2027-02-28 10:12:55 +0100")
    plain(m, """Dzien dobry
oddawalam towar z dwoch zamowien. Zwrot za 575310 przyszedl 20.02, wszystko ok. Za 577902 dalej nic, a paczki nadawalam tego samego dnia jedna po drugiej. Prosze o sprawdzenie i przelanie pieniedzy.
Anna Domanska
""")
    return m


@mail("anulowane-zamowienie-brak-zwrotu", "complaint", "pl", ["609871"], "refund", "refund",
      "Edyta Kaczmarczyk",
      notes="HTML only (windows-1250, quoted-printable); cancelled before dispatch, money not "
            "back; order written '609&nbsp;871' and price '1&nbsp;299,00&nbsp;zł'")
def _():
    m = new(("Edyta Kaczmarczyk", "edyta.kaczmarczyk@onet.example"),
            "Anulowane zamówienie – brak zwrotu", "2027-02-16 13:58:44 +0100", client="outlook1250")
    html_only(m, """<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1250"></head>
<body><div style="font-family:Arial;font-size:10pt">
<p>Dzień dobry,</p>
<p>anulowałam zamówienie nr 609&nbsp;871 dwie godziny po złożeniu (12.02), jeszcze zanim zostało wysłane &ndash; dostałam od Państwa potwierdzenie anulowania. Pieniądze (1&nbsp;299,00&nbsp;zł) nadal nie wróciły na moje konto.</p>
<p>Proszę o pilny zwrot.</p>
<p>Edyta Kaczmarczyk</p>
</div></body></html>
""", cs="windows-1250")
    return m


@mail("refund-still-not-in-account", "complaint", "en", ["557064"], "refund", "refund",
      "James O'Connor",
      notes="'Order #557064'; returned toaster, refund approved but not received; dates; "
            "apostrophe in the display name (quoted)")
def _():
    m = new(("James O'Connor", "james.oconnor@gmail.example"), "Refund still not received",
            "2027-02-26 18:10:40 +0000")
    body = """Hi,

I returned a toaster from Order #557064 on 5 February (tracking shows you received it on the 8th). Your email of 10 February said the refund had been approved, but it's still not in my account - that's over two weeks now.

Could you check what's happened and send it?

Regards,
James O'Connor"""
    alt(m, body + "\n", gmail_html(body))
    return m


@mail("partial-refund-mugs", "complaint", "en", ["580905"], "refund", "refund",
      "Ingrid Larsen",
      notes="refund amount wrong (one of two returned mugs refunded); 'order no. 580905'; "
            "prices '39.99 PLN'")
def _():
    m = new(("Ingrid Larsen", "ingrid.larsen@outlook.example"), "Partial refund only",
            "2027-03-09 10:41:17 +0100", client="o365en")
    body = """Hello,

I sent back two mugs from order no. 580905 (they didn't match the rest of our set). I've now received 39.99 PLN, which is the price of just one mug - the second one is missing from the refund.

Please refund the remaining 39.99 PLN.

Kind regards,
Ingrid Larsen"""
    alt(m, body + "\n", outlook_html(body, cs="utf-8", lang="EN-GB"))
    return m


# ------------------------------------------------------------------ billing

@mail("faktura-bez-nip", "complaint", "pl", ["567015"], "billing", None, "Robert Wysocki",
      notes="'faktura bez NIP', 'proszę o korektę faktury' - correction has no resolution "
            "value; company mailbox 'Biuro Stolarnia Wysocki', person signs; invoice number "
            "FV/2027/02/0311, NIP, postal code; 'zam. nr 567 015' with a space")
def _():
    m = new(("Biuro Stolarnia Wysocki", "biuro@stolarnia-wysocki.example"),
            "Faktura bez NIP – prośba o korektę", "2027-02-04 10:02:58 +0100", client="outlook1250")
    body = """Dzień dobry,

do zam. nr 567 015 otrzymaliśmy fakturę FV/2027/02/0311, ale bez naszego numeru NIP, mimo że przy zamówieniu zaznaczyłem „chcę fakturę na firmę” i wpisałem NIP. Bez NIP nie mogę jej zaksięgować.

Proszę o korektę faktury – dane poniżej:
Stolarnia Wysocki s.c.
ul. Leśna 22, 34-100 Wadowice
NIP 551-230-48-17

Pozdrawiam
Robert Wysocki"""
    alt(m, body + "\n", outlook_html(body), cs="windows-1250")
    return m


@mail("zaplacone-przelewem-i-blikiem", "complaint", "pl", ["581742"], "billing", "refund",
      "Marzena Kubiak",
      notes="double payment ('zaplacilam przelewem i BLIKiem'); asks to refund one payment; "
            "prices; no diacritics; iPhone")
def _():
    m = new(("Marzena Kubiak", "marzena.kubiak@icloud.example"), "podwojna platnosc",
            "2027-02-07 21:02:36 +0100", client="iphone")
    plain(m, """Dzien dobry, przy zamowieniu 581742 cos mi sie zawiesilo przy platnosci i zaplacilam dwa razy - raz przelewem i raz BLIKiem, po 156,40 zl. Z konta zeszlo razem 312,80 zl. Prosze o zwrot jednej platnosci.
Marzena Kubiak
""", cs="us-ascii", cte="7bit")
    return m


@mail("cena-wyzsza-niz-w-koszyku", "complaint", "pl", ["602447"], "billing", "refund",
      "Tadeusz Grabowski",
      notes="wrong price charged (399 instead of 349) - billing; asks to refund the "
            "difference; '#602447'; screenshot PNG attached; Thunderbird iso-8859-2 flowed")
def _():
    m = new(("Tadeusz Grabowski", "t.grabowski@wp.example"),
            "Pobrano wyższą kwotę niż w sklepie", "2027-02-18 09:20:13 +0100",
            client="thunderbird2", mode="words")
    plain(m, """Dzień dobry,

16 lutego zamówiłem odkurzacz (#602447). Na stronie przy produkcie widniała cena promocyjna 349,00 zł, w koszyku również, a z karty pobrano 399,00 zł. Zrzut ekranu koszyka w załączniku.

Proszę o zwrot różnicy, tj. 50,00 zł.

Tadeusz Grabowski
""", cs="iso-8859-2", cte="8bit", flowed=True)
    attach(m, png("grabowski-koszyk"), "image/png", "koszyk.png")
    return m


@mail("brak-faktury-firma", "complaint", "pl", ["585019"], "billing", None, "Piotr Zając",
      notes="HTML only (windows-1250, 8bit); missing invoice, asks to send it = null; company "
            "From 'Zakupy Zając-Trans', the person signs; NIP without dashes (10 digits), "
            "landline with area code; 'ZAM-585019'")
def _():
    m = new(("Zakupy Zając-Trans", "zakupy@zajac-trans.example"), "Brak faktury",
            "2027-02-24 08:12:21 +0100", client="outlook1250")
    html_only(m, """<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1250"></head>
<body><p>Dzień dobry,</p>
<p>do zamówienia ZAM-585019 nie otrzymaliśmy faktury VAT &ndash; ani mailem, ani w paczce. Prosimy o przesłanie faktury na adres ksiegowosc@zajac-trans.example.</p>
<p>Dane do faktury:<br>Zając-Trans sp. z o.o.<br>ul. Przemysłowa 8, 62-080 Tarnowo Podgórne<br>NIP 7792418803</p>
<p>Z poważaniem<br>Piotr Zając<br>Specjalista ds. zakupów<br>tel. +48 61 847 20 15</p>
</body></html>
""", cs="windows-1250", cte="8bit")
    return m


@mail("platnosc-nieudana-pieniadze-zeszly", "complaint", "pl", ["597613"], "billing", None,
      "Dawid Szewczyk",
      notes="payment error: order shows unpaid but money was taken; asks to book the payment "
            "and ship = null; order number in the subject only; no diacritics; date 01.03")
def _():
    m = new(("Dawid Szewczyk", "dawid.szewczyk@gmail.example"), "Platnosc za zamowienie 597613",
            "2027-03-03 19:45:50 +0100")
    body = """Czesc, przy platnosci karta wywalilo blad i w panelu zamowienie ma status "nieoplacone", ale z konta pieniadze zeszly (229,00 zl, 01.03). Prosze zaksiegowac platnosc i wyslac zamowienie, nie chce placic drugi raz.

Dawid Szewczyk"""
    alt(m, body + "\n", gmail_html(body))
    return m


@mail("billed-twice", "complaint", "en", ["570556"], "billing", "refund", "Megan Foster",
      notes="'I was billed twice'; order number at the end ('Order number is 570556'); card "
            "ending 4417; amounts in PLN")
def _():
    m = new(("Megan Foster", "megan.foster@gmail.example"), "Double charge",
            "2027-02-13 11:30:02 +0100")
    body = """Hi,

I was billed twice for my order. My card statement shows two charges of 249.00 PLN on 11 Feb, both from SKLEP DOMOWY (card ending 4417). Please refund the duplicate charge.

Order number is 570556.

Thanks,
Megan Foster"""
    alt(m, body + "\n", gmail_html(body))
    return m


@mail("invoice-vat-id-correction", "complaint", "en", ["591360"], "billing", None,
      "Anna Keller",
      notes="corrected invoice with the company VAT ID requested = null; From 'Keller, Anna' "
            "(surname first, comma); German VAT ID 'DE 318 442 907' contains ddd ddd shapes; "
            "invoice FV/2027/03/0042; German postcode")
def _():
    m = new(("Keller, Anna", "a.keller@keller-design.example"), "Invoice correction - VAT ID missing",
            "2027-03-07 10:15:46 +0100", client="o365en")
    body = """Dear Sir or Madam,

For order no. 591360 we received invoice FV/2027/03/0042, which was issued to me as a private person. We ordered on behalf of our company and entered our VAT ID at checkout. Please issue a corrected invoice with the following details:

Keller Design GmbH
Schillerstrasse 14, 10625 Berlin
VAT ID: DE 318 442 907

Best regards
Anna Keller
Office Manager, Keller Design GmbH"""
    alt(m, body + "\n", outlook_html(body, cs="utf-8", lang="EN-US"))
    return m


# ------------------------------------------------------------------ other

@mail("zmiana-adresu-dostawy", "complaint", "pl", ["605934"], "other", None, "Kacper Zalewski",
      notes="question: change of delivery address; 'w zamowieniu nr 605934' (locative); "
            "street number 182 and postal code; no diacritics")
def _():
    m = new(("Kacper Zalewski", "kacper.zalewski@gmail.example"), "zmiana adresu",
            "2027-02-02 07:05:25 +0100")
    plain(m, """Dzien dobry, czy da sie jeszcze zmienic adres dostawy w zamowieniu nr 605934? Zamowilem wczoraj wieczorem na adres domowy, a w tym tygodniu bede caly czas w pracy, wolalbym do biura: ul. Grunwaldzka 182, 80-266 Gdansk.
Dzieki
Kacper Zalewski
""")
    return m


@mail("podziekowanie-dla-pani-anny", "complaint", "pl", [], "other", None, "Lucyna Malinowska",
      notes="praise for a staff member (Pani Anna) - looks like a rating but is not a survey "
            "answer; complaint reference RK/2027/02/0047; no order number")
def _():
    m = new(("Lucyna Malinowska", "lucyna.malinowska@icloud.example"), "Podziękowanie",
            "2027-02-22 16:16:39 +0100", client="applemail")
    body = """Dzień dobry,

chciałam bardzo podziękować Pani Annie z działu reklamacji za pomoc przy mojej reklamacji RK/2027/02/0047. Wszystko załatwione w trzy dni, bez zbędnych formalności, nowy ekspres już stoi i działa. Rzadko się to zdarza, więc tym bardziej doceniam.

Serdecznie pozdrawiam
Lucyna Malinowska"""
    alt(m, body + "\n", apple_html(body))
    return m


@mail("instrukcja-robota-pdf", "complaint", "pl", ["517204"], "other", None, "Ryszard Olszewski",
      notes="asks for a PDF manual; last year's order 'zam 517 204' (no dot, space); model "
            "KR-1500 and serial '22/10/8841'; interia 8bit iso-8859-2")
def _():
    m = new(("Ryszard Olszewski", "r.olszewski@interia.example"), "Instrukcja obsługi",
            "2027-03-01 18:40:04 +0100", client="interia", hdr=("iso-8859-2", "Q"))
    plain(m, """Dzień dobry
zgubiłem instrukcję obsługi do robota kuchennego, którego kupiłem u Państwa w zeszłym roku (zam 517 204). Czy mogą mi Państwo przesłać instrukcję w PDF? Model KR-1500, nr seryjny 22/10/8841.
Ryszard Olszewski
""", cs="iso-8859-2", cte="8bit")
    return m


@mail("odbior-starej-lodowki", "complaint", "pl", ["603118"], "other", None, "Danuta Jakubowska",
      notes="HTML only; question whether the courier takes the old fridge; 'ZAM/603 118' in "
            "the subject and body; no diacritics")
def _():
    m = new(("Danuta Jakubowska", "danuta.jakubowska@onet.example"),
            "Pytanie do zamowienia ZAM/603 118", "2027-02-11 14:50:48 +0100", client="onet")
    html_only(m, """<div style="font-family:Verdana;font-size:10pt">Dzien dobry,<br><br>
w czwartek ma przyjechac lodowka (ZAM/603 118). Czy kurier zabierze przy okazji stara lodowke? Na stronie bylo napisane ze jest odbior zuzytego sprzetu, ale nie wiem czy musze to gdzies zglosic. Stara stoi w piwnicy, czy kurier ja wyniesie?<br><br>
Pozdrawiam<br>Danuta Jakubowska</div>
""", cs="iso-8859-2")
    return m


@mail("delivery-to-germany", "complaint", "en", [], "other", None, "Nadia Petrova",
      notes="pre-sales question (shipping abroad); SKU 'KRM-SET12-WH'; German postcode 80331; "
            "no order number")
def _():
    m = new(("Nadia Petrova", "nadia.petrova@gmail.example"), "Delivery to Germany?",
            "2027-02-27 09:10:27 +0100")
    plain(m, """Hello,

do you deliver to Germany? I'd like to order the 12-piece dinner set (SKU KRM-SET12-WH), but the checkout only accepts Polish postcodes. If you do, how much is shipping to 80331 Munich?

Thank you,
Nadia Petrova
""")
    return m


@mail("cot-bed-conversion-rails", "complaint", "en", ["614850"], "other", None, "Laura Bennett",
      notes="asks whether conversion rails are sold separately or should have been in the "
            "box - phrased as a question like the corpus' warranty-card case, so other; "
            "could also be read as missing_item; 'Order #614 850' with a space")
def _():
    m = new(("Laura Bennett", "laura.bennett@icloud.example"), "Question about the cot bed",
            "2027-03-09 20:05:15 +0000", client="applemail")
    body = """Hi,

I ordered the cot bed (Order #614 850) and it arrived fine, thank you. The description says it converts into a toddler bed, but I can't find any conversion side rails in the box or any mention of them in the manual.

Are they sold separately, or should they have been included?

Thanks,
Laura Bennett"""
    alt(m, body + "\n", apple_html(body))
    return m


# ==========================================================================
# status queries

@mail("mikrofalowka-status-po-dwoch-tygodniach", "status_query", "pl", ["573318"], "damaged",
      None, "Henryk Zawadzki",
      notes="follow-up of the broken microwave complaint; complaint ref and order in the "
            "subject; mentions the automatic confirmation and a courier who never came; From "
            "surname first")
def _():
    m = new(("Zawadzki Henryk", "h.zawadzki@interia.example"),
            "RE: Reklamacja RK/2027/02/0019 - zamówienie 573318", "2027-02-19 10:10:42 +0100",
            client="outlook1250", in_reply_to=shop_irt("zawadzki-rk"))
    plain(m, """Szanowni Państwo,

minęło już ponad dwa tygodnie od zgłoszenia reklamacji uszkodzonej mikrofalówki i poza automatycznym potwierdzeniem nikt się do mnie nie odezwał. Kurier miał odebrać mikrofalówkę w zeszły wtorek, ale nie przyjechał.

Proszę o informację, na jakim etapie jest sprawa.

Z wyrazami szacunku
Henryk Zawadzki
""", cs="windows-1250")
    return m


@mail("co-z-moja-reklamacja-ekspres", "status_query", "pl", [], "defective", None, "Bogdan Kot",
      notes="impatient follow-up, no diacritics, no order number, only the complaint "
            "reference; the original problem (espresso machine not drawing water) is defective")
def _():
    m = new(("Bogdan Kot", "bogdan.kot@gmail.example"), "reklamacja",
            "2027-02-24 07:20:14 +0100")
    plain(m, """co z moja reklamacja?? zglaszalem 10 dni temu ze ekspres nie pobiera wody, numer RK/2027/02/0058, i od tamtej pory cisza. ile mam czekac
""", cs="us-ascii", cte="7bit")
    return m


@mail("pokrywka-czy-jest-decyzja", "status_query", "pl", ["584776"], "missing_item", None,
      "Teresa Wojciechowska",
      notes="top-posted above the shop's acknowledgement in an Outlook 'Od: / Wysłano:' block; "
            "order number only in the quoted acknowledgement; staff name Anna Nowak in the "
            "quote")
def _():
    m = new(("Teresa Wojciechowska", "t.wojciechowska@onet.example"),
            "RE: Przyjęcie reklamacji RK/2027/02/0031", "2027-02-17 08:30:20 +0100",
            client="outlook1250", in_reply_to=shop_irt("wojciechowska-rk"))
    body = """Dzień dobry,

czy jest już jakaś decyzja w sprawie brakującej pokrywki? Minął ponad tydzień.

Pozdrawiam
Teresa Wojciechowska"""
    hb = """Od: Sklep Domowy - Reklamacje <reklamacje@sklep.example>
Wysłano: poniedziałek, 8 lutego 2027 09:12
Do: Teresa Wojciechowska <t.wojciechowska@onet.example>
Temat: Przyjęcie reklamacji RK/2027/02/0031"""
    q = """Szanowna Pani,

potwierdzamy przyjęcie reklamacji RK/2027/02/0031 dotyczącej zamówienia 584776 (brak elementu zestawu). Odpowiedź prześlemy w ciągu 14 dni.

Z poważaniem
Anna Nowak
Dział Reklamacji Sklep Domowy"""
    alt(m, body + "\n\n" + hb + "\n\n" + q + "\n", outlook_html(body, header_block=hb, quoted=q),
        cs="windows-1250")
    return m


@mail("mikser-ponaglenie-14-dni", "status_query", "pl", ["571660"], "wrong_item", None,
      "Grzegorz Szymański",
      notes="insistent reminder citing the 14-day deadline, still a status query about the "
            "wrong-mixer complaint; model names; dates; phone '604 718 229'")
def _():
    m = new(("Grzegorz Szymański", "g.szymanski@onet.example"),
            "Ponaglenie - reklamacja ZAM-571660", "2027-02-22 12:00:37 +0100", client="outlook")
    plain(m, """Dzień dobry,

5 lutego zgłosiłem reklamację dotyczącą błędnie dostarczonego miksera (zamiast MP-900 otrzymałem MR-300). Do dnia dzisiejszego nie otrzymałem żadnej odpowiedzi. Przypominam, że zgodnie z przepisami sprzedawca ma 14 dni na ustosunkowanie się do reklamacji - termin minął 19 lutego, a brak odpowiedzi w terminie oznacza uznanie reklamacji.

Proszę o niezwłoczną informację o stanie sprawy.

Grzegorz Szymański
tel. 604 718 229
""", cs="iso-8859-2")
    return m


@mail("brakujace-14-99-ponownie", "status_query", "pl", ["576330"], "refund", None,
      "Alicja Borkowska",
      notes="second mail about the missing 14,99 zł; 'piszę ponownie' with a complaint "
            "reference; the order only in the subject ('zam. 576 330')")
def _():
    m = new(("Alicja Borkowska", "alicja.borkowska@onet.example"),
            "RE: Niepełny zwrot środków - zam. 576 330", "2027-02-27 09:05:06 +0100",
            client="outlook1250")
    body = """Dzień dobry,

piszę ponownie w sprawie brakujących 14,99 zł. Dostałam potwierdzenie, że sprawa została przekazana do księgowości (RK/2027/02/0040), ale od tamtej pory nic. Czy mogę prosić o informację, kiedy zostanie zrobiony przelew?

Alicja Borkowska"""
    alt(m, body + "\n", outlook_html(body), cs="windows-1250")
    return m


@mail("status-rk-bez-szczegolow", "status_query", "pl", [], "other", None, "Joanna Kwiatkowska",
      notes="one line asking for the status of RK/2027/03/0102 (also the whole subject); the "
            "problem cannot be told -> other; signed 'J. Kwiatkowska', full name in From; "
            "no diacritics")
def _():
    m = new(("Joanna Kwiatkowska", "joanna.kwiatkowska@wp.example"), "RK/2027/03/0102",
            "2027-03-05 08:44:58 +0100", client="wp")
    plain(m, """Dzien dobry, jaki jest status reklamacji RK/2027/03/0102?
Pozdrawiam, J. Kwiatkowska
""", cs="us-ascii", cte="7bit")
    return m


@mail("investigation-any-update", "status_query", "en", ["565129"], "not_delivered", None,
      "Rachel Evans",
      notes="follow-up on the 'delivered but not here' complaint; 'RE:' of her own subject; "
            "'Order #565129'")
def _():
    m = new(("Rachel Evans", "rachel.evans@outlook.example"),
            "RE: Parcel says delivered but it isn't here", "2027-02-18 13:15:33 +0000",
            client="o365en")
    plain(m, """Hello again,

Any update on the investigation with the courier? It's been a week since my first email about Order #565129 and I still have neither the parcel nor a reply.

Thanks,
Rachel Evans
""")
    return m


@mail("replacement-dispatched-yet", "status_query", "en", ["556781"], "defective", None,
      "Priya Raman",
      notes="asks whether the accepted replacement has been dispatched; Gmail English quote "
            "of the shop's acceptance (order number only in the quote); staff name Karolina "
            "Mazur; signed 'Priya'")
def _():
    m = new(("Priya Raman", "priya.raman@gmail.example"),
            "Re: Your complaint RK/2027/02/0024 has been accepted", "2027-02-20 19:00:07 +0100",
            in_reply_to=shop_irt("raman-accepted"))
    body = """Hi,

Thanks for accepting the complaint. Has the replacement air fryer been dispatched yet? I haven't had any tracking info.

Priya"""
    attr = ("On Mon, 8 Feb 2027 at 09:30, Sklep Domowy - Reklamacje <reklamacje@sklep.example> "
            "wrote:")
    q = """Dear Ms Raman,

your complaint RK/2027/02/0024 regarding order 556781 has been accepted. We will send you a replacement unit within 7 working days.

Kind regards
Karolina Mazur
Sklep Domowy - Complaints"""
    alt(m, body + "\n\n" + attr + "\n\n" + quote(q) + "\n", gmail_html(body, attr, q))
    return m


# ==========================================================================
# ratings

SURVEY = """Dzień dobry,

Twoje zgłoszenie {rk} dotyczące zamówienia {order} zostało zamknięte. Oceń naszą obsługę w skali od 1 do 5, odpowiadając na tę wiadomość (1 – bardzo źle, 5 – bardzo dobrze).

Zespół Sklepu Domowego"""


@mail("ocena-5-paczka-znaleziona", "rating", "pl", ["558612"], None, None, "Bartosz Kowalczyk",
      rating=5,
      notes="bare '5' on the first line, comment without diacritics; the quoted survey repeats "
            "the 1-5 scale and holds the order number; Gmail Polish attribution")
def _():
    m = new(("Bartosz Kowalczyk", "bartosz.kowalczyk@o2.example"),
            "Re: Oceń obsługę zgłoszenia RK/2027/02/0012", "2027-03-02 18:00:31 +0100",
            client="o2", in_reply_to=shop_irt("kowalczyk-ankieta"))
    body = "5\n\nszybko znalezliscie paczke, dzieki"
    attr = "W dniu wt., 2 mar 2027 o 10:00 Sklep Domowy <ankieta@sklep.example> napisał(a):"
    q = SURVEY.format(rk="RK/2027/02/0012", order="558612")
    plain(m, body + "\n\n" + attr + "\n" + quote(q) + "\n")
    return m


@mail("ocena-dwa-slownie", "rating", "pl", [], None, None, "Monika Zielinska", rating=2,
      notes="score as a word ('Dwa.') followed by a comment with other number words "
            "('trzech', 'dwoch'); no quote, no order number; no diacritics, name without "
            "diacritics in From and signature (her first mail had them)")
def _():
    m = new(("Monika Zielinska", "monika.zielinska@onet.example"),
            "Re: Jak oceniasz nasza obsluge?", "2027-03-06 10:30:50 +0100", client="iphone")
    plain(m, """Dwa. Paczka sie w koncu znalazla, ale dopiero po moich trzech telefonach i dwoch mailach.

Monika Zielinska
""", cs="us-ascii", cte="7bit")
    return m


@mail("ocena-4-na-5-outlook", "rating", "pl", ["584776"], None, None, "Teresa Wojciechowska",
      rating=4,
      notes="'Ocena: 4/5.'; Outlook reply with the survey quoted in an 'Od:/Wysłano:' block "
            "(order number only there, 1-5 scale)")
def _():
    m = new(("Teresa Wojciechowska", "t.wojciechowska@onet.example"),
            "RE: Oceń obsługę zgłoszenia RK/2027/02/0031", "2027-03-04 12:40:19 +0100",
            client="outlook1250", to="ankieta@sklep.example")
    body = """Ocena: 4/5. Pokrywka dotarła, ale trzeba było się upominać.

Teresa Wojciechowska"""
    hb = """Od: Sklep Domowy <ankieta@sklep.example>
Wysłano: czwartek, 4 marca 2027 10:00
Do: Teresa Wojciechowska <t.wojciechowska@onet.example>
Temat: Oceń obsługę zgłoszenia RK/2027/02/0031"""
    q = SURVEY.format(rk="RK/2027/02/0031", order="584776")
    plain(m, body + "\n\n" + hb + "\n\n" + q + "\n", cs="windows-1250")
    return m


@mail("ocena-1-trzy-tygodnie", "rating", "pl", [], None, None, "Sebastian Nowak", rating=1,
      notes="bare '1' first, then a comment full of other digits ('3 tygodnie', '2 razy'); no "
            "signature, name from From; no diacritics; no order number")
def _():
    m = new(("Sebastian Nowak", "seba.nowak@gmail.example"), "Re: Oceń obsługę zgłoszenia",
            "2027-03-08 21:10:03 +0100")
    plain(m, "1\nczekalem 3 tygodnie na zwrot, 2 razy pisalem. tragedia\n")
    return m


@mail("ocena-trojka-onet", "rating", "pl", ["573318"], None, None, "Henryk Zawadzki", rating=3,
      notes="'Trójka.' - the score as a school-grade noun; Onet-style '----- Oryginalna "
            "wiadomość -----' quote with the survey (order number and 1-5 scale); From "
            "surname first; the comment says 'za trzecim razem'")
def _():
    m = new(("Zawadzki Henryk", "h.zawadzki@interia.example"), "Odp: Prosimy o ocenę obsługi",
            "2027-03-10 09:00:26 +0100", client="interia")
    q = SURVEY.format(rk="RK/2027/02/0019", order="573318")
    plain(m, """Trójka. Pieniądze zwrócone, ale mikrofalówkę kurier odebrał dopiero za trzecim razem.
Henryk Zawadzki

----- Oryginalna wiadomość -----
Od: "Sklep Domowy" <ankieta@sklep.example>
Do: h.zawadzki@interia.example
Data: 9 marca 2027 10:00
Temat: Prosimy o ocenę obsługi

""" + q + "\n")
    return m


@mail("rating-4-courier-call", "rating", "en", [], None, None, "Emma Clarke", rating=4,
      notes="'4 - would have been a 5 ...' (two scores in one sentence, the given one first); "
            "English survey quoted with the 1-5 scale; no order number")
def _():
    m = new(("Emma Clarke", "emma.clarke@icloud.example"), "Re: How did we do?",
            "2027-03-07 16:22:11 +0000", client="applemail")
    body = ("4 - would have been a 5 if the courier had rung before coming. The right duvet "
            "cover arrived quickly though, thank you!\n\nEmma")
    attr = "On 7 Mar 2027, at 10:00, Sklep Domowy <ankieta@sklep.example> wrote:"
    q = """Dear customer,

your case RK/2027/02/0036 has been closed. How would you rate our service from 1 (very poor) to 5 (excellent)? Just reply to this e-mail with a number.

Sklep Domowy"""
    alt(m, body + "\n\n" + quote(attr + "\n\n" + q) + "\n", apple_html(body, attr, q))
    return m


# ==========================================================================
# auto-replies

@mail("autoodpowiedz-urlop-wysocki", "auto_reply", "pl", ["567015"], None, None,
      "Robert Wysocki",
      notes="Exchange out-of-office ('Automatyczna odpowiedź:') with Auto-Submitted and "
            "X-Auto-Response-Suppress; echoes the shop's subject with the order number; "
            "landline with area code")
def _():
    m = new(("Robert Wysocki", "r.wysocki@stolarnia-wysocki.example"),
            "Automatyczna odpowiedź: Faktura korygująca do zam. 567015",
            "2027-02-12 10:30:14 +0100", client="o365", return_path="<>",
            extra=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All"),
                   ("X-MS-Exchange-Inbox-Rules-Loop", "r.wysocki@stolarnia-wysocki.example")])
    plain(m, """Dzień dobry,

jestem na urlopie do 21 lutego 2027 r. bez dostępu do poczty. W sprawach pilnych proszę o kontakt z biurem: biuro@stolarnia-wysocki.example, tel. 33 873 40 12.

Robert Wysocki
""")
    return m


@mail("odp-autoresponder-bez-naglowkow", "auto_reply", "pl", [], None, None,
      "Edyta Kaczmarczyk",
      notes="webmail autoresponder WITHOUT any machine header, plain 'Odp:' prefix; only the "
            "text says it is automatic; no diacritics")
def _():
    m = new(("Edyta Kaczmarczyk", "edyta.kaczmarczyk@onet.example"),
            "Odp: Anulowane zamówienie – brak zwrotu", "2027-02-23 14:02:47 +0100", client="onet",
            hdr=("UTF-8", "Q"),
            in_reply_to=shop_irt("kaczmarczyk-odp"))
    plain(m, """Dziekuje za wiadomosc. Do 5 marca przebywam poza domem i mam ograniczony dostep do poczty. Odpowiem niezwlocznie po powrocie.

Ta wiadomosc zostala wygenerowana automatycznie.
Edyta Kaczmarczyk
""", cs="iso-8859-2")
    return m


@mail("courier-ticket-acknowledgement", "auto_reply", "en", ["565129"], None, None, None,
      notes="ticket-system acknowledgement from the courier (the shop had opened an "
            "investigation); ticket number 4471928 (7 digits) and case reference "
            "'CS-220415' (six digits after a prefix) are not order numbers; the order number "
            "is echoed in the subject; system sender -> name null")
def _():
    m = new(("FastParcel Customer Care", "support@fastparcel.example"),
            "[Ticket #4471928] Re: Missing parcel - order 565129", "2027-02-13 09:02:40 +0100",
            client="system", return_path="<>",
            extra=[("Auto-Submitted", "auto-generated"), ("X-Autoreply", "yes"),
                   ("Precedence", "auto_reply")])
    plain(m, """Dear customer,

Thank you for contacting FastParcel Customer Care. This is an automated acknowledgement: your request has been logged under ticket number 4471928 (case reference CS-220415).

One of our agents will get back to you within 2 business days. Please do not reply to this message - to add information, use the link in your customer portal.

FastParcel Customer Care
""", cs="us-ascii", cte="7bit")
    return m


@mail("out-of-office-no-headers", "auto_reply", "en", [], None, None, "Claire Whitfield",
      notes="out-of-office WITHOUT any machine header, plain 'Out of Office' subject prefix; "
            "signed 'Claire', full name in From")
def _():
    m = new(("Claire Whitfield", "claire.whitfield@gmail.example"),
            "Out of Office Re: Return request", "2027-02-16 15:00:12 +0000")
    plain(m, """Thank you for your email. I'm away until Monday 22 February with no access to email. For anything urgent please call my mobile.

Claire
""")
    return m


@mail("urlop-x-autorespond-gorska", "auto_reply", "pl", ["560214"], None, None,
      "Natalia Górska",
      notes="vacation autoresponder with X-Autorespond and Precedence: bulk (no "
            "Auto-Submitted); 'Autoodpowiedź:' subject echoing the order number; signature "
            "with diacritics this time")
def _():
    m = new(("Natalia Górska", "natalia.gorska@interia.example"),
            "Autoodpowiedź: Re: Wymiana botków – zamówienie 560214", "2027-02-24 16:45:00 +0100",
            client="interia", extra=[("X-Autorespond", "Urlop"), ("Precedence", "bulk")])
    plain(m, """Witam,
jestem na urlopie do 3 marca. Wiadomości nie są przekazywane.
Pozdrawiam
Natalia Górska
""")
    return m


# ==========================================================================
# bounces

@mail("exim-mail-delivery-failed", "bounce", "en", ["598032"], None, None, None,
      notes="Exim bounce as a single text/plain part (no multipart/report) with the returned "
            "message copied inline after '------ This is a copy of the message'; the order "
            "number is in the copied Subject and body; X-Failed-Recipients, Auto-Submitted")
def _():
    m = new(("Mail Delivery System", "Mailer-Daemon@mail.okafor-family.example"),
            "Mail delivery failed: returning message to sender", "2027-03-07 08:20:33 +0000",
            client="system", return_path="<>",
            extra=[("X-Failed-Recipients", "d.okafor@okafor-family.example"),
                   ("Auto-Submitted", "auto-replied")])
    plain(m, """This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  d.okafor@okafor-family.example
    mailbox is full: retry timeout exceeded

------ This is a copy of the message, including all the headers. ------

Return-path: <reklamacje@sklep.example>
Received: from mx1.sklep.example ([203.0.113.10])
\tby mail.okafor-family.example with esmtps (TLS1.3) tls TLS_AES_256_GCM_SHA384
\t(Exim 4.97)
\t(envelope-from <reklamacje@sklep.example>)
\tid 1tQx7L-0004Zk-2b
\tfor d.okafor@okafor-family.example; Sat, 06 Mar 2027 10:02:11 +0000
From: Sklep Domowy - Reklamacje <reklamacje@sklep.example>
To: Daniel Okafor <d.okafor@okafor-family.example>
Subject: Re: Faulty RC car - Order #598032
Date: Sat, 6 Mar 2027 11:02:05 +0100
Message-ID: <2210938475.5c1e0a@sklep.example>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 7bit

Dear Mr Okafor,

thank you for your message. We are sorry the car does not work properly.
A courier will collect it on Tuesday and we will send a new one for order
598032 as soon as it reaches our warehouse.

Kind regards
Karolina Mazur
Sklep Domowy
""", cs="us-ascii", cte="7bit")
    return m


@mail("interia-ndr-adres-nie-istnieje", "bounce", "pl", ["592665"], None, None, None,
      notes="Polish provider NDR (iso-8859-2 human part) in multipart/report; only the "
            "original headers are returned (text/rfc822-headers) with an RFC 2047 encoded "
            "Subject holding the order number; status 5.1.1")
def _():
    m = new(("Serwer pocztowy Interia", "MAILER-DAEMON@mx.interia.example"),
            "Wiadomość niedostarczona", "2027-02-20 10:05:19 +0100", client="system",
            received="from mx.interia.example (mx.interia.example [198.51.100.61])\r\n"
                     "\tby mx1.sklep.example (Postfix) with ESMTPS id 4TD0DA40B6B3\r\n"
                     "\tfor <reklamacje@sklep.example>; Sat, 20 Feb 2027 10:05:36 +0100",
            return_path="<>", extra=[("Auto-Submitted", "auto-replied")])
    human = """To jest automatyczna wiadomość z serwera mx.interia.example.

Niestety nie udało się dostarczyć Twojej wiadomości do adresata:

    karolina.jasinska1@interia.example

Przyczyna: podany adres nie istnieje w naszym systemie (550 5.1.1).

Sprawdź, czy adres został wpisany poprawnie. Nagłówki oryginalnej wiadomości znajdziesz poniżej.
"""
    hdrs = ("Return-Path: <reklamacje@sklep.example>\n"
            "Received: from mx1.sklep.example (mx1.sklep.example [203.0.113.10])\n"
            "\tby mx.interia.example with ESMTPS; Sat, 20 Feb 2027 10:05:17 +0100\n"
            "From: =?utf-8?q?Sklep_Domowy_-_Reklamacje?= <reklamacje@sklep.example>\n"
            "To: karolina.jasinska1@interia.example\n"
            "Subject: =?utf-8?q?Zwrot_do_zam=C3=B3wienia_592665_=E2=80=93_wyja=C5=9B?=\n"
            " =?utf-8?q?nienie?=\n"
            "Date: Sat, 20 Feb 2027 10:05:12 +0100\n"
            "Message-ID: <1450372298.9d02b7@sklep.example>\n"
            "MIME-Version: 1.0\n")
    report(m, human, """Reporting-MTA: dns; mx.interia.example
Arrival-Date: Sat, 20 Feb 2027 10:05:17 +0100

Final-Recipient: rfc822; karolina.jasinska1@interia.example
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 User unknown
""", original_headers=hdrs, cs="iso-8859-2")
    return m


@mail("exchange-undeliverable-quota", "bounce", "en", ["591360"], None, None, None,
      notes="Exchange Online 'Undeliverable:' NDR (mailbox quota), full original attached as "
            "message/rfc822; the order number only in the returned body; invoice numbers "
            "FV/2027/03/0042 and its correction")
def _():
    m = new(("Microsoft Outlook", "postmaster@keller-design.example"),
            "Undeliverable: RE: Invoice correction - VAT ID missing", "2027-03-08 09:41:27 +0000",
            client="o365en", return_path="<>",
            extra=[("Auto-Submitted", "auto-replied"), ("X-MS-Exchange-Message-Is-Ndr", "")])
    human = """Delivery has failed to these recipients or groups:

a.keller@keller-design.example
The recipient's mailbox is full and can't accept messages now. Please try resending your message later, or contact the recipient directly.

Diagnostic information for administrators:

Generating server: FR2P281MB0114.DEUP281.PROD.OUTLOOK.example

a.keller@keller-design.example
Remote Server returned '554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded'
"""
    human_html = ("<html><head></head><body><p><b><font color=\"#000066\" size=\"3\" "
                  "face=\"Arial\">Delivery has failed to these recipients or groups:</font></b>"
                  "</p><p><a href=\"mailto:a.keller@keller-design.example\">"
                  "a.keller@keller-design.example</a><br>The recipient's mailbox is full and "
                  "can't accept messages now.</p><p>Generating server: "
                  "FR2P281MB0114.DEUP281.PROD.OUTLOOK.example</p><p>Remote Server returned "
                  "'554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException'"
                  "</p></body></html>\n")
    original = shop_msg(("Sklep Domowy - Reklamacje", "reklamacje@sklep.example"),
                        "a.keller@keller-design.example",
                        "RE: Invoice correction - VAT ID missing", "2027-03-08 10:41:19 +0100",
                        """Dear Ms Keller,

thank you for your message. We have issued a corrected invoice FV/2027/03/0042/K for order 591360 with the VAT ID of Keller Design GmbH. It is attached to this e-mail.

Kind regards
Michał Dąbrowski
Sklep Domowy - Complaints
""")
    report(m, human, """Reporting-MTA: dns;FR2P281MB0114.DEUP281.PROD.OUTLOOK.example
Received-From-MTA: dns;mx1.sklep.example
Arrival-Date: Mon, 8 Mar 2027 09:41:23 +0000

Final-Recipient: rfc822;a.keller@keller-design.example
Action: failed
Status: 5.2.2
Diagnostic-Code: smtp;554 5.2.2 mailbox full;
 STOREDRV.Deliver.Exception:QuotaExceededException
""", original=original, human_html=human_html)
    return m


# ==========================================================================
# bulk

@mail("newsletter-hurtownia-agd", "bulk", "pl", [], None, None, None,
      notes="wholesaler newsletter (List-Id, List-Unsubscribe, Precedence: bulk); catalogue "
            "numbers '402118' and 'indeks 377 409' have the order-number shape; prices "
            "'1 299,00 zł'; promo code")
def _():
    m = new(("AGD-Max Hurt", "newsletter@agdmax.example"),
            "Nowości lutego dla partnerów handlowych – do -25%", "2027-02-09 06:00:00 +0100",
            client="system", return_path="<bounce-2027-02-pl@mailing.agdmax.example>",
            extra=[("List-Id", "AGD-Max partnerzy <partnerzy.agdmax.example>"),
                   ("List-Unsubscribe", "<https://agdmax.example/wypisz?u=sklep-domowy>"),
                   ("Precedence", "bulk")])
    text = """AGD-Max Hurt - nowości lutego

Drogi Partnerze,

w lutym wprowadzamy do oferty nowe ekspresy i roboty kuchenne:

- Ekspres kolbowy Barista Pro, nr kat. 402118 - 1 299,00 zł netto
- Robot planetarny Chef 1200, indeks 377 409 - 849,00 zł netto
- Czajnik szklany LED 1,7 l, nr kat. 402131 - 64,90 zł netto

Z kodem LUTY25 rabat 25% na zamówienia powyżej 5 000,00 zł netto do 28.02.2027.

Wypisz się: https://agdmax.example/wypisz
AGD-Max Hurt sp. z o.o., ul. Składowa 3, 95-100 Zgierz
"""
    rows = "".join(f"<tr><td>{a}</td><td>{b}</td><td align=right>{c}</td></tr>"
                   for a, b, c in [("Ekspres kolbowy Barista Pro", "nr kat. 402118",
                                    "1&nbsp;299,00&nbsp;zł"),
                                   ("Robot planetarny Chef 1200", "indeks 377&nbsp;409",
                                    "849,00&nbsp;zł"),
                                   ("Czajnik szklany LED 1,7 l", "nr kat. 402131",
                                    "64,90&nbsp;zł")])
    h = ("<html><body><table width=600 align=center><tr><td><h1>Nowości lutego</h1>"
         "<p>Drogi Partnerze, w lutym wprowadzamy do oferty nowe ekspresy i roboty kuchenne:"
         "</p><table>" + rows + "</table><p>Z kodem <b>LUTY25</b> rabat 25% na zamówienia "
         "powyżej 5&nbsp;000,00&nbsp;zł netto do 28.02.2027.</p><p style=\"font-size:9px\">"
         "<a href=\"https://agdmax.example/wypisz\">Wypisz się</a> | AGD-Max Hurt sp. z o.o., "
         "ul. Składowa 3, 95-100 Zgierz</p></td></tr></table></body></html>\n")
    alt(m, text, h)
    return m


@mail("courier-return-delivered-noreply", "bulk", "en", ["568802"], None, None, None,
      notes="courier notification from a no-reply address (Auto-Submitted, Precedence: bulk) "
            "that a return parcel reached the shop; the sender reference 'RET 568802' is the "
            "customer's order number, so it is labelled; 16-character parcel number, postal "
            "code, time")
def _():
    m = new(("FastParcel", "no-reply@notifications.fastparcel.example"),
            "Your parcel FP7702913485PL has been delivered", "2027-02-19 11:45:03 +0100",
            client="system", return_path="<bounces@notifications.fastparcel.example>",
            extra=[("Auto-Submitted", "auto-generated"), ("Precedence", "bulk")])
    plain(m, """Hello,

your parcel FP7702913485PL has been delivered.

Recipient: Sklep Domowy, ul. Magazynowa 12, 05-800 Pruszkow
Delivered: 19/02/2027 at 11:42
Signed by: MAGAZYN
Sender: Claire Whitfield
Sender reference: RET 568802

This is an automatic message, please do not reply.
FastParcel
""", cs="us-ascii", cte="7bit")
    return m


@mail("phishing-doplata-do-przesylki", "bulk", "pl", [], None, None, None,
      notes="phishing posing as a postal surcharge (2,49 zł), HTML only, no bulk headers; "
            "a six-digit 'kod weryfikacyjny 804 117' and a parcel number; urgent tone")
def _():
    m = new(("Poczta Polska", "powiadomienia@pp-dostawa.example"),
            "Twoja przesyłka oczekuje na dopłatę 2,49 zł", "2027-03-05 03:12:44 +0100",
            client="system")
    html_only(m, """<html><body style="font-family:Arial">
<p><img src="https://pp-dostawa.example/logo.png" alt="Poczta Polska"></p>
<p>Szanowny Kliencie,</p>
<p>Twoja przesyłka nr <b>PX7781044219</b> została zatrzymana w sortowni z powodu niepełnej opłaty. Aby ją odebrać, dopłać <b>2,49 zł</b> w ciągu 24 godzin. Po tym czasie przesyłka zostanie zwrócona do nadawcy.</p>
<p>Kod weryfikacyjny: 804 117</p>
<p><a href="https://pp-dostawa.example/doplata?id=PX7781044219" style="background:#c00;color:#fff;padding:8px">Zapłać teraz</a></p>
<p>Dziękujemy,<br>Poczta Polska</p>
</body></html>
""")
    return m


# ==========================================================================
# writing and checking

SPACES = "[ \u00a0\u202f]"


def html_to_text(s):
    s = re.sub(r"(?is)<(style|script|head)\b.*?</\1>", " ", s)
    s = re.sub(r"(?i)<br\s*/?>|</(p|div|tr|li|h\d|blockquote|td)>", "\n", s)
    s = re.sub(r"(?s)<[^>]+>", "", s)
    return html.unescape(s)


def texts_of(msg, problems, out):
    for d in msg.defects:
        problems.append(f"defect {d!r} in {msg.get_content_type()}")
    for k, v in msg.items():
        for d in getattr(v, "defects", ()):
            problems.append(f"header {k}: {d!r}")
    ct = msg.get_content_type()
    if ct == "message/rfc822":
        inner = msg.get_payload()[0]
        if inner["Subject"] is not None:
            out.append(str(inner["Subject"]))
        texts_of(inner, problems, out)
        return
    if ct == "message/delivery-status":
        if not any(b.get("Action") for b in msg.get_payload()):
            problems.append("delivery-status without Action")
        return
    if msg.is_multipart():
        for sub in msg.get_payload():
            texts_of(sub, problems, out)
        return
    if msg.get_content_maintype() == "text":
        raw = msg.get_payload(decode=True)
        try:
            t = raw.decode(msg.get_content_charset() or "us-ascii")
        except (LookupError, UnicodeDecodeError) as e:
            problems.append(f"{ct} does not decode strictly: {e}")
            return
        if msg.get_content().replace("\r\n", "\n") != t.replace("\r\n", "\n"):
            problems.append(f"{ct}: get_content() differs from strict decoding")
        if ct == "text/html":
            t = html_to_text(t)
        elif ct == "text/rfc822-headers":
            hp = HeaderParser(policy=policy.default).parsestr(t)
            t = "\n".join(f"{k}: {v}" for k, v in hp.items())
        out.append(t)
        return
    if not msg.get_payload(decode=True):
        problems.append(f"{ct} has an empty body")


def first_pos(number, text):
    mt = re.search(r"(?<!\d)" + number[:3] + SPACES + "?" + number[3:] + r"(?!\d)", text)
    return mt.start() if mt else None


def check_file(path, label, verbose=False):
    problems = []
    with open(path, "rb") as f:
        msg = BytesParser(policy=policy.default).parse(f)
    for h in ("From", "To", "Date", "Subject", "Message-ID", "MIME-Version"):
        if msg[h] is None:
            problems.append(f"missing {h}")
    if msg["Date"] is not None and msg["Date"].datetime is None:
        problems.append("bad Date")
    out = [str(msg["Subject"] or "")]
    texts_of(msg, problems, out)
    whole = "\n\n".join(out)
    if list(label) != FIELDS:
        problems.append("label fields")
    kind = label["kind"]
    assert kind in KINDS and label["language"] in ("pl", "en")
    if kind in ("complaint", "status_query"):
        assert label["category"] in CATEGORIES, label
    else:
        assert label["category"] is None and label["resolution"] is None, label
    assert label["resolution"] in RESOLUTIONS | {None}
    assert (kind == "rating") == (label["rating"] is not None), label
    if kind == "status_query":
        assert label["resolution"] is None
    orders = label["order_numbers"]
    assert len(set(orders)) == len(orders)
    pos = []
    for n in orders:
        assert re.fullmatch(r"\d{6}", n) and 100000 <= int(n) <= 999999, n
        p = first_pos(n, whole)
        if p is None:
            problems.append(f"order {n} not found in decoded text")
        pos.append(p if p is not None else -1)
    if pos != sorted(pos):
        problems.append(f"orders not in order of first appearance: {orders} at {pos}")
    extra = []
    for mt in re.finditer(r"(?<![\d\w/.,-])(\d{3})" + SPACES + r"?(\d{3})(?![\d\w/,-])", whole):
        n = mt.group(1) + mt.group(2)
        if n not in orders and n not in extra:
            extra.append(n)
            if verbose:
                print(f"  {os.path.basename(path)}: unlabelled six-digit token "
                      f"{mt.group(0)!r}")
    return problems, whole


def main():
    verbose = "-v" in sys.argv[1:]
    for f in os.listdir(HERE):
        if f.endswith(".eml") or f == "labels.jsonl":
            os.remove(os.path.join(HERE, f))
    slugs = [s["slug"] for s in MAILS]
    assert len(slugs) == len(set(slugs)), "duplicate slug"
    built = []
    for spec in MAILS:
        m = spec["build"]()
        built.append((m["Date"].datetime, spec["slug"], spec, m))
    built.sort(key=lambda t: (t[0], t[1]))
    all_problems = []
    stats = {"pl": 0, "pl_no_diacritics": 0}
    with open(os.path.join(HERE, "labels.jsonl"), "w", encoding="utf-8", newline="\n") as lf:
        for i, (_, slug, spec, m) in enumerate(built, 1):
            name = f"{i:03d}-{slug}.eml"
            finalize(m, slug)
            data = m.as_bytes(policy=WIRE)
            with open(os.path.join(HERE, name), "wb") as f:
                f.write(data)
            label = {"file": name, **spec["label"]}
            probs, whole = check_file(os.path.join(HERE, name), label, verbose)
            all_problems += [f"{name}: {p}" for p in probs]
            if label["language"] == "pl":
                stats["pl"] += 1
                if not re.search("[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]", whole):
                    stats["pl_no_diacritics"] += 1
            lf.write(json.dumps(label, ensure_ascii=False) + "\n")
    counts = {}
    for _, _, spec, _ in built:
        k = spec["label"]["kind"]
        counts[k] = counts.get(k, 0) + 1
    print(f"wrote {len(built)} messages: " +
          ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print(f"Polish mails: {stats['pl']}, of them entirely without diacritics (decoded text "
          f"incl. quotes): {stats['pl_no_diacritics']}")
    if all_problems:
        print("\n".join(all_problems))
        print(f"FAILED: {len(all_problems)} problem(s)")
        return 1
    print("OK: every file parses with email.policy.default without defects, decodes "
          "strictly, and its labelled order numbers occur in order of first appearance")
    return 0


if __name__ == "__main__":
    sys.exit(main())
