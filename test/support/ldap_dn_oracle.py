"""Which distinguished names libldap parses (ldap_str2dn, through python-ldap's ldap.dn.str2dn).

Input (stdin): JSON list of strings. Output: JSON list, per string, true when libldap parsed it. A value whose hex
escapes are not UTF-8 counts as parsed: libldap parsed it, python-ldap only failed to decode it afterwards.
"""
import json
import sys

import ldap.dn

parsed = []
for text in json.load(sys.stdin):
    try:
        ldap.dn.str2dn(text)
        parsed.append(True)
    except UnicodeDecodeError:
        parsed.append(True)
    except (ldap.DECODING_ERROR, ValueError):
        # ValueError: python-ldap refuses a NUL character before libldap sees the text.
        parsed.append(False)
json.dump(parsed, sys.stdout)
