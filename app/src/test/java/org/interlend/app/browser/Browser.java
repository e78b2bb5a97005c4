package org.interlend.app.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser for the tests: Debian's chromium, headless, through its chromedriver (no browser
 * download), with the sign-in, navigation and waiting the browser tests share.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  final WebDriver driver;
  private final int port;

  private Browser(WebDriver driver, int port) {
    this.driver = driver;
    this.port = port;
  }

  /** Starts chromium, or skips the test with the reason when it is not installed. */
  static Browser start(int port, Path profile, Path downloads) throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver);"
            + " ./interlend test installs them when it runs as root");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--window-size=1280,1024",
        "--user-data-dir=" + Files.createDirectories(profile));
    if (downloads != null) {
      options.setExperimentalOption(
          "prefs",
          Map.of(
              "download.default_directory",
              downloads.toString(),
              "download.prompt_for_download",
              false,
              "plugins.always_open_pdf_externally",
              true,
              "profile.default_content_setting_values.automatic_downloads",
              1));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    WebDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    return new Browser(driver, port);
  }

  void open(String path) {
    driver.get("http://127.0.0.1:" + port + path);
  }

  void signIn(String user) {
    driver.manage().deleteAllCookies();
    open("/login");
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys("demo");
    driver.findElement(By.cssSelector("main form button[type=submit]")).click();
  }

  String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Waits for the page (possibly still loading after a click) to show the text. */
  void waitFor(String expected) {
    await()
        .atMost(Duration.ofSeconds(20))
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(text()).contains(expected));
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  void click(String css) {
    find(css).click();
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  Object asyncScript(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
  }

  /** Waits until the desk's task form (form-js) has imported its schema. */
  void awaitTaskForm() {
    await()
        .atMost(Duration.ofSeconds(20))
        .ignoreExceptions()
        .until(
            () ->
                Boolean.TRUE.equals(
                    script("return window.interlendTaskForm && window.interlendTaskForm.ready")));
  }

  /** Chooses the option with this label of a form-js radio group. */
  void chooseRadio(String label) {
    driver
        .findElement(
            By.xpath(
                "//div[contains(@class,'fjs-form-field-radio')]//label[normalize-space()='"
                    + label
                    + "']"))
        .click();
  }

  /** Types into the form-js text, number or text area field {@code key}. */
  void type(String key, String text) {
    WebElement input = find("input[id$='-" + key + "'], textarea[id$='-" + key + "']");
    input.clear();
    input.sendKeys(text);
  }

  /**
   * Types a date (yyyy-MM-dd) into the form-js date field {@code key}, as the browser's locale
   * (en-US here) writes it, and closes its picker.
   */
  void typeDate(String key, String isoDate) {
    WebElement input = find("input[id*='-" + key + "']");
    input.clear();
    input.sendKeys(
        java.time.LocalDate.parse(isoDate)
            .format(java.time.format.DateTimeFormatter.ofPattern("M/d/yyyy")));
    input.sendKeys(org.openqa.selenium.Keys.ENTER);
    input.sendKeys(org.openqa.selenium.Keys.ESCAPE);
  }

  /** Ticks the form-js checkbox {@code key}. */
  void tick(String key) {
    click("input[type=checkbox][id$='-" + key + "']");
  }

  /** Chooses the option with this label in the form-js select {@code key}. */
  void select(String key, String label) {
    click("[id$='-" + key + "-display']");
    driver
        .findElement(
            By.xpath(
                "//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()='"
                    + label
                    + "']"))
        .click();
  }

  /** Gives the form-js file picker {@code key} a file. */
  void attach(String key, Path file) {
    find("input[type=file][id$='-" + key + "']").sendKeys(file.toString());
  }

  /** Completes the desk's task form, and waits for the answer. */
  void completeTask() {
    click("#complete");
  }

  @Override
  public void close() {
    driver.quit();
  }
}
