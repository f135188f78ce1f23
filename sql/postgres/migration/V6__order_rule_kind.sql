-- data quality: a rule may now be of kind order_rule, measuring the violations of one of the domain's
-- order rules (found by validating every order of a run through the Order aggregate). Such rules are
-- derived from the domain's rules by the pipeline and seeded like the others.
alter table data_quality.quality_rules
    drop constraint quality_rules_rule_kind_known;

alter table data_quality.quality_rules
    add constraint quality_rules_rule_kind_known
        check (rule_kind in ('not_null', 'unique', 'accepted_values', 'relationship', 'range', 'expression',
                             'row_count_reconciliation', 'money_reconciliation', 'freshness', 'volume_anomaly',
                             'order_rule'));
