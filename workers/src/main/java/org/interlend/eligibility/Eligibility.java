package org.interlend.eligibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.interlend.lending.HkallAccounts;
import org.interlend.patrons.Patron;
import org.interlend.texts.PatronTexts;
import org.springframework.stereotype.Service;

/**
 * Who may use which service, asked before a patron submits: the same decision tables the processes
 * decide with ({@code hkall-eligibility}, {@code digital-eligibility}, {@code
 * overseas-eligibility}, evaluated by the engine), then the account (blocked, HKALL cap, home
 * quota). The portal shows the answer with the reason instead of a Request button that would only
 * be refused afterwards.
 *
 * <p>The decisions give their reasons as codes of the {@link PatronTexts}; a verdict gives them in
 * the language of the web request being answered (the portal's choice), English elsewhere.
 */
@Service
public class Eligibility {

  /** Whether the patron may request, and why not (the decision's or the account's reason). */
  public record Verdict(boolean eligible, String reason, String note) {
    static Verdict yes(String note) {
      return new Verdict(true, null, note);
    }

    static Verdict no(String reason) {
      return new Verdict(false, reason, null);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CamundaClient client;
  private final HkallAccounts accounts;
  private final PatronTexts texts;

  public Eligibility(CamundaClient client, HkallAccounts accounts, PatronTexts texts) {
    this.client = client;
    this.accounts = accounts;
    this.texts = texts;
  }

  /** The language of the web request being answered, English outside one. */
  private static Locale language() {
    return PatronTexts.current();
  }

  /** HKALL physical loans: the category, then blocked account, HKALL cap and home quota. */
  public Verdict hkall(Patron patron) {
    JsonNode out = evaluate("hkall-eligibility", facts(patron));
    if (!out.path("eligible").asBoolean(false)) {
      return Verdict.no(text(out, "reason"));
    }
    return accounts
        .refusal(patron)
        .map(reason -> Verdict.no(texts.render(reason, language())))
        .orElse(Verdict.yes(null));
  }

  /** Digital chapters and articles: the category and blocked account, then the home quota. */
  public Verdict digital(Patron patron) {
    JsonNode out = evaluate("digital-eligibility", facts(patron));
    if (!out.path("eligible").asBoolean(false)) {
      return Verdict.no(text(out, "eligibilityReason"));
    }
    if (patron.quotaLeft() == 0) {
      return Verdict.no(quotaUsed(patron));
    }
    return Verdict.yes(text(out, "eligibilityNote"));
  }

  /** Overseas requests of a book or a copy ({@code BOOK} or {@code COPY}). */
  public Verdict overseas(Patron patron, String itemType) {
    Map<String, Object> facts = facts(patron);
    facts.put("itemType", itemType);
    JsonNode out = evaluate("overseas-eligibility", facts);
    if (!out.path("eligible").asBoolean(false)) {
      return Verdict.no(text(out, "eligibilityReason"));
    }
    if (patron.quotaLeft() == 0) {
      return Verdict.no(quotaUsed(patron));
    }
    return Verdict.yes(null);
  }

  private String quotaUsed(Patron patron) {
    return texts.render(
        Map.of(
            PatronTexts.CODE,
            "reason.quota-reached",
            "quota",
            patron.quota(),
            "category",
            patron.categoryName()),
        language());
  }

  static Map<String, Object> facts(Patron patron) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("patronCategory", patron.category());
    facts.put("patronCategoryName", patron.categoryName());
    facts.put("patronBlocked", patron.blocked());
    facts.put("blockedReason", patron.blockedReason());
    return facts;
  }

  private JsonNode evaluate(String decisionId, Map<String, Object> variables) {
    String output =
        client
            .newEvaluateDecisionCommand()
            .decisionId(decisionId)
            .variables(variables)
            .send()
            .join(30, TimeUnit.SECONDS)
            .getDecisionOutput();
    try {
      return JSON.readTree(output);
    } catch (Exception e) {
      throw new IllegalStateException(
          "decision " + decisionId + " gave no readable output: " + output, e);
    }
  }

  private String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    // a code, or a context of a code and its arguments
    Object value = v.isObject() ? JSON.convertValue(v, Map.class) : v.asText();
    return texts.render(value, language());
  }
}
