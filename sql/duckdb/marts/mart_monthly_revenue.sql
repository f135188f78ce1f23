-- grain: one row per calendar month of purchase, from the first to the last month in which an order
-- item was purchased (any order status), with no gaps: a month without a counted order shows zeros.
-- Revenue rule (intermediate.int_order_enriched): only items of orders that count as revenue count,
-- for every measure below except excluded_orders. Items whose order is missing have no purchase month
-- and are left out.
with

order_items as (

    select * from core.fact_order_items

),

customers as (

    select * from core.dim_customer

),

dates as (

    select * from core.dim_date

),

items_with_month as (

    select
        order_items.order_id,
        customers.customer_unique_id,
        order_items.counts_as_revenue,
        order_items.price,
        order_items.freight_value,
        order_items.item_total_value,
        dates.month_start_date as purchase_month

    from order_items
    inner join dates
        on order_items.purchase_date_key = dates.date_key
    inner join customers
        on order_items.customer_key = customers.customer_key
    where order_items.purchase_date_key <> -1

),

months as (

    select
        cast(unnest(generate_series(min(purchase_month), max(purchase_month), interval 1 month)) as date) as purchase_month

    from items_with_month

),

monthly as (

    select
        purchase_month,
        count(distinct order_id) filter (where counts_as_revenue) as orders,
        count(*) filter (where counts_as_revenue) as items,
        count(distinct customer_unique_id) filter (where counts_as_revenue and customer_unique_id <> 'unknown') as customers,
        sum(price) filter (where counts_as_revenue) as gross_merchandise_value,
        sum(freight_value) filter (where counts_as_revenue) as freight_value,
        sum(item_total_value) filter (where counts_as_revenue) as revenue,
        count(distinct order_id) filter (where not counts_as_revenue) as excluded_orders

    from items_with_month
    group by purchase_month

),

final as (

    select
        months.purchase_month, -- first day of the month
        cast(year(months.purchase_month) as integer) as year,
        cast(month(months.purchase_month) as integer) as month,
        coalesce(monthly.orders, 0) as orders, -- orders counted as revenue
        coalesce(monthly.items, 0) as items, -- order items of counted orders
        coalesce(monthly.customers, 0) as customers, -- distinct people behind counted orders; unknown customers not counted
        cast(coalesce(monthly.gross_merchandise_value, 0) as decimal(18, 2)) as gross_merchandise_value, -- BRL, sum of item prices
        cast(coalesce(monthly.freight_value, 0) as decimal(18, 2)) as freight_value, -- BRL, sum of item freight
        cast(coalesce(monthly.revenue, 0) as decimal(18, 2)) as revenue, -- BRL, price + freight
        average_brl(monthly.revenue, monthly.orders) as average_order_value, -- BRL, revenue / orders; null without orders
        coalesce(monthly.excluded_orders, 0) as excluded_orders -- canceled or unavailable orders with items, left out of every measure above

    from months
    left join monthly
        on months.purchase_month = monthly.purchase_month

)

select * from final
