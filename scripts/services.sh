#!/usr/bin/env bash
# Installs, starts and stops the PostgreSQL and RabbitMQ that microservices mode and the tests use.
# Each instance lives in its own scratch folder on non-default loopback ports, so two runs never
# collide and nothing touches a system-wide service.
#
#   scripts/services.sh install                 apt-get install postgresql rabbitmq-server (if missing)
#   scripts/services.sh start                   install, start both, wait until ready, write $DIR/env
#   scripts/services.sh stop                    stop both
#   scripts/services.sh start-postgres | stop-postgres | start-rabbitmq | stop-rabbitmq
#   scripts/services.sh start-rabbitmq-cluster  three RabbitMQ nodes in one cluster, AMQP on the port and the next two
#   scripts/services.sh stop-rabbitmq-cluster
#   scripts/services.sh stop-node PORT | start-node PORT   one node of the cluster (a start rejoins it)
#   scripts/services.sh add-vhost NAME          a RabbitMQ virtual host for guest (isolates test runs)
#   scripts/services.sh list-queues VHOST       the virtual host's queues, their types and messages, tab-separated
#
# Settings (environment):
#   MARKETPLACE_PG_PORT        PostgreSQL port (default 5439)
#   MARKETPLACE_RABBITMQ_PORT  RabbitMQ AMQP port (default 5679); the Erlang distribution port is this + 20000
#   MARKETPLACE_SERVICES_DIR   scratch folder (default /tmp/marketplace-services-$MARKETPLACE_PG_PORT)
#   MARKETPLACE_SERVICES_FAST  1 = PostgreSQL without fsync (tests only: a crash may lose data)
#   MARKETPLACE_PG_STATEMENTS  1 = PostgreSQL counts statements (pg_stat_statements; bench/efficiency.sh)
set -euo pipefail

PG_PORT="${MARKETPLACE_PG_PORT:-5439}"
RMQ_PORT="${MARKETPLACE_RABBITMQ_PORT:-5679}"
DIR="${MARKETPLACE_SERVICES_DIR:-/tmp/marketplace-services-$PG_PORT}"

log() { echo "[services] $*" >&2; }

pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$bin" ] || { log "PostgreSQL is not installed"; exit 1; }
  echo "$bin"
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi
}

install() {
  if [ -d /usr/lib/postgresql ] && command -v rabbitmq-server >/dev/null && command -v rabbitmqctl >/dev/null; then
    return
  fi
  [ "$(id -u)" = 0 ] || { log "installing PostgreSQL and RabbitMQ needs root (apt-get)"; exit 1; }
  log "installing postgresql and rabbitmq-server with apt-get"
  apt-get update -q >/dev/null
  # The packages try to start system-wide services, which fails without systemd; that is harmless.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql rabbitmq-server >/dev/null || true
  [ -d /usr/lib/postgresql ] && command -v rabbitmq-server >/dev/null || { log "installation failed"; exit 1; }
}

start_postgres() {
  local bin; bin=$(pg_bin)
  mkdir -p "$DIR/pg"
  [ "$(id -u)" = 0 ] && chown postgres "$DIR" "$DIR/pg"
  if [ ! -f "$DIR/pg/data/PG_VERSION" ]; then
    # UTF-8 cluster: with initdb's default (SQL_ASCII) Korean text would be plain bytes.
    as_postgres "$bin/initdb -D '$DIR/pg/data' -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
  fi
  local opts="-p $PG_PORT -k '$DIR/pg' -c listen_addresses=127.0.0.1 -c max_connections=300"
  [ "${MARKETPLACE_SERVICES_FAST:-0}" = 1 ] && opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${MARKETPLACE_PG_STATEMENTS:-0}" = 1 ] && opts="$opts -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all"
  as_postgres "$bin/pg_ctl -D '$DIR/pg/data' -l '$DIR/pg/log' -w -t 60 start -o \"$opts\"" >/dev/null
  log "PostgreSQL ready on 127.0.0.1:$PG_PORT"
}

stop_postgres() {
  [ -f "$DIR/pg/data/postmaster.pid" ] || return 0
  as_postgres "$(pg_bin)/pg_ctl -D '$DIR/pg/data' -m fast -w stop" >/dev/null || true
  log "PostgreSQL stopped"
}

# A node is named after its AMQP port; the first keeps its files in $DIR/rmq, the others in $DIR/rmq-PORT.
node_of() { echo "mkt$1@localhost"; }
dir_of() { if [ "$1" = "$RMQ_PORT" ]; then echo "$DIR/rmq"; else echo "$DIR/rmq-$1"; fi; }

rabbit_env() { # port
  local dir; dir=$(dir_of "$1")
  export RABBITMQ_NODENAME="$(node_of "$1")" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
    RABBITMQ_NODE_PORT="$1" RABBITMQ_DIST_PORT="$(($1 + 20000))" \
    RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" \
    RABBITMQ_PID_FILE="$dir/rabbit.pid" \
    ERL_EPMD_ADDRESS=127.0.0.1 \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
}

