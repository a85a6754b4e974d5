-- A team's policy can be assigned to response roles: paging that role of the team follows the policy's
-- levels instead of the role schedule's holder and succession. One policy per team and role (kept by
-- the service when a policy takes a role over). varchar[], the type Hibernate compares a String[] with.
alter table escalation_policy add column roles varchar[] not null default '{}';
