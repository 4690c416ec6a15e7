#!/usr/bin/python3
"""Verify the DKIM signature of a mail file with dkimpy (Debian: python3-dkim).

  deploy/dkim-check.py MAIL.eml                # the key from DNS, as a receiving server does
  deploy/dkim-check.py MAIL.eml RECORD.txt     # the key from a TXT record's text ("v=DKIM1; k=rsa; p=...")

The second form checks a key before its record is published (or an outbox mail, data/outbox/*.eml): the record is
served to dkimpy in place of DNS for whatever <selector>._domainkey.<domain> the signature names.
"""
import sys

import dkim

message = open(sys.argv[1], "rb").read()
dnsfunc = None
if len(sys.argv) > 2:
    record = open(sys.argv[2], "rb").read().strip()

    def dnsfunc(name, timeout=5):
        print("DNS TXT %s -> the record from %s" % (name.decode() if isinstance(name, bytes) else name, sys.argv[2]))
        return record

verifier = dkim.DKIM(message)
ok = verifier.verify(dnsfunc=dnsfunc) if dnsfunc else verifier.verify()

print("dkim: %s" % ("pass" if ok else "FAIL"))
sys.exit(0 if ok else 1)
