-- Platform V11: an outbound delivery inserted already leased (its first attempt leaves at its transaction's commit,
-- from the worker that holds the lease) no longer wakes every worker: each woke, claimed, and found nothing — one
-- wasted claim per page on the paging path. A row-level trigger with a condition fires only for the rows a claim
-- has to find; PostgreSQL still folds the notifications of one transaction into one.
drop trigger outbound_delivery_notify on outbound_delivery;
create trigger outbound_delivery_notify after insert on outbound_delivery
    for each row when (new.lease_owner is null) execute function outbound_delivery_notify();
