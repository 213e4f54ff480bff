#!/bin/sh
# The one user, from the environment (the same credentials as PostgreSQL's).
set -eu
printf '"%s" "%s"\n' "${DB_USER:?set DB_USER}" "${DB_PASSWORD:?set DB_PASSWORD}" > /etc/pgbouncer/userlist.txt
exec pgbouncer /etc/pgbouncer/pgbouncer.ini
