"""Signs a user in through a rendered superset_config.py the way Flask-AppBuilder 5.0.2 does with AUTH_LDAP.

Flask-AppBuilder cannot be installed here, so this follows its BaseSecurityManager line by line: the AUTH_LDAP_*
defaults of its __init__, then auth_user_ldap with _ldap_bind_indirect, _ldap_bind, _search_ldap and
_ldap_calculate_user_roles. Everything it talks to is real: python-ldap (libldap, with its TLS) and the slapd the test
started. Roles named in AUTH_ROLES_MAPPING or AUTH_USER_REGISTRATION_ROLE exist; the user is new unless `existing`.

Input (stdin): JSON {"config": text, "username": str, "password": str, "existing": bool}.
The process environment is the pod's. Output: JSON {"settings": {...}, "user": {...} or null, "log": [...]}.
"""
import json
import logging
import os
import sys

import ldap

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fab_login_probe import install_stand_ins  # noqa: E402

log = logging.getLogger("fab")
MESSAGES = []


class Keep(logging.Handler):
    def emit(self, record):
        MESSAGES.append("%s: %s" % (record.levelname, record.getMessage()))


# FAB 5.0.2 manager.py __init__, for AUTH_LDAP.
DEFAULTS = {
    "AUTH_LDAP_SEARCH": "", "AUTH_LDAP_SEARCH_FILTER": "", "AUTH_LDAP_APPEND_DOMAIN": "",
    "AUTH_LDAP_USERNAME_FORMAT": "", "AUTH_LDAP_BIND_USER": "", "AUTH_LDAP_BIND_PASSWORD": "",
    "AUTH_LDAP_USE_TLS": False, "AUTH_LDAP_ALLOW_SELF_SIGNED": False, "AUTH_LDAP_TLS_DEMAND": False,
    "AUTH_LDAP_TLS_CACERTDIR": "", "AUTH_LDAP_TLS_CACERTFILE": "", "AUTH_LDAP_TLS_CERTFILE": "",
    "AUTH_LDAP_TLS_KEYFILE": "", "AUTH_LDAP_UID_FIELD": "uid", "AUTH_LDAP_GROUP_FIELD": "memberOf",
    "AUTH_LDAP_FIRSTNAME_FIELD": "givenName", "AUTH_LDAP_LASTNAME_FIELD": "sn", "AUTH_LDAP_EMAIL_FIELD": "mail",
    "AUTH_ROLES_MAPPING": {}, "AUTH_ROLES_SYNC_AT_LOGIN": False, "AUTH_USER_REGISTRATION": False,
    "AUTH_USER_REGISTRATION_ROLE": "Public",
}


def extract(attrs, field, fallback):  # ldap_extract
    return attrs.get(field, [bytes()])[0].decode("utf-8") or fallback


def extract_list(attrs, field):  # ldap_extract_list
    return [x.decode("utf-8") for x in attrs.get(field, []) if x.decode("utf-8")]


def calculate_roles(c, attrs):  # _ldap_calculate_user_roles, every role existing
    roles = set()
    if len(c["AUTH_ROLES_MAPPING"]) > 0:
        keys = set(extract_list(attrs, c["AUTH_LDAP_GROUP_FIELD"]))
        for key, names in c["AUTH_ROLES_MAPPING"].items():
            if key in keys:
                roles.update(names)
    if c["AUTH_USER_REGISTRATION"]:
        roles.add(c["AUTH_USER_REGISTRATION_ROLE"])
    return sorted(roles)


def search(c, con, username):  # _search_ldap
    assert c["AUTH_LDAP_SEARCH"], "AUTH_LDAP_SEARCH must be set"
    if c["AUTH_LDAP_SEARCH_FILTER"]:
        filter_str = "(&{0}({1}={2}))".format(c["AUTH_LDAP_SEARCH_FILTER"], c["AUTH_LDAP_UID_FIELD"], username)
    else:
        filter_str = "({0}={1})".format(c["AUTH_LDAP_UID_FIELD"], username)
    fields = [c["AUTH_LDAP_FIRSTNAME_FIELD"], c["AUTH_LDAP_LASTNAME_FIELD"], c["AUTH_LDAP_EMAIL_FIELD"]]
    if len(c["AUTH_ROLES_MAPPING"]) > 0:
        fields.append(c["AUTH_LDAP_GROUP_FIELD"])
    raw = con.search_s(c["AUTH_LDAP_SEARCH"], ldap.SCOPE_SUBTREE, filter_str, fields)
    found = [(dn, attrs) for dn, attrs in raw if dn is not None and isinstance(attrs, dict)]
    if len(found) > 1:
        log.error("LDAP search for '%s' in scope '%s' returned multiple results", filter_str, c["AUTH_LDAP_SEARCH"])
        return None, None
    try:
        return found[0][0], found[0][1]
    except (IndexError, NameError):
        return None, None


