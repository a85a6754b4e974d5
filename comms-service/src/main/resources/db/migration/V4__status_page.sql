-- What the public status page shows: only status-page posts (logged external communications), never a
-- drill; restricted incidents are left out when read (access_restricted), so a later restriction hides them.
create table status_page_update (
    id                uuid        primary key,
    incident_id       uuid        not null references incident (incident_id),
    headline          text        not null,          -- the public name of the incident
    state             text        not null,          -- INVESTIGATING | IDENTIFIED | MONITORING | RESOLVED
    body              text        not null,
    impact            text        not null,          -- none | minor | major | critical (from the priority)
    affected_services text        not null,          -- JSON ["checkout", …]
    posted_at         timestamptz not null,
    log_sequence      bigint      not null           -- its record in the external-comms audit chain
);
create index status_page_update_posted on status_page_update (posted_at desc);
create index status_page_update_incident on status_page_update (incident_id, posted_at);
