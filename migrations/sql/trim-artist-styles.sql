-- Each artist's styles cut to what the profile rules allow (MAX_STYLES, MAX_STYLE_LENGTH
-- and MAX_STYLES_LENGTH in booking_domain.catalog.use_cases.profiles): in their order,
-- styles of 1 to 40 characters, the leading ones while there are at most 20 of them and 400
-- characters in all. Rows that already fit are not written. Frozen: migrations 0021 and
-- 0023 run it, and it must keep meaning what it meant then.
UPDATE artists a
   SET styles = kept.styles
  FROM (SELECT o.id,
               coalesce(array_agg(t.s ORDER BY t.n)
                          FILTER (WHERE t.total <= 400 AND t.rank <= 20),
                        '{}') AS styles
          FROM artists o
          LEFT JOIN LATERAL (
                SELECT u.s, u.n,
                       sum(char_length(u.s)) OVER w AS total,
                       row_number() OVER w AS rank
                  FROM unnest(o.styles) WITH ORDINALITY AS u(s, n)
                 WHERE char_length(u.s) BETWEEN 1 AND 40
                WINDOW w AS (ORDER BY u.n)) t ON true
         GROUP BY o.id) kept
 WHERE a.id = kept.id AND a.styles IS DISTINCT FROM kept.styles;
