#!/usr/bin/env bash
# Builds the wasm package and the site, and serves www-dist/ (the built site) on http://127.0.0.1:8080 with the production headers
# (CSP, application/wasm). Extra arguments go to scripts/server.mjs (Node), e.g.
#   scripts/serve.sh --port 9000
#   scripts/serve.sh --wasm-mime application/octet-stream --prefix /news/tools/gongji
#   scripts/serve.sh --embed-from "https://news.example.com"   # sites allowed to frame it
# The CSP header is the page's policy (scripts/server.mjs, = the page's meta tag) plus
# frame-ancestors: 'self' unless --embed-from (or GONGJI_FRAME_ANCESTORS) names the sites that
# embed the calculator.
# Set GONGJI_SKIP_BUILD=1 to serve the existing www-dist/; --root www serves the sources as they
# are (unminified, no prerendered answer, the service worker caches nothing).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${GONGJI_SKIP_BUILD:-}" != 1 ]; then
  bash scripts/build-wasm.sh
fi
exec node scripts/server.mjs --root www-dist "$@"
