-- Built-in functions and operators applications lean on: string functions and ||, math, casts with :: and CAST
-- to PostgreSQL type names, dates and times (date_trunc, extract, intervals; now() only in comparisons so that
-- results stay deterministic), generate_series.

-- id: fn.create-events
CREATE TABLE events (
    id          integer PRIMARY KEY,
    title       varchar(80) NOT NULL,
    starts_at   timestamp NOT NULL,
    ends_at     timestamp,
    happened_at timestamptz,
    price       numeric(8,2),
    seats       integer
);

-- id: fn.insert-events
INSERT INTO events VALUES
    (1, 'Kick-off', '2024-01-15 09:00:00', '2024-01-15 10:30:00', '2024-01-15 09:00:00+00', 0, 100),
    (2, 'Workshop: SQL', '2024-02-29 13:15:30', '2024-02-29 17:00:00', '2024-02-29 13:15:30+01', 149.90, 20),
    (3, 'Retrospective', '2024-03-31 23:59:59', NULL, NULL, NULL, NULL),
    (4, '  padded title  ', '2023-12-31 18:00:00', '2024-01-01 02:00:00', '2023-12-31 18:00:00-05', 25, 250);

-- id: fn.concat-operator
SELECT id, title || ' (' || seats || ' seats)' AS label FROM events WHERE seats IS NOT NULL ORDER BY id;

-- id: fn.concat-null
SELECT 'a' || NULL AS with_null, concat('a', NULL, 'b') AS concat_skips_null;

-- id: fn.concat-ws
SELECT concat_ws(', ', 'Paris', NULL, 'France') AS address;

-- id: fn.upper-lower-initcap
SELECT upper('straße') AS up, lower('ÉCOLE') AS low, initcap('hello wORLD') AS init;

-- id: fn.length-functions
SELECT length('héllo') AS chars, char_length('abc') AS char_len, octet_length('héllo') AS bytes;

-- id: fn.trim-functions
SELECT '[' || trim(title) || ']' AS t, '[' || ltrim(title) || ']' AS l, '[' || rtrim(title) || ']' AS r
FROM events WHERE id = 4;

-- id: fn.trim-characters
SELECT trim(both 'x' from 'xxhixx') AS both_sides, trim(leading '0' from '000123') AS leading_zeros;

-- id: fn.substring
SELECT substring('PostgreSQL' from 1 for 8) AS sql_from_for, substr('PostgreSQL', 9) AS substr_tail,
       substring('PostgreSQL', 5, 3) AS comma_form;

-- id: fn.position-strpos
SELECT position('SQL' in 'PostgreSQL') AS pos, strpos('PostgreSQL', 'gre') AS strpos;

-- id: fn.replace-translate
SELECT replace('a-b-c', '-', '+') AS replaced, translate('12-34', '-', '.') AS translated;

-- id: fn.left-right-repeat
SELECT left('abcdef', 2) AS l, right('abcdef', 3) AS r, repeat('ab', 3) AS rep, reverse('abc') AS rev;

-- id: fn.lpad-rpad
SELECT lpad('42', 5, '0') AS padded, rpad('ab', 4, '.') AS rpadded, lpad('toolong', 3) AS truncated;

-- id: fn.split-part
SELECT split_part('john.doe@example.com', '@', 2) AS domain, split_part('a,b,c', ',', 2) AS second;

-- id: fn.starts-with
SELECT title FROM events WHERE starts_with(title, 'Work');

-- id: fn.md5
SELECT md5('pgbridge') AS hash;

-- id: fn.format
SELECT format('%s has %s seats', title, seats) AS sentence FROM events WHERE id = 1;

-- id: fn.regexp-replace
SELECT regexp_replace('phone: 555-123-4567', '[^0-9]', '', 'g') AS digits;

-- id: fn.regex-match-operator
SELECT id FROM events WHERE title ~ '^[A-Z][a-z]+$' ORDER BY id;

-- id: fn.abs-sign-mod
SELECT abs(-7) AS a, sign(-3.5) AS s, mod(17, 5) AS m, 17 % 5 AS pct;

-- id: fn.round-trunc
SELECT round(2.567, 2) AS r2, round(2.5) AS r0, trunc(2.567, 1) AS t1, round(-2.5) AS rneg;

