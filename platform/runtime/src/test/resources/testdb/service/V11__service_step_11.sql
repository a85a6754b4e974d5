create table service_table_v11 (id bigint primary key);
