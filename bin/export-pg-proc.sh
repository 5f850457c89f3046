#!/usr/bin/env bash
# Writes pg_proc.psv, the built-in functions of the catalog engine, from a PostgreSQL 15 server's own pg_proc, and
# pg_aggregate_ordered.psv (oid|aggkind|aggnumdirectargs of the ordered-set and hypothetical-set aggregates, which
# pg_get_function_arguments prints with ORDER BY):
#   bin/export-pg-proc.sh proxy/src/main/resources/io/pgbridge/proxy/catalog [psql connection options]
# One row a line, fields separated by '|' in pg_proc's order (proowner is 10, protrftypes and proconfig NULL for every
# built-in function, so they are left out), then the function's description.
# Run it on a cluster whose bootstrap superuser is postgres: proacl names it, and pgbridge renames it to its own
# first user (FunctionRows.grantTo). Empty = NULL; "" = the empty string; prosrc empty = the same as proname.
# proargdefaults and prosqlbody as pg_get_expr and pg_get_function_sqlbody print them. Backslash, newline and | escaped as \\, \n and \|.
set -euo pipefail
out=$1
shift
{
cat <<'NOTE'
# PostgreSQL 15's pg_proc, written by bin/export-pg-proc.sh (fields: see there); lines starting with # are notes.
NOTE
psql -X -q -A -t -F '|' -v ON_ERROR_STOP=1 "$@" <<'SQL'
CREATE FUNCTION pg_temp.psv(t text) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT CASE WHEN t = '' THEN '""' ELSE replace(replace(replace(t, E'\\', E'\\\\'), E'\n', E'\\n'), '|', E'\\|') END $$;
SELECT p.oid, p.proname, p.pronamespace, p.prolang, p.procost, p.prorows, p.provariadic, p.prosupport::oid,
    p.prokind, p.prosecdef, p.proleakproof, p.proisstrict, p.proretset, p.provolatile, p.proparallel, p.pronargs,
    p.pronargdefaults, p.prorettype, p.proargtypes, p.proallargtypes, p.proargmodes, p.proargnames,
    pg_temp.psv(pg_get_expr(p.proargdefaults, 0)),
    CASE WHEN p.prosrc = p.proname THEN NULL ELSE pg_temp.psv(p.prosrc) END, p.probin,
    pg_temp.psv(pg_get_function_sqlbody(p.oid)), p.proacl, pg_temp.psv(d.description)
FROM pg_proc p LEFT JOIN pg_description d ON d.objoid = p.oid AND d.classoid = 'pg_proc'::regclass AND d.objsubid = 0
WHERE p.oid < 16384
ORDER BY p.oid;
SQL
} > "$out/pg_proc.psv"
psql -X -q -A -t -F '|' -v ON_ERROR_STOP=1 "$@" \
    -c "SELECT aggfnoid::oid, aggkind, aggnumdirectargs FROM pg_aggregate WHERE aggkind <> 'n' ORDER BY 1" \
    > "$out/pg_aggregate_ordered.psv"
