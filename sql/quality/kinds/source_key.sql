-- Kind source_key: the lines of a raw source table whose source key repeats. With duplicates 'exact', each line
-- that repeats an earlier line in every column of the file's contract (the lineage columns _run_id, _source_file
-- and _source_line aside); with 'conflicting', every line of a key whose lines differ in some contract column.
--   target:        the raw table: the lineage columns, then the contract's columns as text
--   columns:       the key's columns, identifiers     column_names:  the same names, text literals
--   duplicates:    'exact' or 'conflicting', a text literal
-- First statement: the rows checked (the table's lines). Second: the offending lines, sorted by key then line,
-- with _key (the key's parts), line, and repeats_line (the first line with the same values) for an exact
-- duplicate, or differs (each contract column whose values differ within the key, with its value on this line)
-- for a conflict; then the line's values.
select count(*) as rows_checked
from {{target}};

with

repeated_keys as (

    select
        row({{columns}}) as "_key_value"

    from {{target}}
    group by all
    having count(*) > 1

),

key_lines as ( -- every line of a repeated key, with its contract values as one value

    select
        row({{columns}}) as "_key_value",
        array_to_string(list_value(*columns([{{column_names}}])), ', ') as "_key",
        "_source_line" as line,
        row(*columns(c -> c not in ('_run_id', '_source_file', '_source_line'))) as "_values",
        columns(c -> c not in ('_run_id', '_source_file', '_source_line'))

    from {{target}}
    semi join repeated_keys
        on row({{columns}}) is not distinct from repeated_keys."_key_value"

),

exact_duplicates as (

    select
        "_key_value",
        "_key",
        line,
        min(line) over (partition by "_values") as repeats_line,
        * exclude ("_key_value", "_key", line, "_values")

    from key_lines
    where {{duplicates}} = 'exact'
    qualify line > min(line) over (partition by "_values")

),

conflict_candidates as (

    select
        * exclude ("_key", "_values")

    from key_lines
    where {{duplicates}} = 'conflicting'

),

cells as ( -- one row per line and contract column holding a value (unpivot leaves nulls out)

    unpivot conflict_candidates
    on columns(* exclude ("_key_value", line))
    into name "_column" value "_value"

),

key_sizes as (

    select
        "_key_value",
        count(*) as lines

    from conflict_candidates
    group by all

),

differing_columns as ( -- two values, or a value on some lines of the key and null on others

    select
        cells."_key_value",
        cells."_column"

    from cells
    inner join key_sizes
        on cells."_key_value" is not distinct from key_sizes."_key_value"
    group by all
    having count(distinct cells."_value") > 1 or count(*) < any_value(key_sizes.lines)

),

conflicts as (

    select
        conflict_candidates."_key_value",
        conflict_candidates.line,
        string_agg(differing_columns."_column" || '=' || coalesce(cells."_value", 'null'), ', '
            order by differing_columns."_column") as differs

    from conflict_candidates
    inner join differing_columns
        on conflict_candidates."_key_value" is not distinct from differing_columns."_key_value"
    left join cells
        on conflict_candidates."_key_value" is not distinct from cells."_key_value"
        and conflict_candidates.line = cells.line
        and differing_columns."_column" = cells."_column"
    group by all

),

conflicting_lines as (

    select
        key_lines."_key_value",
        key_lines."_key",
        key_lines.line,
        conflicts.differs,
        key_lines.* exclude ("_key_value", "_key", line, "_values")

    from conflicts
    inner join key_lines
        on conflicts."_key_value" is not distinct from key_lines."_key_value"
        and conflicts.line = key_lines.line

),

offending as (

    select * from exact_duplicates
    union all by name
    select * from conflicting_lines

)

select
    row("_key_value", line) as "_sort", -- by key, then line
    * exclude ("_key_value")

from offending;
