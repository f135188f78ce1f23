select rfm_segment, count(*) as people from domain.customer_segments group by rfm_segment
