#!/usr/bin/env bash
# Nightly PostgreSQL backup (docs/deploy.md): a compressed custom-format dump
# of DATABASE_URL's database into BACKUP_DIR, checked by listing it with
# pg_restore, then dumps older than KEEP_DAYS removed. Cron:
#   15 3 * * *  tcp-course  /srv/tcp-course/current/deploy/backup-postgres.sh
# Restore: pg_restore --clean --if-exists -d "$DATABASE_URL" <file>
set -euo pipefail

if [[ -z "${DATABASE_URL:-}" && -r /etc/tcp-course/env ]]; then
  set -a; . /etc/tcp-course/env; set +a
fi
: "${DATABASE_URL:?set DATABASE_URL to the postgresql:// URL to back up}"
BACKUP_DIR="${BACKUP_DIR:-/var/backups/tcp-course}"
KEEP_DAYS="${KEEP_DAYS:-14}"

mkdir -p "$BACKUP_DIR"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
target="$BACKUP_DIR/tcp-course-$stamp.dump"
partial="$target.partial"
trap 'rm -f "$partial"' EXIT

pg_dump --format=custom --compress=6 --no-owner --file="$partial" "$DATABASE_URL"
# A dump pg_restore cannot read is no backup.
pg_restore --list "$partial" >/dev/null
mv "$partial" "$target"
find "$BACKUP_DIR" -name 'tcp-course-*.dump' -type f -mtime +"$KEEP_DAYS" -delete
echo "backup: $target ($(du -h "$target" | cut -f1))"
