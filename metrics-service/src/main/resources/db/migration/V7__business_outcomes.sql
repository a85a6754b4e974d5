-- Business impact per incident (from the impact measurements in its ledger), and the outcome figures business systems
-- import for months and quarters, which the quarterly KPI report relates to the incident metrics.
alter table incident_metric add column revenue_impact double precision;   -- revenue lost over the impact window (null: not measured)
alter table incident_metric add column customers_affected bigint;

create table business_outcome (
    metric      text          not null,   -- e.g. customer_retention_rate
    period      text          not null,   -- 2026-09 (a month) or 2026-Q3 (a quarter)
    value       numeric       not null,
    unit        text,
    source      text          not null,   -- the business system it came from
    recorded_by text          not null,
    recorded_at timestamptz   not null,
    primary key (metric, period)
);
