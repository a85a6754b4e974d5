-- Platform V6: who holds which response role of an incident now. Response owns role assignments; every other
-- service keeps this projection from role.assigned (an accepted assignment) until role.released, through the inbox.
create table incident_role_holder (
    assignment_id uuid        primary key,
    incident_id   uuid        not null,
    role          text        not null,               -- INCIDENT_COMMANDER | COMMS_LEAD | TECH_LEAD | …
    person        text        not null,
    since         timestamptz not null
);
create index incident_role_holder_incident on incident_role_holder (incident_id, role);
