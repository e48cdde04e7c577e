#!/usr/bin/env bash
# `make serve`: the production profile served as production does, without a container.
#
#   PostgreSQL + Redis   a persistent cluster in $XIEZHI_SERVE_DIR (default var/serve), started
#                        the way scripts/with-services.sh starts the test services; or, when
#                        XIEZHI_DATABASE_URL and XIEZHI_REDIS_URL are both set, those servers
#   manage.py            migrate, collectstatic (and load_refdata when the cluster is new)
#   gunicorn             127.0.0.1:$XIEZHI_GUNICORN_PORT (deploy/gunicorn.conf.py)
#   nginx                https://$XIEZHI_LISTEN_ADDRESS:$XIEZHI_HTTPS_PORT, TLS with a self-signed
#                        certificate made by openssl on the first run; /static/ from disk
#   Celery               worker and beat (XIEZHI_SERVE_CELERY=0 leaves them out)
#
# A secret key is generated once into the serve folder unless XIEZHI_SECRET_KEY is set.
# Ctrl-C (or SIGTERM) stops everything; if one process dies, the rest are stopped too.
# See docs/deploy.md, "Serving behind nginx".
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
BIN=${XIEZHI_BIN:-$REPO/.venv/bin}
SERVE_DIR=$(mkdir -p "${XIEZHI_SERVE_DIR:-$REPO/var/serve}" && cd "${XIEZHI_SERVE_DIR:-$REPO/var/serve}" && pwd)
HTTPS_PORT=${XIEZHI_HTTPS_PORT:-8443}
LISTEN_ADDRESS=${XIEZHI_LISTEN_ADDRESS:-127.0.0.1}
export XIEZHI_GUNICORN_PORT=${XIEZHI_GUNICORN_PORT:-8105}
RUN=$SERVE_DIR/run
TLS=$SERVE_DIR/tls
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
RUNAS=()
[ "$(id -u)" -eq 0 ] && RUNAS=(runuser -u postgres --)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
say() { echo "[serve] $*"; }

for tool in /usr/sbin/nginx openssl "$BIN/gunicorn" "$BIN/celery"; do
  command -v "$tool" >/dev/null || { say "$tool is missing: run \`make system-deps .venv/.installed\`"; exit 2; }
done

mkdir -p "$RUN/tmp" "$TLS"
pids=()
own_services=0
cleanup() {
  trap - EXIT INT TERM
  say "stopping"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 100); do  # up to 10 s for a graceful stop, then kill
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ $alive -eq 0 ] && break
    sleep 0.1
  done
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  if [ $own_services -eq 1 ]; then
    [ -f "$RUN/redis.pid" ] && kill "$(cat "$RUN/redis.pid")" 2>/dev/null || true
    "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$SERVE_DIR/pg" -m fast stop >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# -- PostgreSQL and Redis ---------------------------------------------------------------
new_cluster=0
if [ -n "${XIEZHI_DATABASE_URL:-}" ] && [ -n "${XIEZHI_REDIS_URL:-}" ]; then
  say "using the PostgreSQL and Redis of XIEZHI_DATABASE_URL / XIEZHI_REDIS_URL"
else
  own_services=1
  PGPORT=$(free_port); REDISPORT=$(free_port)
  mkdir -p "$SERVE_DIR/pgrun"
  if [ ! -f "$SERVE_DIR/pg/PG_VERSION" ]; then
    say "creating the PostgreSQL cluster in $SERVE_DIR/pg"
    mkdir -p "$SERVE_DIR/pg"
    [ "$(id -u)" -eq 0 ] && chown postgres "$SERVE_DIR/pg"
    "${RUNAS[@]}" "$PGBIN/initdb" -D "$SERVE_DIR/pg" -U postgres --auth=trust --locale=C.UTF-8 -E UTF8 >/dev/null
    new_cluster=1
  fi
  [ "$(id -u)" -eq 0 ] && chown postgres "$SERVE_DIR/pgrun"
  # unlike the throw-away test cluster, this one keeps fsync on: its data is meant to last
  "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$SERVE_DIR/pg" -l "$SERVE_DIR/pgrun/pg.log" -w -o \
    "-p $PGPORT -k $SERVE_DIR/pgrun -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
  [ $new_cluster -eq 1 ] && "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres xiezhi
  redis-server --port "$REDISPORT" --bind 127.0.0.1 --appendonly no --daemonize yes \
    --pidfile "$RUN/redis.pid" --dir "$SERVE_DIR" --logfile "$SERVE_DIR/redis.log"
  export XIEZHI_DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/xiezhi"
  export XIEZHI_REDIS_URL="redis://127.0.0.1:$REDISPORT/0"
  say "PostgreSQL on 127.0.0.1:$PGPORT, Redis on 127.0.0.1:$REDISPORT"
fi

# -- secret key and TLS certificate (made once) ------------------------------------------
if [ -z "${XIEZHI_SECRET_KEY:-}" ]; then
  if [ ! -s "$SERVE_DIR/secret_key" ]; then
    (umask 077; python3 -c 'import secrets; print(secrets.token_urlsafe(50))' > "$SERVE_DIR/secret_key")
    say "generated a secret key in $SERVE_DIR/secret_key"
  fi
  XIEZHI_SECRET_KEY=$(cat "$SERVE_DIR/secret_key")
  export XIEZHI_SECRET_KEY
