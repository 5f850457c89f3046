-- Reporting and lookup queries: joins of every kind, filters (ILIKE, IN, ANY, EXISTS, BETWEEN), GROUP BY/HAVING,
-- subqueries, set operations, DISTINCT / DISTINCT ON, ORDER BY ... NULLS FIRST/LAST, LIMIT/OFFSET.

-- id: q.create-customers
CREATE TABLE customers (
    id        integer PRIMARY KEY,
    name      text NOT NULL,
    email     text,
    city      text,
    tier      text NOT NULL DEFAULT 'standard',
    referrer  integer REFERENCES customers (id)
);

-- id: q.create-products
CREATE TABLE products (
    id        integer PRIMARY KEY,
    name      text NOT NULL,
    category  text,
    price     numeric(10,2) NOT NULL,
    discontinued boolean NOT NULL DEFAULT false
);

-- id: q.create-orders
CREATE TABLE orders (
    id           integer PRIMARY KEY,
    customer_id  integer REFERENCES customers (id),
    placed_on    date NOT NULL,
    status       text NOT NULL,
    shipping     numeric(8,2)
);

-- id: q.create-order-lines
CREATE TABLE order_lines (
    order_id    integer REFERENCES orders (id),
    product_id  integer REFERENCES products (id),
    quantity    integer NOT NULL,
    PRIMARY KEY (order_id, product_id)
);

-- id: q.insert-customers
INSERT INTO customers (id, name, email, city, tier, referrer) VALUES
    (1, 'Alice Martin', 'alice@example.com', 'Paris', 'gold', NULL),
    (2, 'Bob Stone', 'BOB@Example.com', 'London', 'standard', 1),
    (3, 'Carla Diaz', NULL, 'Madrid', 'silver', 1),
    (4, 'Dmitri Ivanov', 'dmitri@example.net', NULL, 'standard', 2),
    (5, 'Eve Adams', 'eve@example.org', 'London', 'gold', NULL),
    (6, 'Frank Moore', 'frank@example.com', 'Paris', 'standard', 5);

-- id: q.insert-products
INSERT INTO products (id, name, category, price, discontinued) VALUES
    (10, 'Espresso Machine', 'kitchen', 249.99, false),
    (11, 'Coffee Grinder', 'kitchen', 89.50, false),
    (12, 'French Press', 'kitchen', 29.00, true),
    (13, 'Desk Lamp', 'office', 45.00, false),
    (14, 'Standing Desk', 'office', 499.00, false),
    (15, 'Notebook', NULL, 4.99, false),
    (16, 'Gift Card', NULL, 50.00, false);

-- id: q.insert-orders
INSERT INTO orders (id, customer_id, placed_on, status, shipping) VALUES
    (100, 1, '2024-01-05', 'shipped', 5.00),
    (101, 1, '2024-02-11', 'shipped', NULL),
    (102, 2, '2024-02-12', 'cancelled', 7.50),
    (103, 3, '2024-03-01', 'paid', 0),
    (104, 5, '2024-03-15', 'shipped', 12.00),
    (105, 5, '2024-03-16', 'paid', 12.00),
    (106, NULL, '2024-03-20', 'paid', 3.00),
    (107, 6, '2024-04-02', 'new', NULL);

-- id: q.insert-order-lines
INSERT INTO order_lines (order_id, product_id, quantity) VALUES
    (100, 10, 1), (100, 11, 1), (101, 15, 10), (102, 14, 1), (103, 12, 2), (103, 15, 3),
    (104, 14, 1), (104, 13, 2), (105, 16, 4), (106, 15, 1), (107, 11, 1);

-- id: q.select-star-ordered
SELECT * FROM products ORDER BY id;

-- id: q.where-and-or
SELECT id, name FROM products WHERE (category = 'kitchen' AND NOT discontinued) OR price < 10 ORDER BY id;

-- id: q.ilike
SELECT id, name FROM customers WHERE email ILIKE '%@EXAMPLE.COM' ORDER BY id;

-- id: q.not-ilike
SELECT id FROM customers WHERE name NOT ILIKE 'a%' ORDER BY id;

-- id: q.like-underscore
SELECT name FROM products WHERE name LIKE '_otebook';

-- id: q.like-escape
SELECT count(*) AS n FROM products WHERE name LIKE '%\%%' ESCAPE '\';

-- id: q.in-list
SELECT id, status FROM orders WHERE status IN ('paid', 'new') ORDER BY id;

-- id: q.not-in-list
SELECT id FROM orders WHERE status NOT IN ('shipped', 'cancelled') ORDER BY id;

-- id: q.between-dates
SELECT id, placed_on FROM orders WHERE placed_on BETWEEN '2024-02-01' AND '2024-03-15' ORDER BY placed_on, id;

