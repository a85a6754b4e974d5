-- Other platforms' endpoints for comms' events: per event type, signed per Standard Webhooks with a secret
-- of their own; deliveries go through the platform's outbound delivery (ordered per subscription and incident).
create table webhook_subscription (
    id                 uuid        primary key,
    name               text        not null,
    url                text        not null,
    event_types        text        not null,      -- JSON ["status.published", …]
    secret             text        not null,
    include_restricted boolean     not null,
    created_by         text        not null,
    created_at         timestamptz not null,
    disabled_at        timestamptz
);