-- id: fn.ceil-floor
SELECT ceil(4.1) AS c, ceiling(-4.1) AS c2, floor(4.9) AS f, floor(-4.1) AS f2;

-- id: fn.power-sqrt
SELECT power(2, 10) AS p, sqrt(16) AS s, 2 ^ 3 AS caret;

-- id: fn.integer-division
SELECT 7 / 2 AS int_div, 7.0 / 2 AS numeric_div, 7 / 2.0 AS numeric_div2, -7 / 2 AS neg_div;

-- id: fn.numeric-arithmetic
SELECT id, price * 1.2 AS gross, price - 10 AS reduced FROM events WHERE price > 0 ORDER BY id;

-- id: fn.cast-double-colon-int
SELECT '42'::integer AS i, '42'::int4 + 1 AS j, 42::bigint AS big, '7'::smallint AS small;

-- id: fn.cast-function-form
SELECT CAST('3.14159' AS numeric(6,2)) AS pi, CAST(10 AS text) AS ten, CAST('2024-02-29' AS date) AS leap_day;

-- id: fn.cast-to-text
SELECT id::text || '-' || seats::varchar AS code FROM events WHERE id = 2;

-- id: fn.cast-to-float
SELECT '1.5'::float8 * 2 AS f8, CAST('0.25' AS double precision) AS dp, 3::real / 2 AS r;

-- id: fn.cast-to-boolean
SELECT 'yes'::boolean AS y, 'f'::bool AS f, CAST('true' AS boolean) AS t, 1::boolean AS one;

-- id: fn.cast-numeric-to-int-rounds
SELECT 2.5::integer AS half_up, (-2.5)::integer AS neg_half, 2.4::int AS down;

-- id: fn.cast-timestamp
SELECT '2024-05-06 07:08:09'::timestamp AS ts, '2024-05-06'::date AS d, '07:08:09'::time AS t;

-- id: fn.current-date-comparison
SELECT current_date > '2020-01-01' AS after_2020, current_date = CURRENT_DATE AS same_day;

-- id: fn.now-comparison
SELECT now() > '2000-01-01'::timestamptz AS now_after_2000, current_timestamp <= now() + interval '1 minute' AS consistent;

-- id: fn.localtimestamp-comparison
SELECT localtimestamp > '2000-01-01 00:00:00' AS local_ok;

-- id: fn.now-in-where
SELECT id FROM events WHERE starts_at < now() ORDER BY id;

-- id: fn.date-trunc-month
SELECT id, date_trunc('month', starts_at) AS month_start FROM events ORDER BY id;

-- id: fn.date-trunc-hour-day
SELECT date_trunc('hour', TIMESTAMP '2024-02-29 13:15:30') AS hour, date_trunc('day', TIMESTAMP '2024-02-29 13:15:30') AS day;

-- id: fn.date-trunc-group-by
SELECT date_trunc('month', starts_at) AS month, count(*) AS events FROM events GROUP BY 1 ORDER BY 1;

-- id: fn.extract-fields
SELECT extract(year FROM starts_at) AS y, extract(month FROM starts_at) AS m, extract(day FROM starts_at) AS d,
       extract(hour FROM starts_at) AS h, extract(dow FROM starts_at) AS dow
FROM events WHERE id = 2;

-- id: fn.extract-epoch
SELECT extract(epoch FROM TIMESTAMPTZ '2024-01-01 00:00:00+00') AS epoch_seconds;

-- id: fn.extract-epoch-interval
SELECT id, extract(epoch FROM ends_at - starts_at) AS duration_seconds FROM events WHERE ends_at IS NOT NULL ORDER BY id;

-- id: fn.date-part
SELECT date_part('quarter', DATE '2024-08-15') AS quarter, date_part('week', DATE '2024-08-15') AS iso_week;

-- id: fn.interval-add
SELECT starts_at + interval '1 day' AS next_day, starts_at - INTERVAL '90 minutes' AS earlier
FROM events WHERE id = 1;

-- id: fn.interval-month-end
SELECT DATE '2024-01-31' + interval '1 month' AS plus_month, DATE '2024-02-29' - interval '1 year' AS minus_year;

