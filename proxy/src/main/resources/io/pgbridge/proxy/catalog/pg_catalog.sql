-- The virtual pg_catalog of a non-PostgreSQL backend, in pgbridge's catalog engine (an in-memory H2 database in
-- PostgreSQL mode). PostgreSQL's column names and meanings. Types that say which PostgreSQL type a result column
-- has (CatalogResultTypes): name columns are varchar(63), oid columns numeric(10), "char" columns char(1), except
-- those that may be empty (attcompression…), varchar(10485762): H2's char(1) would pad '' to ' '; int2vector columns
-- smallint array[32] and oidvector columns numeric(10) array[32] (INDEX_MAX_KEYS), oid[] numeric(10) array,
-- aclitem[] varchar array[65535], pg_node_tree varchar(10485761), xid numeric(11), regproc columns
-- (typinput…) the function's oid as numeric(12), regprocedure numeric(13): sent as PostgreSQL's types.
-- System column tableoid: the table's own oid in PostgreSQL, INVISIBLE (not in SELECT *), as there.
-- Statements are separated by a line holding only ';'.
CREATE TABLE pg_namespace (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 2615, oid numeric(10) PRIMARY KEY, nspname varchar(63) NOT NULL, nspowner numeric(10) NOT NULL,
    nspacl varchar array[65535])
;
CREATE TABLE pg_class (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 1259, oid numeric(10) PRIMARY KEY, relname varchar(63) NOT NULL, relnamespace numeric(10) NOT NULL,
    reltype numeric(10) NOT NULL, reloftype numeric(10) NOT NULL DEFAULT 0, relowner numeric(10) NOT NULL,
    relam numeric(10) NOT NULL DEFAULT 0, relfilenode numeric(10) NOT NULL DEFAULT 0,
    reltablespace numeric(10) NOT NULL DEFAULT 0, relpages int NOT NULL DEFAULT 0, reltuples real NOT NULL DEFAULT -1,
    relallvisible int NOT NULL DEFAULT 0, reltoastrelid numeric(10) NOT NULL DEFAULT 0, relhasindex boolean NOT NULL,
    relisshared boolean NOT NULL DEFAULT false, relpersistence char(1) NOT NULL DEFAULT 'p', relkind char(1) NOT NULL,
    relnatts smallint NOT NULL, relchecks smallint NOT NULL DEFAULT 0, relhasrules boolean NOT NULL DEFAULT false,
    relhastriggers boolean NOT NULL DEFAULT false, relhassubclass boolean NOT NULL DEFAULT false,
    relrowsecurity boolean NOT NULL DEFAULT false, relforcerowsecurity boolean NOT NULL DEFAULT false,
    relispopulated boolean NOT NULL DEFAULT true, relreplident char(1) NOT NULL DEFAULT 'd',
    relispartition boolean NOT NULL DEFAULT false, relrewrite numeric(10) NOT NULL DEFAULT 0, relfrozenxid numeric(11) NOT NULL DEFAULT 0,
    relminmxid numeric(11) NOT NULL DEFAULT 0, relacl varchar array[65535],
    reloptions varchar array, relpartbound varchar(10485761))
;
CREATE TABLE pg_attribute (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 1249, attrelid numeric(10) NOT NULL, attname varchar(63) NOT NULL, atttypid numeric(10) NOT NULL,
    attstattarget int NOT NULL DEFAULT -1, attlen smallint NOT NULL, attnum smallint NOT NULL,
    attndims int NOT NULL DEFAULT 0, attcacheoff int NOT NULL DEFAULT -1, atttypmod int NOT NULL,
    attbyval boolean NOT NULL DEFAULT false, attalign char(1) NOT NULL DEFAULT 'i',
    attstorage char(1) NOT NULL DEFAULT 'p', attcompression varchar(10485762) NOT NULL DEFAULT '', attnotnull boolean NOT NULL,
    atthasdef boolean NOT NULL, atthasmissing boolean NOT NULL DEFAULT false,
    attidentity varchar(10485762) NOT NULL DEFAULT '', attgenerated varchar(10485762) NOT NULL DEFAULT '',
    attisdropped boolean NOT NULL DEFAULT false, attislocal boolean NOT NULL DEFAULT true,
    attinhcount int NOT NULL DEFAULT 0, attcollation numeric(10) NOT NULL DEFAULT 0, attacl varchar array[65535],
    attoptions varchar array, attfdwoptions varchar array, attmissingval varchar,
    PRIMARY KEY (attrelid, attnum))