-- id: q.is-null
SELECT id FROM customers WHERE city IS NULL OR email IS NULL ORDER BY id;

-- id: q.is-distinct-from
SELECT id FROM orders WHERE shipping IS DISTINCT FROM 12.00 ORDER BY id;

-- id: q.any-array
SELECT id, name FROM products WHERE id = ANY (ARRAY[10, 13, 16]) ORDER BY id;

-- id: q.any-subquery
SELECT name FROM products WHERE price > ANY (SELECT price FROM products WHERE category = 'office') ORDER BY name;

-- id: q.all-subquery
SELECT name FROM products WHERE price >= ALL (SELECT price FROM products) ;

-- id: q.inner-join
SELECT o.id AS order_id, c.name AS customer
FROM orders o INNER JOIN customers c ON c.id = o.customer_id
ORDER BY o.id;

-- id: q.left-join
SELECT c.name, o.id AS order_id
FROM customers c LEFT JOIN orders o ON o.customer_id = c.id
ORDER BY c.id, o.id;

-- id: q.left-join-is-null
SELECT c.id, c.name FROM customers c LEFT OUTER JOIN orders o ON o.customer_id = c.id WHERE o.id IS NULL;

-- id: q.right-join
SELECT o.id AS order_id, c.name FROM customers c RIGHT JOIN orders o ON o.customer_id = c.id ORDER BY o.id;

-- id: q.full-join
SELECT c.id AS customer_id, o.id AS order_id
FROM customers c FULL OUTER JOIN orders o ON o.customer_id = c.id
ORDER BY c.id NULLS FIRST, o.id NULLS FIRST;

-- id: q.cross-join
SELECT c.tier, p.category FROM (SELECT DISTINCT tier FROM customers) c CROSS JOIN (SELECT DISTINCT category FROM products WHERE category IS NOT NULL) p
ORDER BY 1, 2;

-- id: q.self-join
SELECT c.name AS customer, r.name AS referred_by
FROM customers c JOIN customers r ON r.id = c.referrer
ORDER BY c.id;

-- id: q.join-order-by-text
SELECT order_id, quantity, name FROM order_lines JOIN products ON products.id = order_lines.product_id
WHERE order_id = 104 ORDER BY name;

-- id: q.join-using
SELECT order_id, o.status, l.quantity
FROM order_lines l JOIN (SELECT id AS order_id, status FROM orders) o USING (order_id)
WHERE l.product_id = 15
ORDER BY order_id;

-- id: q.three-way-join
SELECT c.name, p.name AS product, l.quantity, l.quantity * p.price AS line_total
FROM customers c
JOIN orders o ON o.customer_id = c.id
JOIN order_lines l ON l.order_id = o.id
JOIN products p ON p.id = l.product_id
WHERE o.status <> 'cancelled'
ORDER BY c.name, p.name;

-- id: q.group-by-count
SELECT status, count(*) AS orders FROM orders GROUP BY status ORDER BY status;

-- id: q.group-by-sum-having
SELECT o.customer_id, sum(l.quantity * p.price) AS spent
FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN products p ON p.id = l.product_id
WHERE o.customer_id IS NOT NULL
GROUP BY o.customer_id
HAVING sum(l.quantity * p.price) > 100
ORDER BY spent DESC;

-- id: q.group-by-ordinal
SELECT category, count(*), min(price), max(price) FROM products GROUP BY 1 ORDER BY 1 NULLS LAST;

-- id: q.group-by-expression
SELECT upper(tier) AS tier, count(*) AS customers FROM customers GROUP BY upper(tier) ORDER BY tier;

-- id: q.having-count
SELECT city FROM customers WHERE city IS NOT NULL GROUP BY city HAVING count(*) > 1 ORDER BY city;

-- id: q.avg-round
SELECT category, round(avg(price), 2) AS avg_price FROM products WHERE category IS NOT NULL GROUP BY category ORDER BY category;

-- id: q.count-filter
SELECT count(*) FILTER (WHERE status = 'shipped') AS shipped, count(*) FILTER (WHERE status = 'paid') AS paid
FROM orders;

-- id: q.scalar-subquery-select
SELECT c.name, (SELECT count(*) FROM orders o WHERE o.customer_id = c.id) AS order_count
FROM customers c ORDER BY c.id;

-- id: q.subquery-in-from
SELECT t.tier, t.n FROM (SELECT tier, count(*) AS n FROM customers GROUP BY tier) AS t WHERE t.n >= 2 ORDER BY t.tier;

-- id: q.in-subquery
SELECT name FROM customers WHERE id IN (SELECT customer_id FROM orders WHERE status = 'shipped') ORDER BY name;

-- id: q.not-in-subquery-null-safe
SELECT name FROM customers WHERE id NOT IN (SELECT customer_id FROM orders WHERE customer_id IS NOT NULL) ORDER BY name;

