-- When a temporary P1 was designated (the expiry event reports it).
alter table incident add column temporary_p1_designated_at timestamptz;
