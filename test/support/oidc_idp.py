"""A throw-away OpenID Connect provider for tests, on 127.0.0.1:<argv[1]>, for the client argv[2] with secret argv[3].

It serves discovery, the signing keys, a token endpoint that authenticates the client (HTTP Basic) and a userinfo
endpoint. There is no login page: the test makes the authorization code itself, as urlsafe base64 of JSON
{"nonce": ..., "id_token": {claims}, "userinfo": {claims}}, and the token endpoint answers with an RS256 ID token
holding those claims plus iss, aud, nonce, iat and exp. The access token is the code, so userinfo can answer too.
"""
import base64
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

from authlib.jose import JsonWebKey, jwt

PORT, CLIENT_ID, CLIENT_SECRET = int(sys.argv[1]), sys.argv[2], sys.argv[3]
ISSUER = "http://127.0.0.1:%d/realms/bi" % PORT
KEY = JsonWebKey.generate_key("RSA", 2048, is_private=True, options={"kid": "k1"})
HITS = []


def decode_code(code):
    return json.loads(base64.urlsafe_b64decode(code.encode() + b"=" * (-len(code) % 4)))


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        HITS.append(["GET", self.path])
        if self.path == "/realms/bi/.well-known/openid-configuration":
            self.reply(200, {
                "issuer": ISSUER,
                "authorization_endpoint": ISSUER + "/protocol/openid-connect/auth",
                "token_endpoint": ISSUER + "/protocol/openid-connect/token",
                "userinfo_endpoint": ISSUER + "/protocol/openid-connect/userinfo",
                "jwks_uri": ISSUER + "/protocol/openid-connect/certs",
                "id_token_signing_alg_values_supported": ["RS256"],
            })
        elif self.path == "/realms/bi/protocol/openid-connect/certs":
            self.reply(200, {"keys": [KEY.as_dict(is_private=False, kid="k1", alg="RS256", use="sig")]})
        elif self.path == "/realms/bi/protocol/openid-connect/userinfo":
            auth = self.headers.get("Authorization", "")
            if not auth.startswith("Bearer "):
                self.reply(401, {"error": "invalid_token"})
                return
            self.reply(200, decode_code(auth[len("Bearer "):])["userinfo"])
        elif self.path == "/test/hits":
            self.reply(200, HITS)
        else:
            self.reply(404, {"error": "not_found"})

    def do_POST(self):
        form = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        HITS.append(["POST", self.path, sorted(form)])
        if self.path != "/realms/bi/protocol/openid-connect/token":
            self.reply(404, {"error": "not_found"})
            return
        expected = "Basic " + base64.b64encode(("%s:%s" % (CLIENT_ID, CLIENT_SECRET)).encode()).decode()
        if self.headers.get("Authorization") != expected:
            self.reply(401, {"error": "invalid_client"})
            return
        code = form["code"][0]
        grant = decode_code(code)
        now = int(time.time())
        claims = dict(grant["id_token"], iss=ISSUER, aud=CLIENT_ID, nonce=grant["nonce"], iat=now, exp=now + 300)
        id_token = jwt.encode({"alg": "RS256", "kid": "k1"}, claims, KEY).decode()
        self.reply(200, {"access_token": code, "token_type": "Bearer", "expires_in": 300, "id_token": id_token,
                         "redirect_uri_seen": form.get("redirect_uri", [""])[0],
                         "pkce_seen": "code_verifier" in form})


server = ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
print("listening", flush=True)
server.serve_forever()