;
CREATE TABLE pg_type (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 1247, oid numeric(10) PRIMARY KEY, typname varchar(63) NOT NULL, typnamespace numeric(10) NOT NULL,
    typowner numeric(10) NOT NULL, typlen smallint NOT NULL, typbyval boolean NOT NULL, typtype char(1) NOT NULL,
    typcategory char(1) NOT NULL, typispreferred boolean NOT NULL, typisdefined boolean NOT NULL DEFAULT true,
    typdelim char(1) NOT NULL, typrelid numeric(10) NOT NULL, typsubscript numeric(12) NOT NULL DEFAULT 0,
    typelem numeric(10) NOT NULL, typarray numeric(10) NOT NULL, typinput numeric(12) NOT NULL,
    typoutput numeric(12) NOT NULL, typreceive numeric(12) NOT NULL, typsend numeric(12) NOT NULL,
    typmodin numeric(12) NOT NULL DEFAULT 0, typmodout numeric(12) NOT NULL DEFAULT 0,
    typanalyze numeric(12) NOT NULL DEFAULT 0, typalign char(1) NOT NULL,
    typstorage char(1) NOT NULL, typnotnull boolean NOT NULL, typbasetype numeric(10) NOT NULL, typtypmod int NOT NULL,
    typndims int NOT NULL, typcollation numeric(10) NOT NULL, typdefaultbin varchar(10485761), typdefault varchar,
    typacl varchar array[65535])
;
CREATE TABLE pg_index (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 2610, indexrelid numeric(10) PRIMARY KEY, indrelid numeric(10) NOT NULL, indnatts smallint NOT NULL,
    indnkeyatts smallint NOT NULL, indisunique boolean NOT NULL, indnullsnotdistinct boolean NOT NULL DEFAULT false,
    indisprimary boolean NOT NULL, indisexclusion boolean NOT NULL DEFAULT false,
    indimmediate boolean NOT NULL DEFAULT true, indisclustered boolean NOT NULL DEFAULT false,
    indisvalid boolean NOT NULL DEFAULT true, indcheckxmin boolean NOT NULL DEFAULT false,
    indisready boolean NOT NULL DEFAULT true, indislive boolean NOT NULL DEFAULT true,
    indisreplident boolean NOT NULL DEFAULT false, indkey smallint array[32] NOT NULL, indcollation numeric(10) array[32],
    indclass numeric(10) array[32], indoption smallint array[32] NOT NULL, indexprs varchar(10485761), indpred varchar(10485761))
;
CREATE TABLE pg_constraint (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 2606, oid numeric(10) PRIMARY KEY, conname varchar(63) NOT NULL,
    connamespace numeric(10) NOT NULL, contype char(1) NOT NULL, condeferrable boolean NOT NULL DEFAULT false,
    condeferred boolean NOT NULL DEFAULT false, convalidated boolean NOT NULL DEFAULT true,
    conrelid numeric(10) NOT NULL, contypid numeric(10) NOT NULL DEFAULT 0, conindid numeric(10) NOT NULL DEFAULT 0,
    conparentid numeric(10) NOT NULL DEFAULT 0, confrelid numeric(10) NOT NULL DEFAULT 0,
    confupdtype char(1) NOT NULL DEFAULT ' ', confdeltype char(1) NOT NULL DEFAULT ' ',
    confmatchtype char(1) NOT NULL DEFAULT ' ', conislocal boolean NOT NULL DEFAULT true,
    coninhcount int NOT NULL DEFAULT 0, connoinherit boolean NOT NULL DEFAULT false, conkey smallint array,
    confkey smallint array, conpfeqop numeric(10) array, conppeqop numeric(10) array, conffeqop numeric(10) array,
    confdelsetcols smallint array, conexclop numeric(10) array, conbin varchar(10485761))