-- id: q.exists
SELECT p.name FROM products p WHERE EXISTS (SELECT 1 FROM order_lines l WHERE l.product_id = p.id AND l.quantity > 1)
ORDER BY p.name;

-- id: q.not-exists
SELECT p.name FROM products p WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.product_id = p.id);

-- id: q.correlated-max
SELECT o.id, o.customer_id FROM orders o
WHERE o.placed_on = (SELECT max(o2.placed_on) FROM orders o2 WHERE o2.customer_id = o.customer_id)
ORDER BY o.id;

-- id: q.union
SELECT city AS place FROM customers WHERE city IS NOT NULL UNION SELECT 'Berlin' ORDER BY place;

-- id: q.union-all
SELECT 'customer' AS kind, id FROM customers WHERE id < 3 UNION ALL SELECT 'order', id FROM orders WHERE id < 102
ORDER BY kind, id;

-- id: q.intersect
SELECT customer_id FROM orders WHERE status = 'shipped' INTERSECT SELECT customer_id FROM orders WHERE status = 'paid';

-- id: q.except
SELECT id FROM customers EXCEPT SELECT customer_id FROM orders ORDER BY id;

-- id: q.distinct
SELECT DISTINCT city FROM customers ORDER BY city NULLS FIRST;

-- id: q.distinct-on
SELECT DISTINCT ON (customer_id) customer_id, id AS latest_order, placed_on
FROM orders WHERE customer_id IS NOT NULL
ORDER BY customer_id, placed_on DESC;

-- id: q.order-by-nulls-first
SELECT id, shipping FROM orders ORDER BY shipping NULLS FIRST, id;

-- id: q.order-by-nulls-last-desc
SELECT id, shipping FROM orders ORDER BY shipping DESC NULLS LAST, id;

-- id: q.order-by-default-nulls
SELECT id, shipping FROM orders ORDER BY shipping, id;

-- id: q.order-by-desc-default-nulls
SELECT id, city FROM customers ORDER BY city DESC, id;

-- id: q.limit
SELECT id, name FROM products ORDER BY price DESC LIMIT 3;

-- id: q.limit-offset
SELECT id, name FROM products ORDER BY id LIMIT 2 OFFSET 2;

-- id: q.offset-only
SELECT id FROM products ORDER BY id OFFSET 5;

-- id: q.fetch-first
SELECT id FROM orders ORDER BY placed_on DESC, id FETCH FIRST 2 ROWS ONLY;

-- id: q.limit-all
SELECT count(*) AS n FROM (SELECT id FROM orders ORDER BY id LIMIT ALL) t;

-- id: q.case-searched
SELECT id, CASE WHEN price >= 200 THEN 'premium' WHEN price >= 40 THEN 'mid' ELSE 'budget' END AS band
FROM products ORDER BY id;

-- id: q.case-simple
SELECT id, CASE status WHEN 'shipped' THEN 1 WHEN 'paid' THEN 2 ELSE 3 END AS priority FROM orders ORDER BY id;

-- id: q.coalesce
SELECT id, coalesce(email, 'unknown') AS email, coalesce(city, 'n/a') AS city FROM customers ORDER BY id;

-- id: q.nullif
SELECT id, nullif(shipping, 0) AS shipping FROM orders ORDER BY id;

-- id: q.greatest-least
SELECT greatest(1, 5, 3) AS g, least(4, 2, 8) AS l, greatest('apple', 'pear') AS gs;

-- id: q.select-without-from
SELECT 1 AS one, 'two' AS two, 3.5 AS three, NULL AS nothing;

-- id: q.select-expression-no-alias
SELECT 1 + 1;

-- id: q.boolean-literals
SELECT true AS yes, false AS no, NOT true AS negated, true AND false AS both, true OR NULL AS either;

-- id: q.boolean-column-filter
SELECT name FROM products WHERE discontinued IS TRUE;

-- id: q.boolean-comparison
SELECT count(*) AS active FROM products WHERE discontinued = false;

-- id: q.values-list
SELECT * FROM (VALUES (1, 'one'), (2, 'two'), (3, 'three')) AS v (num, word) ORDER BY num DESC;

-- id: q.lateral-join
SELECT c.name, recent.id AS order_id
FROM customers c
CROSS JOIN LATERAL (SELECT o.id FROM orders o WHERE o.customer_id = c.id ORDER BY o.placed_on DESC LIMIT 1) recent
ORDER BY c.id;

-- id: q.mixed-case-identifiers
SELECT C.Name, O.Status FROM Customers C JOIN ORDERS O ON O.Customer_Id = C.Id WHERE O.ID = 104;

-- id: q.count-distinct
SELECT count(DISTINCT customer_id) AS buyers, count(customer_id) AS orders_with_customer FROM orders;

-- id: q.qualified-star
SELECT o.*, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = 103;
