-- Navet schema 5: two categories the municipalities name (social unrest, and reports of
-- concern about a child to social services), before Övrigt in the default order.
-- A database that already has a category by either name (typed in, renamed to it, or
-- retired) keeps it exactly as it is.
INSERT INTO category (name, name_key, sort_order, created_at)
SELECT v.name, v.name_key, v.sort_order, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM (SELECT 'Social oro' AS name, 'social oro' AS name_key, 112 AS sort_order
      UNION ALL
      SELECT 'Orosanmälan', 'orosanmälan', 114) AS v
WHERE NOT EXISTS (SELECT 1 FROM category c WHERE c.name_key = v.name_key);
