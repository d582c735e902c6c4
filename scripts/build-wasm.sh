#!/usr/bin/env bash
# Builds the WebAssembly package into www/pkg (gitignored), then the site into www-dist/:
#   cargo (crates/gongji-wasm, release, size profile) -> wasm-bindgen --target web -> wasm-opt -Oz with the MVP
#   lowering passes -> MVP validation (fails the build otherwise) -> ES2017 glue -> types;
#   then the native CLI (for the prerendered first answer) and scripts/build-site.mjs: bundled,
#   minified scripts (esbuild), the first screen prerendered, the service worker's manifest.
#   www-dist/ is what ships, what scripts/serve.sh serves and what the page tests load.
# Needs: the wasm32-unknown-unknown target, wasm-bindgen-cli of the exact version pinned in
# Cargo.toml (installed here when missing), node + npm (binaryen's wasm-opt and acorn from
# package.json; installed here when missing). Usage: scripts/build-wasm.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${GONGJI_PKG_OUT:-www/pkg}
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf '== %s\n' "$*"; }

# --- tools ------------------------------------------------------------------------------------
WB_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml | head -n1)
[ -n "$WB_VERSION" ] || { echo "cannot read the pinned wasm-bindgen version from Cargo.toml" >&2; exit 1; }
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WB_VERSION" ]; then
  log "installing wasm-bindgen-cli $WB_VERSION"
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/acorn ] || [ ! -d node_modules/esbuild ] || [ ! -d node_modules/linkedom ]; then
  log "installing npm dev dependencies (binaryen, acorn, esbuild, linkedom, ...)"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi
WASM_OPT=$ROOT/node_modules/.bin/wasm-opt
WASM_DIS=$ROOT/node_modules/.bin/wasm-dis

# --- build ------------------------------------------------------------------------------------
log "cargo build -p gongji-wasm (release, wasm32; rustflags from .cargo/config.toml)"
cargo build -p gongji-wasm --lib --release --target wasm32-unknown-unknown
RAW=target/wasm32-unknown-unknown/release/gongji_wasm.wasm

log "wasm-bindgen --target web --out-name gongji"
rm -rf "$OUT"
mkdir -p "$OUT"
wasm-bindgen --target web --out-name gongji --out-dir "$OUT" "$RAW"
if grep -q externref <("$WASM_DIS" "$OUT/gongji_bg.wasm" 2>/dev/null); then
  echo "FAIL: wasm-bindgen produced externref (reference types); check .cargo/config.toml rustflags" >&2
  exit 1
fi

# --- optimise and lower to MVP ----------------------------------------------------------------
# Input features are the ones rustc may emit without reference types; the lowering passes
# rewrite sign-extension ops, memory.copy/fill and saturating float-to-int into MVP code.
log "wasm-opt -Oz + MVP lowering ($("$WASM_OPT" --version))"
"$WASM_OPT" \
  --enable-bulk-memory --enable-bulk-memory-opt --enable-sign-ext \
  --enable-nontrapping-float-to-int --enable-mutable-globals \
  --llvm-memory-copy-fill-lowering --llvm-nontrapping-fptoint-lowering --signext-lowering \
  "${GONGJI_WASM_OPT:--Oz}" \
  --strip-debug --strip-producers --strip-target-features \
  "$OUT/gongji_bg.wasm" -o "$OUT/gongji_bg.opt.wasm"
mv "$OUT/gongji_bg.opt.wasm" "$OUT/gongji_bg.wasm"

# --- verify: MVP only ---------------------------------------------------------------------------
log "validating with MVP features only"
# 1. binaryen's validator with every post-MVP feature disabled. (The target_features section,
#    which binaryen would otherwise honour, was stripped above.)
if ! "$WASM_OPT" --mvp-features "$OUT/gongji_bg.wasm" -o /dev/null >/tmp/gongji-mvp.log 2>&1; then
  head -n 40 /tmp/gongji-mvp.log >&2
  echo "FAIL: $OUT/gongji_bg.wasm does not validate with MVP features only" >&2
  exit 1
