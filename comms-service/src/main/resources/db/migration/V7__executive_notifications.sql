-- The measured impact comms knows from classification's events (never its tables), for executive thresholds
-- and engagement rules; and the executive notifications those thresholds require.
alter table incident
    add column revenue_loss_per_hour double precision,
    add column users_affected        bigint,
    add column customer_facing       boolean,
    add column data_exposure         text,            -- NONE | SUSPECTED | CONFIRMED
    add column regulatory_exposure   boolean,
    add column regulated_service     boolean,
    add column security_breach       boolean,
    add column availability          text;            -- DEGRADED | UNAVAILABLE

create table exec_notification (
    id             uuid        primary key,
    incident_id    uuid        not null references incident (incident_id),
    rule           text        not null,              -- DURATION | FINANCIAL | REGULATORY
    reason         text        not null,
    fired_at       timestamptz not null,
    due_at         timestamptz not null,              -- moved by a justified delay
    window_due_at  timestamptz not null,              -- the rule's own window, for "late"
    state          text        not null,              -- PENDING | DELAYED | NOTIFIED | OVERDUE
    message_id     uuid,
    notified_at    timestamptz,
    delayed_by     text,
    justification  text,
    delayed_until  timestamptz,
    overdue_at     timestamptz,
    unique (incident_id, rule)
);
create index exec_notification_state on exec_notification (state, due_at);
