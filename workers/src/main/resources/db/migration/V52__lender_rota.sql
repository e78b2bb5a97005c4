-- The lender rota ranked by measured performance: every ask of a lender to pull and ship, with the
-- copy asked for, when it was asked and how and when it answered (engine time). Each lender is asked
-- at most once per request.
create table lender_ask (
  id           bigserial primary key,
  request_id   text not null references request (id),
  lender_code  text not null references library (code),
  item_id      bigint references item (id),      -- the copy asked for
  asked_at     timestamptz not null,
  answered_at  timestamptz,
  outcome      text check (outcome in ('SHIPPED', 'REFUSED', 'LATE', 'CANCELLED')),
  reason       text,                              -- NOT_ON_SHELF, CHECKED_OUT_LOCALLY, NOT_SUITABLE
  unique (request_id, lender_code)
);
create index lender_ask_lender on lender_ask (lender_code, asked_at desc);
create index lender_ask_open on lender_ask (lender_code) where answered_at is null;

-- A lender's refusal marks only the copy asked for, with why and until when: a copy "not on the
-- shelf" (MISSING) or "checked out locally" (CHECKED_OUT) counts as available again after
-- status_until (interlend.lending.not-on-shelf-days, checked-out-days).
alter table item add column status_reason text;
alter table item add column status_until timestamptz;
