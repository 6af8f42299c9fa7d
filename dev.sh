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
case "${1:-}" in
    demo) shift; exec "$venv/bin/sitrep" demo "$@" ;;
    test) shift; exec "$venv/bin/python" -m pytest "$@" ;;
    setup) ;;
    *) echo "usage: ./dev.sh demo|test|setup" >&2; exit 2 ;;
esac
