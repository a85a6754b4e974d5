-- A drill is an exercise: classified and paged like any incident, marked so everywhere, never counted
-- in real metrics. Only people declare drills; alerts never do.
alter table incident add column drill boolean not null default false;
