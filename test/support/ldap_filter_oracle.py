"""Which search filters libldap accepts on their own, as `(&<filter>)`, and inside Flask-AppBuilder's composed filter,
`(&<filter>(uid=alice))`: a filter that only parses composed (one ending in `\`) swallows the composed part.

Input (stdin): JSON {"server": url, "dn": bind DN, "password": str, "base": search base, "filters": [str]}.
Output: JSON list, per filter, true when both searches ran and false when libldap or the server refused either.
"""
import json
import sys

import ldap

probe = json.load(sys.stdin)
con = ldap.initialize(probe["server"])
con.simple_bind_s(probe["dn"], probe["password"])
accepted = []
for text in probe["filters"]:
    try:
        for composed in ("(&{0})", "(&{0}(uid=alice))"):
            con.search_s(probe["base"], ldap.SCOPE_SUBTREE, composed.format(text), ["uid"])
        accepted.append(True)
    except (ldap.FILTER_ERROR, ldap.PROTOCOL_ERROR, ldap.INAPPROPRIATE_MATCHING, ldap.UNDEFINED_TYPE, ValueError):
        # ValueError: python-ldap refuses a NUL character before libldap sees the filter.
        accepted.append(False)
json.dump(accepted, sys.stdout)
