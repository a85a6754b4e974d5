-- What the test application's delivery outcome handler heard.
create table widget_delivery_outcome (
    delivery_id uuid    primary key,
    reference   text    not null,
    delivered   boolean not null,
    attempts    integer not null,
    last_status integer,
    last_error  text
);
