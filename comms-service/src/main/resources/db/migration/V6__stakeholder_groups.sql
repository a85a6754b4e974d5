-- Stakeholder groups (executives, support, customer success, named customers): which messages reach them
-- (audience, business services, priorities) and through which channels (e-mail, chat webhooks, signed webhooks).
create table stakeholder_group (
    id                 uuid        primary key,
    name               text        not null unique,
    kind               text        not null,          -- EXECUTIVES | SUPPORT | CUSTOMER_SUCCESS | CUSTOMER
    audience           text        not null,          -- the audience whose messages it receives
    business_services  text        not null,          -- JSON ["checkout"]; [] = every service
    priorities         text        not null,          -- JSON ["P1","P2"]
    channels           text        not null,          -- JSON [{"kind":"EMAIL","address":"…"}, …]
    webhook_secret     text,                          -- Standard Webhooks secret of its WEBHOOK channels (shown once)
    include_restricted boolean     not null,
    created_by         text        not null,
    created_at         timestamptz not null,
    removed_at         timestamptz
);
