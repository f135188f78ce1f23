select 'BR' as code
