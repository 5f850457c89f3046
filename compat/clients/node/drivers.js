// One script of ordinary application work through node-postgres (pg) and Postgres.js (postgres).
// Usage: node drivers.js HOST PORT USER DATABASE TABLE_PREFIX
// Prints one line per check, "driver check: value", each value with its JavaScript type, so that the output
// against PostgreSQL itself and through pgbridge can be compared line by line. A failing check prints its SQLSTATE.
'use strict';
const [host, port, user, database, prefix] = process.argv.slice(2);
const COLUMNS = 'id int primary key, name text, ok boolean, amount numeric(10,2), at timestamptz, day date,'
  + ' u uuid, big bigint, ratio float8, raw bytea, tags text[], doc jsonb';
const ROWS = [
  [1, 'ann', true, '12.50', new Date(Date.UTC(2024, 1, 29, 12, 30, 5)), '2024-02-29',
    '00000000-0000-0000-0000-000000000001', '9000000000', 0.25, Buffer.from([0, 255]), ['a', 'b c'], { k: [1, 2] }],
  [2, 'bob', false, '-3.00', new Date(Date.UTC(1999, 11, 31, 23, 59, 59)), '1999-12-31',
    '00000000-0000-0000-0000-000000000002', '-1', 1.5, Buffer.from([]), [], { k: null }],
];

function show(driver, check, value) {
  console.log(`${driver} ${check}: ${describe(value)}`);
}

function describe(v) {
  if (v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return '[' + v.map(describe).join(', ') + ']';
  if (v instanceof Date) return 'Date:' + (isNaN(v) ? 'Invalid' : v.toISOString());
  if (Buffer.isBuffer(v)) return 'Buffer:' + v.toString('hex');
  if (typeof v === 'object') return 'object:' + JSON.stringify(v);
  return typeof v + ':' + String(v);
}

function state(e) {
  return e.code || e.name;
}

async function pgChecks() {
  const { Client } = require('pg');
  const c = new Client({ host, port: Number(port), user, database });
  await c.connect();
  try {
    await pgWork(c);
  } finally {
    await c.end();
  }
}

async function pgWork(c) {
  const t = prefix + '_pg';
  await c.query(`drop table if exists ${t}`);
  await c.query(`create table ${t} (${COLUMNS})`);
  for (const row of ROWS) {
    const values = row.slice(0, 11).concat([JSON.stringify(row[11])]);
    const r = await c.query(`insert into ${t} values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`, values);
    show('pg', 'insert', r.rowCount);
  }
  for (const row of (await c.query(`select * from ${t} order by id`)).rows) {
    show('pg', 'row', Object.values(row));
  }
  const p = await c.query({ text: `select name, amount * 2 as twice, big + 1 as next from ${t} where id = $1`, values: [1] });
  show('pg', 'params', Object.values(p.rows[0]));
  show('pg', 'fields', p.fields.map(f => f.name + '/' + f.dataTypeID));
  await c.query('begin');
  await c.query(`update ${t} set name = 'x'`);
  await c.query('rollback');
  show('pg', 'after rollback', Object.values((await c.query(`select count(*), min(name) from ${t}`)).rows[0]));
  try {
    await c.query('select 1 / 0');
  } catch (e) {
    show('pg', 'error', state(e));
  }
  show('pg', 'still usable', Object.values((await c.query('select 1 as one')).rows[0]));
  await c.query(`drop table ${t}`);
}

async function postgresJsChecks() {
  const postgres = require('postgres');
  const sql = postgres({ host, port: Number(port), user, database, onnotice: () => {} });
  try {
    await postgresJsWork(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function postgresJsWork(sql) {
  const t = prefix + '_pjs';
  await sql.unsafe(`drop table if exists ${t}`);
  await sql.unsafe(`create table ${t} (${COLUMNS})`);
  for (const row of ROWS) {
    const r = await sql.unsafe(`insert into ${t} values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      row.slice(0, 11).concat([sql.json(row[11])]));
    show('postgres', 'insert', r.count);
  }
  for (const row of await sql.unsafe(`select * from ${t} order by id`)) {
    show('postgres', 'row', Object.values(row));
  }
  const id = 2;
  const p = await sql.unsafe(`select name, amount * 2 as twice, big + 1 as next from ${t} where id = $1`, [id]);
  show('postgres', 'params', Object.values(p[0]));
  try {
    await sql.begin(async tx => {
      await tx.unsafe(`delete from ${t}`);
      await tx.unsafe('select 1 / 0');
    });
  } catch (e) {
    show('postgres', 'error', state(e));
  }
  show('postgres', 'after rollback', Object.values((await sql.unsafe(`select count(*) as n from ${t}`))[0]));
  await sql.unsafe(`drop table ${t}`);
}

(async () => {
  for (const [name, run] of [['pg', pgChecks], ['postgres', postgresJsChecks]]) {
    try {
      await run();
    } catch (e) {
      console.log(`${name} FAILED: ${state(e)} ${String(e.message).split('\n')[0]}`);
    }
  }
  process.exit(0);
})();
