-- PostgreSQL 15's information_schema views over the virtual pg_catalog, in pgbridge's catalog engine (H2 in
-- PostgreSQL mode; schema pgbridge_information_schema, as H2 keeps information_schema for its own). Same column
-- names, order and meanings as PostgreSQL's own definitions; sql_identifier is varchar(63) (PostgreSQL's name, see
-- CatalogResultTypes), character_data varchar(10485760) (varchar without a length), cardinal_number int, yes_or_no
-- varchar(3). @pgbridge_database is the session's database name (set per session).
-- Every object is visible: privileges are the backend's business. Statements are separated by a line holding ';'.
CREATE VIEW schemata AS SELECT CAST(@pgbridge_database AS varchar(63)) AS catalog_name, n.nspname AS schema_name,
    u.rolname AS schema_owner, CAST(NULL AS varchar(63)) AS default_character_set_catalog,
    CAST(NULL AS varchar(63)) AS default_character_set_schema,
    CAST(NULL AS varchar(63)) AS default_character_set_name,
    CAST(NULL AS varchar(10485760)) AS sql_path
    FROM pgbridge_catalog.pg_namespace n JOIN pgbridge_catalog.pg_roles u ON n.nspowner = u.oid
;
CREATE VIEW tables AS SELECT CAST(@pgbridge_database AS varchar(63)) AS table_catalog, nc.nspname AS table_schema,
    c.relname AS table_name,
    CAST(CASE WHEN c.relkind IN ('r', 'p') THEN 'BASE TABLE' WHEN c.relkind = 'v' THEN 'VIEW'
        WHEN c.relkind = 'f' THEN 'FOREIGN' END AS varchar(10485760)) AS table_type,
    CAST(NULL AS varchar(63)) AS self_referencing_column_name,
    CAST(NULL AS varchar(10485760)) AS reference_generation,
    CAST(NULL AS varchar(63)) AS user_defined_type_catalog, CAST(NULL AS varchar(63)) AS user_defined_type_schema,
    CAST(NULL AS varchar(63)) AS user_defined_type_name,
    CAST(CASE WHEN c.relkind IN ('r', 'p') THEN 'YES' ELSE 'NO' END AS varchar(3)) AS is_insertable_into,
    CAST('NO' AS varchar(3)) AS is_typed, CAST(NULL AS varchar(10485760)) AS commit_action
    FROM pgbridge_catalog.pg_namespace nc JOIN pgbridge_catalog.pg_class c ON nc.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'v', 'f', 'p')
;
CREATE VIEW views AS SELECT CAST(@pgbridge_database AS varchar(63)) AS table_catalog, nc.nspname AS table_schema,
    c.relname AS table_name,
    CAST(pgbridge_catalog.pgbridge_pg_get_viewdef(c.oid) AS varchar(10485760)) AS view_definition,
    CAST('NONE' AS varchar(10485760)) AS check_option,
    CAST('NO' AS varchar(3)) AS is_updatable, CAST('NO' AS varchar(3)) AS is_insertable_into,
    CAST('NO' AS varchar(3)) AS is_trigger_updatable, CAST('NO' AS varchar(3)) AS is_trigger_deletable,
    CAST('NO' AS varchar(3)) AS is_trigger_insertable_into
    FROM pgbridge_catalog.pg_namespace nc JOIN pgbridge_catalog.pg_class c ON nc.oid = c.relnamespace
    WHERE c.relkind = 'v'
