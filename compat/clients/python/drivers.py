"""One script of ordinary application work through psycopg2, psycopg 3 (text and binary) and asyncpg.

Usage: drivers.py HOST PORT USER DATABASE TABLE_PREFIX
Prints one line per check, "driver check: value", with each value's Python type, so that the output against
PostgreSQL itself and through pgbridge can be compared line by line. A check that fails prints its SQLSTATE.
"""
import asyncio
import datetime
import decimal
import sys
import uuid

host, port, user, database, prefix = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]

COLUMNS = ("id int primary key, name text, ok boolean, amount numeric(10,2), at timestamptz, day date, u uuid,"
           " big bigint, ratio float8, raw bytea, tags text[]")
ROWS = [
    (1, "ann", True, decimal.Decimal("12.50"), datetime.datetime(2024, 2, 29, 12, 30, 5, tzinfo=datetime.timezone.utc),
     datetime.date(2024, 2, 29), uuid.UUID(int=1), 9000000000, 0.25, b"\x00\xff", ["a", "b c"]),
    (2, "bob", False, decimal.Decimal("-3.00"), datetime.datetime(1999, 12, 31, 23, 59, 59, tzinfo=datetime.timezone.utc),
     datetime.date(1999, 12, 31), uuid.UUID(int=2), -1, 1.5, b"", []),
]


def show(driver, check, value):
    if isinstance(value, (list, tuple)):
        value = [show_value(v) for v in value]
    else:
        value = show_value(value)
    print(f"{driver} {check}: {value}")


def show_value(v):
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(show_value(x) for x in v) + "]"
    if isinstance(v, datetime.datetime) and v.tzinfo is not None:
        v = v.astimezone(datetime.timezone.utc).replace(tzinfo=datetime.timezone.utc)
    if isinstance(v, memoryview):
        v = bytes(v)
    return f"{type(v).__name__}:{v!r}"


def sqlstate(e):
    return getattr(e, "pgcode", None) or getattr(getattr(e, "diag", None), "sqlstate", None) \
        or getattr(e, "sqlstate", None) or type(e).__name__


def psycopg2_checks():
    import psycopg2
    c = psycopg2.connect(host=host, port=port, user=user, dbname=database)
    t = prefix + "_pg2"
    cur = c.cursor()
    cur.execute(f"drop table if exists {t}")
    cur.execute(f"create table {t} ({COLUMNS})")
    cur.executemany(f"insert into {t} values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                    [r[:6] + (str(r[6]),) + r[7:] for r in ROWS])
    c.commit()
    cur.execute(f"select * from {t} order by id")
    for row in cur.fetchall():
        show("psycopg2", "row", row)
    cur.execute(f"select name, amount * 2, big + 1 from {t} where id = %s and ok = %s", (1, True))
    show("psycopg2", "params", cur.fetchone())
    cur.execute(f"update {t} set name = 'x'")
    show("psycopg2", "rowcount", cur.rowcount)
    c.rollback()
    cur.execute(f"select count(*), min(name) from {t}")
    show("psycopg2", "after rollback", cur.fetchone())
    try:
        cur.execute("select 1 / 0")
    except Exception as e:
        show("psycopg2", "error", sqlstate(e))
    c.rollback()
    cur.execute(f"drop table {t}")
    c.commit()
    c.close()


def psycopg_checks():
    import psycopg
    with psycopg.connect(host=host, port=port, user=user, dbname=database, autocommit=True) as c:
        t = prefix + "_pg3"
        c.execute(f"drop table if exists {t}")
        c.execute(f"create table {t} ({COLUMNS})")
        with c.cursor() as cur:
            cur.executemany(f"insert into {t} values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)", ROWS)
        for binary in (False, True):
            mode = "binary" if binary else "text"
            with c.cursor(binary=binary) as cur:
                cur.execute(f"select * from {t} order by id")
                for row in cur.fetchall():
                    show("psycopg", mode + " row", row)
                cur.execute(f"select name, amount * 2, big + 1 from {t} where id = %s and u = %s", (2, ROWS[1][6]))
                show("psycopg", mode + " params", cur.fetchone())
        with c.transaction():
            c.execute(f"delete from {t} where id = 2")
            show("psycopg", "in transaction", c.execute(f"select count(*) from {t}").fetchone())
        show("psycopg", "after commit", c.execute(f"select count(*) from {t}").fetchone())
        try:
            c.execute(f"insert into {t} (id) values (1)")
        except Exception as e:
            show("psycopg", "error", sqlstate(e))
        show("psycopg", "still usable", c.execute("select 1").fetchone())
        from psycopg.types import TypeInfo
        for name in ("jsonb", "uuid", "numeric", "text[]", "integer", "timestamp with time zone"):
            info = TypeInfo.fetch(c, name)
            show("psycopg", "TypeInfo " + name, (info.name, info.oid, info.array_oid, info.regtype, info.delimiter))
        c.execute(f"drop table {t}")


async def asyncpg_checks():
    import asyncpg
    c = await asyncpg.connect(host=host, port=port, user=user, database=database)
    t = prefix + "_apg"
    await c.execute(f"drop table if exists {t}")
    await c.execute(f"create table {t} ({COLUMNS})")
    await c.executemany(f"insert into {t} values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)", ROWS)
    for row in await c.fetch(f"select * from {t} order by id"):
        show("asyncpg", "row", tuple(row))
    show("asyncpg", "params", tuple(await c.fetchrow(
        f"select name, amount * 2, big + 1 from {t} where id = $1 and ok = $2", 1, True)))
    show("asyncpg", "fetchval", await c.fetchval(f"select count(*) from {t} where day < $1", datetime.date(2000, 1, 1)))
    try:
        async with c.transaction():
            await c.execute(f"update {t} set name = 'x'")
            await c.execute("select 1 / 0")
    except Exception as e:
        show("asyncpg", "error", sqlstate(e))
    show("asyncpg", "after rollback", await c.fetchval(f"select min(name) from {t}"))
    await c.execute(f"drop table {t}")
    await c.close()


for name, run in (("psycopg2", psycopg2_checks), ("psycopg", psycopg_checks),
                  ("asyncpg", lambda: asyncio.run(asyncpg_checks()))):
    try:
        run()
    except Exception as e:
        print(f"{name} FAILED: {type(e).__name__} {sqlstate(e)} {str(e).splitlines()[0] if str(e) else ''}")
