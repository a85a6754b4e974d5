-- The incident list pages newest first on (opened_at, incident_id); war-room membership and restriction live in
-- the platform's access tables (platform V5).
create index response_record_opened on response_record (opened_at desc, incident_id desc);
