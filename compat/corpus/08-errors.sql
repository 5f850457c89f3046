-- Statements that must fail, and fail the same way: constraint violations (23xxx), data errors (22xxx), missing
-- objects and syntax errors (42xxx). Clients branch on these SQLSTATEs (retry on 23505, 404 on 42P01...).

-- id: err.create-teams
CREATE TABLE teams (
    id    integer PRIMARY KEY,
    name  varchar(20) NOT NULL UNIQUE
);

-- id: err.create-members
CREATE TABLE members (
    id       integer PRIMARY KEY,
    team_id  integer NOT NULL REFERENCES teams (id),
    handle   text NOT NULL,
    age      integer CHECK (age >= 16),
    joined   date
);

-- id: err.insert-teams
INSERT INTO teams VALUES (1, 'red'), (2, 'blue');

-- id: err.insert-members
INSERT INTO members VALUES (1, 1, 'ace', 30, '2024-01-01'), (2, 2, 'bolt', 22, NULL);

-- id: err.unique-violation
-- error: 23505
INSERT INTO teams VALUES (3, 'red');

-- id: err.primary-key-violation
-- error: 23505
INSERT INTO teams VALUES (1, 'green');

-- id: err.unique-violation-on-update
-- error: 23505
UPDATE teams SET name = 'blue' WHERE id = 1;

-- id: err.not-null-violation
-- error: 23502
INSERT INTO members (id, team_id) VALUES (3, 1);

-- id: err.not-null-violation-on-update
-- error: 23502
UPDATE members SET handle = NULL WHERE id = 1;

-- id: err.foreign-key-violation-insert
-- error: 23503
INSERT INTO members (id, team_id, handle) VALUES (4, 42, 'ghost');

-- id: err.foreign-key-violation-delete
-- error: 23503
DELETE FROM teams WHERE id = 1;

-- id: err.check-violation
-- error: 23514
INSERT INTO members (id, team_id, handle, age) VALUES (5, 1, 'kid', 12);

-- id: err.division-by-zero
-- error: 22012
SELECT 1 / 0;

-- id: err.division-by-zero-in-query
-- error: 22012
SELECT handle, age / (age - age) AS broken FROM members;

-- id: err.numeric-division-by-zero
-- error: 22012
SELECT 10.5 / 0.0;

-- id: err.modulo-by-zero
-- error: 22012
SELECT 5 % 0;

-- id: err.undefined-table
-- error: 42P01
SELECT * FROM no_such_table;

-- id: err.undefined-table-insert
-- error: 42P01
INSERT INTO missing_table VALUES (1);

-- id: err.undefined-table-in-join
-- error: 42P01
SELECT m.id FROM members m JOIN missing_teams t ON t.id = m.team_id;

-- id: err.undefined-column
-- error: 42703
SELECT nickname FROM members;

-- id: err.undefined-column-in-where
-- error: 42703
UPDATE members SET age = 40 WHERE nickname = 'ace';

-- id: err.ambiguous-column
-- error: 42702
SELECT id FROM members JOIN teams ON teams.id = members.team_id;

-- id: err.syntax-error-misspelled-keyword
-- error: 42601
SELEC id FROM members;

-- id: err.syntax-error-trailing-comma
-- error: 42601
SELECT id, handle, FROM members;

-- id: err.syntax-error-incomplete-where
-- error: 42601
SELECT id FROM members WHERE;

-- id: err.syntax-error-missing-values
-- error: 42601
INSERT INTO teams (id, name) (3, 'green');

-- id: err.reserved-word-as-name
-- error: 42601
CREATE TABLE order (id integer);

-- id: err.invalid-integer-text
-- error: 22P02
SELECT 'abc'::integer;

-- id: err.invalid-integer-in-insert
-- error: 22P02
INSERT INTO members (id, team_id, handle) VALUES ('x', 1, 'bad');

-- id: err.invalid-boolean
-- error: 22P02
SELECT 'maybe'::boolean;

-- id: err.invalid-date
-- error: 22008
SELECT '2024-02-30'::date;

-- id: err.invalid-timestamp-text
-- error: 22007
SELECT 'yesterday-ish'::timestamp;

-- id: err.string-too-long
-- error: 22001
INSERT INTO teams VALUES (9, 'a name that is far too long for the column');

-- id: err.integer-out-of-range
-- error: 22003
SELECT 2147483647::integer + 1;

-- id: err.smallint-out-of-range
-- error: 22003
SELECT 40000::smallint;

-- id: err.undefined-function
-- error: 42883
SELECT no_such_function(1);

-- id: err.operator-type-mismatch
-- error: 42883
SELECT handle + 1 FROM members;

-- id: err.datatype-mismatch-union
-- error: 42804
SELECT 1 UNION SELECT true;

-- id: err.group-by-required
-- error: 42803
SELECT team_id, handle, count(*) FROM members GROUP BY team_id;

-- id: err.aggregate-in-where
-- error: 42803
SELECT id FROM members WHERE count(*) > 1;

-- id: err.subquery-more-than-one-row
-- error: 21000
SELECT (SELECT id FROM members) AS one_id;

-- id: err.insert-too-many-values
-- error: 42601
INSERT INTO teams (id) VALUES (3, 'extra');

-- id: err.duplicate-column-in-create
-- error: 42701
CREATE TABLE broken (a integer, a text);

-- id: err.drop-missing-table
-- error: 42P01
DROP TABLE no_such_table;

-- id: err.drop-missing-column
-- error: 42703
ALTER TABLE members DROP COLUMN nickname;

-- id: err.create-existing-index
-- error: 42P07
CREATE INDEX teams_name_key ON teams (name);

-- id: err.text-column-to-integer
-- error: 22P02
SELECT handle::integer FROM members;

-- id: err.integer-cast-out-of-range
-- error: 22003
SELECT (age * 100000000)::integer FROM members;

-- id: err.division-by-zero-tx-begin
BEGIN;

-- id: err.division-by-zero-in-delete
-- error: 22012
DELETE FROM members WHERE age / (age - 22) > 0;

-- id: err.division-by-zero-tx-rollback
ROLLBACK;

-- id: err.data-unchanged-after-errors
SELECT t.name, count(m.id) AS members FROM teams t LEFT JOIN members m ON m.team_id = t.id GROUP BY t.name ORDER BY t.name;

-- id: err.members-unchanged
SELECT id, team_id, handle, age, joined FROM members ORDER BY id;
