#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A real SMTP server for tests (Debian's python3-aiosmtpd), driven by tests/support/SmtpSink.

    smtp_sink.py <folder> [<user> <password>]

Listens on 127.0.0.1 on a free port and prints "listening on <port>" once it accepts connections.
Each accepted message becomes <folder>/<n>.json, decoded by Python's own email package (an
implementation independent of the server's encoder): envelope, decoded headers, the raw header
values as they travelled, and the decoded text body.

With a user and password the sink demands SMTP AUTH (PLAIN or LOGIN; over plain TCP, as this is a
loopback test) and refuses mail from a client that did not log in with exactly those.

Behaviour switches are files in <folder>, read per message so a test can flip them at any time:
  refuse  — answer DATA with "550 5.7.1 Refused by the test sink"
  delay   — holds a number of seconds to wait before answering DATA (a slow mail server)
"""

import asyncio
import email
import email.policy
import json
import os
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    def _flag(self, name):
        path = os.path.join(self.folder, name)
        if not os.path.exists(path):
            return None
        with open(path, encoding="utf-8") as f:
            return f.read().strip()

    async def handle_DATA(self, server, session, envelope):
        delay = self._flag("delay")
        if delay:
            await asyncio.sleep(float(delay))
        if self._flag("refuse") is not None:
            return "550 5.7.1 Refused by the test sink"
        data = envelope.original_content or b""
        parsed = email.message_from_bytes(data, policy=email.policy.default)
        raw = email.message_from_bytes(data, policy=email.policy.compat32)
        body_part = parsed.get_body(preferencelist=("plain",))
        record = {
            "mailFrom": envelope.mail_from,
            "rcptTo": list(envelope.rcpt_tos),
            "headers": {k: str(v) for k, v in parsed.items()},
            "rawHeaders": {k: str(v) for k, v in raw.items()},
            # Text travels in canonical form (CRLF line ends, RFC 2046) inside base64 too; a mail
            # client shows plain line ends.
            "body": body_part.get_content().replace("\r\n", "\n") if body_part is not None else "",
            "sevenBit": all(b < 128 for b in data),
            "crlfOnly": b"\n" not in data.replace(b"\r\n", b""),
        }
        self.count += 1
        name = os.path.join(self.folder, "%04d.json" % self.count)
        with open(name + ".tmp", "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.replace(name + ".tmp", name)  # the reader never sees half a file
        return "250 2.0.0 Accepted"


def authenticator_for(user, password):
    def check(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login == user.encode()
              and auth_data.password == password.encode())
        return AuthResult(success=ok)
    return check


async def main(folder, login):
    sink = Sink(folder)
    loop = asyncio.get_running_loop()
    options = {"hostname": "sink.test", "enable_SMTPUTF8": True}
    if login:
        options.update(auth_required=True, auth_require_tls=False,
                       authenticator=authenticator_for(*login))
    server = await loop.create_server(lambda: SMTP(sink, **options), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print("listening on %d" % port, flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2:4] if len(sys.argv) >= 4 else None))
