#!/usr/bin/env bash
# The whole test run (README's test command; .ci/run calls it). Installs what is missing, then runs
# every suite, continues past failures, prints a summary, and exits non-zero if any suite failed.
#
#   native        cargo test (unit, golden cases, property tests)
#   wasm-build    scripts/build-wasm.sh: release build, wasm-bindgen, wasm-opt + MVP lowering,
#                 MVP-only validation, ES2017 glue
#   es2017        every shipped JS file (www-dist/, the built site) parses as ES2017
#   wasm-node     wasm-bindgen-test (tests/wasm_binding/tests.rs) in Node: golden cases + malformed-input stress
#   wasm-chromium the same tests in headless Chromium (chromedriver)
#   wasm-loading  the built package in Chromium under CSP, wrong .wasm MIME types, sub-path
#   page          node tests/browser/run.mjs and site.mjs (the page's browser tests, on www-dist/)
#
# Only package registries are used (apt, crates.io, npm); no browser is ever downloaded:
# Chromium and chromedriver come from Debian. Set GONGJI_TEST_ONLY="native wasm-node" to run
# some suites only.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

say() { printf '\n==== %s\n' "$*"; }
die() { echo "test.sh: $*" >&2; exit 1; }

# ------------------------------------------------------------------------- prerequisites
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
export CHROMEDRIVER
if [ ! -d node_modules/binaryen ] || [ ! -d node_modules/acorn ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] || [ ! -d node_modules/esbuild ] || [ ! -d node_modules/linkedom ]; then
  # playwright-core never downloads browsers by itself; make sure of it anyway.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund || die "npm ci failed"
fi
bash scripts/gen-wasm-golden-list.sh || die "cannot list the golden cases"
echo "rustc: $(rustc --version); $(wasm-bindgen --version); node $(node --version); $(/usr/bin/chromium --version 2>/dev/null); chromedriver: $CHROMEDRIVER"

# ------------------------------------------------------------------------- suites
PASSED=(); FAILED=()
wanted() { [ -z "${GONGJI_TEST_ONLY:-}" ] || [[ " $GONGJI_TEST_ONLY " == *" $1 "* ]]; }
suite() {
  local name=$1; shift
  wanted "$name" || return 0
  say "$name: $*"
  local t0=$SECONDS
  if "$@"; then PASSED+=("$name"); echo "---- $name passed ($((SECONDS - t0)) s)";
  else FAILED+=("$name"); echo "---- $name FAILED ($((SECONDS - t0)) s)"; fi
}

wasm_tests() {
  bash scripts/gen-wasm-golden-list.sh &&
  WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-600} \
    cargo test --lib --target wasm32-unknown-unknown
}
wasm_tests_chromium() {
  bash scripts/gen-wasm-golden-list.sh &&
  WASM_BINDGEN_USE_BROWSER=1 WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/scripts/webdriver.json" \
  WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-600} \
    cargo test --lib --target wasm32-unknown-unknown
}
page_tests() {
  # the built site (www-dist/): the page as a person uses it, then the build's own checks
  node tests/browser/run.mjs && node tests/browser/site.mjs
}

suite native        cargo test
suite wasm-build    bash scripts/build-wasm.sh
suite es2017        node scripts/check-es2017.mjs www-dist
suite wasm-node     wasm_tests
suite wasm-chromium wasm_tests_chromium
if [[ " ${FAILED[*]} " == *" wasm-build "* ]]; then
  FAILED+=("wasm-loading" "page"); echo "wasm-loading and page skipped: no wasm package"
else
  suite wasm-loading  node scripts/check-wasm-loading.mjs
  suite page          page_tests
fi

say "summary"
[ ${#PASSED[@]} -gt 0 ] && echo "passed: ${PASSED[*]}"
[ ${#FAILED[@]} -gt 0 ] && echo "FAILED: ${FAILED[*]}"
echo "${#PASSED[@]} passed, ${#FAILED[@]} failed"
[ ${#FAILED[@]} -eq 0 ]
