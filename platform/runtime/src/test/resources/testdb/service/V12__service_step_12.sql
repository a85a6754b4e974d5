create table service_table_v12 (id bigint primary key);
