-- data quality: a rule is now defined by a built-in kind of check with parameters, on a target table,
-- instead of by hand-written sql. The rules shipped with the project are seeded from versioned files
-- (QualityRules.seed); people then switch them on and off and change their thresholds in this table.
--
-- what changes, and why:
-- * rule_kind: the built-in check (the codes of the domain's RuleKind). The analytical adapter turns the
--   kind and its parameters into the query returning the offending rows, so sql_check is no longer
--   written for seeded rules; it stays for rows written before this version.
-- * target_table: the checked table, schema.table. A rule has a kind exactly when it has a target.
-- * parameters: the kind's parameters, a flat json object of text values ({"column": "order_id"}),
--   never null, like the other jsonb columns.
-- * threshold_value defaults to 0 and is never null: a null tolerated failure rate meant neither
--   "tolerate nothing" nor "tolerate anything". Existing nulls become 0, the strictest reading.
-- * is_blocking stays, for the readers of v2's schema, but is no longer decided per rule: the repository
--   keeps it equal to (severity = 'critical'), the one severity whose failure blocks publishing.
--
-- rows written before this version keep their values and have no kind or target; they stay valid here,
-- but the repository reads only rules with a kind: seeding a definition of the same name gives one.

alter table data_quality.quality_rules
    add column rule_kind varchar(50)
        constraint quality_rules_rule_kind_known
        check (rule_kind in ('not_null', 'unique', 'accepted_values', 'relationship', 'range', 'expression',
                             'row_count_reconciliation', 'money_reconciliation', 'freshness',
                             'volume_anomaly')),
    add column target_table varchar(200),
    add column parameters jsonb not null default '{}'::jsonb
        constraint quality_rules_parameters_is_object check (jsonb_typeof(parameters) = 'object'),
    add constraint quality_rules_kind_has_target check ((rule_kind is null) = (target_table is null));

comment on column data_quality.quality_rules.rule_kind is 'Built-in check: not_null, unique, accepted_values, ...';
comment on column data_quality.quality_rules.target_table is 'Checked table, schema.table';
comment on column data_quality.quality_rules.parameters is 'Parameters of the check, a flat object of text values';

update data_quality.quality_rules
set threshold_value = 0
where threshold_value is null;

alter table data_quality.quality_rules
    alter column threshold_value set default 0,
    alter column threshold_value set not null;

comment on column data_quality.quality_rules.threshold_value is
    'Highest failure rate, in percent of the target''s rows, that still passes';
comment on column data_quality.quality_rules.is_blocking is
    'Kept equal to (severity = ''critical'') by the repository: a failing blocking rule stops publishing';