;
CREATE VIEW columns AS SELECT CAST(@pgbridge_database AS varchar(63)) AS table_catalog, nc.nspname AS table_schema,
    c.relname AS table_name, a.attname AS column_name, CAST(a.attnum AS int) AS ordinal_position,
    CAST(CASE WHEN a.attgenerated = '' THEN ad.adbin END AS varchar(10485760)) AS column_default,
    CAST(CASE WHEN a.attnotnull OR (t.typtype = 'd' AND t.typnotnull) THEN 'NO' ELSE 'YES' END AS varchar(3))
        AS is_nullable,
    CAST(CASE WHEN t.typtype = 'd' THEN CASE WHEN bt.typelem <> 0 AND bt.typlen = -1 THEN 'ARRAY'
            WHEN nbt.nspname = 'pg_catalog' THEN pgbridge_catalog.pgbridge_format_type(t.typbasetype, NULL)
            ELSE 'USER-DEFINED' END
        WHEN t.typelem <> 0 AND t.typlen = -1 THEN 'ARRAY'
        WHEN nt.nspname = 'pg_catalog' THEN pgbridge_catalog.pgbridge_format_type(a.atttypid, NULL)
        ELSE 'USER-DEFINED' END AS varchar(10485760)) AS data_type,
    pgbridge_catalog.pgbridge_char_max_length(a.truetypid, a.truetypmod) AS character_maximum_length,
    pgbridge_catalog.pgbridge_char_octet_length(a.truetypid, a.truetypmod) AS character_octet_length,
    pgbridge_catalog.pgbridge_numeric_precision(a.truetypid, a.truetypmod) AS numeric_precision,
    pgbridge_catalog.pgbridge_numeric_precision_radix(a.truetypid, a.truetypmod) AS numeric_precision_radix,
    pgbridge_catalog.pgbridge_numeric_scale(a.truetypid, a.truetypmod) AS numeric_scale,
    pgbridge_catalog.pgbridge_datetime_precision(a.truetypid, a.truetypmod) AS datetime_precision,
    CAST(NULL AS varchar(10485760)) AS interval_type, CAST(NULL AS int) AS interval_precision,
    CAST(NULL AS varchar(63)) AS character_set_catalog, CAST(NULL AS varchar(63)) AS character_set_schema,
    CAST(NULL AS varchar(63)) AS character_set_name,
    CAST(CASE WHEN nco.nspname IS NOT NULL THEN @pgbridge_database END AS varchar(63)) AS collation_catalog,
    nco.nspname AS collation_schema, co.collname AS collation_name,
    CAST(CASE WHEN t.typtype = 'd' THEN @pgbridge_database END AS varchar(63)) AS domain_catalog,
    CAST(CASE WHEN t.typtype = 'd' THEN nt.nspname END AS varchar(63)) AS domain_schema,
    CAST(CASE WHEN t.typtype = 'd' THEN t.typname END AS varchar(63)) AS domain_name,
    CAST(@pgbridge_database AS varchar(63)) AS udt_catalog, COALESCE(nbt.nspname, nt.nspname) AS udt_schema,
    COALESCE(bt.typname, t.typname) AS udt_name,
    CAST(NULL AS varchar(63)) AS scope_catalog, CAST(NULL AS varchar(63)) AS scope_schema,
    CAST(NULL AS varchar(63)) AS scope_name,
    CAST(NULL AS int) AS maximum_cardinality, CAST(a.attnum AS varchar(63)) AS dtd_identifier,
    CAST('NO' AS varchar(3)) AS is_self_referencing,
    CAST(CASE WHEN a.attidentity IN ('a', 'd') THEN 'YES' ELSE 'NO' END AS varchar(3)) AS is_identity,
    CAST(CASE a.attidentity WHEN 'a' THEN 'ALWAYS' WHEN 'd' THEN 'BY DEFAULT' END AS varchar(10485760))
        AS identity_generation,
    CAST(seq.seqstart AS varchar(10485760)) AS identity_start,
    CAST(seq.seqincrement AS varchar(10485760)) AS identity_increment,
    CAST(seq.seqmax AS varchar(10485760)) AS identity_maximum,
    CAST(seq.seqmin AS varchar(10485760)) AS identity_minimum,
    CAST(CASE WHEN seq.seqcycle THEN 'YES' ELSE 'NO' END AS varchar(3)) AS identity_cycle,
    CAST(CASE WHEN a.attgenerated <> '' THEN 'ALWAYS' ELSE 'NEVER' END AS varchar(10485760)) AS is_generated,
    CAST(CASE WHEN a.attgenerated <> '' THEN ad.adbin END AS varchar(10485760)) AS generation_expression,
    CAST(CASE WHEN c.relkind IN ('r', 'p') THEN 'YES' ELSE 'NO' END AS varchar(3)) AS is_updatable
    FROM (SELECT a.*, CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END AS truetypid,
        CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END AS truetypmod
        FROM pgbridge_catalog.pg_attribute a JOIN pgbridge_catalog.pg_type t ON a.atttypid = t.oid) a
    LEFT JOIN pgbridge_catalog.pg_attrdef ad ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
    JOIN pgbridge_catalog.pg_class c ON a.attrelid = c.oid
    JOIN pgbridge_catalog.pg_namespace nc ON c.relnamespace = nc.oid
    JOIN pgbridge_catalog.pg_type t ON a.atttypid = t.oid
    JOIN pgbridge_catalog.pg_namespace nt ON t.typnamespace = nt.oid
    LEFT JOIN pgbridge_catalog.pg_type bt ON t.typtype = 'd' AND t.typbasetype = bt.oid
    LEFT JOIN pgbridge_catalog.pg_namespace nbt ON bt.typnamespace = nbt.oid
    LEFT JOIN pgbridge_catalog.pg_collation co ON a.attcollation = co.oid AND co.collname <> 'default'
    LEFT JOIN pgbridge_catalog.pg_namespace nco ON co.collnamespace = nco.oid
    LEFT JOIN pgbridge_catalog.pg_depend dep ON dep.refclassid = 1259 AND dep.refobjid = c.oid
        AND dep.refobjsubid = a.attnum AND dep.classid = 1259 AND dep.deptype = 'i'
    LEFT JOIN pgbridge_catalog.pg_sequence seq ON dep.objid = seq.seqrelid
    WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'v', 'f', 'p')
