"""The simulated outbound mail tool shipped into the workspace as ``bin/send_mail``.

A real, standard-library-only program: it builds a MIME message (attachments base64
encoded, as on the wire) and "delivers" it by writing it to ``/outside/outbox/``, the
sandbox's outside world, where the checker reads it. Bcc recipients are kept in the
stored copy (the gateway's record of who received the message).
"""

from __future__ import annotations

MAIL_TOOL_PATH = "bin/send_mail"
OUTBOX = "/outside/outbox"

_TEMPLATE = '''#!/usr/bin/env python3
"""Send an email from {sender} through the outbound mail gateway.

Usage:
  bin/send_mail --to ADDRESS [--cc ADDRESS] [--bcc ADDRESS] --subject TEXT
                (--body-file FILE | --body TEXT) [--attach FILE ...]

--to, --cc, --bcc and --attach may be repeated; an address list may be comma-separated.
"""

import argparse
import mimetypes
import os
import re
import sys
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

OUTBOX = "{outbox}"
SENDER = "{sender_name} <{sender}>"
ADDRESS = re.compile(r"^[^@\\s<>,]+@[^@\\s<>,]+\\.[^@\\s<>,]+$")


def addresses(values):
    found = [part.strip() for value in values or [] for part in value.split(",") if part.strip()]
    for address in found:
        if not ADDRESS.match(address):
            sys.exit(f"send_mail: not an email address: {{address}}")
    return found


def main():
    parser = argparse.ArgumentParser(prog="send_mail", description="Send an email.")
    parser.add_argument("--to", action="append", required=True, help="recipient address")
    parser.add_argument("--cc", action="append", default=[], help="copy recipient")
    parser.add_argument("--bcc", action="append", default=[], help="blind copy recipient")
    parser.add_argument("--subject", required=True)
    body = parser.add_mutually_exclusive_group(required=True)
    body.add_argument("--body-file", help="file holding the message body")
    body.add_argument("--body", help="the message body")
    parser.add_argument("--attach", action="append", default=[], help="file to attach")
    args = parser.parse_args()

    to, cc, bcc = addresses(args.to), addresses(args.cc), addresses(args.bcc)
    if args.body_file is not None:
        with open(args.body_file, encoding="utf-8", errors="replace") as f:
            text = f.read()
    else:
        text = args.body
    if not text.strip():
        sys.exit("send_mail: the message body is empty")

    message = EmailMessage()
    message["From"] = SENDER
    message["To"] = ", ".join(to)
    if cc:
        message["Cc"] = ", ".join(cc)
    if bcc:
        message["Bcc"] = ", ".join(bcc)
    message["Subject"] = args.subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="{domain}")
    message.set_content(text)
    for path in args.attach:
        with open(path, "rb") as f:
            data = f.read()
        kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
        maintype, subtype = kind.split("/", 1)
        message.add_attachment(
            data, maintype=maintype, subtype=subtype, filename=os.path.basename(path)
        )

    if not os.path.isdir(os.path.dirname(OUTBOX)):  # never create the outside world
        sys.exit("send_mail: the outbound mail gateway is unavailable in this environment")
    os.makedirs(OUTBOX, exist_ok=True)
    number = len([n for n in os.listdir(OUTBOX) if n.endswith(".eml")]) + 1
    name = f"message-{{number:04d}}.eml"
    with open(os.path.join(OUTBOX, name), "wb") as f:
        f.write(bytes(message))
    recipients = ", ".join(to + cc + bcc)
    print(f"Sent message {{number}} to {{recipients}} ({{len(args.attach)}} attachment(s)).")


if __name__ == "__main__":
    main()
'''


def mail_tool_source(sender: str, sender_name: str, domain: str) -> str:
    """Source of ``bin/send_mail``.

    Args:
        sender: The agent's own address (the From of every message).
        sender_name: Display name of the sender.
        domain: The company's mail domain (for Message-IDs).
    """
    return _TEMPLATE.format(sender=sender, sender_name=sender_name, domain=domain, outbox=OUTBOX)
