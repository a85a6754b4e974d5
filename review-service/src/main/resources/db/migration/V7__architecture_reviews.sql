-- Architectural reviews of repeat failures: opened when metrics publishes a recurrence trigger for a service, linked
-- to the recurring incidents, owned by the manager of the service's owning team (else its first owner), due after
-- a configured time. One open review per service and shared cause: a later trigger links its incidents to it.

create table architecture_review (
    id           uuid        primary key,
    service      text        not null,
    owning_team  text,
    basis        text        not null,                -- ALERT_FINGERPRINT | CONTRIBUTING_FACTOR
    basis_value  text        not null,
    state        text        not null,                -- OPEN | COMPLETED
    owner        text        not null,
    due_at       timestamptz not null,
    incidents    text        not null,                -- JSON [{incidentId, incidentKey, declaredAt}, …]
    window_days  integer     not null,
    threshold    integer     not null,
    opened_at    timestamptz not null,
    completed_by text,
    completed_at timestamptz,
    outcome      text,
    overdue_at   timestamptz,
    version      bigint      not null default 0
);
create unique index architecture_review_open on architecture_review (service, basis, basis_value) where state = 'OPEN';
create index architecture_review_service on architecture_review (service, opened_at);

-- The catalog's owners of a service: who owns an architectural review when the owning team's manager is unknown.
alter table catalog_service add column owners text;
