-- Notices sent to patrons and staff. dedup_key makes a retried job send no second mail.
create table notice (
  id          bigserial primary key,
  dedup_key   text not null unique,
  recipient   text not null,
  subject     text not null,
  body        text not null,
  sent_at     timestamptz not null default now()
);

-- The smoke process: one row per instance, proving worker -> storage -> mail -> database.
create table smoke_check (
  process_instance_key bigint primary key,
  object_key           text not null,
  bytes                integer not null,
  note                 text,
  created_at           timestamptz not null default now(),
  confirmed_at         timestamptz
);