fi
if [ ! -s "$TLS/cert.pem" ]; then
  say "making a self-signed TLS certificate for localhost / 127.0.0.1 in $TLS"
  (umask 077; openssl req -x509 -newkey rsa:2048 -sha256 -nodes -days 825 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout "$TLS/key.pem" -out "$TLS/cert.pem" 2>/dev/null)
fi

# -- the production profile behind the proxy ---------------------------------------------
export XIEZHI_PROFILE=production
# a rehearsal on one machine: the demo payment and identity adapters (production refuses them otherwise)
export XIEZHI_DEMO_ADAPTERS_IN_PRODUCTION=${XIEZHI_DEMO_ADAPTERS_IN_PRODUCTION:-1}
export XIEZHI_ALLOWED_HOSTS=${XIEZHI_ALLOWED_HOSTS:-localhost,127.0.0.1}
# nginx reaches gunicorn from loopback: only it may set X-Forwarded-For / -Proto
export XIEZHI_TRUSTED_PROXIES=${XIEZHI_TRUSTED_PROXIES-127.0.0.1,::1}
export XIEZHI_PUBLIC_PORT=${XIEZHI_PUBLIC_PORT:-$HTTPS_PORT}
export DJANGO_SETTINGS_MODULE=xiezhi.settings

"$BIN/xiezhi" migrate --noinput -v0
[ $new_cluster -eq 1 ] && { say "loading the reference data (courts, causes, calendar)"; "$BIN/xiezhi" load_refdata; }
"$BIN/xiezhi" collectstatic --noinput -v0
STATIC_ROOT=$("$BIN/python" -c 'import django; django.setup(); from django.conf import settings; print(settings.STATIC_ROOT)')

# -- nginx configuration from deploy/nginx.conf.template ---------------------------------
if [ "$(id -u)" -eq 0 ]; then
  # Run as root (a CI box or this sandbox): the static files and the temp folders may sit in
  # root-only folders, which Debian's www-data could not read. An ordinary user needs no line.
  NGINX_USER_LINE="user root;"
else
  NGINX_USER_LINE=""
fi
sed -e "s|@RUN_DIR@|$RUN|g" -e "s|@TLS_DIR@|$TLS|g" -e "s|@STATIC_ROOT@|$STATIC_ROOT|g" \
    -e "s|@HTTPS_PORT@|$HTTPS_PORT|g" -e "s|@LISTEN_ADDRESS@|$LISTEN_ADDRESS|g" \
    -e "s|@GUNICORN_PORT@|$XIEZHI_GUNICORN_PORT|g" -e "s|@NGINX_WORKERS@|${XIEZHI_NGINX_WORKERS:-auto}|g" \
    -e "s|@CLIENT_MAX_BODY@|${XIEZHI_NGINX_MAX_BODY:-25m}|g" \
    -e "s|@ACCESS_LOG@|${XIEZHI_NGINX_ACCESS_LOG:-$RUN/nginx-access.log}|g" \
    "$REPO/deploy/nginx.conf.template" > "$RUN/nginx.conf"
[ -n "$NGINX_USER_LINE" ] && sed -i "1i $NGINX_USER_LINE" "$RUN/nginx.conf"
/usr/sbin/nginx -q -t -p "$RUN" -c "$RUN/nginx.conf" -e "$RUN/nginx-error.log"

# -- start the processes -----------------------------------------------------------------
cd "$REPO"
"$BIN/gunicorn" -c "$REPO/deploy/gunicorn.conf.py" &
pids+=($!)
/usr/sbin/nginx -p "$RUN" -c "$RUN/nginx.conf" -e "$RUN/nginx-error.log" &
pids+=($!)
if [ "${XIEZHI_SERVE_CELERY:-1}" = "1" ]; then
  "$BIN/celery" -A xiezhi worker --loglevel=WARNING --concurrency "${XIEZHI_CELERY_CONCURRENCY:-2}" \
    --hostname "xiezhi@%h-$XIEZHI_GUNICORN_PORT" &
  pids+=($!)
  "$BIN/celery" -A xiezhi beat --loglevel=WARNING --schedule "$RUN/celerybeat-schedule" --pidfile= &
  pids+=($!)
fi

for _ in $(seq 1 300); do  # wait until gunicorn answers through nginx (up to 60 s)
  if curl -ks -o /dev/null "https://$LISTEN_ADDRESS:$HTTPS_PORT/static/" --max-time 2 \
     && (exec 3<>"/dev/tcp/127.0.0.1/$XIEZHI_GUNICORN_PORT") 2>/dev/null; then
    break
  fi
  sleep 0.2
done
say "ready: https://localhost:$HTTPS_PORT/ (self-signed certificate; staff site /staff/) — Ctrl-C stops"

# The first process to exit (or a signal) ends the whole stack.
set +e
wait -n "${pids[@]}"
rc=$?
say "a process exited (status $rc)"
exit $rc
