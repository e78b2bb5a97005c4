-- Loans to patrons (loan-lifecycle process): one row per request, written by the process only.
-- Due dates are Hong Kong calendar dates; the loan is overdue from the start of the next HK day.
create table loan (
  request_id          text primary key references request (id),
  patron_id           text not null references patron (id),
  lender_code         text not null references library (code),
  checkout_at         timestamptz not null,
  loan_days           integer not null check (loan_days > 0),
  due_date            date not null,
  renewals_used       integer not null default 0 check (renewals_used >= 0),
  recalled_at         timestamptz,
  recall_dedup_key    text,                      -- the job that applied the recall (a retry sees it)
  overdue_at          timestamptz,               -- when the overdue notice was due (engine time)
  returned_at         timestamptz,
  lost_at             timestamptz,
  loss_kind           text check (loss_kind in ('LOST', 'DAMAGED')),
  loss_note           text,
  created_at          timestamptz not null default now()
);
create index loan_patron on loan (patron_id, checkout_at desc);

-- Every renewal decision, granted or refused, with its reason. dedup_key (the job) makes a retried
-- job find its decision instead of renewing twice; renewal_id lets the API wait for its answer.
create table loan_renewal (
  id            bigserial primary key,
  request_id    text not null references loan (request_id),
  renewal_id    text unique,
  dedup_key     text not null unique,
  requested_at  timestamptz not null,
  granted       boolean not null,
  reason        text,                            -- RenewalDecision.Reason when refused
  message       text,
  due_before    date not null,
  due_after     date not null,
  decided_at    timestamptz not null default now()
);
create index loan_renewal_request on loan_renewal (request_id, id);

-- The fines ledger a patron sees: at most one entry of each kind per loan, so a retried job
-- never charges twice.
create table fine (
  id           bigserial primary key,
  patron_id    text not null references patron (id),
  request_id   text not null references loan (request_id),
  kind         text not null check (kind in ('OVERDUE', 'REPLACEMENT', 'PROCESSING_FEE')),
  amount       numeric(10, 2) not null check (amount > 0),
  description  text not null,
  charged_at   timestamptz not null,
  unique (request_id, kind)
);
create index fine_patron on fine (patron_id, charged_at, id);
