create table etl_orchestration.second_table (id bigint primary key);
