#!/usr/bin/env bash
# The whole test run (README's test command; .ci/run calls it). Installs what is missing
# (scripts/setup.sh), then runs every suite, continues past failures, prints a summary, and exits
# non-zero if any suite failed.
#
#   fmt           cargo fmt --all --check (rustfmt.toml)
#   clippy        cargo clippy -D warnings, native (the workspace, all targets) and wasm32 (the
#                 library, and the binding crate with its tests)
#   native        cargo test (unit, golden cases one test each, property tests)
#   divisions     data/divisions.json is what scripts/gen-divisions.mjs makes from the pinned package
#   wasm-build    scripts/build-wasm.sh: release build, wasm-bindgen, wasm-opt + MVP lowering,
#                 MVP-only validation, ES2017 glue
#   places-doc    docs/PLACES.md is what scripts/gen-places-md.mjs makes from `gongji regions`
#   es2017        every shipped JS file (www-dist/, the built site) parses as ES2017
#   wasm-node     wasm-bindgen-test (crates/gongji-wasm/tests/) in Node: golden cases + malformed-input stress
#   wasm-chromium the same tests in headless Chromium (chromedriver)
#   wasm-loading  the built package in Chromium under CSP, wrong .wasm MIME types, sub-path
#   types         scripts/check-types.mjs: www/pkg as an npm package (exports, types, files,
#                 npm pack), its gongji.d.ts checked with tsc --noEmit against every golden case
#   page-unit     node --test tests/page-unit/: the page's pure layer (www/js/model/) in Node, no
#                 browser (well under a second); its labels against the engine's ids; the layers
#   page          tests/browser/run.mjs, visitors.mjs, site.mjs, embed.mjs and fallback.mjs (the
#                 page's browser tests on node:test, on www-dist/)
#   hosting       scripts/check-hosting.mjs: docs/HOSTING.md's nginx recipe, nginx -t, then www-dist/
#                 served through it (headers per file kind, the page in Chromium); skipped without nginx
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
bash scripts/setup.sh || die "setup failed (scripts/setup.sh)"
CHROMEDRIVER=${CHROMEDRIVER:-$(command -v chromedriver || echo /usr/bin/chromedriver)}
export CHROMEDRIVER
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

clippy_all() {
  cargo clippy --workspace --all-targets -- -D warnings &&
  cargo clippy -p gongji --lib --target wasm32-unknown-unknown -- -D warnings &&
  cargo clippy -p gongji-wasm --all-targets --target wasm32-unknown-unknown -- -D warnings
}
# The binding crate's tests (crates/gongji-wasm/tests/; the golden list comes from its build.rs).
wasm_tests() {
  WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-600} \
    cargo test -p gongji-wasm --target wasm32-unknown-unknown
}
wasm_tests_chromium() {
  WASM_BINDGEN_USE_BROWSER=1 WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/scripts/webdriver.json" \
  WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-600} \
    cargo test -p gongji-wasm --target wasm32-unknown-unknown
}
# docs/PLACES.md is generated from `gongji regions` and docs/places-not-found.json: it must be current
places_doc() {
  node scripts/gen-places-md.mjs --check && node --test --test-reporter=dot scripts/gen-places-md.test.mjs
}
page_tests() {
  # the built site (www-dist/): the page as a person uses it, then the build's own checks; both
  # on node:test, one file after the other (one browser at a time); fails if either fails
  local rc=0
  node --test-reporter=spec --test-force-exit tests/browser/run.mjs || rc=1
  node --test-reporter=spec --test-force-exit tests/browser/visitors.mjs || rc=1
  node --test-reporter=spec --test-force-exit tests/browser/site.mjs || rc=1
  node --test-reporter=spec --test-force-exit tests/browser/embed.mjs || rc=1
  node --test-reporter=spec --test-force-exit tests/browser/fallback.mjs || rc=1
  return $rc
}

suite fmt           cargo fmt --all --check
suite clippy        clippy_all
suite native        cargo test
suite divisions     node scripts/gen-divisions.mjs --check
suite wasm-build    bash scripts/build-wasm.sh
suite places-doc    places_doc
suite es2017        node scripts/check-es2017.mjs www-dist
suite wasm-node     wasm_tests
suite wasm-chromium wasm_tests_chromium
if [[ " ${FAILED[*]} " == *" wasm-build "* ]]; then
  FAILED+=("page-unit" "wasm-loading" "types" "page" "hosting"); echo "page-unit, wasm-loading, types, page and hosting skipped: no wasm package"
else
  suite page-unit     node --test --test-reporter=spec tests/page-unit/
  suite wasm-loading  node scripts/check-wasm-loading.mjs
  suite types         node scripts/check-types.mjs
  suite page          page_tests
  suite hosting       node scripts/check-hosting.mjs
fi

say "summary"
[ ${#PASSED[@]} -gt 0 ] && echo "passed: ${PASSED[*]}"
[ ${#FAILED[@]} -gt 0 ] && echo "FAILED: ${FAILED[*]}"
echo "${#PASSED[@]} passed, ${#FAILED[@]} failed"
[ ${#FAILED[@]} -eq 0 ]