;
CREATE VIEW table_constraints AS SELECT CAST(@pgbridge_database AS varchar(63)) AS constraint_catalog,
    nc.nspname AS constraint_schema, c.conname AS constraint_name,
    CAST(@pgbridge_database AS varchar(63)) AS table_catalog,
    nr.nspname AS table_schema, r.relname AS table_name,
    CAST(CASE c.contype WHEN 'c' THEN 'CHECK' WHEN 'f' THEN 'FOREIGN KEY' WHEN 'p' THEN 'PRIMARY KEY'
        WHEN 'u' THEN 'UNIQUE' END AS varchar(10485760)) AS constraint_type,
    CAST(CASE WHEN c.condeferrable THEN 'YES' ELSE 'NO' END AS varchar(3)) AS is_deferrable,
    CAST(CASE WHEN c.condeferred THEN 'YES' ELSE 'NO' END AS varchar(3)) AS initially_deferred,
    CAST('YES' AS varchar(3)) AS enforced,
    CAST(CASE WHEN c.contype = 'u' THEN CASE WHEN (SELECT NOT i.indnullsnotdistinct FROM pgbridge_catalog.pg_index i
        WHERE i.indexrelid = c.conindid) THEN 'YES' ELSE 'NO' END END AS varchar(3)) AS nulls_distinct
    FROM pgbridge_catalog.pg_constraint c JOIN pgbridge_catalog.pg_namespace nc ON nc.oid = c.connamespace
    JOIN pgbridge_catalog.pg_class r ON c.conrelid = r.oid
    JOIN pgbridge_catalog.pg_namespace nr ON nr.oid = r.relnamespace
    WHERE c.contype NOT IN ('t', 'x') AND r.relkind IN ('r', 'p')
UNION ALL
SELECT CAST(@pgbridge_database AS varchar(63)), nr.nspname,
    CAST(CAST(nr.oid AS varchar(10485760)) || '_' || CAST(r.oid AS varchar(10485760)) || '_' || CAST(a.attnum
        AS varchar(10485760)) || '_not_null'
        AS varchar(63)),
    CAST(@pgbridge_database AS varchar(63)), nr.nspname, r.relname, CAST('CHECK' AS varchar(10485760)),
    CAST('NO' AS varchar(3)),
    CAST('NO' AS varchar(3)), CAST('YES' AS varchar(3)), CAST(NULL AS varchar(3))
    FROM pgbridge_catalog.pg_attribute a JOIN pgbridge_catalog.pg_class r ON r.oid = a.attrelid
    JOIN pgbridge_catalog.pg_namespace nr ON nr.oid = r.relnamespace
    WHERE a.attnotnull AND a.attnum > 0 AND NOT a.attisdropped AND r.relkind IN ('r', 'p')
;
CREATE VIEW key_column_usage AS SELECT CAST(@pgbridge_database AS varchar(63)) AS constraint_catalog,
    nc.nspname AS constraint_schema, c.conname AS constraint_name,
    CAST(@pgbridge_database AS varchar(63)) AS table_catalog,
    nr.nspname AS table_schema, r.relname AS table_name, a.attname AS column_name,
    CAST(k.n AS int) AS ordinal_position,
    CASE WHEN c.contype = 'f' THEN pgbridge_catalog.pgbridge_index_position(c.conindid, c.confkey[k.n]) END
        AS position_in_unique_constraint
    FROM pgbridge_catalog.pg_constraint c JOIN pgbridge_catalog.pg_namespace nc ON nc.oid = c.connamespace
    JOIN pgbridge_catalog.pg_class r ON r.oid = c.conrelid
    JOIN pgbridge_catalog.pg_namespace nr ON nr.oid = r.relnamespace
    JOIN generate_series(1, 32) k(n) ON k.n <= CARDINALITY(c.conkey)
    JOIN pgbridge_catalog.pg_attribute a ON a.attrelid = r.oid AND a.attnum = c.conkey[k.n]
    WHERE c.contype IN ('p', 'u', 'f') AND r.relkind IN ('r', 'p') AND NOT a.attisdropped
