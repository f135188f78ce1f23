-- grain: one row per Brazilian federative unit (26 states and the Federal District), with its IBGE
-- region. A reference list, not read from the sources: every model that needs a region joins here.
with

states as (

    select * from (values
        ('AC', 'Acre', 'Norte'),
        ('AL', 'Alagoas', 'Nordeste'),
        ('AP', 'Amapá', 'Norte'),
        ('AM', 'Amazonas', 'Norte'),
        ('BA', 'Bahia', 'Nordeste'),
        ('CE', 'Ceará', 'Nordeste'),
        ('DF', 'Distrito Federal', 'Centro-Oeste'),
        ('ES', 'Espírito Santo', 'Sudeste'),
        ('GO', 'Goiás', 'Centro-Oeste'),
        ('MA', 'Maranhão', 'Nordeste'),
        ('MT', 'Mato Grosso', 'Centro-Oeste'),
        ('MS', 'Mato Grosso do Sul', 'Centro-Oeste'),
        ('MG', 'Minas Gerais', 'Sudeste'),
        ('PA', 'Pará', 'Norte'),
        ('PB', 'Paraíba', 'Nordeste'),
        ('PR', 'Paraná', 'Sul'),
        ('PE', 'Pernambuco', 'Nordeste'),
        ('PI', 'Piauí', 'Nordeste'),
        ('RJ', 'Rio de Janeiro', 'Sudeste'),
        ('RN', 'Rio Grande do Norte', 'Nordeste'),
        ('RS', 'Rio Grande do Sul', 'Sul'),
        ('RO', 'Rondônia', 'Norte'),
        ('RR', 'Roraima', 'Norte'),
        ('SC', 'Santa Catarina', 'Sul'),
        ('SP', 'São Paulo', 'Sudeste'),
        ('SE', 'Sergipe', 'Nordeste'),
        ('TO', 'Tocantins', 'Norte')
    ) as states (state_code, state_name, region)

),

final as (

    select
        state_code, -- two-letter code, as in the sources
        state_name,
        region -- Norte, Nordeste, Centro-Oeste, Sudeste or Sul

    from states

)

select * from final
