create table service_table_v10 (id bigint primary key);
