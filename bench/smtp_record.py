#!/usr/bin/env python3
"""A small SMTP server for the delivery proofs: it writes one line per accepted message (recipient, Message-ID,
bytes) to a log before it answers 250, so a line means "the relay accepted it". It can refuse for a while:
--fail-seconds N answers every MAIL FROM with 451 for the first N seconds after it starts (a relay outage);
--keep DIR also writes each accepted message whole to DIR/<n>.eml (for scripts that read what was mailed).

usage: smtp_record.py PORT LOGFILE [--fail-seconds N] [--keep DIR]
"""
import asyncio
import sys
import time


def main():
    port, log_path = int(sys.argv[1]), sys.argv[2]
    fail_seconds = float(sys.argv[sys.argv.index('--fail-seconds') + 1]) if '--fail-seconds' in sys.argv else 0
    keep = sys.argv[sys.argv.index('--keep') + 1] if '--keep' in sys.argv else None
    kept = [0]
    started = time.monotonic()
    log = open(log_path, 'a', buffering=1)

    async def session(reader, writer):
        async def say(line):
            writer.write(line.encode() + b'\r\n')
            await writer.drain()

        await say('220 smtp-record ready')
        rcpts = []
        try:
            while True:
                line = await reader.readline()
                if not line:
                    return
                command = line.decode('latin-1').strip()
                verb = command[:4].upper()
                if verb in ('EHLO', 'HELO'):
                    await say('250-smtp-record\r\n250-8BITMIME\r\n250 SIZE 52428800' if verb == 'EHLO'
                              else '250 smtp-record')
                elif verb == 'MAIL':
                    if time.monotonic() - started < fail_seconds:
                        log.write('#refused\t451\t0\n')  # counted by the proofs, matches no recipient
                        await say('451 4.3.2 try again later')
                    else:
                        rcpts = []
                        await say('250 2.1.0 ok')
                elif verb == 'RCPT':
                    rcpts.append(command.split(':', 1)[1].strip().strip('<>').lower())
                    await say('250 2.1.5 ok')
                elif verb == 'DATA':
                    await say('354 go ahead')
                    data = await reader.readuntil(b'\r\n.\r\n')
                    message_id = ''
                    for header in data.split(b'\r\n\r\n', 1)[0].split(b'\r\n'):
                        if header.lower().startswith(b'message-id:'):
                            message_id = header.split(b':', 1)[1].strip().decode('latin-1')
                            break
                    if keep:
                        kept[0] += 1
                        with open(f'{keep}/{kept[0]}.eml', 'wb') as eml:
                            eml.write(data[:-5].replace(b'\r\n..', b'\r\n.'))
                    for rcpt in rcpts:
                        log.write(f'{rcpt}\t{message_id}\t{len(data) - 3}\n')
                    rcpts = []
                    await say('250 2.0.0 queued')
                elif verb == 'RSET':
                    rcpts = []
                    await say('250 2.0.0 ok')
                elif verb == 'NOOP':
                    await say('250 2.0.0 ok')
                elif verb == 'QUIT':
                    await say('221 2.0.0 bye')
                    return
                else:
                    await say('502 5.5.2 not implemented')
        except (ConnectionError, asyncio.IncompleteReadError):
            return
        finally:
            writer.close()

    async def serve():
        server = await asyncio.start_server(session, '127.0.0.1', port, limit=64 * 1024 * 1024)
        async with server:
            await server.serve_forever()

    asyncio.run(serve())


if __name__ == '__main__':
    main()
