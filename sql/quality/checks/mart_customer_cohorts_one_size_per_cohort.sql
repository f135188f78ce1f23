-- Each cohort of mart.mart_customer_cohorts has one size: cohort_customers is the same on all its rows.
-- Returns the cohorts with several sizes, with the smallest and the largest.
select
    cohort_month,
    min(cohort_customers) as smallest_size,
    max(cohort_customers) as largest_size

from mart.mart_customer_cohorts
group by cohort_month
having count(distinct cohort_customers) <> 1
