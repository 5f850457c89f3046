-- Documents and special types as applications store them: json/jsonb with -> and ->>, bytea and uuid literals,
-- booleans, numeric precision, timestamptz, and arrays.

-- id: jt.create-profiles
CREATE TABLE profiles (
    id          uuid PRIMARY KEY,
    username    varchar(40) NOT NULL UNIQUE,
    settings    jsonb NOT NULL DEFAULT '{}'::jsonb,
    raw_event   json,
    avatar      bytea,
    verified    boolean NOT NULL DEFAULT false,
    balance     numeric(12,4) NOT NULL DEFAULT 0,
    last_login  timestamptz
);

-- id: jt.insert-profiles
INSERT INTO profiles (id, username, settings, raw_event, avatar, verified, balance, last_login) VALUES
    ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'alice',
     '{"theme": "dark", "notifications": {"email": true, "sms": false}, "tags": ["admin", "beta"], "limit": 10}',
     '{"type": "signup", "source": "web"}', '\xdeadbeef', true, 1234.5678, '2024-05-01 10:00:00+00'),
    ('B1FFCD88-8D1A-4EF8-BB6D-6BB9BD380A22', 'bob',
     '{"theme": "light", "notifications": {"email": false}, "tags": [], "limit": 5}',
     '{"type": "import", "source": "csv", "rows": 120}', '\x00ff', false, -20, NULL),
    ('c2aabb77-0000-4000-8000-000000000033', 'carol', '{}', NULL, NULL, true, 0.0001, '2024-05-02 23:30:00-04');

-- id: jt.select-uuid
SELECT id, username FROM profiles ORDER BY username;

-- id: jt.uuid-equality-case-insensitive
SELECT username FROM profiles WHERE id = 'b1ffcd88-8d1a-4ef8-bb6d-6bb9bd380a22';

-- id: jt.uuid-cast
SELECT 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::uuid AS normalised, CAST('{c2aabb77-0000-4000-8000-000000000033}' AS uuid) AS braces;

-- id: jt.uuid-cast-compact
SELECT 'a0eebc999c0b4ef8bb6d6bb9bd380a11'::uuid AS compact;

-- id: jt.uuid-in-list
SELECT count(*) AS n FROM profiles WHERE id IN ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'c2aabb77-0000-4000-8000-000000000033');

-- id: jt.invalid-uuid
-- error: 22P02
SELECT 'not-a-uuid'::uuid;

-- id: jt.jsonb-arrow-text
SELECT username, settings ->> 'theme' AS theme FROM profiles ORDER BY username;

-- id: jt.jsonb-arrow-json
SELECT username, settings -> 'notifications' AS notifications FROM profiles ORDER BY username;

-- id: jt.jsonb-nested-arrows
SELECT username, settings -> 'notifications' ->> 'email' AS email_opt_in FROM profiles ORDER BY username;

-- id: jt.jsonb-array-index
SELECT settings -> 'tags' ->> 0 AS first_tag FROM profiles WHERE username = 'alice';

-- id: jt.jsonb-path-operator
SELECT settings #>> '{notifications,sms}' AS sms FROM profiles WHERE username = 'alice';

-- id: jt.jsonb-where-text
SELECT username FROM profiles WHERE settings ->> 'theme' = 'dark';

-- id: jt.jsonb-numeric-cast
SELECT username, (settings ->> 'limit')::int * 2 AS doubled FROM profiles WHERE settings ? 'limit' ORDER BY username;

-- id: jt.jsonb-contains
SELECT username FROM profiles WHERE settings @> '{"theme": "light"}';

-- id: jt.jsonb-key-exists
SELECT username FROM profiles WHERE settings ? 'tags' ORDER BY username;

-- id: jt.jsonb-missing-key-null
SELECT username, settings ->> 'missing' IS NULL AS missing FROM profiles ORDER BY username;

-- id: jt.jsonb-normalised-output
SELECT '{"b": 1, "a": [1, 2, {"c": null}]}'::jsonb AS normalised;

-- id: jt.json-preserves-text
SELECT raw_event FROM profiles WHERE username = 'bob';

-- id: jt.json-arrow-text
SELECT username, raw_event ->> 'type' AS event_type, raw_event -> 'rows' AS rows FROM profiles ORDER BY username;

-- id: jt.jsonb-update-set
UPDATE profiles SET settings = jsonb_set(settings, '{theme}', '"solarized"') WHERE username = 'bob';

-- id: jt.jsonb-update-concat
UPDATE profiles SET settings = settings || '{"beta": true}'::jsonb WHERE username = 'carol';

-- id: jt.jsonb-update-remove-key
UPDATE profiles SET settings = settings - 'limit' WHERE username = 'alice';

-- id: jt.jsonb-after-updates
SELECT username, settings FROM profiles ORDER BY username;

-- id: jt.jsonb-build-object
SELECT jsonb_build_object('user', username, 'verified', verified) AS doc FROM profiles ORDER BY username;

-- id: jt.json-agg
SELECT json_agg(username ORDER BY username) AS names FROM profiles;

-- id: jt.jsonb-array-length
SELECT username, jsonb_array_length(settings -> 'tags') AS tag_count FROM profiles WHERE settings ? 'tags' ORDER BY username;

-- id: jt.jsonb-array-elements
SELECT value AS tag FROM profiles, jsonb_array_elements_text(settings -> 'tags') WHERE username = 'alice' ORDER BY value;

-- id: jt.jsonb-typeof
SELECT jsonb_typeof('{"a": 1}'::jsonb -> 'a') AS number_type, jsonb_typeof('[]') AS array_type;

-- id: jt.invalid-json
-- error: 22P02
SELECT '{"broken": }'::jsonb;

