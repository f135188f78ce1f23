-- a check, not a model: its reference to a table that does not exist must be ignored
select * from core.not_a_model
