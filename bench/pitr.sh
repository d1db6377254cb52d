#!/usr/bin/env bash
# Point-in-time recovery, rehearsed with the mechanism CloudNativePG uses (a base backup, the archived WAL and a
# recovery target time), on a PostgreSQL of its own: the catalog service seeds its database, a base backup is
# taken, the catalog's titles are revised (the good moment), then every dataset is deleted by mistake. The
# server is restored from the backup and the WAL to the good moment, and the catalog service is started on it:
# its API lists every dataset again, the revised titles included. Exits non-zero if anything differs.
#
#   bench/pitr.sh        (about 1 minute; PostgreSQL on port 5479 and 5480 in /tmp/marketplace-pitr)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=/tmp/marketplace-pitr
port=5479
restored_port=5480
scripts/services.sh install
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi; }
say() { echo "[$(date +%H:%M:%S)] $*"; }
sql() { psql -h 127.0.0.1 -p "$1" -U postgres -d marketplace_catalog -Atc "$2"; }
catalog_pid=""
stop_all() {
  [ -n "$catalog_pid" ] && kill "$catalog_pid" 2>/dev/null || true
  for data in "$dir/data" "$dir/restored"; do
    [ -f "$data/postmaster.pid" ] && as_postgres "$bin/pg_ctl -D '$data' -m fast -w stop" > /dev/null 2>&1 || true
  done
}
trap stop_all EXIT

stop_all
rm -rf "$dir"
mkdir -p "$dir/wal"
chmod 755 "$dir"
[ "$(id -u)" = 0 ] && chown postgres "$dir" "$dir/wal"
as_postgres "$bin/initdb -D '$dir/data' -A trust -U postgres -E UTF8 --locale=C.UTF-8" > /dev/null
# Continuous archiving, as CloudNativePG's barman does to object storage: every finished WAL segment is copied.
as_postgres "$bin/pg_ctl -D '$dir/data' -l '$dir/data.log' -w start -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 \
  -c wal_level=replica -c archive_mode=on -c archive_command='cp %p $dir/wal/%f' -c archive_timeout=60\"" > /dev/null
say "PostgreSQL with WAL archiving on 127.0.0.1:$port"

dotnet build src/Host -c Release -nologo -v q > "$dir/build.log" 2>&1 || { cat "$dir/build.log"; exit 1; }
run_catalog() { # port; the catalog service on that PostgreSQL, in-memory bus (no broker needed here)
  Marketplace__Database__Postgres="Host=127.0.0.1;Port=$1;Username=postgres" Marketplace__Bus__Transport=InMemory \
    Marketplace__Demo__Seed=true Marketplace__DataFolder="$dir/app" Marketplace__Identity__Authority=http://127.0.0.1:9 \
    dotnet src/Host/bin/Release/net10.0/Marketplace.Host.dll --target catalog --urls http://127.0.0.1:5481 >> "$dir/catalog.log" 2>&1 &
  catalog_pid=$!
  local deadline=$((SECONDS + 120))
  until curl -fs -o /dev/null http://127.0.0.1:5481/health/ready; do
    [ $SECONDS -lt $deadline ] || { tail -20 "$dir/catalog.log"; exit 1; }
    sleep 0.2
  done
}
listed() { curl -fs "http://127.0.0.1:5481/api/catalog/datasets?limit=100" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))'; }

run_catalog "$port"
seeded=$(listed)
kill "$catalog_pid"; wait "$catalog_pid" 2>/dev/null || true; catalog_pid=""
say "catalog seeded: $seeded datasets listed"

as_postgres "$bin/pg_basebackup -h 127.0.0.1 -p $port -U postgres -D '$dir/base' -X none -c fast" > /dev/null
say "base backup taken"

sql "$port" "UPDATE datasets SET title_en = title_en || ' (revised)' WHERE id IN (SELECT id FROM datasets ORDER BY id LIMIT 10)" > /dev/null
good=$(sql "$port" "SELECT now()")
sleep 1
deleted=$(sql "$port" "WITH gone AS (DELETE FROM datasets RETURNING 1) SELECT count(*) FROM gone")
sql "$port" "SELECT pg_switch_wal()" > /dev/null
say "10 titles revised at $good; then $deleted datasets deleted by mistake"
# Wait until the segment holding the delete is archived (it was switched out above).
deadline=$((SECONDS + 60))
until [ "$(sql "$port" "SELECT last_archived_wal IS NOT NULL AND last_archived_wal >= pg_walfile_name(pg_current_wal_lsn() - 1) FROM pg_stat_archiver")" = t ]; do
  [ $SECONDS -lt $deadline ] || { say "the WAL was not archived"; exit 1; }
  sleep 0.2
done
as_postgres "$bin/pg_ctl -D '$dir/data' -m fast -w stop" > /dev/null
say "original server stopped (as if lost)"

# Recovery: the base backup, the archived WAL replayed up to the good moment, then a new timeline.
cp -a "$dir/base" "$dir/restored"
touch "$dir/restored/recovery.signal"
[ "$(id -u)" = 0 ] && chown -R postgres "$dir/restored"
chmod 700 "$dir/restored"
as_postgres "$bin/pg_ctl -D '$dir/restored' -l '$dir/restored.log' -w -t 120 start -o \"-p $restored_port -k '$dir' -c listen_addresses=127.0.0.1 \
  -c restore_command='cp $dir/wal/%f %p' -c recovery_target_time='$good' -c recovery_target_action=promote\"" > /dev/null
deadline=$((SECONDS + 60))
until [ "$(psql -h 127.0.0.1 -p $restored_port -U postgres -Atc 'SELECT pg_is_in_recovery()' 2>/dev/null)" = f ]; do
  [ $SECONDS -lt $deadline ] || { tail -20 "$dir/restored.log"; exit 1; }
  sleep 0.2
done
say "restored to $good on 127.0.0.1:$restored_port"

run_catalog "$restored_port"
restored=$(listed)
revised=$(sql "$restored_port" "SELECT count(*) FROM datasets WHERE title_en LIKE '% (revised)'")
say "after recovery: $restored datasets listed by the catalog service, $revised revised titles"
if [ "$restored" = "$seeded" ] && [ "$revised" = 10 ]; then
  say "point-in-time recovery: the catalog is back as it was at $good"
else
  say "point-in-time recovery FAILED: $restored of $seeded datasets, $revised of 10 revisions"
  exit 1
fi
