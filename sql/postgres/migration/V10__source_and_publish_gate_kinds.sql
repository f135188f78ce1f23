-- data quality: three more kinds of rule. source_key reports repeated source keys in the raw tables (lines that
-- repeat exactly, keys given with different values); source_volume compares the rows a file loaded with those of
-- the latest successful run that loaded it; published_drift compares the key figures of the months the published
-- warehouse had closed with those of the build that would replace it.
alter table data_quality.quality_rules
    drop constraint quality_rules_rule_kind_known;

alter table data_quality.quality_rules
    add constraint quality_rules_rule_kind_known
        check (rule_kind in ('not_null', 'unique', 'accepted_values', 'relationship', 'range', 'expression',
                             'row_count_reconciliation', 'money_reconciliation', 'freshness', 'volume_anomaly',
                             'order_rule', 'sql', 'source_key', 'source_volume', 'published_drift'));
