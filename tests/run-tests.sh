#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what it needs, builds, starts a throwaway
# PostgreSQL (and PgBouncer in transaction mode in front of it) on 127.0.0.1, runs every CTest
# test, and stops the servers even when tests fail.
#
#   tests/run-tests.sh [ctest arguments...]      e.g. tests/run-tests.sh -L unit
#
# Environment: BUILD_DIR (default: build), JOBS (default: number of cores).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
jobs="${JOBS:-$(nproc)}"

"$root/packaging/install-deps.sh"

# The tests' build keeps line tables only (GATEHOUSE_DEBUG_INFO, see CMakeLists.txt): about 0.5 GB.
# Too little disk is said up front instead of leaving a linker's "No space left on device" as the
# only clue; a partly built tree needs less, so this warns and goes on.
disk="$build"
while [ ! -d "$disk" ]; do disk="$(dirname "$disk")"; done
free_mb="$(df -Pm "$disk" | awk 'NR == 2 { print $4 }')"
if [ "${free_mb:-0}" -lt 1024 ]; then
    echo "warning: ${free_mb} MB free under $disk; a full build and its tests need about 1 GB" >&2
fi

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGATEHOUSE_DEBUG_INFO=lines
cmake --build "$build" -j "$jobs"

# --- A throwaway PostgreSQL ---------------------------------------------------------------------
source "$root/tests/support/throwaway-postgres.sh"
throwaway_pg_init gatehouse-tests
pgport="$(free_port 55432)"
bouncerport="$(free_port $((pgport + 1)))"

# --- SSL (connection dialog, issue 7) ------------------------------------------------------------
# A throwaway CA signs a server certificate for both localhost and 127.0.0.1 (verify-full either
# way) and a client certificate for the role gatehouse_cert, which may only log in over SSL with
# it. A second CA signs nothing: the wrong-CA test uses it. Every other connection stays `trust`.
ssl="$scratch/ssl"
mkdir -p "$ssl"
make_ca() {
    openssl req -x509 -new -nodes -newkey rsa:2048 -days 2 -subj "/CN=$2" \
        -keyout "$ssl/$1.key" -out "$ssl/$1.crt" >/dev/null 2>&1
}
sign() {
    openssl req -new -nodes -newkey rsa:2048 -subj "/CN=$2" -keyout "$ssl/$1.key" \
        -out "$ssl/$1.csr" >/dev/null 2>&1
    openssl x509 -req -in "$ssl/$1.csr" -CA "$ssl/ca.crt" -CAkey "$ssl/ca.key" -CAcreateserial \
        -days 2 ${3:+-extfile "$3"} -out "$ssl/$1.crt" >/dev/null 2>&1
}
make_ca ca "Gatehouse Test CA"
make_ca wrong-ca "Gatehouse Wrong CA"
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' >"$ssl/server.ext"
sign server localhost "$ssl/server.ext"
sign client gatehouse_cert
# The same client as Prisma's sslidentity takes it: PKCS#12, with a password that needs encoding.
openssl pkcs12 -export -in "$ssl/client.crt" -inkey "$ssl/client.key" -passout 'pass:p12 s3cret&x' \
    -out "$ssl/client.p12"
chmod 600 "$ssl"/*.key
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$ssl/server.key" "$ssl/server.crt" "$ssl/ca.crt"
sed -i '1i hostssl all gatehouse_cert 127.0.0.1/32 cert' "$scratch/data/pg_hba.conf"
ssl_options="-c ssl=on -c ssl_cert_file=$ssl/server.crt -c ssl_key_file=$ssl/server.key -c ssl_ca_file=$ssl/ca.crt"
export GATEHOUSE_TEST_PG_SSL_CA="$ssl/ca.crt"
export GATEHOUSE_TEST_PG_SSL_WRONG_CA="$ssl/wrong-ca.crt"
export GATEHOUSE_TEST_PG_SSL_CLIENT_CERT="$ssl/client.crt"
export GATEHOUSE_TEST_PG_SSL_CLIENT_KEY="$ssl/client.key"
export GATEHOUSE_TEST_PG_SSL_CLIENT_P12="$ssl/client.p12"
export GATEHOUSE_TEST_PG_SSL_CLIENT_P12_PASSWORD="p12 s3cret&x"
export GATEHOUSE_TEST_PG_SSL_CERT_USER="gatehouse_cert"
# --- end of SSL ----------------------------------------------------------------------------------

throwaway_pg_start "$pgport" $ssl_options

"${as_postgres[@]}" "$pgbin/psql" -q -h "$scratch" -p "$pgport" -U postgres -d postgres \
    -c "CREATE ROLE gatehouse_cert LOGIN" >/dev/null # SSL: the client-certificate role

# PgBouncer in transaction pooling mode, the way large deployments run it.
cat >"$scratch/pgbouncer.ini" <<INI
[databases]
* = host=127.0.0.1 port=$pgport
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $bouncerport
unix_socket_dir =
auth_type = trust
auth_file = $scratch/userlist.txt
pool_mode = transaction
max_client_conn = 200
default_pool_size = 4
ignore_startup_parameters = extra_float_digits,options
logfile = $scratch/pgbouncer.log
pidfile = $scratch/pgbouncer.pid
INI
echo '"postgres" ""' >"$scratch/userlist.txt"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$scratch"/pgbouncer.ini "$scratch"/userlist.txt
"${as_postgres[@]}" pgbouncer -d "$scratch/pgbouncer.ini"
for _ in $(seq 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$bouncerport") 2>/dev/null && break
    sleep 0.1
done

export GATEHOUSE_TEST_PG_URL="postgresql://postgres@127.0.0.1:$pgport/postgres"
export GATEHOUSE_TEST_PGBOUNCER_URL="postgresql://postgres@127.0.0.1:$bouncerport/postgres?pgbouncer=true"
echo "PostgreSQL on 127.0.0.1:$pgport, PgBouncer (transaction mode) on 127.0.0.1:$bouncerport"

cd "$build"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j "$jobs" "$@"
