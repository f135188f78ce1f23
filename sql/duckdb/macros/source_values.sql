-- Macros that clean a value of the source files, as every staging model reads it. The raw layer holds each
-- field as text, as written in the file; these turn it into the warehouse's type.

-- A timestamp as the loader accepts it: YYYY-MM-DD, or YYYY-MM-DD HH:MM[:SS[.fraction]] with a space, a T or
-- both between date and time, blanks (characters up to U+0020) around. A value DuckDB reads as it is (the usual
-- YYYY-MM-DD HH:MM:SS) is cast directly; any other, without its blanks, gets a single space between date and time
-- first. Null stays null; an unreadable value fails the cast, naming the value. The loader's contract accepts a
-- timestamp only when source_timestamp_or_null reads it.
-- The first try, the value as it is, only saves the trim for the common case: DuckDB's cast itself skips the
-- spaces around a value and no other character, so whatever it reads, it reads as the trimmed value too.
create or replace macro source_timestamp(field) as
    coalesce(
        try_cast(field as timestamp),
        try_cast(trim(field) as timestamp),
        cast(regexp_replace(regexp_replace(field, '^[\x00-\x20]+|[\x00-\x20]+$', '', 'g'),
            '^(\d{4}-\d{2}-\d{2})[ T]*(\d)', '\1 \2') as timestamp)
    );

-- source_timestamp, null for a value it cannot read.
create or replace macro source_timestamp_or_null(field) as
    coalesce(
        try_cast(field as timestamp),
        try_cast(trim(field) as timestamp),
        try_cast(regexp_replace(regexp_replace(field, '^[\x00-\x20]+|[\x00-\x20]+$', '', 'g'),
            '^(\d{4}-\d{2}-\d{2})[ T]*(\d)', '\1 \2') as timestamp)
    );

-- A whole number as the loader accepts it (a trailing ".0" from a spreadsheet re-save is dropped), within the
-- range of a 32-bit integer. Only a value ending in ".0" goes through the regular expression.
create or replace macro source_integer(field) as
    if(ends_with(field, '.0'), cast(regexp_replace(field, '\.0$', '') as integer), cast(field as integer));

-- A decimal number as the loader accepts it (an exponent allowed), rounded half away from zero to 2 decimals;
-- at most 10 integer digits.
create or replace macro source_decimal(field) as
    cast(field as decimal(12, 2));

-- An amount of money as the loader accepts it: at most 10 integer digits and 2 decimals, so never rounded.
create or replace macro source_amount(field) as
    cast(field as decimal(12, 2));

-- A finite floating-point number as the loader accepts it.
create or replace macro source_number(field) as
    cast(field as double);

-- A zip code prefix: 5 characters, the leading zeros a spreadsheet may have dropped restored (1037 -> 01037).
create or replace macro source_zip_prefix(field) as
    lpad(trim(field), 5, '0');

-- A state code: two upper-case letters; blank is null.
create or replace macro source_state_code(field) as
    nullif(upper(trim(field)), '');

-- An id (order, customer, person, product, seller, review): trimmed. trim() decodes and copies every value, so
-- a value it cannot change is taken as it is: plain ASCII (as many bytes as characters), its first character at
-- or after '!' and its last not a space (trim() removes Unicode spaces only, and the space is ASCII's one).
create or replace macro source_id(field) as
    if(field >= '!' and not ends_with(field, ' ') and strlen(field) = length(field), field, trim(field));

-- A text: trimmed; blank is null.
create or replace macro source_text(field) as
    nullif(trim(field), '');
