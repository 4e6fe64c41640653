#!/usr/bin/env bash
# Installs the Debian 12 packages Gatehouse needs to build, test and run. Idempotent: does
# nothing when everything is present. Uses sudo when not root.
set -euo pipefail

packages=(
    build-essential cmake pkg-config ccache dpkg-dev file appstream
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6svg6 libgl-dev
    libqscintilla2-qt6-dev
    libpqxx-dev libpq-dev
    libssl-dev # ClientIdentity reads PKCS#12 client identities (sslidentity)
    libsqlite3-dev # SqliteDatabase runs scripts through sqlite3's own parser
    postgresql pgbouncer
    fonts-dejavu-core
    # Saved passwords (QtKeychain); the keyring tests start GNOME Keyring on a private bus.
    qtkeychain-qt6-dev libsecret-1-0 gnome-keyring dbus-daemon dbus-bin
    openssl # tests/run-tests.sh makes the SSL certificates
)
# Optional extras: clang builds the parser fuzz target.
optional=(clang)

missing=()
for p in "${packages[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
for p in "${optional[@]}"; do
    $sudo apt-get install -y -qq --no-install-recommends "$p" >/dev/null 2>&1 || true
done
