create table etl_orchestration.first_table (id bigint primary key);
