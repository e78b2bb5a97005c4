-- Overseas physical loans follow the partner's terms: its due date (the patron's is earlier, so the
-- item can travel back in time), its overdue fee and its replacement charge, recorded by the home
-- library's staff when the item arrives. A loan with terms uses them instead of the lender
-- library's defaults (the home library is the lender of record, the partner stands behind it).
create table loan_terms (
  request_id          text primary key references request (id),
  partner_code        text references overseas_partner (code),
  partner_due_date    date,                     -- when the partner wants it back
  due_date            date not null,            -- the patron's due date (an opening day)
  fine_per_day        numeric(10, 2) check (fine_per_day >= 0),
  replacement_charge  numeric(10, 2) check (replacement_charge >= 0),
  processing_fee      numeric(10, 2) check (processing_fee >= 0),
  allows_renewal      boolean not null default false
);

alter table overseas_request add column partner_due_date date;
alter table overseas_request add column pickup_by date;
alter table overseas_request add column shipped_back_at timestamptz;
