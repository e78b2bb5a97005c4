-- Deadlines of staff tasks, in working days of the library whose staff hold the task (see
-- docs/policies.md). A row with library_code null is the default for every library; a library's
-- own row overrides it. Reminder to the staff after remind_after working days, escalation to the
-- library's managers after escalate_after (a lender's "Pull and ship" then moves on to the next
-- lender). Both are the end of that working day in Hong Kong.
create table task_deadline (
  id             serial primary key,
  task           text not null,                   -- the user task's element id
  task_name      text not null,
  library_code   text references library (code),
  remind_after   integer not null check (remind_after >= 0),
  escalate_after integer not null,
  check (escalate_after >= remind_after),
  unique nulls not distinct (task, library_code)
);

-- Defaults from the service pages: HKALL books reach the patron in about 5 working days (pull and
-- ship 2, transit and receipt 3); electronic articles in 1-3 working days; overseas 1-3 months.
insert into task_deadline (task, task_name, remind_after, escalate_after) values
  ('hkallPullAndShip',            'Pull and ship',                          1, 2),
  ('hkallReceiveItem',            'Receive item',                           2, 3),
  ('hkallShipBack',               'Ship back to lender',                    1, 3),
  ('hkallConfirmReturn',          'Confirm item back',                      3, 5),
  ('hkallShipBackUnclaimed',      'Ship unclaimed item back',               1, 3),
  ('hkallConfirmUnclaimedReturn', 'Confirm unclaimed item back',            3, 5),
  ('recordLossOrDamage',          'Record loss or damage',                  3, 5),
  ('scanAndUpload',               'Scan and upload',                        1, 2),
  ('reviewChapterLength',         'Review the length of a chapter',         1, 2),
  ('sourceFromPartner',           'Source from partner',                    3, 5),
  ('approveOverseasCost',         'Approve overseas cost',                  2, 3),
  ('placeOverseasOrder',          'Place order',                            1, 2),
  ('uploadOverseasScan',          'Upload the partner''s scan',             1, 2),
  ('chaseOverdueOrder',           'Chase or cancel overdue overseas order', 3, 5),
  ('recordPartnerTerms',          'Record the partner''s loan terms',       1, 2),
  ('shipBackToPartner',           'Ship back to the overseas partner',      1, 3);