start_node() { # port
  local dir; dir=$(dir_of "$1")
  mkdir -p "$dir/mnesia" "$dir/log"
  [ -f "$dir/enabled_plugins" ] || echo '[].' > "$dir/enabled_plugins"
  # The server drops root privileges to the rabbitmq user, which must own everything it writes.
  [ "$(id -u)" = 0 ] && chown -R rabbitmq:rabbitmq "$dir"
  rabbit_env "$1"
  setsid rabbitmq-server >> "$dir/out.log" 2>&1 < /dev/null &
  # await_startup fails at once while the node has not registered yet, so ask until it answers.
  local deadline=$((SECONDS + 90))
  until timeout 30 rabbitmqctl -n "$(node_of "$1")" await_startup >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      log "RabbitMQ did not start; see $dir"; tail -n 20 "$dir/out.log" >&2; exit 1
    fi
    sleep 0.5
  done
  log "RabbitMQ ready on 127.0.0.1:$1 (node $(node_of "$1"))"
}

stop_node() { # port
  rabbit_env "$1"
  timeout 60 rabbitmqctl -n "$(node_of "$1")" stop >/dev/null 2>&1 || true
  log "RabbitMQ node $(node_of "$1") stopped"
}

start_rabbitmq() { start_node "$RMQ_PORT"; }

stop_rabbitmq() { stop_node "$RMQ_PORT"; }

# Three nodes on loopback, the second and third joined to the first; a node started again later rejoins by itself.
start_rabbitmq_cluster() {
  start_node "$RMQ_PORT"
  local port
  for port in $((RMQ_PORT + 1)) $((RMQ_PORT + 2)); do
    start_node "$port"
    rabbit_env "$port"
    if ! rabbitmqctl -n "$(node_of "$port")" cluster_status 2>/dev/null | grep -q "$(node_of "$RMQ_PORT")"; then
      rabbitmqctl -n "$(node_of "$port")" stop_app >/dev/null
      rabbitmqctl -n "$(node_of "$port")" join_cluster "$(node_of "$RMQ_PORT")" >/dev/null
      rabbitmqctl -n "$(node_of "$port")" start_app >/dev/null
    fi
  done
  log "RabbitMQ cluster of $(node_of "$RMQ_PORT"), $(node_of $((RMQ_PORT + 1))), $(node_of $((RMQ_PORT + 2)))"
}

stop_rabbitmq_cluster() {
  local port
  for port in $((RMQ_PORT + 2)) $((RMQ_PORT + 1)) "$RMQ_PORT"; do stop_node "$port"; done
}

write_env() {
  cat > "$DIR/env" <<ENV
export MARKETPLACE_TEST_POSTGRES='Host=127.0.0.1;Port=$PG_PORT;Username=postgres'
export MARKETPLACE_TEST_RABBITMQ='amqp://guest:guest@127.0.0.1:$RMQ_PORT/'
export MARKETPLACE_SERVICES_DIR='$DIR'
export MARKETPLACE_PG_PORT='$PG_PORT'
export MARKETPLACE_RABBITMQ_PORT='$RMQ_PORT'
ENV
  chmod 644 "$DIR/env"
  log "connection settings in $DIR/env"
}

add_vhost() {
  rabbit_env "$RMQ_PORT"
  rabbitmqctl -n "$(node_of "$RMQ_PORT")" add_vhost "$1" >/dev/null
  rabbitmqctl -n "$(node_of "$RMQ_PORT")" set_permissions -p "$1" guest '.*' '.*' '.*' >/dev/null
}

list_queues() {
  rabbit_env "$RMQ_PORT"
  rabbitmqctl -n "$(node_of "$RMQ_PORT")" list_queues -q --no-table-headers -p "$1" name type messages | tr -s ' ' '\t'
}

case "${1:-}" in
  install) install ;;
  start) install; mkdir -p "$DIR"; chmod 755 "$DIR"; start_postgres; start_rabbitmq; write_env ;;
  start-rabbitmq-cluster) install; mkdir -p "$DIR"; chmod 755 "$DIR"; start_rabbitmq_cluster ;;
  stop-rabbitmq-cluster) stop_rabbitmq_cluster ;;
  start-node) start_node "${2:?port}" ;;
  stop-node) stop_node "${2:?port}" ;;
  stop) stop_rabbitmq; stop_postgres ;;
  start-postgres) start_postgres ;;
  stop-postgres) stop_postgres ;;
  start-rabbitmq) start_rabbitmq ;;
  stop-rabbitmq) stop_rabbitmq ;;
  add-vhost) add_vhost "${2:?vhost name}" ;;
  list-queues) list_queues "${2:?vhost name}" ;;
  *) echo "usage: $0 install|start|stop|start-postgres|stop-postgres|start-rabbitmq|stop-rabbitmq|start-rabbitmq-cluster|stop-rabbitmq-cluster|start-node PORT|stop-node PORT|add-vhost NAME|list-queues VHOST" >&2; exit 2 ;;
esac
