-- grain: one row per calendar month of purchase and grouping: the month alone (by_state and by_category
-- both false), the month and a customer state (by_state), the month and a product category
-- (by_category), the month, a state and a category (both true); only the combinations with at least one
-- item of an order counted as revenue. Grouping sets, so that each row's distinct counts are right for
-- its own combination.
-- The state is the one the order was shipped to (fact_orders.delivery_state, as in
-- mart_geographic_analysis and mart_delivery_metrics); the category is the item's product category
-- (unknown when the product has none). Revenue rule and measures as in mart_executive_dashboard (rule in
-- intermediate.int_order_enriched): GMV is the sum of item prices, revenue adds freight, the average
-- order value is revenue / orders; the month rows (neither by_state nor by_category) equal that mart's
-- month rows with orders. An order with items of two categories counts once in each category and once
-- in its month: orders, customers and sellers add up over months, not over states or categories, and
-- customers and sellers not over months either (a person buying in two months counts in each).
-- Deliveries are the counted orders delivered (rule in int_order_enriched), late when delivered on a
-- later day than estimated.
-- The distinct counts are counted as rows: the items are first grouped per combination and order (person,
-- seller), and each combination counts its groups; the ids are numbered first (an order by its fact_orders
-- row, a person and a seller by the rank of their id, a state and a category by the rank of its name, the
-- names put back on the rows at the end), as numbers group faster than texts. The state is the order's (one
-- fact_orders row), so an order's groups per month and state give both the month's and the state's; an
-- order counts as delivered (on time, late) when one of its items in the group is.
with

order_items as (

    select * from core.fact_order_items

),

orders as (

    select
        row_number() over () as order_number, -- one per order: fact_orders has one row per order
        *

    from core.fact_orders

),

customers as (

    select
        dense_rank() over (order by customer_unique_id) as person_number, -- one per person
        *

    from core.dim_customer

),

sellers as (

    select
        dense_rank() over (order by seller_id) as seller_number, -- one per seller
        *

    from core.dim_seller

),

categories as (

    select
        dense_rank() over (order by product_category_name) as category_number, -- one per name
        *

    from core.dim_category

),

states as (

    select distinct
        delivery_state

    from orders

),

state_numbers as (

    select
        dense_rank() over (order by delivery_state) as state_number, -- one per state, null included
        delivery_state

    from states

),

category_names as (

    select distinct
        category_number,
        product_category_name

    from categories

),

dates as (

    select * from core.dim_date

),

counted_items as (

    select
        dates.month_start_date as purchase_month,
        state_numbers.state_number,
        categories.category_number,
        orders.order_number,
        customers.person_number,
        customers.customer_unique_id <> 'unknown' as is_known_person,
        sellers.seller_number,
        sellers.seller_id <> 'unknown' as is_known_seller,
        order_items.price,
        order_items.freight_value,
        order_items.item_total_value,
        orders.is_delivered,
        orders.is_late

    from order_items
    inner join orders
        on order_items.order_id = orders.order_id
    inner join state_numbers
        on orders.delivery_state is not distinct from state_numbers.delivery_state
    inner join dates
        on order_items.purchase_date_key = dates.date_key
    inner join customers
        on order_items.customer_key = customers.customer_key
    inner join sellers
        on order_items.seller_key = sellers.seller_key
    inner join categories
        on order_items.category_key = categories.category_key
    where order_items.counts_as_revenue and order_items.purchase_date_key <> -1

),

item_measures as (

    select
        purchase_month,
        grouping(state_number) = 0 as by_state,
        grouping(category_number) = 0 as by_category,
        state_number,
        category_number,
        count(*) as items,
        sum(price) as gross_merchandise_value,
        sum(freight_value) as freight_value,
        sum(item_total_value) as revenue

    from counted_items
    group by grouping sets (
        (purchase_month),
        (purchase_month, state_number),
        (purchase_month, category_number),
        (purchase_month, state_number, category_number)
    )

),

