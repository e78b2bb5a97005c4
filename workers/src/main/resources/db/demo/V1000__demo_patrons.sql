-- Demo patrons of each category (local mode only). Home library: CityU.
insert into patron (id, name, email, category, home_library, blocked, blocked_reason, loans_in_use) values
  ('P1001', 'Chan Tai Man',     'chan.taiman@my.cityu.example',   'UNDERGRADUATE',    'cityu', false, null, 2),
  ('P1002', 'Wong Mei Ling',    'wong.meiling@my.cityu.example',  'POSTGRADUATE',     'cityu', false, null, 0),
  ('P1003', 'Dr Lee Ka Wai',    'kawai.lee@cityu.example',        'ACADEMIC',         'cityu', false, null, 5),
  ('P1004', 'Cheung Siu Fung',  'siufung.cheung@cityu.example',   'NON_ACADEMIC',     'cityu', false, null, 0),
  ('P1005', 'Prof Anna Müller', 'anna.mueller@visiting.example',  'VISITING_SCHOLAR', 'cityu', false, null, 0),
  ('P1006', 'Ho Wing Sze',      'wingsze.ho@alumni.cityu.example', 'ALUMNI',          'cityu', false, null, 0),
  ('P1007', 'Lam Chi Keung',    'chikeung.lam@scope.cityu.example','SHORT_COURSE',    'cityu', false, null, 0),
  ('P1008', 'Sato Yuki',        'yuki.sato@exchange.example',     'VISITING_STUDENT', 'cityu', false, null, 0),
  ('P1009', 'Ng Ka Yan',        'kayan.ng@my.cityu.example',      'UNDERGRADUATE',    'cityu', true,  'Unpaid fines over HK$200', 1),
  ('P1010', 'Yip Hoi Ting',     'hoiting.yip@my.cityu.example',   'UNDERGRADUATE',    'cityu', false, null, 15),
  ('P1011', 'Kwok Man Kit',     'mankit.kwok@cityu.example',      'TECHNICIAN',       'cityu', false, null, 0),
  ('P1012', 'Dr Fung Hiu Lam',  'hiulam.fung@cityu.example',      'HONORARY',         'cityu', false, null, 0);
