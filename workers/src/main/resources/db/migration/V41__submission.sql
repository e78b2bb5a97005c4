-- One request per submission: the idempotency key of a form or of an API call (Idempotency-Key
-- header), the user who sent it, and the request it created. A second submission with the same key
-- gets the same request instead of a new one.
create table submission (
  idempotency_key text primary key,
  actor           text not null,
  request_id      text references request (id) on delete cascade,
  created_at      timestamptz not null default now()
);
create index submission_created on submission (created_at);
