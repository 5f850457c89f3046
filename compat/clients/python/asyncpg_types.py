"""asyncpg with types it introspects: its catalog queries on connect and on first use of each type.

Usage: asyncpg_types.py HOST PORT USER DATABASE TABLE_PREFIX
asyncpg knows few types by oid alone; for the others (and for every type given a codec with set_type_codec) it
runs its big recursive query over pg_type, pg_range and pg_attribute. Prints one line per check, as drivers.py.
"""
import asyncio
import datetime
import decimal
import json
import sys
import uuid

host, port, user, database, prefix = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]


def show(check, value):
    print(f"asyncpg {check}: {show_value(value)}")


def show_value(v):
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(show_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k!r}: {show_value(x)}" for k, x in sorted(v.items())) + "}"
    if isinstance(v, datetime.datetime) and v.tzinfo is not None:
        v = v.astimezone(datetime.timezone.utc)
    return f"{type(v).__name__}:{v!r}"


# Not json, jsonb and interval columns: pgbridge on H2 reads json columns as text, MariaDB has no interval
# (docs/compatibility.md); their codecs are introspected below all the same.
COLUMNS = "id int primary key, ints int[], texts text[], n numeric(12,3), u uuid, raw bytea, at timestamptz"
ROWS = [
    (1, [1, 2, 3], ["a", "b c", ""], decimal.Decimal("1234.500"), uuid.UUID(int=7), b"\x00\x01\xff",
     datetime.datetime(2024, 2, 29, 12, 0, tzinfo=datetime.timezone.utc)),
    (2, [], ["x"], decimal.Decimal("-0.001"), uuid.UUID(int=8), b"",
     datetime.datetime(1999, 1, 1, tzinfo=datetime.timezone.utc)),
]


async def main():
    import asyncpg
    c = await asyncpg.connect(host=host, port=port, user=user, database=database)
    for name in ("json", "jsonb"):
        await c.set_type_codec(name, encoder=json.dumps, decoder=json.loads, schema="pg_catalog")
        show("codec set", name)
    t = prefix + "_apt"
    await c.execute(f"drop table if exists {t}")
    await c.execute(f"create table {t} ({COLUMNS})")
    await c.executemany(f"insert into {t} values ($1, $2, $3, $4, $5, $6, $7)", ROWS)
    for row in await c.fetch(f"select * from {t} order by id"):
        for key, value in row.items():
            show(f"row {row['id']} {key}", value)
    show("uuid param", await c.fetchval(f"select id from {t} where u = $1", uuid.UUID(int=8)))
    show("array param", await c.fetchval(f"select id from {t} where ints = $1", [1, 2, 3]))
    types = await c.fetch("select typname, typtype, typcategory, typelem <> 0 as is_array from pg_catalog.pg_type"
                          " where typname in ('int4', '_int4', '_text', 'jsonb', 'uuid', 'interval') order by typname")
    for r in types:
        show("pg_type " + r["typname"], tuple(r.values()))
    stmt = await c.prepare(f"select ints, texts, n from {t} where id = $1")
    show("prepared parameters", [(a.name, a.kind) for a in stmt.get_parameters()])
    show("prepared attributes", [(a.name, a.type.name, a.type.kind) for a in stmt.get_attributes()])
    await c.execute(f"drop table {t}")
    await c.close()


try:
    asyncio.run(main())
except Exception as e:
    print(f"asyncpg FAILED: {type(e).__name__} {getattr(e, 'sqlstate', '')} {str(e).splitlines()[0] if str(e) else ''}")
