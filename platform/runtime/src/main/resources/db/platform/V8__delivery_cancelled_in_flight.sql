-- Platform V8: a delivery cancelled while its send was in flight keeps its lease, so the worker that sent it
-- still records that attempt: DELIVERED when the receiver took it (it did leave), CANCELLED when it failed (no
-- retry follows a cancellation).

alter table outbound_attempt drop constraint outbound_attempt_outcome_check;
alter table outbound_attempt add constraint outbound_attempt_outcome_check
    check (outcome in ('DELIVERED', 'RETRY', 'DEAD', 'CANCELLED'));