;
CREATE TABLE pg_attrdef (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 2604, oid numeric(10) PRIMARY KEY, adrelid numeric(10) NOT NULL, adnum smallint NOT NULL,
    adbin varchar(10485761) NOT NULL)
;
CREATE TABLE pg_description (objoid numeric(10) NOT NULL, classoid numeric(10) NOT NULL, objsubid int NOT NULL,
    description varchar NOT NULL)
;
CREATE TABLE pg_database (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 1262, oid numeric(10) PRIMARY KEY, datname varchar(63) NOT NULL, datdba numeric(10) NOT NULL,
    encoding int NOT NULL, datlocprovider char(1) NOT NULL DEFAULT 'c', datistemplate boolean NOT NULL DEFAULT false,
    datallowconn boolean NOT NULL DEFAULT true, datconnlimit int NOT NULL DEFAULT -1,
    datfrozenxid numeric(11) NOT NULL DEFAULT 0, datminmxid numeric(11) NOT NULL DEFAULT 1,
    dattablespace numeric(10) NOT NULL DEFAULT 1663, datcollate varchar NOT NULL, datctype varchar NOT NULL,
    daticulocale varchar, datcollversion varchar, datacl varchar array[65535])
;
CREATE TABLE pg_roles (rolname varchar(63) NOT NULL, rolsuper boolean NOT NULL,
    rolinherit boolean NOT NULL, rolcreaterole boolean NOT NULL, rolcreatedb boolean NOT NULL,
    rolcanlogin boolean NOT NULL, rolreplication boolean NOT NULL, rolconnlimit int NOT NULL, rolpassword varchar,
    rolvaliduntil timestamp with time zone, rolbypassrls boolean NOT NULL, rolconfig varchar array,
    oid numeric(10) PRIMARY KEY)
;
CREATE VIEW pg_user AS SELECT rolname AS usename, oid AS usesysid, rolcreatedb AS usecreatedb, rolsuper AS usesuper,
    rolreplication AS userepl, rolbypassrls AS usebypassrls, '********' AS passwd, rolvaliduntil AS valuntil,
    rolconfig AS useconfig FROM pg_roles WHERE rolcanlogin
;
CREATE TABLE pg_shdescription (objoid numeric(10) NOT NULL, classoid numeric(10) NOT NULL, description varchar NOT NULL)
;
CREATE TABLE pg_auth_members (roleid numeric(10) NOT NULL, member numeric(10) NOT NULL, grantor numeric(10) NOT NULL,
    admin_option boolean NOT NULL)
;
CREATE TABLE pg_am (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 2601, oid numeric(10) PRIMARY KEY, amname varchar(63) NOT NULL, amhandler numeric(12) NOT NULL,
    amtype char(1) NOT NULL)
;
CREATE TABLE pg_tablespace (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 1213, oid numeric(10) PRIMARY KEY, spcname varchar(63) NOT NULL, spcowner numeric(10) NOT NULL,
    spcacl varchar array[65535], spcoptions varchar array)
;
CREATE TABLE pg_collation (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 3456, oid numeric(10) PRIMARY KEY, collname varchar(63) NOT NULL,
    collnamespace numeric(10) NOT NULL, collowner numeric(10) NOT NULL, collprovider char(1) NOT NULL,
    collisdeterministic boolean NOT NULL, collencoding int NOT NULL, collcollate varchar, collctype varchar,
    colliculocale varchar, collversion varchar)
;
CREATE TABLE pg_inherits (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 2611, inhrelid numeric(10) NOT NULL, inhparent numeric(10) NOT NULL, inhseqno int NOT NULL,
    inhdetachpending boolean NOT NULL)
