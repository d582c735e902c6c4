#!/usr/bin/env python3
"""Static server for www/ with the production headers: CSP, application/wasm, nosniff.

    python3 scripts/serve.py [--port 8080] [--host 127.0.0.1] [--root www]
                             [--wasm-mime application/octet-stream]   # simulate a bad CDN
                             [--prefix /some/sub/path]                # simulate sub-path hosting
"""
import argparse
import functools
import http.server
import os
import sys

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
       "img-src 'self' data:; connect-src 'self'; frame-ancestors *; base-uri 'self'; form-action 'none'")


def make_handler(root, wasm_mime, prefix):
    class Handler(http.server.SimpleHTTPRequestHandler):
        extensions_map = {
            **http.server.SimpleHTTPRequestHandler.extensions_map,
            ".wasm": wasm_mime,
            ".js": "text/javascript",
            ".mjs": "text/javascript",
            ".json": "application/json",
            ".webmanifest": "application/manifest+json",
            ".svg": "image/svg+xml",
            ".html": "text/html; charset=utf-8",
            ".css": "text/css; charset=utf-8",
            ".ts": "text/plain; charset=utf-8",
        }

        def translate_path(self, path):
            if prefix:
                bare = path.split("?", 1)[0]
                if bare == prefix:
                    path = "/"
                elif path.startswith(prefix + "/"):
                    path = path[len(prefix):]
                else:
                    return os.path.join(root, "__outside_prefix__")
            return super().translate_path(path)

        def end_headers(self):
            self.send_header("Content-Security-Policy", CSP)
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Referrer-Policy", "no-referrer")
            self.send_header("Cache-Control", "no-cache")
            super().end_headers()

        def log_message(self, fmt, *args):
            if os.environ.get("GONGJI_SERVE_QUIET") != "1":
                super().log_message(fmt, *args)

    return functools.partial(Handler, directory=root)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8080)
    ap.add_argument("--root", default=os.path.join(here, "..", "www"))
    ap.add_argument("--wasm-mime", default="application/wasm")
    ap.add_argument("--prefix", default="", help="serve the site under this path, e.g. /a/b")
    a = ap.parse_args()
    prefix = a.prefix.rstrip("/")
    root = os.path.abspath(a.root)
    if not os.path.exists(os.path.join(root, "pkg", "gongji_bg.wasm")):
        print("warning: %s/pkg is missing; run scripts/build-wasm.sh" % root, file=sys.stderr)
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    srv = http.server.ThreadingHTTPServer((a.host, a.port), make_handler(root, a.wasm_mime, prefix))
    print("serving %s on http://%s:%d%s/ (wasm as %s)" % (root, a.host, srv.server_address[1], prefix, a.wasm_mime), flush=True)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
