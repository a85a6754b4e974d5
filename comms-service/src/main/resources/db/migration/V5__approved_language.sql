-- Audience templates and approved-language snippets, versioned; a version is used only once approved
-- (a comms lead, and for customer-facing language a second approver). Messages record what rendered them.

create table template_version (
    id               uuid        primary key,
    audience         text        not null,          -- EXECUTIVE | TECHNICAL | CUSTOMER
    scenario         text        not null,          -- OUTAGE | DEGRADATION | DATA_EXPOSURE | MAINTENANCE | RESOLVED
    version          integer     not null,
    subject          text        not null,          -- Qute
    body             text        not null,          -- Qute
    state            text        not null,          -- PENDING | APPROVED | REJECTED
    authored_by      text        not null,
    authored_at      timestamptz not null,
    decided_at       timestamptz,
    rejection_reason text,
    unique (audience, scenario, version)
);

create table snippet_version (
    id               uuid        primary key,
    name             text        not null,
    version          integer     not null,
    text             text        not null,
    state            text        not null,
    authored_by      text        not null,
    authored_at      timestamptz not null,
    decided_at       timestamptz,
    rejection_reason text,
    unique (name, version)
);

create table language_approval (
    id            uuid        primary key,
    version_id    uuid        not null,             -- a template_version or snippet_version
    approver      text        not null,
    approver_role text        not null,
    approved_at   timestamptz not null,
    unique (version_id, approver)
);

-- What rendered a message, its free text and the approver's override that lets free text reach customers,
-- and its sending.
alter table stakeholder_message
    add column scenario          text,
    add column template_id       uuid references template_version (id),
    add column free_text         text,
    add column state             text not null default 'READY',   -- AWAITING_OVERRIDE | READY | SENT
    add column override_by       text,
    add column override_reason   text,
    add column override_at       timestamptz,
    add column sent_by           text,
    add column sent_at           timestamptz;
