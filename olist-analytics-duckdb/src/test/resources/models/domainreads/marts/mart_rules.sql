select rule, count(*) as orders from domain.order_rules group by rule