-- id: fn.interval-multiply
SELECT interval '15 minutes' * 4 AS hour, interval '1 day' / 2 AS half_day;

-- id: fn.timestamp-difference
SELECT id, ends_at - starts_at AS duration FROM events WHERE ends_at IS NOT NULL ORDER BY id;

-- id: fn.date-difference-days
SELECT DATE '2024-03-01' - DATE '2024-02-01' AS days, DATE '2024-03-01' + 7 AS week_later;

-- id: fn.interval-in-where
SELECT id FROM events WHERE ends_at > starts_at + interval '2 hours' ORDER BY id;

-- id: fn.age
SELECT age(TIMESTAMP '2024-03-15', TIMESTAMP '2023-01-10') AS elapsed;

-- id: fn.age-borrows-days
SELECT age(DATE '2023-03-01', DATE '2023-01-30') AS borrow;

-- id: fn.interval-scale-fractions
SELECT interval '1 mon' * 1.5 AS month_and_half, interval '1 mon' / 7 AS week_ish, 2 * interval '45 minutes' AS ninety;

-- id: fn.date-arithmetic-casts
SELECT '2024-03-01'::date - '2024-02-01'::date AS days, '2024-02-28'::date + 2 AS after_leap,
       current_date - current_date AS zero;

-- id: fn.timestamp-difference-literals
SELECT TIMESTAMP '2024-01-02 02:00' - TIMESTAMP '2024-01-01' AS over_a_day,
       TIMESTAMP '2024-01-01' - TIMESTAMP '2024-01-01 00:00:00.5' AS negative;

-- id: fn.to-char-date
SELECT to_char(starts_at, 'YYYY-MM-DD HH24:MI') AS formatted FROM events WHERE id = 2;

-- id: fn.to-char-number
SELECT to_char(1234.5, 'FM9999990.00') AS formatted;

-- id: fn.to-char-number-padding
SELECT '[' || to_char(-12.5, '9990.00') || ']' AS padded, to_char(1234567.891, 'FM9,999,999.00') AS grouped,
       to_char(12345, '9,999') AS overflow;

-- id: fn.to-date
SELECT to_date('15/03/2024', 'DD/MM/YYYY') AS parsed;

-- id: fn.make-date
SELECT make_date(2024, 7, 4) AS d;

-- id: fn.timestamptz-at-time-zone
SELECT happened_at AT TIME ZONE 'UTC' AS utc_wall_clock FROM events WHERE id = 2;

-- id: fn.timestamptz-literal-output
SELECT TIMESTAMPTZ '2024-06-01 12:00:00+02' AS instant;

-- id: fn.generate-series-int
SELECT n FROM generate_series(1, 5) AS n;

-- id: fn.generate-series-step
SELECT x FROM generate_series(10, 0, -3) AS g(x) ORDER BY x;

-- id: fn.generate-series-dates
SELECT d::date AS day FROM generate_series(TIMESTAMP '2024-02-27', TIMESTAMP '2024-03-02', interval '1 day') AS d ORDER BY d;

-- id: fn.generate-series-timestamps-down
SELECT h FROM generate_series(TIMESTAMP '2024-01-01 10:00', TIMESTAMP '2024-01-01 08:00', interval '-30 minutes') AS g(h)
ORDER BY h;

-- id: fn.generate-series-join
SELECT g.m AS month, count(e.id) AS events
FROM generate_series(1, 4) AS g(m)
LEFT JOIN events e ON extract(month FROM e.starts_at) = g.m
GROUP BY g.m ORDER BY g.m;

-- id: fn.coalesce-types
SELECT id, coalesce(price, 0) + coalesce(seats, 0) AS mixed FROM events ORDER BY id;

-- id: fn.string-comparison
SELECT 'abc' < 'abd' AS lt, 'B' < 'a' AS upper_first, 'a' = 'a ' AS trailing_space;

-- id: fn.char-padding
SELECT 'ab'::char(4) = 'ab' AS padded_equal, length('ab'::char(4)) AS len;

-- id: fn.chr-ascii
SELECT chr(65) AS a, ascii('a') AS code;

-- id: fn.num-nulls
SELECT num_nulls(1, NULL, 3) AS nulls, num_nonnulls(1, NULL, 3) AS values;
