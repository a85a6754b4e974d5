create table platform_next_probe (id bigint primary key);
