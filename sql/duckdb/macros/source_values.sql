-- Macros that clean a value of the source files, as every staging model reads it. The raw layer holds each
-- field as text, as written in the file; these turn it into the warehouse's type.

-- A timestamp as the loader accepts it: YYYY-MM-DD, or YYYY-MM-DD HH:MM[:SS[.fraction]] with a space, a T or
-- both between date and time. A value DuckDB reads as it is (the usual YYYY-MM-DD HH:MM:SS) is cast directly;
-- any other gets a single space between date and time first. Null stays null; an unreadable value fails the
-- cast, naming the value.
create or replace macro source_timestamp(field) as
    coalesce(
        try_cast(trim(field) as timestamp),
        cast(regexp_replace(trim(field), '^(\d{4}-\d{2}-\d{2})[ T]*(\d)', '\1 \2') as timestamp)
    );

-- A zip code prefix: 5 characters, the leading zeros a spreadsheet may have dropped restored (1037 -> 01037).
create or replace macro source_zip_prefix(field) as
    lpad(trim(field), 5, '0');

-- A state code: two upper-case letters; blank is null.
create or replace macro source_state_code(field) as
    nullif(upper(trim(field)), '');

-- A text: trimmed; blank is null.
create or replace macro source_text(field) as
    nullif(trim(field), '');
