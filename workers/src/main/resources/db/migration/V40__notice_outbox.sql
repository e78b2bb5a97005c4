-- Notices become an outbox: a worker records the mail in the same place as always, and a
-- dispatcher sends it afterwards, retrying for hours while the mail server is unreachable.
-- Rows written before this migration were sent when they were written.
alter table notice alter column sent_at drop not null;
alter table notice alter column sent_at drop default;
alter table notice add column status text not null default 'SENT'
  check (status in ('PENDING', 'SENT', 'FAILED'));
alter table notice alter column status set default 'PENDING';
alter table notice add column queued_at timestamptz not null default now();
alter table notice add column attempts int not null default 0;
alter table notice add column next_attempt_at timestamptz not null default now();
alter table notice add column claimed_until timestamptz;
alter table notice add column last_error text;
create index notice_due on notice (next_attempt_at) where status = 'PENDING';
