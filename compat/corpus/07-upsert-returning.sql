-- What ORMs emit to write and read back in one round trip: INSERT/UPDATE/DELETE ... RETURNING, and upserts with
-- INSERT ... ON CONFLICT DO NOTHING / DO UPDATE (EXCLUDED, WHERE, constraint names).

-- id: ur.create-users
CREATE TABLE users (
    id          serial PRIMARY KEY,
    email       text NOT NULL UNIQUE,
    name        text NOT NULL,
    logins      integer NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- id: ur.create-inventory
CREATE TABLE inventory (
    warehouse  text NOT NULL,
    sku        text NOT NULL,
    quantity   integer NOT NULL DEFAULT 0,
    version    integer NOT NULL DEFAULT 1,
    CONSTRAINT inventory_pk PRIMARY KEY (warehouse, sku)
);

-- id: ur.create-settings
CREATE TABLE settings (key text PRIMARY KEY, value text, updated_count integer NOT NULL DEFAULT 0);

-- id: ur.insert-returning-id
INSERT INTO users (email, name) VALUES ('ann@example.com', 'Ann') RETURNING id;

-- id: ur.insert-returning-columns
INSERT INTO users (email, name) VALUES ('ben@example.com', 'Ben') RETURNING id, email, logins;

-- id: ur.insert-returning-star
INSERT INTO users (email, name, logins, created_at) VALUES ('cat@example.com', 'Cat', 3, '2024-05-01 12:00:00+00')
RETURNING *;

-- id: ur.insert-returning-expression
INSERT INTO users (email, name) VALUES ('dan@example.com', 'Dan')
RETURNING id, upper(name) AS shout, created_at > '2000-01-01' AS fresh;

-- id: ur.insert-multi-returning
INSERT INTO users (email, name) VALUES ('eve@example.com', 'Eve'), ('fay@example.com', 'Fay') RETURNING id, name;

-- id: ur.update-returning
UPDATE users SET logins = logins + 1 WHERE email IN ('ann@example.com', 'cat@example.com') RETURNING id, logins;

-- id: ur.update-returning-none
UPDATE users SET logins = 0 WHERE id = 999 RETURNING id;

-- id: ur.delete-returning
DELETE FROM users WHERE email = 'fay@example.com' RETURNING id, email;

-- id: ur.insert-select-returning
INSERT INTO settings (key, value) SELECT 'welcome_' || name, 'sent' FROM users WHERE logins > 0 RETURNING key;

-- id: ur.on-conflict-do-nothing
INSERT INTO users (email, name) VALUES ('ann@example.com', 'Ann Again') ON CONFLICT DO NOTHING;

-- id: ur.on-conflict-do-nothing-target
INSERT INTO users (email, name) VALUES ('ann@example.com', 'Ann Again') ON CONFLICT (email) DO NOTHING;

-- id: ur.on-conflict-do-nothing-returning
INSERT INTO users (email, name) VALUES ('ben@example.com', 'Ben 2'), ('gus@example.com', 'Gus')
ON CONFLICT (email) DO NOTHING RETURNING email;

-- id: ur.on-conflict-do-update
INSERT INTO users (email, name) VALUES ('ann@example.com', 'Ann Lee')
ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name, logins = users.logins + 1;

-- id: ur.after-do-update
SELECT email, name, logins FROM users WHERE email = 'ann@example.com';

-- id: ur.on-conflict-do-update-returning
INSERT INTO users (email, name) VALUES ('ben@example.com', 'Benjamin')
ON CONFLICT (email) DO UPDATE SET name = excluded.name
RETURNING email, name;

-- id: ur.on-conflict-do-update-where
INSERT INTO users (email, name, logins) VALUES ('cat@example.com', 'Catherine', 0)
ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name WHERE users.logins > 10;

-- id: ur.after-do-update-where
SELECT name FROM users WHERE email = 'cat@example.com';

-- id: ur.on-conflict-constraint-name
INSERT INTO inventory (warehouse, sku, quantity) VALUES ('north', 'A-1', 10)
ON CONFLICT ON CONSTRAINT inventory_pk DO UPDATE SET quantity = inventory.quantity + EXCLUDED.quantity;

-- id: ur.upsert-composite-insert
INSERT INTO inventory (warehouse, sku, quantity) VALUES ('north', 'B-2', 5), ('south', 'A-1', 7)
ON CONFLICT (warehouse, sku) DO UPDATE SET quantity = inventory.quantity + EXCLUDED.quantity,
                                           version = inventory.version + 1;

-- id: ur.upsert-composite-update
INSERT INTO inventory (warehouse, sku, quantity) VALUES ('north', 'A-1', 3), ('south', 'A-1', 1)
ON CONFLICT (warehouse, sku) DO UPDATE SET quantity = inventory.quantity + EXCLUDED.quantity,
                                           version = inventory.version + 1
RETURNING warehouse, sku, quantity, version;

-- id: ur.inventory-after-upserts
SELECT warehouse, sku, quantity, version FROM inventory ORDER BY warehouse, sku;

-- id: ur.upsert-key-value
INSERT INTO settings (key, value) VALUES ('theme', 'dark')
ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_count = settings.updated_count + 1;

-- id: ur.upsert-key-value-again
INSERT INTO settings (key, value) VALUES ('theme', 'light')
ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_count = settings.updated_count + 1;

-- id: ur.settings-after-upserts
SELECT key, value, updated_count FROM settings ORDER BY key;

-- id: ur.upsert-same-row-twice
-- error: 21000
INSERT INTO settings (key, value) VALUES ('lang', 'en'), ('lang', 'fr')
ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;

-- id: ur.duplicate-without-on-conflict
-- error: 23505
INSERT INTO users (email, name) VALUES ('ben@example.com', 'Dup');

-- id: ur.on-conflict-without-unique-index
-- error: 42P10
INSERT INTO users (email, name) VALUES ('zed@example.com', 'Zed') ON CONFLICT (name) DO NOTHING;

-- id: ur.users-final
SELECT id, email, name, logins FROM users ORDER BY id;

-- id: ur.optimistic-lock-update
UPDATE inventory SET quantity = quantity - 2, version = version + 1
WHERE warehouse = 'north' AND sku = 'A-1' AND version = 2
RETURNING quantity, version;

-- id: ur.optimistic-lock-stale
UPDATE inventory SET quantity = quantity - 2, version = version + 1
WHERE warehouse = 'north' AND sku = 'A-1' AND version = 2;

-- id: ur.delete-returning-star
DELETE FROM inventory WHERE quantity < 6 RETURNING *;

-- id: ur.cte-insert-returning
WITH new_user AS (
    INSERT INTO users (email, name) VALUES ('hal@example.com', 'Hal') RETURNING id, name
)
INSERT INTO settings (key, value) SELECT 'owner_' || id, name FROM new_user RETURNING key, value;
