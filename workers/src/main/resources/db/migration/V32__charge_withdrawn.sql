-- A charge the patron accepted is WITHDRAWN when the request is cancelled before the library
-- placed the order: nothing was ordered, so nothing is owed.
alter table charge drop constraint charge_status_check;
alter table charge add constraint charge_status_check
  check (status in ('OFFERED', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN'));
