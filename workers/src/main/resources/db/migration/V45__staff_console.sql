-- The staff console. A request's history also holds staff notes (staff-only or shown to the
-- patron) and counter actions, each with the staff member's name; who created, completed or
-- cancelled each user task, with its outcome and note; and which notices belong to which request.
alter table request_event add column kind text not null default 'STATUS'
  check (kind in ('STATUS', 'NOTE', 'ACTION'));
alter table request_event add column visible_to_patron boolean not null default true;

-- Written by the user tasks' listeners (job types record-task-*): dedup_key is the listener job,
-- so a retried job records nothing twice.
create table request_task (
  id            bigserial primary key,
  request_id    text not null references request (id),
  user_task_key bigint not null,
  process_id    text not null,
  element_id    text not null,
  event         text not null check (event in ('CREATED', 'COMPLETED', 'CANCELED')),
  actor         text,
  outcome       text,
  note          text,
  at            timestamptz not null default now(),
  dedup_key     text not null unique
);
create index request_task_request on request_task (request_id, id);

alter table notice add column request_id text;
create index notice_request on notice (request_id, id) where request_id is not null;
