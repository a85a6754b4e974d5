-- Rollups of the incident figures per UTC day, month and year, business service and current priority, kept up to date
-- by every fold in the same transaction (old contribution subtracted, new one added): a summary over any period reads
-- at most ~100 rollup rows per service and priority, and the raw incidents of two partial days, never the whole table.
create table metric_rollup (
    grain            char(1) not null,       -- D | M | Y
    period_start     date    not null,       -- the period's first day
    service          text    not null,       -- '' when unknown
    priority         text    not null,       -- '' when unknown
    counted          bigint  not null default 0,
    excluded         bigint  not null default 0,
    drills           bigint  not null default 0,
    excluded_by_rule jsonb   not null default '{}',
    mtta             jsonb   not null default '{}',   -- sparse log-linear histogram, bucket → count (LogHistogram)
    mtta_n           bigint  not null default 0,
    mtta_sum         bigint  not null default 0,
    mttr             jsonb   not null default '{}',
    mttr_n           bigint  not null default 0,
    mttr_sum         bigint  not null default 0,
    mtte             jsonb   not null default '{}',
    mtte_n           bigint  not null default 0,
    mtte_sum         bigint  not null default 0,
    primary key (grain, period_start, service, priority)
);

-- Adds two sparse count maps key by key, leaving out keys that reach zero (an empty side is the common case: cheap).
create function add_counts(a jsonb, b jsonb) returns jsonb language sql immutable as $$
    select case when b = '{}'::jsonb then a when a = '{}'::jsonb then b else (
        select coalesce(jsonb_object_agg(k, n), '{}'::jsonb)
        from (select k, sum(v) as n
              from (select key as k, value::bigint as v from jsonb_each_text(a)
                    union all
                    select key, value::bigint from jsonb_each_text(b)) both_maps
              group by k
              having sum(v) <> 0) summed) end
$$;

-- Incidents folded before this migration have no rollups yet: the service rebuilds them once at start-up.
create table rollup_rebuild (needed boolean primary key);
insert into rollup_rebuild (needed) select true where exists (select 1 from incident_metric);
