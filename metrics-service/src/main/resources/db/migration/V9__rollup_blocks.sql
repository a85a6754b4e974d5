-- Rollups v2 (docs/metrics.md): per dimension — a business service (S), a priority (P), all incidents (A) — and per
-- aligned block of 2^level days since 1970-01-01 (levels 0–15), histograms with 16 buckets per power of two. A
-- period reads at most ~24 blocks per dimension value instead of up to 92 calendar rows per service × priority, and
-- each row's histogram stays small. Rebuilt from the incidents at the next start.
drop table metric_rollup;
create table metric_rollup (
    dim              char(1) not null,       -- S | P | A
    level            smallint not null,      -- the block holds 2^level days
    block            integer not null,       -- first day = block · 2^level (days since 1970-01-01)
    value            text    not null,       -- the service or priority ('' when unknown; '' for A)
    counted          bigint  not null default 0,
    excluded         bigint  not null default 0,
    drills           bigint  not null default 0,
    excluded_by_rule jsonb   not null default '{}',
    mtta             jsonb   not null default '{}',
    mtta_n           bigint  not null default 0,
    mtta_sum         bigint  not null default 0,
    mttr             jsonb   not null default '{}',
    mttr_n           bigint  not null default 0,
    mttr_sum         bigint  not null default 0,
    mtte             jsonb   not null default '{}',
    mtte_n           bigint  not null default 0,
    mtte_sum         bigint  not null default 0,
    primary key (dim, level, block, value)
);
insert into rollup_rebuild (needed) select true where exists (select 1 from incident_metric) on conflict do nothing;
