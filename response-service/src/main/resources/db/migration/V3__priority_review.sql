-- A temporary P1 that expired unconfirmed stays P1 and needs a re-review: the response records who must
-- be asked (the service's owners) until classification confirms or downgrades it.
alter table response_record
    add column priority_review_requested_at timestamptz,
    add column priority_review_escalate_to  text[];
