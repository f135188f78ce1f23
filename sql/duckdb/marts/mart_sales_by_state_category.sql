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
with

order_items as (

    select * from core.fact_order_items

),

orders as (

    select * from core.fact_orders

),

customers as (

    select * from core.dim_customer

),

sellers as (

    select * from core.dim_seller

),

categories as (

    select * from core.dim_category

),

dates as (

    select * from core.dim_date

),

counted_items as (

    select
        dates.month_start_date as purchase_month,
        orders.delivery_state as customer_state,
        categories.product_category_name,
        order_items.order_id,
        customers.customer_unique_id,
        sellers.seller_id,
        order_items.price,
        order_items.freight_value,
        order_items.item_total_value,
        orders.is_delivered,
        orders.is_late

    from order_items
    inner join orders
        on order_items.order_id = orders.order_id
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

grouped as (

    select
        purchase_month,
        grouping(customer_state) = 0 as by_state,
        grouping(product_category_name) = 0 as by_category,
        customer_state,
        product_category_name,
        count(distinct order_id) as orders,
        count(*) as items,
        sum(price) as gross_merchandise_value,
        sum(freight_value) as freight_value,
        sum(item_total_value) as revenue,
        count(distinct customer_unique_id) filter (where customer_unique_id <> 'unknown') as customers,
        count(distinct seller_id) filter (where seller_id <> 'unknown') as active_sellers,
        count(distinct order_id) filter (where is_delivered) as delivered_orders,
        count(distinct order_id) filter (where is_delivered and not is_late) as on_time_orders,
        count(distinct order_id) filter (where is_delivered and is_late) as late_orders

    from counted_items
    group by grouping sets (
        (purchase_month),
        (purchase_month, customer_state),
        (purchase_month, product_category_name),
        (purchase_month, customer_state, product_category_name)
    )

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
