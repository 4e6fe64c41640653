#!/usr/bin/env bash
# Builds the .deb with CPack, unpacks it into a scratch root and runs what it installed:
# `gatehouse-cli --version` and `gatehouse --demo --screenshot`. Registered as a CTest test.
#   packaging/test-deb.sh BUILD_DIR
set -euo pipefail
build="$(cd "$1" && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

(cd "$build" && cpack -G DEB -B "$scratch/out" >"$scratch/cpack.log" 2>&1) || { cat "$scratch/cpack.log"; exit 1; }
deb="$(ls "$scratch"/out/*.deb)"
echo "built $(basename "$deb")"

depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
for needed in libqt6widgets6 libpqxx libqt6sql6-sqlite; do
    grep -q "$needed" <<<"$depends" || { echo "missing dependency $needed" >&2; exit 1; }
done

root="$scratch/root"
dpkg-deb -x "$deb" "$root"
for f in usr/bin/gatehouse usr/bin/gatehouse-cli \
         usr/share/applications/io.github.gatehouse.Gatehouse.desktop \
         usr/share/metainfo/io.github.gatehouse.Gatehouse.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/io.github.gatehouse.Gatehouse.svg; do
    [ -f "$root/$f" ] || { echo "the package lacks /$f" >&2; exit 1; }
done
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.gatehouse.Gatehouse.metainfo.xml"
fi

# Every library the binaries need must resolve (dpkg-shlibdeps put their packages in Depends).
if ldd "$root/usr/bin/gatehouse" "$root/usr/bin/gatehouse-cli" | grep "not found"; then
    echo "unresolved libraries" >&2
    exit 1
fi
"$root/usr/bin/gatehouse-cli" --version
XDG_DATA_HOME="$scratch/data" QT_QPA_PLATFORM=offscreen \
    "$root/usr/bin/gatehouse" --demo --screenshot "$scratch/demo.png" 2>/dev/null
[ -s "$scratch/demo.png" ] || { echo "the installed gatehouse wrote no screenshot" >&2; exit 1; }
echo "installed binaries ran: screenshot $(stat -c %s "$scratch/demo.png") bytes"
