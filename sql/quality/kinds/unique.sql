-- Kind unique: the rows of the target whose key (the listed columns) occurs more than once among the rows
-- checked; a null part of a key counts as a value.
--   target:        the checked table
--   columns:       the key's columns, identifiers     column_names:  the same names, text literals
--   where:         the rows checked (true when the rule gives no where)
-- First statement: the rows checked. Second: the offending rows, sorted by key then by the row's values,
-- with _occurrences (how often the key occurs) and _key (the key's parts as text, 'null' for a null part).
select count(*) as rows_checked
from {{target}}
where ({{where}});

with

checked as not materialized ( -- read where it is used: only the columns needed

    select * from {{target}} where ({{where}})

),

key_counts as (

    select
        {{columns}},
        count(*) as "_occurrences"

    from checked
    group by all
    having count(*) > 1

),

repeated_keys as (

    select
        row({{columns}}) as "_key_value", -- one value, so that null parts match
        "_occurrences"

    from key_counts

),

offending as (

    select
        checked.*,
        repeated_keys."_occurrences"

    from checked
    inner join repeated_keys
        on row({{columns}}) is not distinct from repeated_keys."_key_value"

),

as_text as (

    select
        row(row({{columns}}), offending) as "_sort", -- typed: numbers sort as numbers
        cast(columns(*) as varchar)

    from offending

)

select
    *,
    array_to_string(list_transform(list_value(*columns([{{column_names}}])), part -> coalesce(part, 'null')), ', ')
        as "_key"

from as_text;
