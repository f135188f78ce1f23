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

cells as (

    unpivot include nulls (
        select
            * exclude ("_key", "_values")

        from key_lines
        where {{duplicates}} = 'conflicting'
    )
    on columns(* exclude ("_key_value", line))
    into name "_column" value "_value"

),

differing_columns as (

    select
        "_key_value",
        "_column"

    from cells
    group by all
    having count(distinct "_value") > 1 or count("_value") between 1 and count(*) - 1

),

conflicts as (

    select
        cells."_key_value",
        cells.line,
        string_agg(cells."_column" || '=' || coalesce(cells."_value", 'null'), ', ' order by cells."_column")
            as differs

    from cells
    inner join differing_columns
        on cells."_key_value" is not distinct from differing_columns."_key_value"
        and cells."_column" = differing_columns."_column"
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