;
CREATE TABLE pg_enum (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 3501, oid numeric(10) PRIMARY KEY, enumtypid numeric(10) NOT NULL, enumsortorder real NOT NULL,
    enumlabel varchar(63) NOT NULL)
;
CREATE TABLE pg_range (rngtypid numeric(10) PRIMARY KEY, rngsubtype numeric(10) NOT NULL,
    rngmultitypid numeric(10) NOT NULL, rngcollation numeric(10) NOT NULL, rngsubopc numeric(10) NOT NULL,
    rngcanonical numeric(12) NOT NULL, rngsubdiff numeric(12) NOT NULL)
;
CREATE TABLE pg_extension (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 3079, oid numeric(10) PRIMARY KEY, extname varchar(63) NOT NULL, extowner numeric(10) NOT NULL,
    extnamespace numeric(10) NOT NULL, extrelocatable boolean NOT NULL, extversion varchar NOT NULL,
    extconfig numeric(10) array, extcondition varchar array)
;
CREATE TABLE pg_depend (classid numeric(10) NOT NULL, objid numeric(10) NOT NULL, objsubid int NOT NULL,
    refclassid numeric(10) NOT NULL, refobjid numeric(10) NOT NULL, refobjsubid int NOT NULL, deptype char(1) NOT NULL)
;
CREATE TABLE pg_rewrite (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 2618, oid numeric(10) PRIMARY KEY, rulename varchar(63) NOT NULL, ev_class numeric(10) NOT NULL,
    ev_type char(1) NOT NULL, ev_enabled char(1) NOT NULL DEFAULT 'O', is_instead boolean NOT NULL, ev_qual varchar(10485761),
    ev_action varchar(10485761))
;
CREATE TABLE pg_sequence (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 2224, seqrelid numeric(10) PRIMARY KEY, seqtypid numeric(10) NOT NULL, seqstart bigint NOT NULL,
    seqincrement bigint NOT NULL, seqmax bigint NOT NULL, seqmin bigint NOT NULL, seqcache bigint NOT NULL,
    seqcycle boolean NOT NULL)
;
CREATE TABLE pg_proc (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 1255, oid numeric(10) PRIMARY KEY, proname varchar(63) NOT NULL,
    pronamespace numeric(10) NOT NULL, proowner numeric(10) NOT NULL DEFAULT 10, prolang numeric(10) NOT NULL,
    procost real NOT NULL, prorows real NOT NULL, provariadic numeric(10) NOT NULL, prosupport numeric(12) NOT NULL,
    prokind char(1) NOT NULL, prosecdef boolean NOT NULL, proleakproof boolean NOT NULL, proisstrict boolean NOT NULL,
    proretset boolean NOT NULL, provolatile char(1) NOT NULL, proparallel char(1) NOT NULL, pronargs smallint NOT NULL,
    pronargdefaults smallint NOT NULL, prorettype numeric(10) NOT NULL, proargtypes varchar NOT NULL,
    proallargtypes numeric(10) array, proargmodes char(1) array, proargnames varchar array, proargdefaults varchar(10485761),
    protrftypes numeric(10) array, prosrc varchar NOT NULL, probin varchar, prosqlbody varchar(10485761),
    proconfig varchar array, proacl varchar array[65535])
;
CREATE TABLE pg_language (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 2612, oid numeric(10) PRIMARY KEY, lanname varchar(63) NOT NULL,
    lanowner numeric(10) NOT NULL, lanispl boolean NOT NULL, lanpltrusted boolean NOT NULL,
    lanplcallfoid numeric(10) NOT NULL, laninline numeric(10) NOT NULL, lanvalidator numeric(10) NOT NULL,
    lanacl varchar array)
