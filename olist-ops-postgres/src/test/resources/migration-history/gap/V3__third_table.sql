create table etl_orchestration.third_table (id bigint primary key);