;
CREATE VIEW referential_constraints AS SELECT CAST(@pgbridge_database AS varchar(63)) AS constraint_catalog,
    ncon.nspname AS constraint_schema, con.conname AS constraint_name,
    CAST(CASE WHEN npkc.nspname IS NOT NULL THEN @pgbridge_database END AS varchar(63)) AS unique_constraint_catalog,
    npkc.nspname AS unique_constraint_schema, pkc.conname AS unique_constraint_name,
    CAST(CASE con.confmatchtype WHEN 'f' THEN 'FULL' WHEN 'p' THEN 'PARTIAL' WHEN 's' THEN 'NONE' END
        AS varchar(10485760))
        AS match_option,
    CAST(CASE con.confupdtype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT'
        WHEN 'r' THEN 'RESTRICT' WHEN 'a' THEN 'NO ACTION' END AS varchar(10485760)) AS update_rule,
    CAST(CASE con.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT'
        WHEN 'r' THEN 'RESTRICT' WHEN 'a' THEN 'NO ACTION' END AS varchar(10485760)) AS delete_rule
    FROM pgbridge_catalog.pg_constraint con JOIN pgbridge_catalog.pg_namespace ncon ON ncon.oid = con.connamespace
    LEFT JOIN pgbridge_catalog.pg_constraint pkc ON pkc.conindid = con.conindid AND pkc.contype IN ('p', 'u')
        AND pkc.conrelid = con.confrelid
    LEFT JOIN pgbridge_catalog.pg_namespace npkc ON npkc.oid = pkc.connamespace
    WHERE con.contype = 'f'
;
CREATE VIEW character_sets AS SELECT CAST(NULL AS varchar(63)) AS character_set_catalog,
    CAST(NULL AS varchar(63)) AS character_set_schema, CAST('UTF8' AS varchar(63)) AS character_set_name,
    CAST('UCS' AS varchar(63)) AS character_repertoire, CAST('UTF8' AS varchar(63)) AS form_of_use,
    CAST(@pgbridge_database AS varchar(63)) AS default_collate_catalog, nc.nspname AS default_collate_schema,
    c.collname AS default_collate_name
    FROM pgbridge_catalog.pg_database d
    LEFT JOIN pgbridge_catalog.pg_collation c ON d.datcollate = c.collcollate AND d.datctype = c.collctype
    LEFT JOIN pgbridge_catalog.pg_namespace nc ON c.collnamespace = nc.oid
    WHERE d.datname = @pgbridge_database
