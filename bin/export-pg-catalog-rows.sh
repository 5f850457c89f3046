#!/usr/bin/env bash
# Writes the built-in rows of catalog tables that hold no user objects on non-PostgreSQL backends (operators,
# operator classes and families, casts, conversions, text search objects), and pg_catalog_descriptions.psv, the
# descriptions of those and of access methods, languages, extensions and collations, from a PostgreSQL 15 server:
#   bin/export-pg-catalog-rows.sh proxy/src/main/resources/io/pgbridge/proxy/catalog [psql connection options]
# One file per table, <table>.tsv: a first line "# columns: a,b,…" in the table's order, then one row a line, fields
# separated by tabs (operator names hold '|'); regproc columns as the function's oid; no field is NULL (dictinitoption
# is written empty) or holds a tab or newline in these tables (checked: the script stops when one would). Owners are 10, the bootstrap superuser, as in PostgreSQL.
set -euo pipefail
out=$1
shift
for spec in \
  "pg_operator|oid,oprname,oprnamespace,oprowner,oprkind,oprcanmerge,oprcanhash,oprleft,oprright,oprresult,oprcom,oprnegate,oprcode::oid,oprrest::oid,oprjoin::oid|oid" \
  "pg_opclass|oid,opcmethod,opcname,opcnamespace,opcowner,opcfamily,opcintype,opcdefault,opckeytype|oid" \
  "pg_opfamily|oid,opfmethod,opfname,opfnamespace,opfowner|oid" \
  "pg_conversion|oid,conname,connamespace,conowner,conforencoding,contoencoding,conproc::oid,condefault|oid" \
  "pg_ts_config|oid,cfgname,cfgnamespace,cfgowner,cfgparser|oid" \
  "pg_ts_config_map|mapcfg,maptokentype,mapseqno,mapdict|mapcfg,maptokentype,mapseqno" \
  "pg_ts_parser|oid,prsname,prsnamespace,prsstart::oid,prstoken::oid,prsend::oid,prsheadline::oid,prslextype::oid|oid" \
  "pg_ts_dict|oid,dictname,dictnamespace,dictowner,dicttemplate,coalesce(dictinitoption,'')|oid" \
  "pg_ts_template|oid,tmplname,tmplnamespace,tmplinit::oid,tmpllexize::oid|oid" \
  "pg_cast|oid,castsource,casttarget,castfunc,castcontext,castmethod|oid"; do
  IFS='|' read -r table columns order <<<"$spec"
  file="$out/$table.tsv"
  header=$(echo "$columns" | sed -e 's/::oid//g' -e "s/coalesce(\([a-z]*\),'')/\1/g")
  {
    echo "# PostgreSQL 15's $table, written by bin/export-pg-catalog-rows.sh"
    echo "# columns: $header"
    psql -X -q -A -t -F $'\t' -v ON_ERROR_STOP=1 "$@" -c "SELECT $columns FROM pg_catalog.$table ORDER BY $order"
  } > "$file"
  if grep -v '^#' "$file" | awk -F'\t' -v n="$(echo "$header" | tr ',' '\n' | wc -l)" 'NF != n { bad = 1 } END { exit bad }'; then
    :
  else
    echo "export-pg-catalog-rows: a row of $table has a tab or newline in a field" >&2
    exit 1
  fi
done
{
  echo "# PostgreSQL 15's descriptions of built-in objects other than functions, types and schemas (those are written"
  echo "# with their objects): objoid|classoid|objsubid|description, newline and backslash escaped as \\n and \\\\."
  psql -X -q -A -t -F '|' -v ON_ERROR_STOP=1 "$@" -c "SELECT objoid, classoid, objsubid,
      replace(replace(description, E'\\\\', E'\\\\\\\\'), E'\\n', E'\\\\n') FROM pg_catalog.pg_description
    WHERE objoid < 16384 AND classoid NOT IN ('pg_proc'::regclass, 'pg_type'::regclass, 'pg_namespace'::regclass)
      AND (classoid <> 'pg_collation'::regclass OR objoid IN (100, 950, 951))
    ORDER BY classoid, objoid, objsubid"
} > "$out/pg_catalog_descriptions.psv"
