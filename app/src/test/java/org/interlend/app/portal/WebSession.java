package org.interlend.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like client of the running app for tests: keeps the session cookie, signs in through
 * the sign-in form, and sends the page's CSRF token with each form post (or leaves it out on
 * purpose). Also calls the REST API with HTTP Basic.
 */
public class WebSession {

  private static final Pattern CSRF =
      Pattern.compile("name=\"_csrf\"(?: type=\"hidden\")? value=\"([^\"]+)\"");

  private final int port;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .cookieHandler(cookies)
          .build();
  private String csrf;

  public WebSession(int port) {
    this.port = port;
  }

  public WebSession signIn(String user) throws Exception {
    page("/login");
    HttpResponse<String> login = post("/login", Map.of("username", user, "password", "demo"));
    assertThat(login.statusCode()).as("sign-in of " + user).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
    return this;
  }

  /** GETs a page and remembers its CSRF token. */
  public HttpResponse<String> get(String path) throws Exception {
    HttpResponse<String> response = send(request(path).GET().build());
    Matcher m = CSRF.matcher(response.body());
    if (m.find()) {
      csrf = m.group(1);
    }
    return response;
  }

  public String page(String path) throws Exception {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
    return response.body();
  }

  /** Posts a form with the CSRF token of the last page seen. */
  public HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    Map<String, String> withToken = new LinkedHashMap<>(form);
    if (csrf != null) {
      withToken.put("_csrf", csrf);
    }
    return postRaw(path, withToken);
  }

  /** Posts a form exactly as given: no CSRF token unless it is in {@code form}. */
  public HttpResponse<String> postRaw(String path, Map<String, String> form) throws Exception {
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
            .build());
  }

  /** Posts a form (with the CSRF token) and keeps the answer's bytes, e.g. a downloaded file. */
  public HttpResponse<byte[]> postForBytes(String path, Map<String, String> form) throws Exception {
    Map<String, String> withToken = new LinkedHashMap<>(form);
    if (csrf != null) {
      withToken.put("_csrf", csrf);
    }
    return http.send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(withToken)))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** As {@link #api}, with one more request header (e.g. Idempotency-Key). */
  public HttpResponse<String> apiWithHeader(
      String method, String path, String user, String json, String header, String value)
      throws Exception {
    HttpRequest.Builder b =
        request(path).header("Accept", "application/json").header(header, value);
    if (user != null) {
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    b.header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json));
    return send(b.build());
  }

  /** As {@link #api}, with the password given (the demo password is "demo"). */
  public HttpResponse<String> apiAs(String method, String path, String user, String password)
      throws Exception {
    HttpRequest.Builder b = request(path).header("Accept", "application/json");
    b.header(
        "Authorization",
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    b.method(method, HttpRequest.BodyPublishers.noBody());
    return send(b.build());
  }

  /**
   * Posts a body as a page's script would: with the session cookie and the CSRF token of the last
   * page seen in the {@code X-CSRF-TOKEN} header.
   */
  public HttpResponse<String> postBody(String path, String contentType, byte[] body)
      throws Exception {
    HttpRequest.Builder b =
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (csrf != null) {
      b.header("X-CSRF-TOKEN", csrf);
    }
    return send(b.build());
  }

  /** GETs {@code path} as {@code user} (the demo password) and keeps the answer's bytes. */
  public HttpResponse<byte[]> getBytesAs(String path, String user) throws Exception {
    return http.send(
        asUser(request(path), user).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** HTTP Basic authentication as {@code user} with the demo password; none for null. */
  private static HttpRequest.Builder asUser(HttpRequest.Builder b, String user) {
    if (user != null) {
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return b;
  }

  public HttpResponse<String> api(String method, String path, String user, String json)
      throws Exception {
    HttpRequest.Builder b = asUser(request(path).header("Accept", "application/json"), user);
    if (json != null) {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return send(b.build());
  }

  /** The session's cookies as a Cookie header value, for other clients to act in this session. */
  public String cookie() {
    return String.join(
        "; ",
        cookies.getCookieStore().getCookies().stream()
            .map(c -> c.getName() + "=" + c.getValue())
            .toList());
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(url(path)));
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
