-- core.fact_order_items.seller_key is the version of the item's seller (intermediate.int_order_items) valid in
-- core.dim_seller at its order's purchase time (intermediate.int_orders; the current version for an item whose
-- order is missing), or -1 when no version is. Checked from both sides: a key other than -1 must be a
-- version of that seller valid then, and -1 must leave no such version unused. Returns the items breaking
-- either, with the reason.
with

order_items as (

    select * from core.fact_order_items

),

source_order_items as (

    select * from intermediate.int_order_items

),

source_orders as (

    select * from intermediate.int_orders

),

known_versions as (

    select * from core.dim_seller where seller_key <> -1

),

items_at_purchase as (

    select
        order_items.order_id,
        order_items.order_item_id,
        order_items.seller_key,
        source_order_items.seller_id,
        source_orders.order_purchase_timestamp as purchased_at -- null when the order is missing

    from order_items
    inner join source_order_items
        on order_items.order_id = source_order_items.order_id
        and order_items.order_item_id = source_order_items.order_item_id
    left join source_orders
        on source_order_items.order_id = source_orders.order_id

),

wrong_versions as (

    select
        'not a version of the seller valid at the purchase' as problem,
        items_at_purchase.order_id,
        items_at_purchase.order_item_id,
        items_at_purchase.seller_key

    from items_at_purchase
    left join known_versions
        on items_at_purchase.seller_key = known_versions.seller_key
    where items_at_purchase.seller_key <> -1
        and not coalesce(
            known_versions.seller_id = items_at_purchase.seller_id
            and case
                when items_at_purchase.purchased_at is null then known_versions.is_current
                else items_at_purchase.purchased_at >= known_versions.valid_from
                    and items_at_purchase.purchased_at < coalesce(known_versions.valid_to, timestamp 'infinity')
            end,
            false
        )

),

unknown_despite_a_version as (

    select distinct
        'unknown though a version is valid at the purchase' as problem,
        items_at_purchase.order_id,
        items_at_purchase.order_item_id,
        items_at_purchase.seller_key

    from items_at_purchase
    inner join known_versions
        on items_at_purchase.seller_id = known_versions.seller_id
    where items_at_purchase.seller_key is not distinct from -1
        and case
            when items_at_purchase.purchased_at is null then known_versions.is_current
            else items_at_purchase.purchased_at >= known_versions.valid_from
                and items_at_purchase.purchased_at < coalesce(known_versions.valid_to, timestamp 'infinity')
        end

)

select * from wrong_versions
union all
select * from unknown_despite_a_version
