#!/usr/bin/env bash
# Regenerates the README's screenshots from the demo project with `gatehouse --screenshot`.
#   packaging/make-screenshots.sh [BUILD_DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build}"
out="$root/resources/screenshots"
mkdir -p "$out"
# A scratch data folder: the demo is created fresh, so the pictures do not depend on this machine.
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
export XDG_DATA_HOME="$data" QT_QPA_PLATFORM=offscreen
for view in $("$build/app/gatehouse" --help | sed -n 's/.*The view to show: \(.*\)\./\1/p' | tr -d ','); do
    "$build/app/gatehouse" --demo --view "$view" --screenshot "$out/$view.png" 2>/dev/null
    echo "$out/$view.png"
done
