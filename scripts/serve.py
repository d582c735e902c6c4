#!/usr/bin/env python3
"""Static server for www/ with the production headers: CSP, application/wasm, nosniff.

    python3 scripts/serve.py [--port 8080] [--host 127.0.0.1] [--root www]
                             [--wasm-mime application/octet-stream]   # simulate a bad CDN
                             [--prefix /some/sub/path]                # simulate sub-path hosting
                             [--embed-from "https://news.example.com https://*.example.org"]

The Content-Security-Policy header is the page's own policy (read from the meta tag of
<root>/index.html, so the two never drift apart) plus `frame-ancestors`, which only a header can
carry: `'self'` by default (no other site may frame the calculator), or `'self'` and the sites
named with --embed-from or GONGJI_FRAME_ANCESTORS (space-separated origins such as
https://news.example.com, or https://*.example.com). `--embed-from '*'` lets any site frame it.
"""
import argparse
import functools
import http.server
import os
import re
import sys

# Used only when <root>/index.html has no CSP meta tag (it always has one in this repository).
FALLBACK_CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
                "img-src 'self' data:; connect-src 'self'; base-uri 'self'; form-action 'none'")
ORIGIN = re.compile(r"^https?://(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?$")


def page_csp(root):
    """The policy of the page's meta tag, so that the header says exactly the same."""
    try:
        with open(os.path.join(root, "index.html"), encoding="utf-8") as f:
            m = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', f.read())
        return m.group(1) if m else FALLBACK_CSP
    except OSError:
        return FALLBACK_CSP


def frame_ancestors(spec):
    """'self' plus the hosts allowed to embed the page; refuses anything that is not an origin."""
    sources = ["'self'"]
    for tok in (spec or "").split():
        t = tok.strip().rstrip("/").lower()
        if t == "*":
            return "*"
        if t in ("'self'", "self"):
            continue
        if not ORIGIN.match(t):
            raise ValueError("not a site address (like https://news.example.com): %r" % tok)
        if t not in sources:
            sources.append(t)
    return " ".join(sources)


def make_handler(root, wasm_mime, prefix, csp):
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
            self.send_header("Content-Security-Policy", csp)
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
    ap.add_argument("--embed-from", default=os.environ.get("GONGJI_FRAME_ANCESTORS", ""),
                    help="sites allowed to show the calculator in an iframe, space-separated "
                         "(default: none but this site; env GONGJI_FRAME_ANCESTORS)")
    a = ap.parse_args()
    prefix = a.prefix.rstrip("/")
    root = os.path.abspath(a.root)
    try:
        ancestors = frame_ancestors(a.embed_from)
    except ValueError as e:
        ap.error("--embed-from: %s" % e)
    csp = page_csp(root) + "; frame-ancestors " + ancestors
    if not os.path.exists(os.path.join(root, "pkg", "gongji_bg.wasm")):
        print("warning: %s/pkg is missing; run scripts/build-wasm.sh" % root, file=sys.stderr)
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    srv = http.server.ThreadingHTTPServer((a.host, a.port), make_handler(root, a.wasm_mime, prefix, csp))
    print("serving %s on http://%s:%d%s/ (wasm as %s; may be framed by %s)"
          % (root, a.host, srv.server_address[1], prefix, a.wasm_mime, ancestors), flush=True)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