;
CREATE TABLE pg_settings_builtin (name varchar PRIMARY KEY, setting varchar, unit varchar, category varchar, short_desc varchar,
    extra_desc varchar, context varchar, vartype varchar, source varchar, min_val varchar, max_val varchar,
    enumvals varchar array, boot_val varchar, reset_val varchar, sourcefile varchar, sourceline int,
    pending_restart boolean NOT NULL DEFAULT false)
;
CREATE TABLE pg_policy (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 3256, oid numeric(10) PRIMARY KEY, polname varchar(63) NOT NULL, polrelid numeric(10) NOT NULL,
    polcmd char(1) NOT NULL, polpermissive boolean NOT NULL, polroles numeric(10) array NOT NULL, polqual varchar(10485761),
    polwithcheck varchar(10485761))
;
CREATE TABLE pg_trigger (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 2620, oid numeric(10) PRIMARY KEY, tgrelid numeric(10) NOT NULL, tgparentid numeric(10) NOT NULL,
    tgname varchar(63) NOT NULL, tgfoid numeric(10) NOT NULL, tgtype smallint NOT NULL, tgenabled char(1) NOT NULL,
    tgisinternal boolean NOT NULL, tgconstrrelid numeric(10) NOT NULL DEFAULT 0,
    tgconstrindid numeric(10) NOT NULL DEFAULT 0, tgconstraint numeric(10) NOT NULL DEFAULT 0,
    tgdeferrable boolean NOT NULL DEFAULT false, tginitdeferred boolean NOT NULL DEFAULT false,
    tgnargs smallint NOT NULL DEFAULT 0, tgattr smallint array[32], tgargs varchar, tgqual varchar(10485761), tgoldtable varchar(63),
    tgnewtable varchar(63))
;
CREATE TABLE pg_statistic_ext (oid numeric(10) PRIMARY KEY, stxrelid numeric(10) NOT NULL, stxname varchar(63) NOT NULL,
    stxnamespace numeric(10) NOT NULL, stxowner numeric(10) NOT NULL, stxstattarget int NOT NULL,
    stxkeys smallint array[32] NOT NULL, stxkind char(1) array NOT NULL, stxexprs varchar(10485761))
;
CREATE TABLE pg_publication (oid numeric(10) PRIMARY KEY, pubname varchar(63) NOT NULL, pubowner numeric(10) NOT NULL,
    puballtables boolean NOT NULL, pubinsert boolean NOT NULL DEFAULT true, pubupdate boolean NOT NULL DEFAULT true,
    pubdelete boolean NOT NULL DEFAULT true, pubtruncate boolean NOT NULL DEFAULT true,
    pubviaroot boolean NOT NULL DEFAULT false)
;
CREATE TABLE pg_publication_rel (oid numeric(10) PRIMARY KEY, prpubid numeric(10) NOT NULL,
    prrelid numeric(10) NOT NULL, prqual varchar(10485761), prattrs smallint array)
;
CREATE TABLE pg_publication_namespace (oid numeric(10) PRIMARY KEY, pnpubid numeric(10) NOT NULL,
    pnnspid numeric(10) NOT NULL)
;
CREATE VIEW pg_tables AS SELECT n.nspname AS schemaname, c.relname AS tablename, r.rolname AS tableowner,
    CAST(NULL AS varchar(63)) AS tablespace, c.relhasindex AS hasindexes, c.relhasrules AS hasrules,
    c.relhastriggers AS hastriggers, c.relrowsecurity AS rowsecurity
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_roles r ON r.oid = c.relowner
    WHERE c.relkind IN ('r', 'p')
;
CREATE VIEW pg_views AS SELECT n.nspname AS schemaname, c.relname AS viewname, r.rolname AS viewowner,
    CAST(NULL AS varchar) AS definition
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_roles r ON r.oid = c.relowner
    WHERE c.relkind = 'v'
;
CREATE VIEW pg_matviews AS SELECT n.nspname AS schemaname, c.relname AS matviewname, r.rolname AS matviewowner,
    CAST(NULL AS varchar(63)) AS tablespace, c.relhasindex AS hasindexes, c.relispopulated AS ispopulated,
    CAST(NULL AS varchar) AS definition
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_roles r ON r.oid = c.relowner
    WHERE c.relkind = 'm'
