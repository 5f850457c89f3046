-- Queries of pg_proc and of regproc values: Npgsql's type loading (PostgresDatabaseInfo.cs, GenerateLoadTypesQuery
-- as it is built for PostgreSQL 15: with ranges and multiranges, table composites not loaded), which joins pg_proc
-- on typreceive, and the casts and columns of regproc and regprocedure. GuiToolQueriesIT runs them on PostgreSQL
-- and through pgbridge. A query ends with a blank line.

-- Npgsql: load types
SELECT ns.nspname, t.oid, t.typname, t.typtype, t.typnotnull, t.elemtypoid
FROM (
    -- Arrays have typtype=b - this subquery identifies them by their typreceive and converts their typtype to a
    -- We first do this for the type (innerest-most subquery), and then for its element type
    -- This also returns the array element, range subtype and domain base type as elemtypoid
    SELECT
        typ.oid, typ.typnamespace, typ.typname, typ.typtype, typ.typrelid, typ.typnotnull, typ.relkind,
        elemtyp.oid AS elemtypoid, elemtyp.typname AS elemtypname, elemcls.relkind AS elemrelkind,
        CASE WHEN elemproc.proname='array_recv' THEN 'a' ELSE elemtyp.typtype END AS elemtyptype
    FROM (
        SELECT typ.oid, typnamespace, typname, typrelid, typnotnull, relkind, typelem AS elemoid,
            CASE WHEN proc.proname='array_recv' THEN 'a' ELSE typ.typtype END AS typtype,
            CASE
                WHEN proc.proname='array_recv' THEN typ.typelem
                WHEN typ.typtype='r' THEN rngsubtype
                WHEN typ.typtype='m' THEN (SELECT rngtypid FROM pg_range WHERE rngmultitypid = typ.oid)
                WHEN typ.typtype='d' THEN typ.typbasetype
            END AS elemtypoid
        FROM pg_type AS typ
        LEFT JOIN pg_class AS cls ON (cls.oid = typ.typrelid)
        LEFT JOIN pg_proc AS proc ON proc.oid = typ.typreceive
        LEFT JOIN pg_range ON (pg_range.rngtypid = typ.oid)
    ) AS typ
    LEFT JOIN pg_type AS elemtyp ON elemtyp.oid = elemtypoid
    LEFT JOIN pg_class AS elemcls ON (elemcls.oid = elemtyp.typrelid)
    LEFT JOIN pg_proc AS elemproc ON elemproc.oid = elemtyp.typreceive
) AS t
JOIN pg_namespace AS ns ON (ns.oid = typnamespace)
WHERE
    typtype IN ('b', 'r', 'm', 'e', 'd') OR -- Base, range, multirange, enum, domain
    (typtype = 'c' AND relkind='c') OR -- User-defined free-standing composites (not table composites) by default
    (typtype = 'p' AND typname IN ('record', 'void')) OR -- Some special supported pseudo-types
    (typtype = 'a' AND (  -- Array of...
        elemtyptype IN ('b', 'r', 'm', 'e', 'd') OR -- Array of base, range, multirange, enum, domain
        (elemtyptype = 'p' AND elemtypname IN ('record', 'void')) OR -- Arrays of special supported pseudo-types
        (elemtyptype = 'c' AND elemrelkind='c') -- Array of user-defined free-standing composites (not table composites) by default
    ))
ORDER BY CASE
       WHEN typtype IN ('b', 'e', 'p') THEN 0           -- First base types, enums, pseudo-types
       WHEN typtype = 'r' THEN 1                        -- Ranges after
       WHEN typtype = 'm' THEN 2                        -- Multiranges after
       WHEN typtype = 'c' THEN 3                        -- Composites after
       WHEN typtype = 'd' AND elemtyptype <> 'a' THEN 4 -- Domains over non-arrays after
       WHEN typtype = 'a' THEN 5                        -- Arrays after
       WHEN typtype = 'd' AND elemtyptype = 'a' THEN 6  -- Domains over arrays last
END, 2

-- regproc: casts from names and oids
SELECT 'int4in'::regproc, 'int4in'::regproc::oid, 'pg_catalog.array_in'::regproc, 'now()'::regprocedure, 'int4pl(integer,integer)'::regprocedure, 'pg_catalog.substring(text, integer, integer)'::regprocedure::oid

-- regproc: an oid column cast
SELECT p.oid::regproc AS proc, p.oid::regprocedure AS signature FROM pg_catalog.pg_proc p WHERE p.proname IN ('int4pl', 'abs', 'now', '_pg_expandarray', 'percentile_cont') ORDER BY 2

-- regproc: pg_type's functions
SELECT t.oid, t.typname, t.typinput, t.typoutput, t.typreceive, t.typsend, t.typmodin, t.typmodout, t.typanalyze, t.typsubscript FROM pg_catalog.pg_type t WHERE t.typnamespace = 11 ORDER BY t.oid

-- regproc: pg_type's functions joined by oid
SELECT t.typname, i.proname AS input, r.proname AS receive, m.proname AS modin FROM pg_catalog.pg_type t JOIN pg_catalog.pg_proc i ON i.oid = t.typinput JOIN pg_catalog.pg_proc r ON r.oid = t.typreceive LEFT JOIN pg_catalog.pg_proc m ON m.oid = t.typmodin WHERE t.typname IN ('int4', 'varchar', '_text', 'numeric', 'int4range') ORDER BY 1

-- pg_proc: every built-in function
SELECT p.oid, p.proname, p.pronamespace, p.proowner, p.prolang, p.procost, p.prorows, p.provariadic, p.prosupport, p.prokind, p.prosecdef, p.proleakproof, p.proisstrict, p.proretset, p.provolatile, p.proparallel, p.pronargs, p.pronargdefaults, p.prorettype, p.proallargtypes, p.proargmodes, p.proargnames, p.prosrc, p.probin, p.proacl FROM pg_catalog.pg_proc p ORDER BY p.oid

-- pg_proc: signatures and descriptions of every built-in function
SELECT p.oid, pg_catalog.pg_get_function_arguments(p.oid), pg_catalog.pg_get_function_identity_arguments(p.oid), pg_catalog.pg_get_function_result(p.oid), pg_catalog.pg_get_function_sqlbody(p.oid), pg_catalog.obj_description(p.oid, 'pg_proc') FROM pg_catalog.pg_proc p ORDER BY p.oid
