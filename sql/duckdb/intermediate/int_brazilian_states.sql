-- grain: one row per Brazilian federative unit (26 states and the Federal District), with its IBGE
-- region. A reference list, not read from the sources: every model that needs a region joins here. The
-- list itself is the domain's (BrazilianState), written into domain.brazilian_states when a build starts.
with

states as (

    select * from domain.brazilian_states

),

final as (

    select
        state_code, -- two-letter code, as in the sources
        state_name,
        region -- Norte, Nordeste, Centro-Oeste, Sudeste or Sul

    from states

)

select * from final
