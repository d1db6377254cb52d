#!/bin/bash
set -euo pipefail
printf 'default_user = %s\ndefault_pass = %s\nloopback_users = none\nlisteners.tcp.default = 5672\n' \
  "${RABBITMQ_DEFAULT_USER:-guest}" "$(cat "${RABBITMQ_DEFAULT_PASS_FILE:-/dev/null}")" > /etc/rabbitmq/rabbitmq.conf
chown -R rabbitmq:rabbitmq /var/lib/rabbitmq
exec rabbitmq-server
