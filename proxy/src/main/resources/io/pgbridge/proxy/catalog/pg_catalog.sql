-- The virtual pg_catalog of a non-PostgreSQL backend, in pgbridge's catalog engine (an in-memory H2 database in
-- PostgreSQL mode). PostgreSQL's column names and meanings; oid columns are int, name columns varchar, "char"
-- columns that may be empty (attcompression…) varchar(1): H2's char(1) would pad '' to ' '.
-- Statements are separated by a line holding only ';'.
CREATE TABLE pg_namespace (oid int PRIMARY KEY, nspname varchar NOT NULL, nspowner int NOT NULL, nspacl varchar array)
;
CREATE TABLE pg_class (oid int PRIMARY KEY, relname varchar NOT NULL, relnamespace int NOT NULL, reltype int NOT NULL,
    reloftype int NOT NULL DEFAULT 0, relowner int NOT NULL, relam int NOT NULL DEFAULT 0, relfilenode int NOT NULL DEFAULT 0,
    reltablespace int NOT NULL DEFAULT 0, relpages int NOT NULL DEFAULT 0, reltuples real NOT NULL DEFAULT -1,
    relallvisible int NOT NULL DEFAULT 0, reltoastrelid int NOT NULL DEFAULT 0, relhasindex boolean NOT NULL,
    relisshared boolean NOT NULL DEFAULT false, relpersistence char(1) NOT NULL DEFAULT 'p', relkind char(1) NOT NULL,
    relnatts smallint NOT NULL, relchecks smallint NOT NULL DEFAULT 0, relhasrules boolean NOT NULL DEFAULT false,
    relhastriggers boolean NOT NULL DEFAULT false, relhassubclass boolean NOT NULL DEFAULT false,
    relrowsecurity boolean NOT NULL DEFAULT false, relforcerowsecurity boolean NOT NULL DEFAULT false,
    relispopulated boolean NOT NULL DEFAULT true, relreplident char(1) NOT NULL DEFAULT 'd',
    relispartition boolean NOT NULL DEFAULT false, relrewrite int NOT NULL DEFAULT 0, relacl varchar array,
    reloptions varchar array, relpartbound varchar)
;
CREATE TABLE pg_attribute (attrelid int NOT NULL, attname varchar NOT NULL, atttypid int NOT NULL,
    attstattarget int NOT NULL DEFAULT -1, attlen smallint NOT NULL,
    attnum smallint NOT NULL, attndims int NOT NULL DEFAULT 0, attcacheoff int NOT NULL DEFAULT -1, atttypmod int NOT NULL,
    attbyval boolean NOT NULL DEFAULT false, attalign char(1) NOT NULL DEFAULT 'i', attstorage char(1) NOT NULL DEFAULT 'p',
    attcompression varchar(1) NOT NULL DEFAULT '', attnotnull boolean NOT NULL, atthasdef boolean NOT NULL,
    atthasmissing boolean NOT NULL DEFAULT false, attidentity varchar(1) NOT NULL DEFAULT '',
    attgenerated varchar(1) NOT NULL DEFAULT '', attisdropped boolean NOT NULL DEFAULT false,
    attislocal boolean NOT NULL DEFAULT true, attinhcount int NOT NULL DEFAULT 0, attcollation int NOT NULL DEFAULT 0,
    attacl varchar array, PRIMARY KEY (attrelid, attnum))
;
CREATE TABLE pg_type (oid int PRIMARY KEY, typname varchar NOT NULL, typnamespace int NOT NULL, typowner int NOT NULL,
    typlen smallint NOT NULL, typbyval boolean NOT NULL, typtype char(1) NOT NULL, typcategory char(1) NOT NULL,
    typispreferred boolean NOT NULL, typisdefined boolean NOT NULL DEFAULT true, typdelim char(1) NOT NULL,
    typrelid int NOT NULL, typsubscript varchar NOT NULL DEFAULT '-', typelem int NOT NULL, typarray int NOT NULL,
    typinput varchar NOT NULL, typoutput varchar NOT NULL, typreceive varchar NOT NULL, typsend varchar NOT NULL,
    typmodin varchar NOT NULL DEFAULT '-', typmodout varchar NOT NULL DEFAULT '-', typanalyze varchar NOT NULL DEFAULT '-',
    typalign char(1) NOT NULL, typstorage char(1) NOT NULL, typnotnull boolean NOT NULL, typbasetype int NOT NULL,
    typtypmod int NOT NULL, typndims int NOT NULL, typcollation int NOT NULL, typdefaultbin varchar, typdefault varchar,
    typacl varchar array)
