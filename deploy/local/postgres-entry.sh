#!/bin/bash
set -euo pipefail
data=/var/lib/postgresql/data
if [ ! -s "$data/PG_VERSION" ]; then
  /usr/lib/postgresql/15/bin/initdb -D "$data" -E UTF8 --locale=C.UTF-8 -U "${POSTGRES_USER:-postgres}" \
    --pwfile="$POSTGRES_PASSWORD_FILE" -A scram-sha-256 >/dev/null
  echo "host all all 0.0.0.0/0 scram-sha-256" >> "$data/pg_hba.conf"
fi
exec /usr/lib/postgresql/15/bin/postgres -D "$data" -c listen_addresses='*' -k /tmp
