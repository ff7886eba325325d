package vn.lanhmanh.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The playground page in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}):
 * type a Vietnamese sentence, submit, find the highlighted span and its category. Skipped when either
 * program is missing, so a machine without a browser does not fail the build. Leaves a screenshot in
 * {@code target/playground.png} (the one in {@code docs/} is a copy).
 */
class PlaygroundBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir
  static Path profile;

  private static ServiceClient client;
  private static WebDriver driver;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "needs " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
    client = ServiceClient.start();
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=900,900", "--lang=vi");
    driver = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (client != null) {
      client.close();
    }
  }

  @Test
  void highlightsTheBadWordWithItsCategory() throws Exception {
    driver.get(client.uri("/").toString());
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id("input")));
    assertThat(driver.findElement(By.id("submit")).getText()).isEqualTo("Kiểm tra");
    String sentence = "Bạn ơi, mày là thằng ngu, đm";
    input.sendKeys(sentence);
    WebElement age = driver.findElement(By.id("age"));
    age.clear();
    age.sendKeys("10");
    driver.findElement(By.id("submit")).click();

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
    WebElement action = driver.findElement(By.id("action"));
    assertThat(action.getAttribute("data-action")).isEqualTo("BLOCK");
    assertThat(action.getText()).isEqualTo("Chặn");
    List<WebElement> marks = driver.findElements(By.cssSelector("#highlighted mark"));
    WebElement dm = marks.stream().filter(m -> m.getText().equals("đm")).findFirst().orElseThrow(
        () -> new AssertionError("no mark for đm among " + marks.stream().map(WebElement::getText).toList()));
    assertThat(dm.getAttribute("data-category")).isEqualTo("profanity");
    assertThat(marks.stream().map(WebElement::getText)).contains("thằng ngu");
    assertThat(driver.findElement(By.id("redacted")).getText()).endsWith("**");

    Path shot = Path.of("target", "playground.png");
    Files.createDirectories(shot.getParent());
    Files.write(shot, ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
    assertThat(Files.size(shot)).isPositive();

    driver.findElement(By.id("lang")).click();
    assertThat(driver.findElement(By.id("submit")).getText()).isEqualTo("Check");
    assertThat(driver.findElement(By.id("action")).getText()).isEqualTo("Block");
    assertThat(dmMark().getAttribute("title")).isEqualTo("profanity");
    driver.findElement(By.id("lang")).click();
  }

  private static WebElement dmMark() {
    return driver.findElements(By.cssSelector("#highlighted mark")).stream()
        .filter(m -> m.getText().equals("đm")).findFirst().orElseThrow();
  }
}
