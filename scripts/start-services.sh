#!/usr/bin/env bash
# Starts whichever of PostgreSQL, Redis, RabbitMQ and NATS (JetStream) is installed but not
# running, on 127.0.0.1 with the ports the tests use. A service that is not installed is skipped
# without a word, and one that fails to start is reported and skipped: the tests that need it
# skip with their own reason, so CI never fails because a service is absent.
#
#   bash scripts/start-services.sh
set -uo pipefail

started=()
failed=()

# $1 name, $2 a command that succeeds while the service answers, $3… the start command
start() {
  local name=$1 probe=$2
  shift 2
  if eval "$probe" >/dev/null 2>&1; then return 0; fi
  if ! "$@" >/dev/null 2>&1; then failed+=("$name"); return 0; fi
  for _ in $(seq 1 30); do
    if eval "$probe" >/dev/null 2>&1; then started+=("$name"); return 0; fi
    sleep 1
  done
  failed+=("$name")
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ] && [ -n "$(ls /etc/postgresql 2>/dev/null)" ]; then
  version=$(ls /etc/postgresql | sort -V | tail -1)
  start PostgreSQL 'port_open 5432' pg_ctlcluster --skip-systemctl-redirect "$version" main start
fi

if command -v redis-server >/dev/null 2>&1; then
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null
  start Redis 'port_open 6379' redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
fi

if command -v rabbitmq-server >/dev/null 2>&1; then
  start RabbitMQ 'port_open 5672' rabbitmq-server -detached
fi

if [ -x /usr/sbin/nats-server ] && command -v start-stop-daemon >/dev/null 2>&1; then
  mkdir -p /var/lib/nats-server 2>/dev/null
  start NATS 'port_open 4222' start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- \
    -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log
fi

[ ${#started[@]} -gt 0 ] && echo "start-services: started ${started[*]}"
[ ${#failed[@]} -gt 0 ] && echo "start-services: could not start ${failed[*]}; their tests will skip" >&2
exit 0