;
CREATE VIEW pg_indexes AS SELECT n.nspname AS schemaname, c.relname AS tablename, i.relname AS indexname,
    CAST(NULL AS varchar(63)) AS tablespace, pgbridge_pg_get_indexdef(i.oid, 0, false) AS indexdef
    FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
    LEFT JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'm', 'p') AND i.relkind IN ('i', 'I')
;
-- The engine keeps no statistics: every counter 0, no vacuum or analyze yet, as on a server just started.
CREATE VIEW pg_stat_user_tables AS SELECT c.oid AS relid, n.nspname AS schemaname, c.relname AS relname,
    CAST(0 AS bigint) AS seq_scan, CAST(0 AS bigint) AS seq_tup_read, CAST(0 AS bigint) AS idx_scan,
    CAST(0 AS bigint) AS idx_tup_fetch, CAST(0 AS bigint) AS n_tup_ins, CAST(0 AS bigint) AS n_tup_upd,
    CAST(0 AS bigint) AS n_tup_del, CAST(0 AS bigint) AS n_tup_hot_upd, CAST(0 AS bigint) AS n_live_tup,
    CAST(0 AS bigint) AS n_dead_tup, CAST(0 AS bigint) AS n_mod_since_analyze,
    CAST(0 AS bigint) AS n_ins_since_vacuum, CAST(NULL AS timestamp with time zone) AS last_vacuum,
    CAST(NULL AS timestamp with time zone) AS last_autovacuum, CAST(NULL AS timestamp with time zone) AS last_analyze,
    CAST(NULL AS timestamp with time zone) AS last_autoanalyze, CAST(0 AS bigint) AS vacuum_count,
    CAST(0 AS bigint) AS autovacuum_count, CAST(0 AS bigint) AS analyze_count, CAST(0 AS bigint) AS autoanalyze_count
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'm', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
;
CREATE VIEW pg_stat_gssapi AS SELECT CAST(@pgbridge_pid AS int) AS pid, false AS gss_authenticated,
    CAST(NULL AS varchar) AS principal, false AS encrypted
