-- The general holidays of Hong Kong in 2026 and 2027, as closed days of every demo library.
-- Source: the lists of general holidays published by the HKSAR Government under the General
-- Holidays Ordinance (Cap. 149), https://www.gov.hk/en/about/abouthk/holiday/ (2026 and 2027),
-- cross-checked against the lunar calendar: a festival falling on a Sunday is replaced by the day
-- following it (or the next day that is not already a holiday), as the Ordinance provides.
-- Sundays are general holidays too but are not listed: the libraries open on Sundays.
create temporary table hk_general_holiday (day date primary key, reason text not null);
insert into hk_general_holiday (day, reason) values
  ('2026-01-01', 'The first day of January'),
  ('2026-02-17', 'Lunar New Year''s Day'),
  ('2026-02-18', 'The second day of Lunar New Year'),
  ('2026-02-19', 'The third day of Lunar New Year'),
  ('2026-04-03', 'Good Friday'),
  ('2026-04-04', 'The day following Good Friday'),
  ('2026-04-06', 'Easter Monday'),
  ('2026-04-07', 'The day following Ching Ming Festival'),        -- Ching Ming: Sun 5 Apr
  ('2026-05-01', 'Labour Day'),
  ('2026-05-25', 'The day following the Birthday of the Buddha'), -- Buddha's Birthday: Sun 24 May
  ('2026-06-19', 'Tuen Ng Festival'),
  ('2026-07-01', 'Hong Kong Special Administrative Region Establishment Day'),
  ('2026-09-26', 'The day following the Chinese Mid-Autumn Festival'),
  ('2026-10-01', 'National Day'),
  ('2026-10-19', 'The day following Chung Yeung Festival'),       -- Chung Yeung: Sun 18 Oct
  ('2026-12-25', 'Christmas Day'),
  ('2026-12-26', 'The first weekday after Christmas Day'),
  ('2027-01-01', 'The first day of January'),
  ('2027-02-06', 'Lunar New Year''s Day'),
  ('2027-02-08', 'The third day of Lunar New Year'),
  ('2027-02-09', 'The fourth day of Lunar New Year'),             -- 2nd day: Sun 7 Feb
  ('2027-03-26', 'Good Friday'),
  ('2027-03-27', 'The day following Good Friday'),
  ('2027-03-29', 'Easter Monday'),
  ('2027-04-05', 'Ching Ming Festival'),
  ('2027-05-01', 'Labour Day'),
  ('2027-05-13', 'The Birthday of the Buddha'),
  ('2027-06-09', 'Tuen Ng Festival'),
  ('2027-07-01', 'Hong Kong Special Administrative Region Establishment Day'),
  ('2027-09-16', 'The day following the Chinese Mid-Autumn Festival'),
  ('2027-10-01', 'National Day'),
  ('2027-10-08', 'Chung Yeung Festival'),
  ('2027-12-25', 'Christmas Day'),
  ('2027-12-27', 'The first weekday after Christmas Day');        -- 26 Dec: Sunday

insert into library_closed_day (library_code, day, reason, changed_by)
select l.code, h.day, h.reason, 'demo data'
  from library l cross join hk_general_holiday h;
drop table hk_general_holiday;
