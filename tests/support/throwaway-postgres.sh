# A throwaway PostgreSQL on 127.0.0.1 for the test and benchmark scripts (sourced, bash):
#
#   source tests/support/throwaway-postgres.sh
#   throwaway_pg_init gatehouse-tests        # scratch folder, initdb; stops and removes on exit
#   port="$(free_port 55432)"
#   throwaway_pg_start "$port" -c shared_buffers=256MB
#
# The data directory lives in "$scratch/data" and the socket in "$scratch". As root, the
# server runs as `postgres` (initdb refuses root): use "${as_postgres[@]}" for other server
# tools. A PgBouncer started with its pid file in "$scratch/pgbouncer.pid" is stopped too.

# The first port at or after $1 nothing listens on.
free_port() {
    local port
    for port in $(seq "$1" $(($1 + 200))); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    echo "no free port near $1" >&2
    return 1
}

throwaway_pg_cleanup() {
    set +e
    if [ -f "$scratch/pgbouncer.pid" ]; then
        kill "$(cat "$scratch/pgbouncer.pid")" 2>/dev/null
    fi
    if [ -d "$scratch/data" ]; then
        "${as_postgres[@]}" "$pgbin/pg_ctl" -D "$scratch/data" -m immediate stop >/dev/null 2>&1
    fi
    rm -rf "$scratch"
}

# Creates the scratch folder /tmp/$1.XXXXXX and an empty cluster in it (trust, UTF-8).
throwaway_pg_init() {
    pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    scratch="$(mktemp -d "/tmp/$1.XXXXXX")"
    chmod 755 "$scratch"
    as_postgres=()
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$scratch"
        as_postgres=(runuser -u postgres --)
    fi
    trap throwaway_pg_cleanup EXIT INT TERM
    "${as_postgres[@]}" "$pgbin/initdb" -D "$scratch/data" -U postgres -A trust -E UTF8 \
        --locale=C.UTF-8 >"$scratch/initdb.log" 2>&1 || { cat "$scratch/initdb.log"; return 1; }
}

# Starts the server on 127.0.0.1:$1 only, durability off (nothing here needs to survive a
# crash); further arguments are more server options (`-c name=value ...`).
throwaway_pg_start() {
    local port="$1"
    shift
    "${as_postgres[@]}" "$pgbin/pg_ctl" -D "$scratch/data" -l "$scratch/postgres.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $scratch -c fsync=off -c synchronous_commit=off -c full_page_writes=off $*" \
        start >/dev/null || { cat "$scratch/postgres.log"; return 1; }
}