;
-- Built-in rows only (BuiltinTables), and five tables that stay empty: no event triggers, per-role settings, large
-- objects, subscriptions or grants on settings on these backends.
CREATE TABLE pg_operator (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 2617, oid numeric(10) PRIMARY KEY, oprname varchar(63) NOT NULL, oprnamespace numeric(10) NOT NULL, oprowner numeric(10) NOT NULL, oprkind char(1) NOT NULL, oprcanmerge boolean NOT NULL, oprcanhash boolean NOT NULL, oprleft numeric(10) NOT NULL, oprright numeric(10) NOT NULL, oprresult numeric(10) NOT NULL, oprcom numeric(10) NOT NULL, oprnegate numeric(10) NOT NULL, oprcode numeric(12) NOT NULL, oprrest numeric(12) NOT NULL, oprjoin numeric(12) NOT NULL)
;
CREATE TABLE pg_opclass (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 2616, oid numeric(10) PRIMARY KEY, opcmethod numeric(10) NOT NULL, opcname varchar(63) NOT NULL, opcnamespace numeric(10) NOT NULL, opcowner numeric(10) NOT NULL, opcfamily numeric(10) NOT NULL, opcintype numeric(10) NOT NULL, opcdefault boolean NOT NULL, opckeytype numeric(10) NOT NULL)
;
CREATE TABLE pg_opfamily (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 2753, oid numeric(10) PRIMARY KEY, opfmethod numeric(10) NOT NULL, opfname varchar(63) NOT NULL, opfnamespace numeric(10) NOT NULL, opfowner numeric(10) NOT NULL)
;
CREATE TABLE pg_conversion (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 2607, oid numeric(10) PRIMARY KEY, conname varchar(63) NOT NULL, connamespace numeric(10) NOT NULL, conowner numeric(10) NOT NULL, conforencoding int NOT NULL, contoencoding int NOT NULL, conproc numeric(12) NOT NULL, condefault boolean NOT NULL)
;
CREATE TABLE pg_ts_config (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 3602, oid numeric(10) PRIMARY KEY, cfgname varchar(63) NOT NULL, cfgnamespace numeric(10) NOT NULL, cfgowner numeric(10) NOT NULL, cfgparser numeric(10) NOT NULL)
;
CREATE TABLE pg_ts_config_map (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 3603, mapcfg numeric(10) NOT NULL, maptokentype int NOT NULL, mapseqno int NOT NULL, mapdict numeric(10) NOT NULL)
;
CREATE TABLE pg_ts_parser (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 3601, oid numeric(10) PRIMARY KEY, prsname varchar(63) NOT NULL, prsnamespace numeric(10) NOT NULL, prsstart numeric(12) NOT NULL, prstoken numeric(12) NOT NULL, prsend numeric(12) NOT NULL, prsheadline numeric(12) NOT NULL, prslextype numeric(12) NOT NULL)
;
CREATE TABLE pg_ts_dict (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 3600, oid numeric(10) PRIMARY KEY, dictname varchar(63) NOT NULL, dictnamespace numeric(10) NOT NULL, dictowner numeric(10) NOT NULL, dicttemplate numeric(10) NOT NULL, dictinitoption varchar)
;
CREATE TABLE pg_ts_template (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 3764, oid numeric(10) PRIMARY KEY, tmplname varchar(63) NOT NULL, tmplnamespace numeric(10) NOT NULL, tmplinit numeric(12) NOT NULL, tmpllexize numeric(12) NOT NULL)
;
CREATE TABLE pg_cast (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 2605, oid numeric(10) PRIMARY KEY, castsource numeric(10) NOT NULL, casttarget numeric(10) NOT NULL, castfunc numeric(10) NOT NULL, castcontext char(1) NOT NULL, castmethod char(1) NOT NULL)
;
CREATE TABLE pg_event_trigger (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 3466, oid numeric(10) PRIMARY KEY, evtname varchar(63) NOT NULL, evtevent varchar(63) NOT NULL, evtowner numeric(10) NOT NULL, evtfoid numeric(10) NOT NULL, evtenabled char(1) NOT NULL, evttags varchar array)
;
CREATE TABLE pg_db_role_setting (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 2964, setdatabase numeric(10) NOT NULL, setrole numeric(10) NOT NULL, setconfig varchar array)
;
CREATE TABLE pg_largeobject_metadata (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 2995, oid numeric(10) PRIMARY KEY, lomowner numeric(10) NOT NULL, lomacl varchar array[65535])
;
CREATE TABLE pg_subscription (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 6100, oid numeric(10) PRIMARY KEY, subdbid numeric(10) NOT NULL, subskiplsn varchar NOT NULL, subname varchar(63) NOT NULL, subowner numeric(10) NOT NULL, subenabled boolean NOT NULL, subbinary boolean NOT NULL, substream boolean NOT NULL, subtwophasestate char(1) NOT NULL, subdisableonerr boolean NOT NULL, subconninfo varchar NOT NULL, subslotname varchar(63), subsynccommit varchar NOT NULL, subpublications varchar array NOT NULL)
;
CREATE TABLE pg_parameter_acl (tableoid numeric(10) INVISIBLE NOT NULL DEFAULT 6243, oid numeric(10) PRIMARY KEY, parname varchar NOT NULL, paracl varchar array[65535])
;
-- pg_get_keywords(): PostgreSQL 15's keywords (pg_keywords.psv); CatalogSql reads the call as this table.
CREATE TABLE pgbridge_keywords (word varchar PRIMARY KEY, catcode char(1) NOT NULL, barelabel boolean NOT NULL,
    catdesc varchar, baredesc varchar)
