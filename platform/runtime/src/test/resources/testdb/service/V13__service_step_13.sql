create table service_table_v13 (id bigint primary key);