;
-- Functions and procedures belong to the backend, which pgbridge does not describe: no rows, PostgreSQL's columns.
CREATE VIEW routines AS SELECT
    CAST(NULL AS varchar(63)) AS specific_catalog, CAST(NULL AS varchar(63)) AS specific_schema,
    CAST(NULL AS varchar(63)) AS specific_name, CAST(NULL AS varchar(63)) AS routine_catalog,
    CAST(NULL AS varchar(63)) AS routine_schema, CAST(NULL AS varchar(63)) AS routine_name,
    CAST(NULL AS varchar(10485760)) AS routine_type, CAST(NULL AS varchar(63)) AS module_catalog,
    CAST(NULL AS varchar(63)) AS module_schema, CAST(NULL AS varchar(63)) AS module_name,
    CAST(NULL AS varchar(63)) AS udt_catalog, CAST(NULL AS varchar(63)) AS udt_schema,
    CAST(NULL AS varchar(63)) AS udt_name, CAST(NULL AS varchar(10485760)) AS data_type,
    CAST(NULL AS int) AS character_maximum_length, CAST(NULL AS int) AS character_octet_length,
    CAST(NULL AS varchar(63)) AS character_set_catalog, CAST(NULL AS varchar(63)) AS character_set_schema,
    CAST(NULL AS varchar(63)) AS character_set_name, CAST(NULL AS varchar(63)) AS collation_catalog,
    CAST(NULL AS varchar(63)) AS collation_schema, CAST(NULL AS varchar(63)) AS collation_name,
    CAST(NULL AS int) AS numeric_precision, CAST(NULL AS int) AS numeric_precision_radix,
    CAST(NULL AS int) AS numeric_scale, CAST(NULL AS int) AS datetime_precision,
    CAST(NULL AS varchar(10485760)) AS interval_type, CAST(NULL AS int) AS interval_precision,
    CAST(NULL AS varchar(63)) AS type_udt_catalog, CAST(NULL AS varchar(63)) AS type_udt_schema,
    CAST(NULL AS varchar(63)) AS type_udt_name, CAST(NULL AS varchar(63)) AS scope_catalog,
    CAST(NULL AS varchar(63)) AS scope_schema, CAST(NULL AS varchar(63)) AS scope_name,
    CAST(NULL AS int) AS maximum_cardinality, CAST(NULL AS varchar(63)) AS dtd_identifier,
    CAST(NULL AS varchar(10485760)) AS routine_body, CAST(NULL AS varchar(10485760)) AS routine_definition,
    CAST(NULL AS varchar(10485760)) AS external_name, CAST(NULL AS varchar(10485760)) AS external_language,
    CAST(NULL AS varchar(10485760)) AS parameter_style, CAST(NULL AS varchar(10485760)) AS is_deterministic,
    CAST(NULL AS varchar(10485760)) AS sql_data_access, CAST(NULL AS varchar(10485760)) AS is_null_call,
    CAST(NULL AS varchar(10485760)) AS sql_path, CAST(NULL AS varchar(10485760)) AS schema_level_routine,
    CAST(NULL AS int) AS max_dynamic_result_sets, CAST(NULL AS varchar(10485760)) AS is_user_defined_cast,
    CAST(NULL AS varchar(10485760)) AS is_implicitly_invocable, CAST(NULL AS varchar(10485760)) AS security_type,
    CAST(NULL AS varchar(63)) AS to_sql_specific_catalog, CAST(NULL AS varchar(63)) AS to_sql_specific_schema,
    CAST(NULL AS varchar(63)) AS to_sql_specific_name, CAST(NULL AS varchar(10485760)) AS as_locator,
    CAST(NULL AS timestamp with time zone) AS created, CAST(NULL AS timestamp with time zone) AS last_altered,
    CAST(NULL AS varchar(10485760)) AS new_savepoint_level, CAST(NULL AS varchar(10485760)) AS is_udt_dependent,
    CAST(NULL AS varchar(10485760)) AS result_cast_from_data_type,
    CAST(NULL AS varchar(10485760)) AS result_cast_as_locator, CAST(NULL AS int) AS result_cast_char_max_length,
    CAST(NULL AS int) AS result_cast_char_octet_length, CAST(NULL AS varchar(63)) AS result_cast_char_set_catalog,
    CAST(NULL AS varchar(63)) AS result_cast_char_set_schema,
    CAST(NULL AS varchar(63)) AS result_cast_char_set_name,
    CAST(NULL AS varchar(63)) AS result_cast_collation_catalog,
    CAST(NULL AS varchar(63)) AS result_cast_collation_schema,
    CAST(NULL AS varchar(63)) AS result_cast_collation_name, CAST(NULL AS int) AS result_cast_numeric_precision,
    CAST(NULL AS int) AS result_cast_numeric_precision_radix, CAST(NULL AS int) AS result_cast_numeric_scale,
    CAST(NULL AS int) AS result_cast_datetime_precision,
    CAST(NULL AS varchar(10485760)) AS result_cast_interval_type,
    CAST(NULL AS int) AS result_cast_interval_precision, CAST(NULL AS varchar(63)) AS result_cast_type_udt_catalog,
    CAST(NULL AS varchar(63)) AS result_cast_type_udt_schema,
    CAST(NULL AS varchar(63)) AS result_cast_type_udt_name, CAST(NULL AS varchar(63)) AS result_cast_scope_catalog,
    CAST(NULL AS varchar(63)) AS result_cast_scope_schema, CAST(NULL AS varchar(63)) AS result_cast_scope_name,
    CAST(NULL AS int) AS result_cast_maximum_cardinality, CAST(NULL AS varchar(63)) AS result_cast_dtd_identifier
    FROM pgbridge_catalog.pg_proc p WHERE false
