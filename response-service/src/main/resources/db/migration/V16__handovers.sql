-- A held role changes hands only through a handover: the outgoing holder writes a brief (versioned while
-- it is revised), the incoming person acknowledges a version of it, and only then the role moves.
alter table incident_role drop constraint incident_role_source_check;
alter table incident_role add constraint incident_role_source_check check (source in ('ROTATION', 'MANUAL', 'HANDOVER'));

create table handover (
    id                 uuid        primary key,
    incident_id        uuid        not null references response_record (incident_id),
    from_assignment_id uuid        not null references incident_role (id),
    to_assignment_id   uuid        references incident_role (id),
    role               text        not null,
    from_person        text        not null,
    to_person          text        not null,
    status             text        not null check (status in ('OFFERED', 'COMPLETED', 'CANCELLED')),
    brief              text        not null,   -- JSON: the brief as last written (see HandoverBrief)
    brief_version      integer     not null,
    offered_by         text        not null,
    offered_at         timestamptz not null,
    brief_updated_at   timestamptz not null,
    acknowledged_at    timestamptz,
    cancelled_at       timestamptz,
    cancelled_by       text,
    version            bigint      not null default 0
);
-- One open handover per held assignment.
create unique index handover_open_once on handover (from_assignment_id) where status = 'OFFERED';
create index handover_incident on handover (incident_id, offered_at);