def bind(con, dn, password):  # _ldap_bind
    try:
        con.simple_bind_s(dn, password)
        return True
    except ldap.INVALID_CREDENTIALS:
        return False


def auth_user_ldap(c, username, password, existing):
    if username is None or username == "":
        return None
    user = {"username": username, "roles": None} if existing else None
    if not user and not c["AUTH_USER_REGISTRATION"]:
        return None
    try:
        if c["AUTH_LDAP_TLS_CACERTDIR"]:
            ldap.set_option(ldap.OPT_X_TLS_CACERTDIR, c["AUTH_LDAP_TLS_CACERTDIR"])
        if c["AUTH_LDAP_TLS_CACERTFILE"]:
            ldap.set_option(ldap.OPT_X_TLS_CACERTFILE, c["AUTH_LDAP_TLS_CACERTFILE"])
        if c["AUTH_LDAP_TLS_CERTFILE"]:
            ldap.set_option(ldap.OPT_X_TLS_CERTFILE, c["AUTH_LDAP_TLS_CERTFILE"])
        if c["AUTH_LDAP_TLS_KEYFILE"]:
            ldap.set_option(ldap.OPT_X_TLS_KEYFILE, c["AUTH_LDAP_TLS_KEYFILE"])
        if c["AUTH_LDAP_ALLOW_SELF_SIGNED"]:
            ldap.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_ALLOW)
            ldap.set_option(ldap.OPT_X_TLS_NEWCTX, 0)
        elif c["AUTH_LDAP_TLS_DEMAND"]:
            ldap.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_DEMAND)
            ldap.set_option(ldap.OPT_X_TLS_NEWCTX, 0)
        con = ldap.initialize(c["AUTH_LDAP_SERVER"])
        con.set_option(ldap.OPT_REFERRALS, 0)
        if c["AUTH_LDAP_USE_TLS"]:
            try:
                con.start_tls_s()
            except Exception as e:
                log.error("StartTLS failed for %s: %s", c["AUTH_LDAP_SERVER"], e)
                return None
        user_dn, attrs = None, {}
        if c["AUTH_LDAP_BIND_USER"]:
            try:
                con.simple_bind_s(c["AUTH_LDAP_BIND_USER"], c["AUTH_LDAP_BIND_PASSWORD"])
            except ldap.INVALID_CREDENTIALS:
                log.error("AUTH_LDAP_BIND_USER and AUTH_LDAP_BIND_PASSWORD are not valid LDAP bind credentials")
                raise
            if not c["AUTH_LDAP_SEARCH"]:
                log.error("AUTH_LDAP_SEARCH must be set when using AUTH_LDAP_BIND_USER")
                return None
            user_dn, attrs = search(c, con, username)
            if user_dn is None:
                log.info("no LDAP object found for: %s", username)
                return None
            if not bind(con, user_dn, password):
                log.info("login failed for user: %s", username)
                return None
        else:
            bind_username = username
            if c["AUTH_LDAP_APPEND_DOMAIN"]:
                bind_username = bind_username + "@" + c["AUTH_LDAP_APPEND_DOMAIN"]
            if c["AUTH_LDAP_USERNAME_FORMAT"]:
                bind_username = c["AUTH_LDAP_USERNAME_FORMAT"] % bind_username
            if not bind(con, bind_username, password):
                log.info("login failed for user: %s", bind_username)
                return None
            if c["AUTH_LDAP_SEARCH"]:
                user_dn, attrs = search(c, con, username)
                if user_dn is None:
                    log.info("no LDAP object found for: %s", username)
                    return None
        if user and attrs and c["AUTH_ROLES_SYNC_AT_LOGIN"]:
            user["roles"] = calculate_roles(c, attrs)
        if not user and attrs and c["AUTH_USER_REGISTRATION"]:
            user = {
                "username": username,
                "first_name": extract(attrs, c["AUTH_LDAP_FIRSTNAME_FIELD"], ""),
                "last_name": extract(attrs, c["AUTH_LDAP_LASTNAME_FIELD"], ""),
                "email": extract(attrs, c["AUTH_LDAP_EMAIL_FIELD"], "%s@email.notfound" % username),
                "roles": calculate_roles(c, attrs),
            }
        if user:
            user["dn"] = user_dn
            return user
        return None
    except ldap.LDAPError as e:
        log.error(e)
        return None


def main():
    logging.basicConfig(level=logging.CRITICAL)
    log.addHandler(Keep())
    log.setLevel(logging.DEBUG)
    probe = json.load(sys.stdin)
    install_stand_ins()
    settings = {}
    exec(compile(probe["config"], "superset_config.py", "exec"), settings)
    config = dict(DEFAULTS)
    config.update({k: v for k, v in settings.items() if k.isupper()})
    user = auth_user_ldap(config, probe["username"], probe["password"], probe.get("existing", False))
    json.dump({"settings": {k: v for k, v in settings.items() if k.startswith("AUTH_")}, "user": user, "log": MESSAGES}, sys.stdout)


if __name__ == "__main__":
    main()
