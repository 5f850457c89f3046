-- Data changes as applications make them: multi-row inserts, INSERT ... SELECT, updates with expressions and
-- joins (UPDATE ... FROM), deletes with joins (DELETE ... USING), defaults, NULL handling.

-- id: dml.create-departments
CREATE TABLE departments (
    id       integer PRIMARY KEY,
    name     text NOT NULL UNIQUE,
    budget   numeric(12,2) NOT NULL DEFAULT 0
);

-- id: dml.create-employees
CREATE TABLE employees (
    id             serial PRIMARY KEY,
    department_id  integer REFERENCES departments (id),
    manager_id     integer REFERENCES employees (id),
    first_name     text NOT NULL,
    last_name      text NOT NULL,
    email          varchar(120) UNIQUE,
    salary         numeric(10,2) NOT NULL,
    hired_on       date NOT NULL,
    active         boolean NOT NULL DEFAULT true
);

-- id: dml.create-salary-changes
CREATE TABLE salary_changes (
    id           bigserial PRIMARY KEY,
    employee_id  integer NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
    old_salary   numeric(10,2),
    new_salary   numeric(10,2),
    reason       text
);

-- id: dml.insert-departments
INSERT INTO departments (id, name, budget) VALUES
    (1, 'Engineering', 500000),
    (2, 'Sales', 250000),
    (3, 'Support', 120000.50),
    (4, 'Legal', 0);

-- id: dml.insert-employee-single
INSERT INTO employees (department_id, first_name, last_name, email, salary, hired_on)
VALUES (1, 'Linus', 'Torvalds', 'linus@example.com', 185000, '2015-03-01');

-- id: dml.insert-employees-multi
INSERT INTO employees (department_id, manager_id, first_name, last_name, email, salary, hired_on) VALUES
    (1, 1, 'Margaret', 'Hamilton', 'margaret@example.com', 160000, '2016-07-15'),
    (1, 1, 'Ken', 'Thompson', 'ken@example.com', 150000.75, '2017-01-09'),
    (2, NULL, 'Zig', 'Ziglar', 'zig@example.com', 95000, '2018-05-20'),
    (2, 4, 'Dale', 'Carnegie', NULL, 72000, '2019-11-02'),
    (3, NULL, 'Florence', 'Nightingale', 'florence@example.com', 68000, '2020-02-29'),
    (3, 6, 'Clara', 'Barton', 'clara@example.com', 54000, '2021-08-16'),
    (NULL, NULL, 'Ada', 'Byron', 'ada@example.com', 99000, '2022-12-01');

-- id: dml.insert-explicit-default
INSERT INTO employees (department_id, first_name, last_name, email, salary, hired_on, active)
VALUES (2, 'Mary', 'Kay', 'mary@example.com', 81000, '2023-04-03', DEFAULT);

-- id: dml.insert-boolean-false
INSERT INTO employees (department_id, first_name, last_name, salary, hired_on, active)
VALUES (3, 'Temp', 'Worker', 30000, '2023-06-01', false);

-- id: dml.count-employees
SELECT count(*) AS employees, count(email) AS with_email, count(DISTINCT department_id) AS departments
FROM employees;

-- id: dml.insert-select
INSERT INTO salary_changes (employee_id, old_salary, new_salary, reason)
SELECT id, salary, salary, 'initial' FROM employees WHERE active ORDER BY id;

-- id: dml.select-inserted-changes
SELECT employee_id, new_salary, reason FROM salary_changes ORDER BY employee_id;

-- id: dml.update-single
UPDATE employees SET salary = 190000 WHERE email = 'linus@example.com';

-- id: dml.update-expression
UPDATE employees SET salary = salary * 1.05 WHERE department_id = 3;

-- id: dml.update-multiple-columns
UPDATE employees SET last_name = upper(last_name), email = lower(first_name) || '.' || lower(last_name) || '@example.org'
WHERE id = 5;

-- id: dml.update-no-match
UPDATE employees SET salary = 0 WHERE id = -1;

-- id: dml.update-set-null
UPDATE employees SET manager_id = NULL WHERE manager_id = 4;