;
CREATE TABLE pg_index (indexrelid int PRIMARY KEY, indrelid int NOT NULL, indnatts smallint NOT NULL,
    indnkeyatts smallint NOT NULL, indisunique boolean NOT NULL, indnullsnotdistinct boolean NOT NULL DEFAULT false,
    indisprimary boolean NOT NULL, indisexclusion boolean NOT NULL DEFAULT false, indimmediate boolean NOT NULL DEFAULT true,
    indisclustered boolean NOT NULL DEFAULT false, indisvalid boolean NOT NULL DEFAULT true,
    indcheckxmin boolean NOT NULL DEFAULT false, indisready boolean NOT NULL DEFAULT true,
    indislive boolean NOT NULL DEFAULT true, indisreplident boolean NOT NULL DEFAULT false, indkey smallint array NOT NULL,
    indcollation int array, indclass int array, indoption smallint array NOT NULL, indexprs varchar, indpred varchar)
;
CREATE TABLE pg_constraint (oid int PRIMARY KEY, conname varchar NOT NULL, connamespace int NOT NULL, contype char(1) NOT NULL,
    condeferrable boolean NOT NULL DEFAULT false, condeferred boolean NOT NULL DEFAULT false,
    convalidated boolean NOT NULL DEFAULT true, conrelid int NOT NULL, contypid int NOT NULL DEFAULT 0,
    conindid int NOT NULL DEFAULT 0, conparentid int NOT NULL DEFAULT 0, confrelid int NOT NULL DEFAULT 0,
    confupdtype char(1) NOT NULL DEFAULT ' ', confdeltype char(1) NOT NULL DEFAULT ' ',
    confmatchtype char(1) NOT NULL DEFAULT ' ', conislocal boolean NOT NULL DEFAULT true, coninhcount int NOT NULL DEFAULT 0,
    connoinherit boolean NOT NULL DEFAULT false, conkey smallint array, confkey smallint array, conbin varchar)
;
CREATE TABLE pg_attrdef (oid int PRIMARY KEY, adrelid int NOT NULL, adnum smallint NOT NULL, adbin varchar NOT NULL)
;
CREATE TABLE pg_description (objoid int NOT NULL, classoid int NOT NULL, objsubid int NOT NULL, description varchar NOT NULL)
;
CREATE TABLE pg_database (oid int PRIMARY KEY, datname varchar NOT NULL, datdba int NOT NULL, encoding int NOT NULL,
    datlocprovider char(1) NOT NULL DEFAULT 'c', datistemplate boolean NOT NULL DEFAULT false,
    datallowconn boolean NOT NULL DEFAULT true, datconnlimit int NOT NULL DEFAULT -1, datfrozenxid int NOT NULL DEFAULT 0,
    datminmxid int NOT NULL DEFAULT 1, dattablespace int NOT NULL DEFAULT 1663, datcollate varchar NOT NULL,
    datctype varchar NOT NULL, daticulocale varchar, datcollversion varchar, datacl varchar array)
;
CREATE TABLE pg_roles (oid int PRIMARY KEY, rolname varchar NOT NULL, rolsuper boolean NOT NULL, rolinherit boolean NOT NULL,
    rolcreaterole boolean NOT NULL, rolcreatedb boolean NOT NULL, rolcanlogin boolean NOT NULL,
    rolreplication boolean NOT NULL, rolconnlimit int NOT NULL, rolpassword varchar, rolvaliduntil timestamp with time zone,
    rolbypassrls boolean NOT NULL, rolconfig varchar array)
;
CREATE VIEW pg_user AS SELECT rolname AS usename, oid AS usesysid, rolcreatedb AS usecreatedb, rolsuper AS usesuper,
    rolreplication AS userepl, rolbypassrls AS usebypassrls, '********' AS passwd, rolvaliduntil AS valuntil,
    rolconfig AS useconfig FROM pg_roles WHERE rolcanlogin
;
CREATE TABLE pg_auth_members (roleid int NOT NULL, member int NOT NULL, grantor int NOT NULL, admin_option boolean NOT NULL)
;
CREATE TABLE pg_am (oid int PRIMARY KEY, amname varchar NOT NULL, amhandler varchar NOT NULL, amtype char(1) NOT NULL)
;
CREATE TABLE pg_tablespace (oid int PRIMARY KEY, spcname varchar NOT NULL, spcowner int NOT NULL, spcacl varchar array,
    spcoptions varchar array)
;
CREATE TABLE pg_collation (oid int PRIMARY KEY, collname varchar NOT NULL, collnamespace int NOT NULL, collowner int NOT NULL,
    collprovider char(1) NOT NULL, collisdeterministic boolean NOT NULL, collencoding int NOT NULL, collcollate varchar,
    collctype varchar)
;
CREATE TABLE pg_inherits (inhrelid int NOT NULL, inhparent int NOT NULL, inhseqno int NOT NULL,
    inhdetachpending boolean NOT NULL)
