-- Role holders moved to the platform's incident_role_holder (platform V6, applied before this script), shared by
-- every service that checks "the incident's current Communications Lead / commander". Keep what comms had learnt.
insert into incident_role_holder (assignment_id, incident_id, role, person, since)
select assignment_id, incident_id, role, person, since from role_holder
on conflict (assignment_id) do nothing;
drop table role_holder;
