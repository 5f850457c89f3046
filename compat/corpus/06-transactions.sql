-- Transactions inside a script as applications run them: BEGIN/COMMIT, ROLLBACK, savepoints, an error inside a
-- transaction (the rest of the block fails with 25P02 until ROLLBACK), and what is visible afterwards.

-- id: tx.create-accounts
CREATE TABLE accounts (
    id       integer PRIMARY KEY,
    owner    text NOT NULL,
    balance  numeric(12,2) NOT NULL CHECK (balance >= 0)
);

-- id: tx.create-transfers
CREATE TABLE transfers (
    id        serial PRIMARY KEY,
    from_id   integer NOT NULL REFERENCES accounts (id),
    to_id     integer NOT NULL REFERENCES accounts (id),
    amount    numeric(12,2) NOT NULL
);

-- id: tx.insert-accounts
INSERT INTO accounts VALUES (1, 'alice', 100.00), (2, 'bob', 50.00), (3, 'carol', 0);

-- id: tx.begin-transfer
BEGIN;

-- id: tx.debit
UPDATE accounts SET balance = balance - 30 WHERE id = 1;

-- id: tx.credit
UPDATE accounts SET balance = balance + 30 WHERE id = 2;

-- id: tx.record-transfer
INSERT INTO transfers (from_id, to_id, amount) VALUES (1, 2, 30);

-- id: tx.read-own-writes
SELECT id, balance FROM accounts ORDER BY id;

-- id: tx.commit-transfer
COMMIT;

-- id: tx.after-commit
SELECT id, balance FROM accounts ORDER BY id;

-- id: tx.begin-rolled-back
BEGIN;

-- id: tx.delete-in-rolled-back
DELETE FROM transfers;

-- id: tx.update-in-rolled-back
UPDATE accounts SET balance = 0;

-- id: tx.count-inside-rolled-back
SELECT count(*) AS transfers FROM transfers;

-- id: tx.rollback
ROLLBACK;

-- id: tx.after-rollback
SELECT (SELECT count(*) FROM transfers) AS transfers, (SELECT sum(balance) FROM accounts) AS total;

-- id: tx.start-transaction
START TRANSACTION;

-- id: tx.savepoint-insert
INSERT INTO transfers (from_id, to_id, amount) VALUES (2, 3, 10);

-- id: tx.savepoint
SAVEPOINT before_risky;

-- id: tx.risky-update
UPDATE accounts SET balance = balance + 1000 WHERE id = 3;

-- id: tx.rollback-to-savepoint
ROLLBACK TO SAVEPOINT before_risky;

-- id: tx.after-rollback-to
SELECT id, balance FROM accounts WHERE id = 3;

-- id: tx.release-savepoint-set
SAVEPOINT second;

-- id: tx.update-after-second
UPDATE accounts SET balance = balance + 10 WHERE id = 3;

-- id: tx.release-savepoint
RELEASE SAVEPOINT second;

-- id: tx.commit-savepoints
COMMIT;

-- id: tx.after-savepoints
SELECT id, balance FROM accounts ORDER BY id;

-- id: tx.begin-with-error
BEGIN;

-- id: tx.good-before-error
UPDATE accounts SET balance = balance - 5 WHERE id = 1;

-- id: tx.check-violation-in-tx
-- error: 23514
UPDATE accounts SET balance = balance - 500 WHERE id = 2;

-- id: tx.statement-after-error
-- error: 25P02
SELECT id FROM accounts;

-- id: tx.commit-after-error-rolls-back
COMMIT;

-- id: tx.after-failed-commit
SELECT id, balance FROM accounts ORDER BY id;

-- id: tx.begin-savepoint-recovery
BEGIN;

-- id: tx.savepoint-before-error
SAVEPOINT attempt;

-- id: tx.fk-violation-in-savepoint
-- error: 23503
INSERT INTO transfers (from_id, to_id, amount) VALUES (1, 99, 1);

-- id: tx.rollback-to-recovers
ROLLBACK TO attempt;

-- id: tx.works-after-recovery
INSERT INTO transfers (from_id, to_id, amount) VALUES (1, 3, 1);

-- id: tx.commit-after-recovery
COMMIT;

-- id: tx.transfers-final
SELECT id, from_id, to_id, amount FROM transfers ORDER BY id;

-- id: tx.commit-outside-transaction
COMMIT;

-- id: tx.rollback-outside-transaction
ROLLBACK;

-- id: tx.begin-isolation-level
BEGIN ISOLATION LEVEL REPEATABLE READ;

-- id: tx.read-in-repeatable-read
SELECT sum(balance) AS total FROM accounts;

-- id: tx.end
END;

-- id: tx.ddl-in-transaction
BEGIN;

-- id: tx.create-table-in-tx
CREATE TABLE temp_audit (id integer);

-- id: tx.insert-table-in-tx
INSERT INTO temp_audit VALUES (1);

-- id: tx.rollback-ddl
ROLLBACK;

-- id: tx.table-gone-after-rollback
-- error: 42P01
SELECT * FROM temp_audit;
