#!/usr/bin/env bash
# Build the committed GOV.UK Frontend assets under static/govuk/.
#
#   bash assets/build.sh          (from any directory)
#
# Needs Node >= 20 and npm (build time only; the app needs no Node at run time).
# Output (all of it regenerated from scratch on every run):
#   static/govuk/css/app.css                 Sass build of assets/scss/app.scss
#   static/govuk/js/govuk-frontend.min.js    GOV.UK Frontend ES module bundle
#   static/govuk/js/govuk-frontend.min.js.map  its source map (referenced by the bundle)
#   static/govuk/assets/...                  GOV.UK Frontend assets minus GOV.UK branding
# static/app/ is hand-written and not touched here.
set -euo pipefail

ASSETS_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(dirname -- "$ASSETS_DIR")"
OUT_DIR="$ROOT_DIR/static/govuk"
PKG_DIR="$ASSETS_DIR/node_modules/govuk-frontend/dist/govuk"

cd "$ASSETS_DIR"

# Exact versions from package-lock.json. No install scripts are needed
# (sass is pure JavaScript; the optional file watcher is not used).
npm ci --ignore-scripts --no-audit --no-fund

rm -rf "$OUT_DIR"
mkdir -p "$OUT_DIR/css" "$OUT_DIR/js"

# --- CSS -------------------------------------------------------------------
# GOV.UK Frontend 5 still uses @import and older Sass syntax; silence those
# deprecation warnings (from the dependency and the entry file's @import).
npx --no-install sass \
  --no-source-map \
  --style=compressed \
  --load-path=node_modules \
  --quiet-deps \
  --silence-deprecation=import \
  scss/app.scss "$OUT_DIR/css/app.css"

# --- JavaScript ------------------------------------------------------------
cp "$PKG_DIR/govuk-frontend.min.js" "$PKG_DIR/govuk-frontend.min.js.map" "$OUT_DIR/js/"

# --- Static assets ---------------------------------------------------------
# Excluded: the GDS Transport fonts and everything carrying the GOV.UK crown,
# crest or logo (favicons, app icons, Open Graph image, and the web app
# manifest that only lists those icons). They are licensed for GOV.UK only.
excluded=()
while IFS= read -r -d '' file; do
  rel="${file#"$PKG_DIR/assets/"}"
  name="$(basename -- "$rel")"
  case "$rel" in
    fonts/*) excluded+=("$rel"); continue ;;
  esac
  case "$name" in
    *crown* | *govuk-logo* | *govuk-crest* | favicon* | govuk-icon* | \
      govuk-opengraph* | manifest.json)
      excluded+=("$rel"); continue ;;
  esac
  mkdir -p "$OUT_DIR/assets/$(dirname -- "$rel")"
  cp "$file" "$OUT_DIR/assets/$rel"
done < <(find "$PKG_DIR/assets" -type f -print0 | LC_ALL=C sort -z)
echo "Excluded from static/govuk/assets/ (GOV.UK only): ${excluded[*]:-none}"

# --- Checks ----------------------------------------------------------------
css="$OUT_DIR/css/app.css"
if grep -q -i -e 'GDS Transport' -e '@font-face' "$css"; then
  echo "error: GDS Transport / @font-face found in $css" >&2
  exit 1
fi
if find "$OUT_DIR" -type f \( -iname '*crown*' -o -iname '*crest*' -o -iname '*govuk-logo*' \
  -o -iname 'favicon*' -o -iname '*.woff' -o -iname '*.woff2' \) | grep -q .; then
  echo "error: GOV.UK branded file or font found under $OUT_DIR" >&2
  exit 1
fi
# Every url() in the CSS must resolve to a file relative to the CSS file
# (Django's ManifestStaticFilesStorage fails on missing ones).
status=0
while IFS= read -r ref; do
  case "$ref" in
    data:* | '#'* | http:* | https:* | //*) continue ;;
  esac
  path="${ref%%[?#]*}"
  if [[ ! -f "$OUT_DIR/css/$path" ]]; then
    echo "error: $css references missing $ref" >&2
    status=1
  fi
done < <(grep -o 'url([^)]*)' "$css" | sed -e 's/^url(//' -e 's/)$//' -e "s/^[\"']//" -e "s/[\"']\$//" | sort -u)
exit "$status"
