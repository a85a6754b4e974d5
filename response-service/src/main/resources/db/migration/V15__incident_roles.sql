-- Who holds which role in an incident, from when to when. A role is proposed (from the rotation that was
-- paged for it, or by the incident commander) and held only once the person accepts; every assignment
-- stays, released or withdrawn, so the post-mortem can show who held what and how long acceptance took.
create table incident_role (
    id                     uuid        primary key,
    incident_id            uuid        not null references response_record (incident_id),
    role                   text        not null check (role in ('INCIDENT_COMMANDER', 'COMMS_LEAD', 'TECH_LEAD',
                                                                'SUBJECT_MATTER_EXPERT', 'SCRIBE')),
    person                 text        not null,
    status                 text        not null check (status in ('PROPOSED', 'ACCEPTED', 'RELEASED', 'WITHDRAWN')),
    source                 text        not null check (source in ('ROTATION', 'MANUAL')),
    page_id                uuid,
    paged_at               timestamptz,
    proposed_by            text        not null,
    proposed_at            timestamptz not null,
    accepted_at            timestamptz,
    ended_at               timestamptz,
    ended_by               text,
    end_reason             text,
    override_by            text,
    override_justification text,
    version                bigint      not null default 0
);

-- One person at a time in each single-holder role (proposed or holding); experts and scribes may be several.
create unique index incident_role_single_holder on incident_role (incident_id, role)
    where status in ('PROPOSED', 'ACCEPTED') and role in ('INCIDENT_COMMANDER', 'COMMS_LEAD', 'TECH_LEAD');
-- A person is in a role of an incident at most once at a time.
create unique index incident_role_person_once on incident_role (incident_id, role, person)
    where status in ('PROPOSED', 'ACCEPTED');
create index incident_role_incident on incident_role (incident_id, proposed_at);
