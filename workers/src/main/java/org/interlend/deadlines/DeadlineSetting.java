package org.interlend.deadlines;

/**
 * How long one kind of staff task may take at a library, in working days.
 *
 * @param task the user task's element id, e.g. {@code hkallPullAndShip}
 * @param taskName its name as staff see it, for reminders
 * @param libraryCode the library this setting is for, or null for the default of every library
 * @param remindAfter working days until the staff are reminded
 * @param escalateAfter working days until the library's managers are told (a lender's pull-and-ship
 *     then moves on to the next lender)
 */
public record DeadlineSetting(
    String task, String taskName, String libraryCode, int remindAfter, int escalateAfter) {}
