-- Platform V12: an outbox row inserted already leased (published at its transaction's commit by the instance that holds
-- the lease: Outbox#recordPublishedAtCommit) no longer wakes every relay: each woke, claimed, and found nothing — a
-- wasted claim per declaration on the way to the first page. As V11 did for outbound deliveries: a row-level trigger
-- with a condition fires only for the rows a claim has to find; PostgreSQL still folds the notifications of one
-- transaction into one.
drop trigger outbox_event_notify on outbox_event;
create trigger outbox_event_notify after insert on outbox_event
    for each row when (new.lease_owner is null) execute function outbox_event_notify();
