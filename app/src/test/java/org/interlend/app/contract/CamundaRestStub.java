package org.interlend.app.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for Camunda 8.8's Orchestration Cluster REST API ({@code /v2}), for the contract tests
 * of Interlend's production adapters: Camunda itself cannot run here.
 *
 * <p>Every route follows one page of the 8.8 REST API reference (its URL is part of the route):
 * method, path, query parameters, the request body's allowed and required fields, and a response in
 * the documented shape. A request the documentation does not describe (another method or path, an
 * unknown or missing field, a missing required query parameter) is answered 400/404 as Camunda
 * would, and recorded as a violation that fails the test ({@link #violations()}).
 */
final class CamundaRestStub implements AutoCloseable {

  static final String DOCS =
      "https://docs.camunda.io/docs/8.8/apis-tools/orchestration-cluster-api-rest/specifications/";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One received request, as the adapter sent it. */
  record Call(String method, String path, Map<String, String> query, JsonNode body, String doc) {}

  /** What a route answers: status, content type and body. */
  record Answer(int status, String contentType, byte[] body) {

    static Answer json(int status, Object body) {
      try {
        return new Answer(status, "application/json", JSON.writeValueAsBytes(body));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    static Answer empty(int status) {
      return new Answer(status, null, new byte[0]);
    }

    /** An RFC 9457 problem, as Camunda answers errors: title is the rejection's name. */
    static Answer problem(int status, String title, String detail, String instance) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("type", "about:blank");
      p.put("title", title);
      p.put("status", status);
      p.put("detail", detail);
      p.put("instance", instance);
      try {
        return new Answer(status, "application/problem+json", JSON.writeValueAsBytes(p));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A request as the route sees it: path parameters, query, body. */
  record Request(List<String> params, Map<String, String> query, JsonNode body, String path) {
    String param(int i) {
      return params.get(i);
    }
  }

  /**
   * One documented endpoint.
   *
   * @param doc the reference page's id under {@link #DOCS}
   * @param requiredQuery query parameters the page marks required
   * @param allowedQuery query parameters the page lists
   * @param bodyFields the request body's documented top-level fields (null: no body allowed)
   * @param requiredBody fields the page marks required
   * @param nested documented fields of nested objects ("filter" → its fields)
   */
  record Route(
      String method,
      Pattern path,
      String doc,
      Set<String> requiredQuery,
      Set<String> allowedQuery,
      Set<String> bodyFields,
      Set<String> requiredBody,
      Map<String, Set<String>> nested,
      Function<Request, Answer> answer) {}

  private final HttpServer server;
  private final List<Route> routes = new CopyOnWriteArrayList<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();

  CamundaRestStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String address() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * Adds a documented route; {@code path} is a regular expression with groups for path parameters.
   */
  CamundaRestStub route(
      String method,
      String path,
      String doc,
      Set<String> requiredQuery,
      Set<String> allowedQuery,
      Set<String> bodyFields,
      Set<String> requiredBody,
      Map<String, Set<String>> nested,
      Function<Request, Answer> answer) {
    routes.add(
        new Route(
            method,
            Pattern.compile("/v2" + path),
            doc,
            requiredQuery,
            allowedQuery,
            bodyFields,
            requiredBody,
            nested,
            answer));
    return this;
  }

  List<Call> calls() {
    return Collections.unmodifiableList(calls);
  }

  List<Call> calls(String method, String pathPrefix) {
    return calls.stream()
        .filter(c -> c.method().equals(method) && c.path().startsWith("/v2" + pathPrefix))
        .toList();
  }

  /** Every request that broke the documented API; a contract test ends by asserting none. */
  List<String> violations() {
    return Collections.unmodifiableList(violations);
  }

  void reset() {
    calls.clear();
    violations.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    byte[] raw = exchange.getRequestBody().readAllBytes();
    Answer answer;
    try {
      answer = answer(exchange, method, path, query, raw);
    } catch (RuntimeException e) {
      violations.add(method + " " + path + ": the stub failed: " + e);
      answer = Answer.problem(500, "INTERNAL_ERROR", String.valueOf(e.getMessage()), path);
    }
    if (answer.contentType() != null) {
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
    }
    exchange.sendResponseHeaders(
        answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
    if (answer.body().length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer.body());
      }
    }
    exchange.close();
  }

  private Answer answer(
      HttpExchange exchange, String method, String path, Map<String, String> query, byte[] raw)
      throws IOException {
    Route match = null;
    Matcher matcher = null;
    boolean pathKnown = false;
    for (Route route : routes) {
      Matcher m = route.path().matcher(path);
      if (m.matches()) {
        pathKnown = true;
        if (route.method().equals(method)) {
          match = route;
          matcher = m;
          break;
        }
      }
    }
    if (match == null) {
      String why =
          method
              + " "
              + path
              + (pathKnown ? ": method not documented for this path" : ": no such endpoint");
      violations.add(why);
      calls.add(new Call(method, path, query, null, null));
      return Answer.problem(pathKnown ? 405 : 404, "NOT_FOUND", why, path);
    }
    String where = method + " " + path + " (" + DOCS + match.doc() + ")";
    List<String> problems = new ArrayList<>();
    for (String q : query.keySet()) {
      if (!match.allowedQuery().contains(q)) {
        problems.add("query parameter '" + q + "' is not documented");
      }
    }
    for (String q : match.requiredQuery()) {
      if (query.get(q) == null || query.get(q).isEmpty()) {
        problems.add("required query parameter '" + q + "' is missing or empty");
      }
    }
    JsonNode body = null;
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (raw.length > 0) {
      if (match.bodyFields() == null) {
        problems.add("a body was sent where none is documented");
      } else if (contentType == null || !contentType.startsWith("application/json")) {
        problems.add("body content type " + contentType + " is not application/json");
      } else {
        body = JSON.readTree(raw);
        checkFields("body", body, match.bodyFields(), match.requiredBody(), problems);
        for (Map.Entry<String, Set<String>> nested : match.nested().entrySet()) {
          JsonNode inner = body.get(nested.getKey());
          if (inner != null && !inner.isNull()) {
            checkFields(nested.getKey(), inner, nested.getValue(), Set.of(), problems);
          }
        }
      }
    } else if (match.bodyFields() != null && !match.requiredBody().isEmpty()) {
      problems.add("the body with required fields " + match.requiredBody() + " is missing");
    }
    calls.add(
        new Call(method, path, query, body == null ? JSON.createObjectNode() : body, match.doc()));
    if (!problems.isEmpty()) {
      violations.add(where + ": " + String.join("; ", problems));
      return Answer.problem(400, "INVALID_ARGUMENT", String.join("; ", problems), path);
    }
    List<String> params = new ArrayList<>();
    for (int i = 1; i <= matcher.groupCount(); i++) {
      params.add(URLDecoder.decode(matcher.group(i), StandardCharsets.UTF_8));
    }
    return match
        .answer()
        .apply(new Request(params, query, body == null ? JSON.createObjectNode() : body, path));
  }

  private static void checkFields(
      String what,
      JsonNode node,
      Set<String> allowed,
      Set<String> required,
      List<String> problems) {
    if (!node.isObject()) {
      problems.add(what + " must be a JSON object");
      return;
    }
    node.fieldNames()
        .forEachRemaining(
            f -> {
              if (!allowed.contains(f)) {
                problems.add(what + " field '" + f + "' is not documented");
              }
            });
    for (String r : required) {
      JsonNode v = node.get(r);
      if (v == null || v.isNull() || (v.isTextual() && v.asText().isEmpty())) {
        problems.add(what + " field '" + r + "' is required");
      }
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      q.put(k, v);
    }
    return q;
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
