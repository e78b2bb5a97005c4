package org.interlend.smoke;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.interlend.notices.Notices;
import org.interlend.storage.DocumentStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The smoke check behind the {@code smoke} process: proves that a worker reaches the object store,
 * the mail server and the database. Each step is idempotent.
 */
@Service
public class SmokeCheck {

  private final DocumentStore store;
  private final Notices notices;
  private final JdbcTemplate jdbc;

  public SmokeCheck(DocumentStore store, Notices notices, JdbcTemplate jdbc) {
    this.store = store;
    this.notices = notices;
    this.jdbc = jdbc;
  }

  public record Result(String objectKey, int bytes) {}

  public Result roundTrip(long processInstanceKey, String recipient) {
    String key = "smoke/" + processInstanceKey + ".txt";
    byte[] content =
        ("Interlend smoke check for instance " + processInstanceKey)
            .getBytes(StandardCharsets.UTF_8);
    store.put(key, new ByteArrayInputStream(content), content.length, "text/plain", Map.of());
    byte[] back;
    try (InputStream in = store.get(key)) {
      back = in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read back " + key + " from the object store", e);
    }
    if (!Arrays.equals(content, back)) {
      throw new IllegalStateException(
          "object " + key + " came back different from what was written");
    }
    notices.send(
        "smoke:" + processInstanceKey,
        recipient,
        "Interlend smoke check " + processInstanceKey,
        "The smoke check wrote and read back " + key + " (" + content.length + " bytes).");
    jdbc.update(
        "insert into smoke_check (process_instance_key, object_key, bytes) values (?, ?, ?)"
            + " on conflict (process_instance_key) do nothing",
        processInstanceKey,
        key,
        content.length);
    return new Result(key, content.length);
  }

  public void confirm(long processInstanceKey, String note) {
    int updated =
        jdbc.update(
            "update smoke_check set note = ?, confirmed_at = now() where process_instance_key = ?",
            note,
            processInstanceKey);
    if (updated == 0) {
      throw new IllegalStateException("no smoke check recorded for instance " + processInstanceKey);
    }
  }
}
