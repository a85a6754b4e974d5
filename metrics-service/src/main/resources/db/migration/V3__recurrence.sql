-- Recurrence triggers published: per service and shared cause, how many incidents the last trigger named (a group
-- that grows past it is published again, so review links the new incident to its open architectural review).
create table recurrence_trigger (
    service      text        not null,
    basis        text        not null,   -- ALERT_FINGERPRINT | CONTRIBUTING_FACTOR
    value        text        not null,
    incidents    integer     not null,
    published_at timestamptz not null,
    primary key (service, basis, value)
);
create index incident_metric_service on incident_metric (business_service, declared_at);