-- id: dml.update-case
UPDATE employees SET salary = CASE WHEN salary < 60000 THEN salary + 5000 WHEN salary < 100000 THEN salary + 2500
    ELSE salary END
WHERE active;

-- id: dml.update-subquery
UPDATE departments SET budget = (SELECT sum(salary) FROM employees e WHERE e.department_id = departments.id)
WHERE id IN (SELECT department_id FROM employees WHERE department_id IS NOT NULL);

-- id: dml.select-budgets
SELECT id, name, budget FROM departments ORDER BY id;

-- id: dml.update-from
UPDATE employees SET salary = e.salary + d.budget / 1000
FROM departments d, employees e
WHERE employees.department_id = d.id AND e.id = employees.id AND d.name = 'Sales';

-- id: dml.update-from-alias
UPDATE salary_changes sc SET new_salary = e.salary, reason = 'review 2024'
FROM employees e
WHERE sc.employee_id = e.id AND e.department_id IN (2, 3);

-- id: dml.select-after-update-from
SELECT e.first_name, e.salary, sc.new_salary, sc.reason
FROM employees e JOIN salary_changes sc ON sc.employee_id = e.id
ORDER BY e.id;

-- id: dml.delete-where
DELETE FROM salary_changes WHERE reason = 'initial' AND new_salary > 150000;

-- id: dml.delete-using
DELETE FROM salary_changes sc USING employees e
WHERE sc.employee_id = e.id AND e.department_id = 1;

-- id: dml.delete-using-multiple
DELETE FROM employees USING departments
WHERE employees.department_id = departments.id AND departments.name = 'Legal';

-- id: dml.delete-subquery
DELETE FROM employees WHERE NOT active AND id NOT IN (SELECT employee_id FROM salary_changes);

-- id: dml.delete-exists
DELETE FROM departments d WHERE NOT EXISTS (SELECT 1 FROM employees e WHERE e.department_id = d.id);

-- id: dml.select-remaining
SELECT (SELECT count(*) FROM employees) AS employees, (SELECT count(*) FROM salary_changes) AS changes,
       (SELECT count(*) FROM departments) AS departments;

-- id: dml.insert-returning-none-quoted-identifiers
INSERT INTO "employees" ("department_id", "first_name", "last_name", "salary", "hired_on")
VALUES (1, 'Grace', 'Hopper', 140000, '2024-01-08');

-- id: dml.insert-escaped-quote
INSERT INTO departments (id, name) VALUES (5, 'Customer''s Success');

-- id: dml.select-escaped-quote
SELECT name FROM departments WHERE name LIKE '%''s%';

-- id: dml.insert-unicode
INSERT INTO departments (id, name) VALUES (6, 'Développement Ünïcødé ✓');

-- id: dml.select-unicode
SELECT id, name, length(name) AS chars FROM departments WHERE id = 6;

-- id: dml.insert-e-string
INSERT INTO departments (id, name) VALUES (7, E'Ops\tNight shift');

-- id: dml.select-e-string
SELECT id, name = 'Ops' || chr(9) || 'Night shift' AS has_tab FROM departments WHERE id = 7;

-- id: dml.insert-dollar-quoted
INSERT INTO salary_changes (employee_id, reason) VALUES (2, $$it's a "raise"$$);

-- id: dml.select-dollar-quoted
SELECT reason FROM salary_changes WHERE employee_id = 2 AND old_salary IS NULL;

-- id: dml.mixed-case-update
UPDATE Employees SET Salary = Salary + 1 WHERE First_Name = 'Grace';

-- id: dml.mixed-case-select
SELECT FIRST_NAME, Last_Name, SALARY FROM EMPLOYEES WHERE first_name = 'Grace';

-- id: dml.update-all-rows
UPDATE departments SET budget = budget + 1;

-- id: dml.delete-all-rows
DELETE FROM salary_changes;

-- id: dml.final-employees
SELECT id, department_id, manager_id, first_name, last_name, email, salary, hired_on, active
FROM employees ORDER BY id;