fi
# 2. an independent look at the disassembly for post-MVP instructions and types.
POST_MVP='memory\.(copy|fill|init)|data\.drop|\.extend(8|16|32)_s|trunc_sat|externref|funcref|ref\.(null|func|is_null)|table\.(get|set|grow|size|fill)|v128|i8x16|return_call|\(result [a-z0-9]+ [a-z0-9]+\)|\(tag |try |throw |memory64|atomic'
# (The one MVP function table, `(table $0 N M funcref)`, is not a post-MVP feature.)
"$WASM_DIS" "$OUT/gongji_bg.wasm" 2>/dev/null | grep -Ev '^ \(table \$[0-9]+ [0-9]+( [0-9]+)? funcref\)$' > /tmp/gongji-dis.wat
if grep -Eq "$POST_MVP" /tmp/gongji-dis.wat; then
  grep -Eo "$POST_MVP" /tmp/gongji-dis.wat | sort | uniq -c | head -n 20 >&2
  echo "FAIL: post-MVP instructions left in $OUT/gongji_bg.wasm" >&2
  exit 1
fi
if "$WASM_DIS" "$OUT/gongji_bg.wasm" 2>/dev/null | grep -E '^ \(import ' | grep -Eq '\(global|\(table'; then
  echo "FAIL: the module imports a global or table (mutable-globals / reference types)" >&2
  exit 1
fi
echo "MVP validation passed: $OUT/gongji_bg.wasm"

# --- glue: ES2017, wrong MIME type, sub-path hosting -------------------------------------------
node scripts/postprocess-glue.mjs "$OUT/gongji.js"

# --- the engine as JavaScript, for browsers that refuse or lack WebAssembly ---------------------
# binaryen's wasm2js of the same optimized module, wrapped as a classic script (loaded by the page
# only when WebAssembly fails: js/engine-load.js). Not part of the npm package.
log "wasm2js: the same module as JavaScript ($OUT/gongji_fallback.js)"
"$ROOT/node_modules/.bin/wasm2js" "$OUT/gongji_bg.wasm" -Oz -o "$OUT/gongji_fallback.raw.mjs"
node scripts/wasm2js-fallback.mjs "$OUT/gongji_fallback.raw.mjs" "$OUT/gongji_fallback.js"
rm -f "$OUT/gongji_fallback.raw.mjs"
node scripts/check-es2017.mjs "$OUT"

# --- package: hand-written types, Node entry, package.json, README, licenses -------------------
cp crates/gongji-wasm/pkg/gongji.d.ts crates/gongji-wasm/pkg/gongji.node.js LICENSE-MIT LICENSE-APACHE "$OUT/"
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
sed "s/\"version\": \"0.0.0\"/\"version\": \"$VERSION\"/" crates/gongji-wasm/pkg/package.json > "$OUT/package.json"
sed "s/__VERSION__/$VERSION/" crates/gongji-wasm/pkg/README.md > "$OUT/README.md"
rm -f "$OUT/gongji_bg.wasm.d.ts"   # the raw exports' types (they need the DOM library); not for users
rm -f "$OUT/.gitignore"

RAW_SIZE=$(wc -c < "$OUT/gongji_bg.wasm")
GZ_SIZE=$(gzip -9c "$OUT/gongji_bg.wasm" | wc -c)
JS_SIZE=$(wc -c < "$OUT/gongji.js")
log "done: $OUT/gongji_bg.wasm ${RAW_SIZE} bytes (${GZ_SIZE} gzipped), gongji.js ${JS_SIZE} bytes"

# --- the site: www-dist/ ------------------------------------------------------------------------
if [ "$OUT" = www/pkg ] && [ "${GONGJI_SKIP_SITE:-}" != 1 ]; then
  log "native CLI for the prerendered first answer (cargo build --release --bin gongji)"
  cargo build --release --bin gongji
  log "site: www/ -> www-dist/ (scripts/build-site.mjs)"
  node scripts/build-site.mjs
  node scripts/check-es2017.mjs www-dist
fi
