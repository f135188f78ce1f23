-- core.fact_order_items.seller_key is the version of the item's seller valid in core.dim_seller at its
-- order's purchase time, or -1 when no version is; an item whose order is missing takes the current
-- version. The seller and the purchase time are the fact's own (seller_id, order_purchase_timestamp), so
-- that the check joins on whole-number keys. Checked from both sides: a key other than -1 must be a version
-- of that seller valid then, and -1 must leave no such version unused. Returns the items breaking either,
-- with the reason.
with

order_items as (

    select order_id, order_item_id, seller_key, seller_id, order_purchase_timestamp as purchased_at

    from core.fact_order_items

),

versions as (

    select seller_key, seller_id, valid_from, valid_to, is_current from core.dim_seller where seller_key <> -1

),

wrong_versions as (

    select
        'not a version of the seller valid at the purchase' as problem,
        order_items.order_id,
        order_items.order_item_id,
        order_items.seller_key

    from order_items
    left join versions
        on order_items.seller_key = versions.seller_key
    where order_items.seller_key is distinct from -1
        and not coalesce(
            versions.seller_id = order_items.seller_id
            and case
                when order_items.purchased_at is null then versions.is_current
                else order_items.purchased_at >= versions.valid_from
                    and order_items.purchased_at < coalesce(versions.valid_to, timestamp 'infinity')
            end,
            false
        )

),

unknown_items as (

    select * from order_items where seller_key = -1

),

versions_of_unknown_items as (

    -- only the sellers of those items: the few items are what is hashed, not every version
    select * from versions semi join unknown_items on versions.seller_id = unknown_items.seller_id

),

unknown_despite_a_version as (

    select distinct
        'unknown though a version is valid at the purchase' as problem,
        unknown_items.order_id,
        unknown_items.order_item_id,
        unknown_items.seller_key

    from unknown_items
    inner join versions_of_unknown_items as versions
        on unknown_items.seller_id = versions.seller_id
    where case
            when unknown_items.purchased_at is null then versions.is_current
            else unknown_items.purchased_at >= versions.valid_from
                and unknown_items.purchased_at < coalesce(versions.valid_to, timestamp 'infinity')
        end

)

select * from wrong_versions
union all
select * from unknown_despite_a_version
