"""Signs a user in through a rendered superset_config.py the way Superset 6.1 / Flask-AppBuilder 5.0.2 would.

Flask-AppBuilder and Superset cannot be installed here (no Debian package, no network for pip), so this file puts
small stand-ins in their place: `flask_appbuilder.security.manager` with FAB's AUTH_* constants, and
`superset.security.SupersetSecurityManager` doing what FAB's BaseSecurityManager does for OAuth (register every
OAUTH_PROVIDERS entry with authlib's Flask client as `oauth.register(name, **remote_app)`, use
`self.get_oauth_user_info` for user info, and raise for provider names it does not know). Everything else is real:
authlib, Flask, Werkzeug's ProxyFix, requests, and the IdP at argv[1] (test/support/oidc_idp.py).

Input (stdin): JSON {"config": text, "provider": name or null for the settings only, "headers": {...}, "id_token": {...}, "userinfo": {...}}.
The process environment is the pod's. Output: JSON with the settings, the authorize redirect, the token exchange
and the user info the security manager returns.
"""
import base64
import json
import sys
import types
from urllib.parse import parse_qs, urlparse

from authlib.integrations.flask_client import OAuth
from authlib.integrations.flask_client.apps import FlaskOAuth2App
from flask import Flask, jsonify, request, url_for
from werkzeug.middleware.proxy_fix import ProxyFix


class OAuthProviderUnknown(Exception):
    pass


class SupersetSecurityManager:
    """Stand-in for FAB 5.0.2's BaseSecurityManager OAuth set-up (manager.py __init__) and its name dispatch."""

    def __init__(self, app):
        self.oauth = OAuth(app)
        self.oauth_remotes = {}
        for provider in app.config["OAUTH_PROVIDERS"]:
            self.oauth_remotes[provider["name"]] = self.oauth.register(provider["name"], **provider["remote_app"])
        self.oauth_user_info = self.get_oauth_user_info

    def get_oauth_user_info(self, provider, resp):
        raise OAuthProviderUnknown(provider)


def install_stand_ins():
    manager = types.ModuleType("flask_appbuilder.security.manager")
    manager.AUTH_DB, manager.AUTH_LDAP, manager.AUTH_REMOTE_USER, manager.AUTH_OAUTH = 1, 2, 3, 4
    security = types.ModuleType("superset.security")
    security.SupersetSecurityManager = SupersetSecurityManager
    for name, module in {
        "flask_appbuilder": types.ModuleType("flask_appbuilder"),
        "flask_appbuilder.security": types.ModuleType("flask_appbuilder.security"),
        "flask_appbuilder.security.manager": manager,
        "superset": types.ModuleType("superset"),
        "superset.security": security,
    }.items():
        sys.modules[name] = module


SETTINGS = ("AUTH_", "ENABLE_PROXY", "PROXY_FIX", "PREFERRED_URL", "SESSION_COOKIE_SECURE", "WEBDRIVER_BASEURL")


def encode(value):
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


def main():
    idp_base = sys.argv[1]
    probe = json.load(sys.stdin)
    install_stand_ins()
    settings = {}
    exec(compile(probe["config"], "superset_config.py", "exec"), settings)
    app = Flask("superset")
    app.config.update({k: v for k, v in settings.items() if k.isupper()})
    # Superset's configure_middlewares, before anything else wraps the app.
    if app.config.get("ENABLE_PROXY_FIX"):
        app.wsgi_app = ProxyFix(app.wsgi_app, **app.config["PROXY_FIX_CONFIG"])
    settings_out = {k: v for k, v in settings.items() if k.startswith(SETTINGS)}
    if probe.get("provider") is None:  # no OAuth (LDAP, or proxy settings only): the settings are the result
        json.dump({"settings": settings_out}, sys.stdout)
        return
    sm = app.config["CUSTOM_SECURITY_MANAGER"](app)
    provider = probe["provider"]
    entry = next(p for p in app.config["OAUTH_PROVIDERS"] if p["name"] == provider)

    @app.route("/login/<provider>")
    def login(provider):  # FAB's AuthOAuthView.login
        return sm.oauth_remotes[provider].authorize_redirect(
            redirect_uri=url_for("oauth_authorized", provider=provider, _external=True), state="st-1")

    @app.route("/oauth-authorized/<provider>")
    def oauth_authorized(provider):  # FAB's AuthOAuthView.oauth_authorized, up to auth_user_oauth
        resp = sm.oauth_remotes[provider].authorize_access_token()
        token = resp[entry["token_key"]]  # FAB's set_oauth_session
        return jsonify({"token_key_present": bool(token), "token": {k: resp.get(k) for k in ("redirect_uri_seen", "pkce_seen")},
                        "id_token_claims": "userinfo" in resp, "user": sm.oauth_user_info(provider, resp)})

    with app.test_client() as client:
        login_resp = client.get("/login/%s" % provider, headers=probe["headers"])
        location = login_resp.headers["Location"]
        query = parse_qs(urlparse(location).query)
        code = encode({"nonce": query["nonce"][0], "id_token": probe["id_token"], "userinfo": probe["userinfo"]})
        done = client.get("/oauth-authorized/%s?code=%s&state=%s" % (provider, code, query["state"][0]),
                          headers=probe["headers"])
        if done.status_code != 200:
            raise SystemExit("callback failed: %s %s" % (done.status_code, done.get_data(as_text=True)))
    json.dump({
        "client_class": type(sm.oauth_remotes[provider]).__name__,
        "is_oauth2_app": isinstance(sm.oauth_remotes[provider], FlaskOAuth2App),
        "client_secret": sm.oauth_remotes[provider].client_secret,
        "settings": settings_out,
        "authorize_status": login_resp.status_code,
        "authorize_location": location.split("?")[0],
        "authorize_query": {k: v[0] for k, v in query.items() if k not in ("nonce", "state", "code_challenge")},
        "callback": done.get_json(),
    }, sys.stdout)


if __name__ == "__main__":
    main()
