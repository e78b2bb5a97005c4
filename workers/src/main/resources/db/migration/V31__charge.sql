-- Charges to patrons (overseas costs and any other cost a flow asks the patron to pay): the
-- ledger. A charge is OFFERED when the patron is told of it, then ACCEPTED (a ledger entry the
-- patron owes), DECLINED, or EXPIRED (no answer within the deadline, counted as declined).
-- The lending ledger for fines did not exist when this was written; fines may join this table.
create table charge (
  id           bigserial primary key,
  request_id   text not null references request (id),
  patron_id    text not null references patron (id),
  amount_hkd   numeric(12, 2) not null check (amount_hkd > 0),
  reason       text not null,
  status       text not null check (status in ('OFFERED', 'ACCEPTED', 'DECLINED', 'EXPIRED')),
  offered_at   timestamptz not null default now(),
  answer_by    date,
  answered_at  timestamptz,
  paid_at      timestamptz,
  dedup_key    text not null unique
);
create index charge_patron on charge (patron_id, offered_at desc);
-- at most one open offer per request
create unique index charge_open_offer on charge (request_id) where status = 'OFFERED';
