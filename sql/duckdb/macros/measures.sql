-- Macros for the two kinds of ratio the marts and intermediate metrics publish, so that every one of them
-- is rounded and typed alike (see the glossary of docs/data-dictionary.md).

-- A rate or share: part / whole as a fraction 0..1, rounded to 4 places, DECIMAL(6,4); null when the whole
-- is 0 or null.
create or replace macro share_of(part, whole) as
    cast(round(part / nullif(whole, 0), 4) as decimal(6, 4));

-- An amount of money per unit (per order, per item, per payment): BRL rounded to the cent, DECIMAL(18,2);
-- null when there are no units.
create or replace macro average_brl(amount, units) as
    cast(round(amount / nullif(units, 0), 2) as decimal(18, 2));
