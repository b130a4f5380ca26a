#!/bin/sh
# One server, three databases, three roles with the least they need (docs/operations.md "Production"):
# the command service owns the event store, the query service owns the read models, the curator web
# app owns its sessions; none may even connect to another's database. Passwords come from the
# environment, passed to psql as variables so that no quoting in them can change the SQL. (This runs
# once, on an empty data volume: on an older volume create the web app's role and database by hand.)
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -v command_password="$CURATION_COMMAND_DB_PASSWORD" -v query_password="$CURATION_QUERY_DB_PASSWORD" \
     -v web_password="$CURATION_WEB_DB_PASSWORD" <<'SQL'
CREATE ROLE curation_command LOGIN PASSWORD :'command_password';
CREATE ROLE curation_query LOGIN PASSWORD :'query_password';
CREATE ROLE curator_web LOGIN PASSWORD :'web_password';
CREATE DATABASE curation_events OWNER curation_command;
CREATE DATABASE curation_query OWNER curation_query;
CREATE DATABASE curation_web OWNER curator_web;
REVOKE ALL ON DATABASE curation_events FROM PUBLIC;
REVOKE ALL ON DATABASE curation_query FROM PUBLIC;
REVOKE ALL ON DATABASE curation_web FROM PUBLIC;
SQL
