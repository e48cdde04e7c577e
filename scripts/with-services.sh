#!/usr/bin/env bash
# Start a throw-away PostgreSQL cluster (C.UTF-8) and Redis on loopback, run the given
# command with XIEZHI_DATABASE_URL / XIEZHI_REDIS_URL pointing at them, then stop both.
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
WORK=$(mktemp -d /tmp/xiezhi-services.XXXXXX)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PGPORT=$(free_port); REDISPORT=$(free_port)
RUNAS=()
if [ "$(id -u)" -eq 0 ]; then chown postgres "$WORK"; RUNAS=(runuser -u postgres --); fi

cleanup() {
  "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  [ -f "$WORK/redis.pid" ] && kill "$(cat "$WORK/redis.pid")" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

"${RUNAS[@]}" "$PGBIN/initdb" -D "$WORK/pg" -U postgres --auth=trust --locale=C.UTF-8 -E UTF8 >/dev/null
"${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w -o \
  "-p $PGPORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=512MB" start >/dev/null
"$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres xiezhi
redis-server --port "$REDISPORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
  --pidfile "$WORK/redis.pid" --dir "$WORK" --logfile "$WORK/redis.log"

export XIEZHI_DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/xiezhi"
export XIEZHI_REDIS_URL="redis://127.0.0.1:$REDISPORT/0"
export XIEZHI_VAR_DIR="$WORK/var"
echo "PostgreSQL on 127.0.0.1:$PGPORT, Redis on 127.0.0.1:$REDISPORT"
set +e
"$@"
rc=$?
exit $rc
