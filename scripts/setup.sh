#!/usr/bin/env bash
# Installs what the build and the tests need, when it is missing (scripts/test.sh runs it first;
# the README's test command still does both on a fresh machine). Only package registries are
# used (apt, crates.io, npm); no browser is ever downloaded: Chromium and chromedriver come from
# Debian.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
say() { printf '\n==== %s\n' "$*"; }
die() { echo "setup.sh: $*" >&2; exit 1; }

say "prerequisites"
command -v cargo >/dev/null || die "cargo not found (install Rust with rustup)"
command -v node >/dev/null || die "node not found"
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown || die "cannot add the wasm32-unknown-unknown target"
fi
WB_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml | head -n1)
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WB_VERSION" ] \
   || [ "$(wasm-bindgen-test-runner --version 2>/dev/null || true)" != "wasm-bindgen-test-runner $WB_VERSION" ]; then
  echo "installing wasm-bindgen-cli $WB_VERSION"
  cargo install wasm-bindgen-cli --version "$WB_VERSION" || die "cannot install wasm-bindgen-cli $WB_VERSION"
fi
CHROMEDRIVER=${CHROMEDRIVER:-$(command -v chromedriver || echo /usr/bin/chromedriver)}
if [ ! -x /usr/bin/chromium ] || [ ! -x "$CHROMEDRIVER" ] || ! fc-list 2>/dev/null | grep -qi 'wqy'; then
  echo "installing chromium, chromium-driver and a CJK font from Debian"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium chromium-driver fonts-wqy-microhei \
    || die "cannot install chromium/chromium-driver"
  CHROMEDRIVER=$(command -v chromedriver || echo /usr/bin/chromedriver)
fi
# npm packages: whenever package-lock.json is newer than what npm last installed (npm keeps its
# own copy in node_modules/.package-lock.json), never by a hand-kept list of package names.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # playwright-core never downloads browsers by itself; make sure of it anyway.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund || die "npm ci failed"
fi
# Optional: nginx for the hosting suite (docs/HOSTING.md's recipe checked with nginx -t and served).
# Only where installing it starts no service (no systemd: a container or CI), from the package
# lists already present; never fatal (the suite then says it skipped).
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ] && [ ! -d /run/systemd/system ] && [ "${GONGJI_NO_NGINX:-}" != 1 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive timeout 120 $SUDO apt-get install -y --no-install-recommends nginx-light >/dev/null 2>&1 \
    && echo "installed nginx-light (for the hosting suite)" || echo "nginx-light not installed: the hosting suite will be skipped"
fi
for c in clippy rustfmt; do
  rustup component list --installed 2>/dev/null | grep -q "^$c" || rustup component add "$c" || die "cannot add the $c component"
done
