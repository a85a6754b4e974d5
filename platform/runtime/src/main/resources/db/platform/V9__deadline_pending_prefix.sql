-- Platform V9: cancelling every pending deadline of one incident (Deadlines.cancelAll: the subjects that start with
-- "<incident id>/") read every pending deadline of the kind — the database's collation (C.UTF-8 on the local stack)
-- keeps the (kind, subject) index from serving a prefix, and starts_with() with a bound parameter gets no index bounds
-- in a generic plan. An index in byte order serves the range cancelAll asks for, whatever the plan.
create index deadline_pending_prefix on deadline (kind, subject collate "C") where status = 'PENDING';
