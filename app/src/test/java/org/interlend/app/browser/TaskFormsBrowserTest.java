package org.interlend.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.interlend.InterlendApplication;
import org.interlend.workflows.engine.Models;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every task form in the form-js the app serves (the renderer Tasklist embeds), in a real browser:
 * it imports with no warning, and submitting it with its required fields empty is refused, field by
 * field, also for the fields that appear only after a choice.
 */
@SpringBootTest(
    classes = InterlendApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TaskFormsBrowserTest {

  /** For each form: the data it is opened with, and the fields then refused when left empty. */
  static final Map<String, List<Case>> CASES = new LinkedHashMap<>();

  record Case(Map<String, Object> data, List<String> refused) {}

  static void expect(String form, Map<String, Object> data, String... refused) {
    CASES.computeIfAbsent(form, f -> new ArrayList<>()).add(new Case(data, List.of(refused)));
  }

  static {
    expect("approveOverseasCost", Map.of(), "approvalDecision");
    expect("approveOverseasCost", Map.of("approvalDecision", "REJECT"), "approvalComment");
    expect("approveOverseasCost", Map.of("approvalDecision", "APPROVE_CAP"));
    expect("chaseOverdueOrder", Map.of(), "overdueAction");
    expect("chaseOverdueOrder", Map.of("overdueAction", "CANCEL"), "unfilledReason");
    expect("confirmSmoke", Map.of(), "note");
    expect("hkallCheckOut", Map.of(), "patronIdentified");
    expect("hkallCheckOut", Map.of("patronIdentified", false), "patronIdentified");
    expect("hkallConfirmReturn", Map.of(), "itemBack");
    expect("hkallConfirmUnclaimedReturn", Map.of(), "itemBack");
    expect("hkallPullAndShip", Map.of(), "pullOutcome");
    expect("hkallReceiveItem", Map.of(), "itemReceived");
    expect("hkallShipBack", Map.of(), "shippedBack");
    expect("hkallShipBackUnclaimed", Map.of(), "shippedBack");
    expect("overseasCheckOut", Map.of(), "patronIdentified");
    expect("placeOverseasOrder", Map.of(), "orderReference");
    expect("recordLossOrDamage", Map.of(), "lossKind");
    expect("recordPartnerTerms", Map.of(), "partnerDueDate");
    expect("reviewChapterLength", Map.of(), "chapterReview");
    expect("reviewChapterLength", Map.of("chapterReview", "REFUSE"), "chapterReviewNote");
    expect("scanAndUpload", Map.of(), "scanOutcome");
    expect("scanAndUpload", Map.of("scanOutcome", "supplied"), "scanFiles");
    expect("scanAndUpload", Map.of("scanOutcome", "cannotSupply"), "cannotSupplyReason");
    expect("shipBackToPartner", Map.of(), "shippedBack");
    expect("sourceFromPartner", Map.of(), "sourcingResult");
    expect(
        "sourceFromPartner",
        Map.of("sourcingResult", "FOUND"),
        "partnerCode",
        "estimatedCost",
        "currency",
        "format");
    expect(
        "sourceFromPartner",
        Map.of("sourcingResult", "FOUND", "format", "DIGITAL"),
        "partnerCode",
        "estimatedCost",
        "currency",
        "expectedPages");
    expect("sourceFromPartner", Map.of("sourcingResult", "NONE"), "unfilledReason");
    expect("uploadOverseasScan", Map.of(), "uploadKeys", "expectedPages");
  }

  @LocalServerPort int port;
  @Autowired Models models;

  @TempDir Path temp;
  Browser browser;

  @BeforeEach
  void startBrowser() throws Exception {
    browser = Browser.start(port, temp.resolve("profile"), null);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void everyFormImportsWithoutWarningsAndRefusesItsRequiredFieldsLeftEmpty() {
    assertThat(CASES.keySet())
        .as("every deployed form has its cases here")
        .containsExactlyInAnyOrderElementsOf(models.forms().keySet());

    browser.signIn("staff-cityu");
    browser.waitFor("Requests");
    Object loaded =
        browser.asyncScript(
            "var done = arguments[arguments.length - 1];"
                + "var s = document.createElement('script'); s.src = '/form-js/form-viewer.umd.js';"
                + "s.onload = function () { done('loaded'); }; s.onerror = function () { done('failed'); };"
                + "document.head.appendChild(s);");
    assertThat(loaded).isEqualTo("loaded");

    List<String> problems = new ArrayList<>();
    for (var form : CASES.entrySet()) {
      for (Case c : form.getValue()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> result =
            (Map<String, Object>)
                browser.asyncScript(
                    "var done = arguments[arguments.length - 1];"
                        + "var host = document.createElement('div'); document.body.appendChild(host);"
                        + "var form = new FormViewer.Form({ container: host });"
                        + "form.importSchema(JSON.parse(arguments[0]), JSON.parse(arguments[1])).then(function (r) {"
                        + "  var submitted = form.submit();"
                        + "  done({ warnings: r.warnings.map(String), refused: Object.keys(submitted.errors) });"
                        + "  form.destroy(); host.remove();"
                        + "}).catch(function (e) { done({ error: String(e) }); });",
                    models.forms().get(form.getKey()),
                    new com.fasterxml.jackson.databind.ObjectMapper()
                        .valueToTree(c.data())
                        .toString());
        String what = form.getKey() + " with " + c.data();
        if (result.get("error") != null) {
          problems.add(what + ": " + result.get("error"));
          continue;
        }
        if (!((List<?>) result.get("warnings")).isEmpty()) {
          problems.add(what + ": warnings " + result.get("warnings"));
        }
        TreeSet<String> refused = new TreeSet<>();
        ((List<?>) result.get("refused")).forEach(k -> refused.add(String.valueOf(k)));
        if (!refused.equals(new TreeSet<>(c.refused()))) {
          problems.add(what + ": refused " + refused + ", expected " + new TreeSet<>(c.refused()));
        }
      }
    }
    assertThat(problems).isEmpty();
  }
}
