# Starts and stops a throwaway PostgreSQL cluster under a temporary folder on a free loopback port.
# Source it, then call pg_start (sets PGPORT and PGTMP) and pg_stop.
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

pg_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

pg_run() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  PGTMP=$(mktemp -d /tmp/casemgmt-pg.XXXXXX)
  PGPORT=$(pg_free_port)
  mkdir -p "$PGTMP/data" "$PGTMP/socket"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$PGTMP"; fi
  pg_run "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >"$PGTMP/initdb.log" 2>&1 \
    || { cat "$PGTMP/initdb.log"; return 1; }
  pg_run "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGTMP/socket -c fsync=off -c max_connections=200" start >/dev/null \
    || { cat "$PGTMP/server.log"; return 1; }
  export PGPORT PGTMP
  echo "ci: PostgreSQL listening on 127.0.0.1:$PGPORT"
}

pg_stop() {
  if [ -n "${PGTMP:-}" ] && [ -d "$PGTMP/data" ]; then
    pg_run "$PGBIN/pg_ctl" -D "$PGTMP/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$PGTMP"
  fi
}
