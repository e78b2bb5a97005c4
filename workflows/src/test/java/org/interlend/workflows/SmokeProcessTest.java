package org.interlend.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Map;
import org.interlend.storage.DocumentStore;
import org.interlend.workflows.engine.UserTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class SmokeProcessTest extends ProcessTest {

  @Autowired DocumentStore store;
  @Autowired GreenMail mail;
  @Autowired JdbcTemplate jdbc;

  @Test
  void smokeProcessRunsTheWholeChainAndReadsTheUserTaskVariables() throws Exception {
    long instance = start("smoke", Map.of("recipient", "desk@cityu.example"));

    var task = awaitTask(instance, "confirmSmoke");
    assertThat(task.candidateGroups()).containsExactly("staff-cityu");
    assertThat(task.formKey()).isPositive();

    // the worker wrote the object, sent one mail and recorded one row before the task
    String key = "smoke/" + instance + ".txt";
    assertThat(store.stat(key)).isPresent();
    // the outbox sends it a moment later, behind whatever other tests left in it
    org.awaitility.Awaitility.await()
        .pollInSameThread()
        .atMost(WAIT)
        .until(
            () ->
                Arrays.stream(mail.getReceivedMessages())
                        .filter(m -> subject(m).equals("Interlend smoke check " + instance))
                        .count()
                    == 1);
    assertThat(
            jdbc.queryForObject(
                "select object_key from smoke_check where process_instance_key = ?",
                String.class,
                instance))
        .isEqualTo(key);

    userTasks.complete(task.key(), Map.of("note", "all good at the counter"));

    awaitCompleted(instance);
    // the variable set when completing the user task reached the next worker
    assertThat(
            jdbc.queryForObject(
                "select note from smoke_check where process_instance_key = ?",
                String.class,
                instance))
        .isEqualTo("all good at the counter");
    assertThat(projection.completedElements(instance))
        .containsSubsequence("roundTrip", "confirmSmoke", "recordConfirmation", "confirmed");
  }

  @Test
  void completingAnUnknownTaskIsRefusedClearly() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> userTasks.complete(42L, Map.of()))
        .isInstanceOf(UserTasks.TaskNotOpenException.class)
        .hasMessageContaining("user task 42 is not open");
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      return "";
    }
  }
}
