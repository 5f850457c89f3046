-- Aggregation as APIs and reports use it: string_agg and array_agg (with ORDER BY inside, so results are
-- deterministic), count/sum/avg/min/max over empty and NULL input, FILTER, GROUP BY with ROLLUP and expressions.

-- id: agg.create-tickets
CREATE TABLE tickets (
    id          integer PRIMARY KEY,
    project     text NOT NULL,
    assignee    text,
    priority    smallint NOT NULL,
    estimate    numeric(5,1),
    closed      boolean NOT NULL DEFAULT false,
    opened_on   date NOT NULL
);

-- id: agg.insert-tickets
INSERT INTO tickets VALUES
    (1, 'api', 'mia', 1, 3.0, true, '2024-04-01'),
    (2, 'api', 'noah', 2, 5.5, false, '2024-04-02'),
    (3, 'api', NULL, 3, NULL, false, '2024-04-02'),
    (4, 'web', 'mia', 1, 8.0, false, '2024-04-03'),
    (5, 'web', 'mia', 2, 2.0, true, '2024-04-05'),
    (6, 'web', 'omar', 3, 1.5, true, '2024-04-08'),
    (7, 'ops', 'omar', 1, NULL, false, '2024-04-09'),
    (8, 'api', 'noah', 1, 13.0, false, '2024-04-10');

-- id: agg.string-agg
SELECT project, string_agg(assignee, ', ' ORDER BY assignee) AS people FROM tickets GROUP BY project ORDER BY project;

-- id: agg.string-agg-distinct
SELECT string_agg(DISTINCT assignee, '|' ORDER BY assignee) AS everyone FROM tickets;

-- id: agg.string-agg-expression
SELECT project, string_agg(id::text || ':' || priority, ' ' ORDER BY id) AS summary FROM tickets GROUP BY project ORDER BY project;

-- id: agg.array-agg
SELECT project, array_agg(id ORDER BY id) AS ids FROM tickets GROUP BY project ORDER BY project;

-- id: agg.array-agg-text
SELECT array_agg(DISTINCT project ORDER BY project) AS projects FROM tickets;

-- id: agg.array-agg-with-nulls
SELECT array_agg(assignee ORDER BY id) AS assignees FROM tickets WHERE project = 'api';

-- id: agg.count-variants
SELECT count(*) AS all_rows, count(assignee) AS assigned, count(DISTINCT assignee) AS people, count(estimate) AS estimated
FROM tickets;

-- id: agg.sum-avg-null
SELECT sum(estimate) AS total, avg(estimate) AS mean, min(estimate) AS smallest, max(estimate) AS largest FROM tickets;

-- id: agg.avg-integer
SELECT avg(priority) AS avg_priority FROM tickets;

-- id: agg.aggregates-over-empty
SELECT count(*) AS n, sum(estimate) AS total, max(opened_on) AS latest FROM tickets WHERE project = 'none';

-- id: agg.group-by-empty-result
SELECT project, count(*) AS n FROM tickets WHERE project = 'none' GROUP BY project;

-- id: agg.min-max-text-date
SELECT min(assignee) AS first_name, max(assignee) AS last_name, min(opened_on) AS first_day, max(opened_on) AS last_day
FROM tickets;

-- id: agg.filter-clause
SELECT project,
       count(*) FILTER (WHERE closed) AS closed,
       count(*) FILTER (WHERE NOT closed) AS open,
       sum(estimate) FILTER (WHERE priority = 1) AS p1_estimate
FROM tickets GROUP BY project ORDER BY project;

-- id: agg.conditional-sum-case
SELECT sum(CASE WHEN closed THEN 1 ELSE 0 END) AS closed, sum(CASE WHEN closed THEN 0 ELSE 1 END) AS open FROM tickets;

-- id: agg.group-by-two-columns
SELECT project, priority, count(*) AS n FROM tickets GROUP BY project, priority ORDER BY project, priority;

-- id: agg.having-multiple
SELECT assignee, count(*) AS n, sum(estimate) AS effort FROM tickets
WHERE assignee IS NOT NULL GROUP BY assignee HAVING count(*) >= 2 AND sum(estimate) > 5 ORDER BY assignee;

-- id: agg.group-by-date-part
SELECT extract(dow FROM opened_on) AS weekday, count(*) AS n FROM tickets GROUP BY 1 ORDER BY 1;

-- id: agg.rollup
SELECT project, closed, count(*) AS n FROM tickets GROUP BY ROLLUP (project, closed) ORDER BY project NULLS LAST, closed NULLS LAST;

-- id: agg.grouping-sets
SELECT project, assignee, count(*) AS n FROM tickets
GROUP BY GROUPING SETS ((project), (assignee))
ORDER BY project NULLS LAST, assignee NULLS LAST;

-- id: agg.count-in-subquery-having
SELECT project FROM tickets GROUP BY project HAVING count(*) > (SELECT count(*) / 3 FROM tickets) ORDER BY project;

-- id: agg.bool-aggregates
SELECT project, bool_and(closed) AS all_closed, bool_or(closed) AS any_closed FROM tickets GROUP BY project ORDER BY project;

-- id: agg.numeric-rounding
SELECT project, round(avg(estimate), 2) AS avg_estimate, round(sum(estimate) / count(*), 3) AS per_ticket
FROM tickets GROUP BY project ORDER BY project;

-- id: agg.stddev
SELECT round(stddev_samp(estimate), 4) AS sd, round(variance(estimate), 4) AS var FROM tickets;

-- id: agg.count-distinct-multiple
SELECT count(DISTINCT (project, assignee)) AS pairs FROM tickets WHERE assignee IS NOT NULL;

-- id: agg.json-object-agg
SELECT jsonb_object_agg(project, n) AS per_project FROM (SELECT project, count(*) AS n FROM tickets GROUP BY project) t;

-- id: agg.order-by-aggregate
SELECT assignee, sum(estimate) AS effort FROM tickets WHERE assignee IS NOT NULL GROUP BY assignee ORDER BY sum(estimate) DESC;

-- id: agg.percentile
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY estimate) AS median FROM tickets;

-- id: agg.mode
SELECT mode() WITHIN GROUP (ORDER BY assignee) AS busiest FROM tickets;

-- id: agg.cube-grouping
SELECT project, priority, count(*) AS n, grouping(project, priority) AS g FROM tickets
GROUP BY CUBE (project, priority) ORDER BY g, project NULLS LAST, priority NULLS LAST;

-- id: agg.rollup-having
SELECT project, priority, sum(estimate) AS effort FROM tickets GROUP BY ROLLUP (project, priority)
HAVING count(*) > 1 ORDER BY project NULLS FIRST, priority NULLS FIRST;

-- id: agg.percentile-disc-grouped
SELECT project, percentile_disc(0.5) WITHIN GROUP (ORDER BY priority) AS median_priority,
       percentile_cont(0.25) WITHIN GROUP (ORDER BY estimate) AS q1
FROM tickets GROUP BY project ORDER BY project;

-- id: agg.variance-population
SELECT round(stddev_pop(estimate), 4) AS sp, round(var_pop(estimate), 4) AS vp, round(stddev(priority), 4) AS sd
FROM tickets;

-- id: agg.every
SELECT project, every(priority < 3) AS all_urgent FROM tickets GROUP BY project ORDER BY project;
