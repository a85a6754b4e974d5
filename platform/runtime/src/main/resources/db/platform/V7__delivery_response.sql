-- Platform V7: a delivery may keep the body of its receiver's answer (an API call whose answer names what it
-- created, e.g. a tracker's new issue), handed to its outcome handler; also when the handler runs again later.

alter table outbound_delivery add column last_response text;
