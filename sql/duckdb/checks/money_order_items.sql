-- Invariant: item money is preserved, to the cent, from staging to the facts. The first line of each
-- (order_id, order_item_id) in staging.stg_order_items (the duplicate rule), intermediate.int_order_items,
-- core.fact_order_items, and core.fact_orders (items_price, items_freight, item_count) together with the
-- items whose order is missing from it all hold the same number of items and the same price and freight
-- totals. Per row: each order's items_price, items_freight and item_count equal the sums of its items in
-- fact_order_items, its items_total is price + freight, and each item's item_total_value is
-- price + freight_value. Returns one row per measure or row that differs.
with

staged_order_items as (

    select * from staging.stg_order_items

),

source_order_items as (

    select * from intermediate.int_order_items

),

order_items as (

    select * from core.fact_order_items

),

orders as (

    select * from core.fact_orders

),

first_lines as (

    select *

    from staged_order_items
    qualify row_number() over (partition by order_id, order_item_id order by _source_line) = 1

),

items_without_order as (

    select *

    from source_order_items
    anti join orders
        on source_order_items.order_id = orders.order_id

),

totals as (

    select
        'staging.stg_order_items (first line per item)' as source,
        count(*) as items,
        coalesce(sum(price), 0) as price,
        coalesce(sum(freight_value), 0) as freight

    from first_lines

    union all

    select
        'intermediate.int_order_items',
        count(*),
        coalesce(sum(price), 0),
        coalesce(sum(freight_value), 0)

    from source_order_items

    union all

    select
        'core.fact_order_items',
        count(*),
        coalesce(sum(price), 0),
        coalesce(sum(freight_value), 0)

    from order_items

    union all

    select
        'core.fact_orders + items without an order',
        (select coalesce(sum(item_count), 0) from orders) + (select count(*) from items_without_order),
        (select coalesce(sum(items_price), 0) from orders) + (select coalesce(sum(price), 0) from items_without_order),
        (select coalesce(sum(items_freight), 0) from orders) + (select coalesce(sum(freight_value), 0) from items_without_order)

),

reference as (

    select * from totals where source = 'staging.stg_order_items (first line per item)'

),

total_differences as (

    select
        'item count differs from staging' as problem,
        totals.source || ': ' || totals.items || ' vs ' || reference.items as offending_value,
        abs(totals.items - reference.items) as row_count

    from totals
    cross join reference
    where totals.items <> reference.items

    union all

    select
        'price total differs from staging' as problem,
        totals.source || ': ' || totals.price || ' vs ' || reference.price as offending_value,
        totals.items as row_count

    from totals
    cross join reference
    where totals.price <> reference.price

    union all

    select
        'freight total differs from staging' as problem,
        totals.source || ': ' || totals.freight || ' vs ' || reference.freight as offending_value,
        totals.items as row_count

    from totals
    cross join reference
    where totals.freight <> reference.freight

),

items_per_order as (

    select
        order_id,
        count(*) as items,
        sum(price) as price,
        sum(freight_value) as freight

    from order_items
    group by order_id

),

order_differences as (

    select
        'fact_orders item measures differ from its items in fact_order_items' as problem,
        orders.order_id || ': ' || orders.item_count || ' items ' || orders.items_price || ' + ' || orders.items_freight
            || ' vs ' || coalesce(items_per_order.items, 0) || ' items ' || coalesce(items_per_order.price, 0)
            || ' + ' || coalesce(items_per_order.freight, 0) as offending_value,
        coalesce(items_per_order.items, 0) as row_count

    from orders
    left join items_per_order
        on orders.order_id = items_per_order.order_id
    where orders.item_count is distinct from coalesce(items_per_order.items, 0)
        or orders.items_price is distinct from coalesce(items_per_order.price, 0)
        or orders.items_freight is distinct from coalesce(items_per_order.freight, 0)

),

row_total_differences as (

    select
        'fact_orders.items_total is not items_price + items_freight' as problem,
        order_id || ': ' || coalesce(cast(items_total as varchar), 'null') as offending_value,
        1 as row_count

    from orders
    where items_total is distinct from items_price + items_freight

    union all

    select
        'fact_order_items.item_total_value is not price + freight_value' as problem,
        order_id || '/' || order_item_id || ': ' || coalesce(cast(item_total_value as varchar), 'null') as offending_value,
        1 as row_count

    from order_items
    where item_total_value is distinct from price + freight_value

),

final as (

    select * from total_differences
    union all
    select * from order_differences
    union all
    select * from row_total_differences

)

select * from final