;
CREATE TABLE pg_enum (oid int PRIMARY KEY, enumtypid int NOT NULL, enumsortorder real NOT NULL, enumlabel varchar NOT NULL)
;
CREATE TABLE pg_range (rngtypid int PRIMARY KEY, rngsubtype int NOT NULL, rngmultitypid int NOT NULL,
    rngcollation int NOT NULL, rngsubopc int NOT NULL, rngcanonical varchar NOT NULL, rngsubdiff varchar NOT NULL)
;
CREATE TABLE pg_extension (oid int PRIMARY KEY, extname varchar NOT NULL, extowner int NOT NULL, extnamespace int NOT NULL,
    extrelocatable boolean NOT NULL, extversion varchar NOT NULL)
;
CREATE TABLE pg_depend (classid int NOT NULL, objid int NOT NULL, objsubid int NOT NULL, refclassid int NOT NULL,
    refobjid int NOT NULL, refobjsubid int NOT NULL, deptype char(1) NOT NULL)
;
CREATE TABLE pg_rewrite (oid int PRIMARY KEY, rulename varchar NOT NULL, ev_class int NOT NULL, ev_type char(1) NOT NULL,
    ev_enabled char(1) NOT NULL DEFAULT 'O', is_instead boolean NOT NULL, ev_qual varchar, ev_action varchar)
;
CREATE TABLE pg_sequence (seqrelid int PRIMARY KEY, seqtypid int NOT NULL, seqstart bigint NOT NULL,
    seqincrement bigint NOT NULL, seqmax bigint NOT NULL, seqmin bigint NOT NULL, seqcache bigint NOT NULL,
    seqcycle boolean NOT NULL)
;
CREATE TABLE pg_proc (oid int PRIMARY KEY, proname varchar NOT NULL, pronamespace int NOT NULL, proowner int NOT NULL,
    prolang int NOT NULL, prokind char(1) NOT NULL, proretset boolean NOT NULL, prorettype int NOT NULL,
    pronargs smallint NOT NULL, proargtypes varchar NOT NULL, prosrc varchar)
;
CREATE TABLE pg_settings (name varchar PRIMARY KEY, setting varchar, unit varchar, category varchar, short_desc varchar,
    vartype varchar, source varchar, boot_val varchar, reset_val varchar)
;
CREATE TABLE pg_policy (oid int PRIMARY KEY, polname varchar NOT NULL, polrelid int NOT NULL, polcmd char(1) NOT NULL,
    polpermissive boolean NOT NULL, polroles int array NOT NULL, polqual varchar, polwithcheck varchar)
;
CREATE TABLE pg_trigger (oid int PRIMARY KEY, tgrelid int NOT NULL, tgparentid int NOT NULL, tgname varchar NOT NULL,
    tgfoid int NOT NULL, tgtype smallint NOT NULL, tgenabled char(1) NOT NULL, tgisinternal boolean NOT NULL)
;
CREATE TABLE pg_statistic_ext (oid int PRIMARY KEY, stxrelid int NOT NULL, stxname varchar NOT NULL,
    stxnamespace int NOT NULL, stxowner int NOT NULL, stxstattarget int NOT NULL, stxkeys smallint array NOT NULL,
    stxkind char(1) array NOT NULL)
;
CREATE TABLE pg_publication (oid int PRIMARY KEY, pubname varchar NOT NULL, pubowner int NOT NULL,
    puballtables boolean NOT NULL)
;
CREATE TABLE pg_publication_rel (oid int PRIMARY KEY, prpubid int NOT NULL, prrelid int NOT NULL, prqual varchar,
    prattrs smallint array)
;
CREATE TABLE pg_publication_namespace (oid int PRIMARY KEY, pnpubid int NOT NULL, pnnspid int NOT NULL)
;
CREATE VIEW pg_tables AS SELECT n.nspname AS schemaname, c.relname AS tablename, r.rolname AS tableowner,
    CAST(NULL AS varchar) AS tablespace, c.relhasindex AS hasindexes, c.relhasrules AS hasrules,
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
    CAST(NULL AS varchar) AS tablespace, c.relhasindex AS hasindexes, c.relispopulated AS ispopulated,
    CAST(NULL AS varchar) AS definition
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_roles r ON r.oid = c.relowner
    WHERE c.relkind = 'm'
;
CREATE VIEW pg_indexes AS SELECT n.nspname AS schemaname, c.relname AS tablename, i.relname AS indexname,
    CAST(NULL AS varchar) AS tablespace, pgbridge_pg_get_indexdef(i.oid, 0, false) AS indexdef
    FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
    LEFT JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'm', 'p') AND i.relkind IN ('i', 'I')
