#!/usr/bin/env bash
# A real single-node Elasticsearch 8.19 for development and tests, without Docker (DESIGN.md §7):
# Elastic's integ-test-zip from Maven Central, Java 17, run as a non-root user when we are root.
#   scripts/es-node.sh up      start on 127.0.0.1:$ES_PORT (default 9200) and wait until it answers
#   scripts/es-node.sh down    stop it (SIGTERM to the pid in its pid file)
#   scripts/es-node.sh status  exit 0 when it answers
set -euo pipefail

VERSION="${ES_VERSION:-8.19.21}"
PORT="${ES_PORT:-9200}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
# As root the node runs as a system user, which must reach its files: keep them outside the checkout
# (which may sit under /root) in /var/tmp; otherwise in the git-ignored .es/ of the checkout.
if [ "$(id -u)" = 0 ]; then DEFAULT_BASE=/var/tmp/merlin-es; else DEFAULT_BASE="$ROOT/.es"; fi
BASE="${ES_HOME_DIR:-$DEFAULT_BASE}"
DIST="$BASE/elasticsearch-$VERSION"
NODE="$BASE/node-$PORT"
PIDFILE="$NODE/es.pid"
URL="http://127.0.0.1:$PORT"
USER_NAME="${ES_USER_NAME:-merlin-es}"
export ES_JAVA_HOME="${ES_JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"

say() { echo "es-node: $*" >&2; }

healthy() {
  curl -fsS --max-time 2 "$URL/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1
}

fetch() {
  [ -x "$DIST/bin/elasticsearch" ] && return
  command -v mvn >/dev/null || { say "Maven (mvn) is required to fetch Elasticsearch"; exit 1; }
  [ -x "$ES_JAVA_HOME/bin/java" ] || { say "no Java 17 at $ES_JAVA_HOME (set ES_JAVA_HOME)"; exit 1; }
  mkdir -p "$BASE/download"
  say "fetching org.elasticsearch.distribution.integ-test-zip:elasticsearch:$VERSION from Maven Central"
  mvn -q dependency:copy -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$VERSION:zip" \
    -DoutputDirectory="$BASE/download"
  rm -rf "$DIST.tmp" && mkdir -p "$DIST.tmp"
  unzip -q "$BASE/download/elasticsearch-$VERSION.zip" -d "$DIST.tmp"
  mv "$DIST.tmp/elasticsearch-$VERSION" "$DIST" && rm -rf "$DIST.tmp"
}

configure() {
  mkdir -p "$NODE/data" "$NODE/logs" "$NODE/config"
  cp -r "$DIST/config/." "$NODE/config/"
  cat > "$NODE/config/elasticsearch.yml" <<YML
cluster.name: merlin-dev
node.name: merlin-$PORT
discovery.type: single-node
network.host: 127.0.0.1
http.port: $PORT
transport.port: $((PORT + 100))
xpack.security.enabled: false
path.data: $NODE/data
path.logs: $NODE/logs
action.destructive_requires_name: false
YML
}

up() {
  if healthy; then say "already running at $URL"; return; fi
  fetch
  configure
  local run=()
  if [ "$(id -u)" = 0 ]; then
    # Elasticsearch refuses to run as root: a system user owns the node's folders and runs it.
    id "$USER_NAME" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$USER_NAME"
    chown -R "$USER_NAME:" "$DIST" "$NODE"
    chmod o+rx "$BASE"
    run=(setpriv --reuid="$USER_NAME" --regid="$USER_NAME" --init-groups)
  fi
  say "starting Elasticsearch $VERSION at $URL (logs: $NODE/logs)"
  ES_PATH_CONF="$NODE/config" ES_JAVA_OPTS="${ES_JAVA_OPTS:--Xms512m -Xmx512m}" \
    "${run[@]}" "$DIST/bin/elasticsearch" -d -p "$PIDFILE" >"$NODE/logs/startup.out" 2>&1 \
    || { say "start failed:"; tail -n 40 "$NODE/logs/startup.out" >&2; exit 1; }
  for _ in $(seq 1 120); do
    if healthy; then say "ready"; return; fi
    sleep 1
  done
  say "not ready after 120 s; last log lines:"
  tail -n 40 "$NODE/logs/"*.log >&2 2>/dev/null || tail -n 40 "$NODE/logs/startup.out" >&2
  exit 1
}

down() {
  if [ -f "$PIDFILE" ]; then
    local pid; pid="$(cat "$PIDFILE")"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    rm -f "$PIDFILE"
    say "stopped"
  else
    say "not running (no pid file at $PIDFILE)"
  fi
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) healthy ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
