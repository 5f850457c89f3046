"""asyncpg's type introspection of an enum type and its array (table stat5_e, column mood, type stat5_e_mood).

Usage: asyncpg_enum.py HOST PORT USER DATABASE
Runs the recursive introspection query asyncpg sends for a type it does not know (Connection._introspect_types)
its reading of the enum column's rows (whose type it introspects by oid), and set_type_codec's lookup of the type
by name; prints what asyncpg reads from them.
"""
import asyncio
import sys

import asyncpg

host, port, user, database = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]


async def main():
    c = await asyncpg.connect(host=host, port=port, user=user, database=database)
    oid, array = await c.fetchrow("select oid, typarray from pg_catalog.pg_type where typname = 'stat5_e_mood'")
    rows, _ = await c._introspect_types([array], 10)
    for r in rows:
        print("introspected", r["name"], r["kind"], r["ns"], r["elemtype"] == oid, r["elemtype_name"], r["depth"],
              r["basetype"], r["range_subtype"], r["attrnames"])
    # rows of an enum column: asyncpg introspects the column's type oid, then decodes the labels
    st = await c.prepare("select id, mood from stat5_e order by id")
    print("attributes", [(a.name, a.type.name, a.type.kind, a.type.schema) for a in st.get_attributes()])
    print("rows", [tuple(r) for r in await st.fetch()])
    print("filtered", await c.fetchval("select mood from stat5_e where mood = $1", "ok"))
    await c.set_type_codec("stat5_e_mood", schema="public", encoder=str, decoder=str, format="text")
    print("codec set")
    await c.close()


asyncio.run(main())
