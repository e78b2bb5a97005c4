package org.interlend.app.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.interlend.InterlendApplication;
import org.interlend.app.portal.WebSession;
import org.interlend.calendar.Calendars;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The library calendar in the staff console: who may edit which calendar, and what it changes. */
@SpringBootTest(
    classes = InterlendApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StaffPagesTest {

  @LocalServerPort int port;
  @Autowired Calendars calendars;

  @Test
  void staffCloseAndReopenTheirOwnLibraryOnADay() throws Exception {
    WebSession staff = new WebSession(port).signIn("staff-lingnan");
    String page = staff.page("/staff/calendar?year=2027");
    assertThat(page).contains("Calendar of").contains("Lingnan").contains("Lunar New Year");

    HttpResponse<String> close =
        staff.post(
            "/staff/calendar",
            Map.of("library", "lingnan", "day", "2027-08-02", "reason", "Typhoon signal No. 8"));
    assertThat(close.statusCode()).isEqualTo(302);
    assertThat(calendars.of("lingnan").isOpen(java.time.LocalDate.parse("2027-08-02"))).isFalse();
    assertThat(staff.page("/staff/calendar?year=2027")).contains("Typhoon signal No. 8");

    staff.post("/staff/calendar/open", Map.of("library", "lingnan", "day", "2027-08-02"));
    assertThat(calendars.of("lingnan").isOpen(java.time.LocalDate.parse("2027-08-02"))).isTrue();
  }

  @Test
  void staffCannotEditAnotherLibrarysCalendarButManagersCan() throws Exception {
    WebSession staff = new WebSession(port).signIn("staff-lingnan");
    staff.page("/staff/calendar");
    assertThat(staff.get("/staff/calendar?library=hku").statusCode()).isEqualTo(403);
    assertThat(
            staff
                .post(
                    "/staff/calendar", Map.of("library", "hku", "day", "2027-08-03", "reason", "x"))
                .statusCode())
        .isEqualTo(403);
    assertThat(calendars.of("hku").isOpen(java.time.LocalDate.parse("2027-08-03"))).isTrue();

    WebSession manager = new WebSession(port).signIn("manager");
    assertThat(manager.page("/staff/calendar?library=hku"))
        .contains("The University of Hong Kong Libraries");
    assertThat(new WebSession(port).signIn("staff-hku").get("/staff/statistics").statusCode())
        .isEqualTo(403);
  }

  @Test
  void patronsDoNotSeeStaffPages() throws Exception {
    WebSession patron = new WebSession(port).signIn("P1002");
    assertThat(patron.get("/staff/calendar").statusCode()).isEqualTo(403);
  }
}
