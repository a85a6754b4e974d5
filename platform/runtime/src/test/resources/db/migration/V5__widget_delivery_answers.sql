-- The kept answer of a delivery, as the test application's outcome handler heard it.
alter table widget_delivery_outcome add column response text;
