-- Physical (HKALL) loans: one row per physical request, from the title asked for to the copy that
-- travelled, with the dates of each hand-over. The patron-visible history stays in request_event.
create table physical_loan (
  request_id       text primary key references request (id),
  bib_id           bigint not null references bib (id),
  home_library     text not null references library (code),
  lender_code      text references library (code),       -- the library asked now, then the one that shipped
  item_id          bigint references item (id),          -- the copy shipped
  shipped_at       timestamptz,
  received_at      timestamptz,
  pickup_by        date,                                 -- last Hong Kong day to pick up
  checked_out_at   timestamptz,
  loan_days        integer check (loan_days > 0),
  back_at_lender_at timestamptz,                         -- the lender confirmed the item is back
  created_at       timestamptz not null default now()
);
create index physical_loan_lender on physical_loan (lender_code) where back_at_lender_at is null;

-- Each lender's answer to "Pull and ship": who was asked, what they said, with their note.
-- dedup_key (the job key) makes a retried job record no second answer.
create table lender_answer (
  id           bigserial primary key,
  request_id   text not null references request (id),
  lender_code  text not null references library (code),
  answer       text not null check (answer in ('SHIPPED', 'NOT_ON_SHELF', 'CHECKED_OUT_LOCALLY', 'NOT_SUITABLE')),
  note         text,
  at           timestamptz not null default now(),
  dedup_key    text not null unique
);
create index lender_answer_request on lender_answer (request_id, id);