order_groupings as (

    select
        purchase_month,
        state_number,
        grouping(category_number) = 0 as by_category,
        category_number,
        bool_or(is_delivered) as is_delivered,
        bool_or(is_delivered and not is_late) as is_on_time,
        bool_or(is_delivered and is_late) as is_late

    from counted_items
    group by grouping sets (
        (purchase_month, state_number, order_number),
        (purchase_month, state_number, category_number, order_number)
    )

),

order_counts as (

    select
        purchase_month,
        grouping(state_number) = 0 as by_state,
        by_category,
        state_number,
        category_number,
        count(*) as orders,
        count(*) filter (where is_delivered) as delivered_orders,
        count(*) filter (where is_on_time) as on_time_orders,
        count(*) filter (where is_late) as late_orders

    from order_groupings
    group by grouping sets (
        (purchase_month, by_category, category_number),
        (purchase_month, by_category, state_number, category_number)
    )

),

members as (

    -- the known people and sellers of the counted items, each kind numbered on its own
    select
        purchase_month,
        state_number,
        category_number,
        'person' as kind,
        person_number as member_number

    from counted_items
    where is_known_person

    union all

    select
        purchase_month,
        state_number,
        category_number,
        'seller' as kind,
        seller_number as member_number

    from counted_items
    where is_known_seller

),

member_groupings as (

    select
        purchase_month,
        grouping(state_number) = 0 as by_state,
        grouping(category_number) = 0 as by_category,
        state_number,
        category_number,
        kind

    from members
    group by grouping sets (
        (purchase_month, kind, member_number),
        (purchase_month, state_number, kind, member_number),
        (purchase_month, category_number, kind, member_number),
        (purchase_month, state_number, category_number, kind, member_number)
    )

),

member_counts as (

    select
        purchase_month,
        by_state,
        by_category,
        state_number,
        category_number,
        count(*) filter (where kind = 'person') as customers,
        count(*) filter (where kind = 'seller') as active_sellers

    from member_groupings
    group by all

),

grouped as (

    select
        item_measures.purchase_month,
        item_measures.by_state,
        item_measures.by_category,
        state_numbers.delivery_state as customer_state,
        category_names.product_category_name,
        item_measures.items,
        item_measures.gross_merchandise_value,
        item_measures.freight_value,
        item_measures.revenue,
        order_counts.orders,
        order_counts.delivered_orders,
        order_counts.on_time_orders,
        order_counts.late_orders,
        coalesce(member_counts.customers, 0) as customers,
        coalesce(member_counts.active_sellers, 0) as active_sellers

    from item_measures
    left join state_numbers
        on item_measures.state_number = state_numbers.state_number
    left join category_names
        on item_measures.category_number = category_names.category_number
    left join order_counts
        on order_counts.purchase_month = item_measures.purchase_month
        and order_counts.by_state = item_measures.by_state
        and order_counts.by_category = item_measures.by_category
        and order_counts.state_number is not distinct from item_measures.state_number
        and order_counts.category_number is not distinct from item_measures.category_number
    left join member_counts
        on member_counts.purchase_month = item_measures.purchase_month
        and member_counts.by_state = item_measures.by_state
        and member_counts.by_category = item_measures.by_category
        and member_counts.state_number is not distinct from item_measures.state_number
        and member_counts.category_number is not distinct from item_measures.category_number

),

final as (

    select
        purchase_month, -- first day of the month
        by_state, -- the row is of one customer state
        by_category, -- the row is of one product category
        customer_state, -- two-letter code (unknown when missing); null when not by_state
        product_category_name, -- as in dim_category (unknown without a category); null when not by_category
        orders, -- counted orders with an item of the row
        items, -- items of counted orders
        cast(gross_merchandise_value as decimal(18, 2)) as gross_merchandise_value, -- BRL, sum of item prices
        cast(freight_value as decimal(18, 2)) as freight_value, -- BRL, sum of item freight
        cast(revenue as decimal(18, 2)) as revenue, -- BRL, prices + freight
        average_brl(revenue, orders) as average_order_value, -- BRL, revenue / orders
        customers, -- distinct people with a counted order
        active_sellers, -- distinct sellers with an item in a counted order
        delivered_orders, -- of the orders, delivered
        on_time_orders, -- of those, not late
        late_orders -- of those, delivered on a later day than estimated

    from grouped

)

select * from final