-- id: jt.bytea-hex-output
SELECT username, avatar FROM profiles ORDER BY username;

-- id: jt.bytea-length
SELECT username, length(avatar) AS bytes, octet_length(avatar) AS octets FROM profiles WHERE avatar IS NOT NULL ORDER BY username;

-- id: jt.bytea-literal-compare
SELECT username FROM profiles WHERE avatar = '\x00FF'::bytea;

-- id: jt.bytea-escape-literal
SELECT 'abc'::bytea AS from_text, E'\\x41'::bytea AS hex_escape;

-- id: jt.bytea-encode
SELECT encode(avatar, 'hex') AS hex, encode(avatar, 'base64') AS b64 FROM profiles WHERE username = 'alice';

-- id: jt.bytea-decode
SELECT decode('48656c6c6f', 'hex') AS hello_bytes, convert_from(decode('48656c6c6f', 'hex'), 'UTF8') AS hello;

-- id: jt.boolean-output
SELECT username, verified, NOT verified AS unverified FROM profiles ORDER BY username;

-- id: jt.boolean-aggregates
SELECT bool_and(verified) AS all_verified, bool_or(verified) AS any_verified, every(balance >= 0) AS all_positive FROM profiles;

-- id: jt.boolean-string-input
UPDATE profiles SET verified = 'on' WHERE username = 'bob';

-- id: jt.boolean-count
SELECT count(*) FILTER (WHERE verified) AS verified FROM profiles;

-- id: jt.numeric-precision
SELECT username, balance FROM profiles ORDER BY balance;

-- id: jt.numeric-rounding-on-insert
UPDATE profiles SET balance = 10.123456 WHERE username = 'carol';

-- id: jt.numeric-after-rounding
SELECT balance FROM profiles WHERE username = 'carol';

-- id: jt.numeric-overflow
-- error: 22003
UPDATE profiles SET balance = 123456789.1 WHERE username = 'carol';

-- id: jt.numeric-sum-scale
SELECT sum(balance) AS total, avg(balance)::numeric(12,2) AS average FROM profiles;

-- id: jt.numeric-large
SELECT 12345678901234567890.123456789::numeric AS big, 0.1 + 0.2 AS exact_sum, 1e-3::numeric AS small;

-- id: jt.float-output
SELECT 0.1::float8 + 0.2::float8 AS float_sum, 1.0::float8 / 3 AS third, 1e20::float8 AS big;

-- id: jt.timestamptz-output
SELECT username, last_login FROM profiles ORDER BY username;

-- id: jt.timestamptz-compare
SELECT username FROM profiles WHERE last_login > '2024-05-02 12:00:00+00' ORDER BY username;

-- id: jt.timestamptz-null-ordering
SELECT username FROM profiles ORDER BY last_login DESC NULLS LAST, username;

-- id: jt.create-array-table
CREATE TABLE articles (id integer PRIMARY KEY, title text NOT NULL, tags text[] NOT NULL DEFAULT '{}', scores integer[]);

-- id: jt.insert-arrays
INSERT INTO articles VALUES
    (1, 'Intro to SQL', ARRAY['sql', 'beginner'], ARRAY[5, 4, 5]),
    (2, 'Window functions', '{sql,advanced}', '{3,5}'),
    (3, 'Draft', DEFAULT, NULL);

-- id: jt.array-output
SELECT id, tags, scores FROM articles ORDER BY id;

-- id: jt.array-any
SELECT title FROM articles WHERE 'advanced' = ANY (tags);

-- id: jt.array-subscript
SELECT id, tags[1] AS first_tag, scores[2] AS second_score FROM articles ORDER BY id;

-- id: jt.array-length
SELECT id, array_length(tags, 1) AS n, cardinality(scores) AS c FROM articles ORDER BY id;

-- id: jt.array-contains
SELECT id FROM articles WHERE tags @> ARRAY['sql'] ORDER BY id;

-- id: jt.unnest
SELECT id, unnest(tags) AS tag FROM articles ORDER BY id, tag;

-- id: jt.array-append
UPDATE articles SET tags = array_append(tags, 'reviewed') WHERE id = 1;

-- id: jt.array-to-string
SELECT id, array_to_string(tags, ';') AS tag_list FROM articles ORDER BY id;

-- id: jt.array-typed-literals
SELECT '{x,"y z",NULL}'::text[] AS words, ARRAY[1, 2, 3] AS numbers, ARRAY['a', 'b'] || ARRAY['c'] AS joined;

-- id: jt.array-insert-typed
INSERT INTO articles VALUES (4, 'Typed', '{sql,typed}'::text[], '{1,2}'::int[]);

-- id: jt.array-any-typed
SELECT id, title FROM articles WHERE 'typed' = ANY (tags) OR 2 = ANY (scores) ORDER BY id;

-- id: jt.unnest-in-from
SELECT a.id, tag FROM articles a, unnest(a.tags) AS tag WHERE a.id = 4 ORDER BY tag;

-- id: jt.array-agg-of-unnest
SELECT array_agg(DISTINCT tag ORDER BY tag) AS all_tags FROM articles, unnest(tags) AS tag;

-- id: jt.jsonb-exists-any-all
SELECT username, settings ?| ARRAY['beta', 'limit'] AS some_key, settings ?& ARRAY['tags', 'theme'] AS all_keys FROM profiles ORDER BY username;

-- id: jt.jsonb-contained
SELECT username FROM profiles WHERE '{"theme": "solarized"}'::jsonb <@ settings ORDER BY username;

-- id: jt.json-agg-objects
SELECT jsonb_agg(jsonb_build_object('name', username, 'n', length(username)) ORDER BY username) AS people FROM profiles;
