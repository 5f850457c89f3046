-- Analytics as dashboards and reports write it: window functions (ranking, running totals, lag/lead, frames) and
-- common table expressions, including recursive ones over hierarchies and series.

-- id: wc.create-sales
CREATE TABLE sales (
    id        integer PRIMARY KEY,
    region    text NOT NULL,
    rep       text NOT NULL,
    sold_on   date NOT NULL,
    amount    numeric(10,2) NOT NULL
);

-- id: wc.create-org
CREATE TABLE org_units (
    id         integer PRIMARY KEY,
    parent_id  integer REFERENCES org_units (id),
    name       text NOT NULL
);

-- id: wc.insert-sales
INSERT INTO sales VALUES
    (1, 'east', 'amy', '2024-01-03', 120.00),
    (2, 'east', 'amy', '2024-01-17', 80.00),
    (3, 'east', 'raj', '2024-01-20', 200.00),
    (4, 'west', 'lee', '2024-01-05', 50.00),
    (5, 'west', 'lee', '2024-02-02', 75.50),
    (6, 'west', 'kim', '2024-02-10', 75.50),
    (7, 'east', 'raj', '2024-02-14', 310.25),
    (8, 'north', 'ola', '2024-02-28', 99.99),
    (9, 'west', 'kim', '2024-03-01', 20.00),
    (10, 'east', 'amy', '2024-03-05', 150.00);

-- id: wc.insert-org
INSERT INTO org_units VALUES
    (1, NULL, 'Company'), (2, 1, 'Engineering'), (3, 1, 'Sales'), (4, 2, 'Platform'), (5, 2, 'Mobile'),
    (6, 4, 'Databases'), (7, 3, 'EMEA'), (8, NULL, 'Board');

-- id: wc.row-number
SELECT id, region, row_number() OVER (PARTITION BY region ORDER BY sold_on) AS seq FROM sales ORDER BY id;

-- id: wc.rank-dense-rank
SELECT id, amount, rank() OVER (ORDER BY amount DESC) AS rnk, dense_rank() OVER (ORDER BY amount DESC) AS dense
FROM sales ORDER BY id;

-- id: wc.running-total
SELECT id, sold_on, amount, sum(amount) OVER (ORDER BY sold_on, id) AS running_total FROM sales ORDER BY sold_on, id;

-- id: wc.partition-total
SELECT id, region, amount, sum(amount) OVER (PARTITION BY region) AS region_total,
       round(100 * amount / sum(amount) OVER (PARTITION BY region), 1) AS pct_of_region
FROM sales ORDER BY id;

-- id: wc.lag-lead
SELECT id, rep, amount, lag(amount) OVER w AS previous, lead(amount, 1, 0) OVER w AS next
FROM sales WINDOW w AS (PARTITION BY rep ORDER BY sold_on)
ORDER BY rep, sold_on;

-- id: wc.first-last-value
SELECT DISTINCT region,
       first_value(rep) OVER (PARTITION BY region ORDER BY amount DESC, id) AS top_rep,
       last_value(amount) OVER (PARTITION BY region ORDER BY sold_on ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS latest_amount
FROM sales ORDER BY region;

-- id: wc.moving-average-frame
SELECT id, amount, round(avg(amount) OVER (ORDER BY sold_on, id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW), 2) AS moving_avg
FROM sales ORDER BY sold_on, id;

-- id: wc.ntile
SELECT id, ntile(3) OVER (ORDER BY amount, id) AS bucket FROM sales ORDER BY id;

-- id: wc.count-over-empty
SELECT id, count(*) OVER () AS total_rows FROM sales WHERE region = 'west' ORDER BY id;

-- id: wc.top-n-per-group
SELECT region, rep, amount FROM (
    SELECT region, rep, amount, row_number() OVER (PARTITION BY region ORDER BY amount DESC, id) AS rn FROM sales
) ranked
WHERE rn = 1 ORDER BY region;

-- id: wc.percent-rank
SELECT id, round(percent_rank() OVER (ORDER BY amount, id)::numeric, 3) AS pr FROM sales ORDER BY id;

-- id: wc.cte-simple
WITH monthly AS (
    SELECT date_trunc('month', sold_on) AS month, sum(amount) AS total FROM sales GROUP BY 1
)
SELECT month::date AS month, total FROM monthly ORDER BY month;

-- id: wc.cte-multiple
WITH per_rep AS (
    SELECT rep, sum(amount) AS total FROM sales GROUP BY rep
), average AS (
    SELECT avg(total) AS avg_total FROM per_rep
)
SELECT rep, total FROM per_rep, average WHERE total > avg_total ORDER BY total DESC;

-- id: wc.cte-referenced-twice
WITH region_totals AS (SELECT region, sum(amount) AS total FROM sales GROUP BY region)
SELECT a.region, a.total, a.total - b.total AS above_smallest
FROM region_totals a CROSS JOIN (SELECT min(total) AS total FROM region_totals) b
ORDER BY a.region;

-- id: wc.cte-with-column-names
WITH t (r, n) AS (SELECT region, count(*) FROM sales GROUP BY region)
SELECT r, n FROM t ORDER BY n DESC, r;

-- id: wc.recursive-counter
WITH RECURSIVE counter (n) AS (
    SELECT 1
    UNION ALL
    SELECT n + 1 FROM counter WHERE n < 10
)
SELECT sum(n) AS total, max(n) AS last FROM counter;

-- id: wc.recursive-hierarchy
WITH RECURSIVE tree AS (
    SELECT id, name, 0 AS depth, name::text AS path FROM org_units WHERE parent_id IS NULL
    UNION ALL
    SELECT o.id, o.name, t.depth + 1, t.path || ' > ' || o.name
    FROM org_units o JOIN tree t ON o.parent_id = t.id
)
SELECT id, depth, path FROM tree ORDER BY path;

-- id: wc.recursive-descendants
WITH RECURSIVE descendants AS (
    SELECT id FROM org_units WHERE name = 'Engineering'
    UNION
    SELECT o.id FROM org_units o JOIN descendants d ON o.parent_id = d.id
)
SELECT count(*) AS units FROM descendants;

-- id: wc.recursive-ancestors
WITH RECURSIVE ancestors (id, parent_id, name, level) AS (
    SELECT id, parent_id, name, 1 FROM org_units WHERE name = 'Databases'
    UNION ALL
    SELECT o.id, o.parent_id, o.name, a.level + 1 FROM org_units o JOIN ancestors a ON o.id = a.parent_id
)
SELECT name, level FROM ancestors ORDER BY level;

-- id: wc.recursive-date-series
WITH RECURSIVE days (d) AS (
    SELECT DATE '2024-02-26'
    UNION ALL
    SELECT d + 1 FROM days WHERE d < DATE '2024-03-02'
)
SELECT d, (SELECT coalesce(sum(amount), 0) FROM sales s WHERE s.sold_on = d) AS sold FROM days ORDER BY d;

-- id: wc.cte-update
WITH big AS (SELECT id FROM sales WHERE amount > 200)
UPDATE sales SET amount = amount * 0.9 WHERE id IN (SELECT id FROM big);

-- id: wc.cte-delete-returning
WITH removed AS (DELETE FROM sales WHERE region = 'north' RETURNING id, amount)
SELECT count(*) AS removed_rows, sum(amount) AS removed_amount FROM removed;

-- id: wc.cte-after-changes
SELECT region, count(*) AS n, sum(amount) AS total FROM sales GROUP BY region ORDER BY region;

-- id: wc.window-in-cte
WITH ranked AS (
    SELECT rep, sold_on, amount, rank() OVER (PARTITION BY rep ORDER BY sold_on DESC) AS recency FROM sales
)
SELECT rep, sold_on, amount FROM ranked WHERE recency = 1 ORDER BY rep;

-- id: wc.cume-dist
SELECT id, cume_dist() OVER (ORDER BY amount, id) AS cd FROM sales WHERE region = 'west' ORDER BY id;
