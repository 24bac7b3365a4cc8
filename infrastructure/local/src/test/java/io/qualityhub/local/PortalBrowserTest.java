package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.qualityhub.core.store.ItemKeys;
import io.qualityhub.intake.FileOutcome;
import io.qualityhub.intake.IntakeHandler;
import io.qualityhub.reports.audit.AccessRecord;
import io.qualityhub.reports.function.AuditTrail;
import io.qualityhub.reports.function.CustomerLookupHandler;
import io.qualityhub.local.portal.PortalServer;
import io.qualityhub.reports.function.ReportHandler;
import io.qualityhub.sampling.domain.Assignment;
import io.qualityhub.sampling.domain.InspectionTask;
import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.RecordKey;
import io.qualityhub.sampling.domain.Roster;
import io.qualityhub.sampling.function.SampleHeader;
import io.qualityhub.sampling.function.SampleStore;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Issue 18 item 3: the portal in headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}) against {@code ./qualityhub portal}'s server on the emulator: sign in,
 * the reports listed, a PDF downloaded through the report-access function and its signed URL, a
 * branch manager confined to their branch, a denial shown plainly, and the quality department's
 * view of a period's inspection tasks, and the quality department's customer lookup, which an
 * auditor is neither offered nor allowed.
 */
class PortalBrowserTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final String COMPANY = "quality-report_2026-10_company";
  private static final String TAIPEI = "quality-report_2026-10_TPE-01";
  private static final String KAOHSIUNG = "quality-report_2026-10_KHH-02";
  /** 林志明 of the sample day at TPE-01: a sale and a claim in the two files planted below. */
  private static final String ID_NUMBER = "F123456782";
  /** 林志明's phone, 0933-221-908 in both files, as a person might type it: the blind index drops separators. */
  private static final String PHONE_WRITTEN_OTHERWISE = "0933 221908";
  private static final String TASK = InspectionTask.idFor(Period.parse("2026-10"), new RecordKey("claims", "TPE-01", "CLM-1001"));

  private static LocalDeployment local;
  private static PortalServer portal;
  private static byte[] companyPdf;

  @TempDir
  Path browserDir;
  private Path downloads;
  private WebDriver browser;

  @BeforeAll
  static void reportsOfTwoBranchesAndTheCompany() throws Exception {
    System.setProperty("qualityhub.root", ROOT.toString()); // where the command line finds template.yaml
    local = LocalDeployment.open(ROOT, Optional.empty());
    for (String branch : List.of("TPE-01", "KHH-02")) {
      // The branch directory, as intake lists a branch when it takes the branch's file.
      local.clients().dynamoDb().putItem(request -> request.tableName(local.physicalId("RecordsTable")).item(Map.of(
          ItemKeys.PK, AttributeValue.fromS(ItemKeys.BRANCHES_PK), ItemKeys.SK, AttributeValue.fromS(branch))));
    }
    // The branch directory names TPE-01 only: KHH-02 is shown by its code alone.
    Path branchNames = Files.writeString(Files.createTempFile("branch-directory", ".json"), """
        {"branches": {"TPE-01": {"name_zh": "台北一分公司", "name_en": "Taipei Branch 1"}}}""", StandardCharsets.UTF_8);
    assertEquals(0, QualityHubCli.run(new String[] {"config", "put", "branch-directory", branchNames.toString(),
        "--endpoint", local.endpoint().toString()}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        System.err));
    ReportHandler reports = new ReportHandler(local.settingsOf("ReportFunction"), local.clientsFor("ReportFunction"),
        Clock.fixed(Instant.parse("2026-11-02T00:00:00Z"), ZoneOffset.UTC));
    for (String scope : List.of("company", "branch:TPE-01", "branch:KHH-02")) {
      reports.produce(Map.of("period", "2026-10", "scope", scope));
    }
    // A drawn sample as the sampling function stores it: a header and one task (a record id, no record content).
    SampleStore samples = new SampleStore(local.clients().dynamoDb(),
        io.qualityhub.core.store.ItemSeal.ofTable("RECORDS_TABLE", local.settingsOf("SamplingFunction"), local.clients()),
        refused -> { throw refused; });
    Period october = Period.parse("2026-10");
    samples.putHeaderIfAbsent(new SampleHeader(october, "2026-11-1", "population-fingerprint", 40, 1, "{}", null, List.of(), Roster.NONE));
    RecordKey claim = new RecordKey("claims", "TPE-01", "CLM-1001");
    samples.putTaskIfAbsent(new InspectionTask(TASK, october, claim, "life", "claims-review", List.of("late_settlement"),
        0.25, LocalDate.parse("2026-11-14"), new Assignment("QA-01", null)));
    companyPdf = local.clients().s3().getObjectAsBytes(request -> request.bucket(local.physicalId("ReportsBucket"))
        .key("reports/2026-10/company/" + COMPANY + ".pdf")).asByteArray();
    for (String file : List.of("sales.csv", "claims.csv")) {
      ingest("incoming/TPE-01/2026-11-23/" + file, ROOT.resolve("events/sample-day/TPE-01/2026-11-23/" + file));
    }
    portal = PortalServer.start(local, ROOT.resolve("portal"), 0, Clock.systemUTC());
  }

  private static void ingest(String key, Path file) throws Exception {
    byte[] content = Files.readAllBytes(file);
    local.clients().s3().putObject(request -> request.bucket(local.physicalId("IntakeBucket")).key(key)
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(local.attribute("InfraKey", "Arn")),
        RequestBody.fromBytes(content));
    List<FileOutcome> outcomes = new ArrayList<>();
    new IntakeHandler(local.settingsOf("IntakeFunction"), local.clients(), outcomes::add).handleRequest(
        S3NotificationEvents.objectCreatedEvent(local.physicalId("IntakeBucket"), key),
        LocalContext.forFunction("IntakeFunction", 900_000));
    assertEquals(1, outcomes.size(), key);
  }

  @AfterAll
  static void stop() {
    if (portal != null) {
      portal.close();
    }
    local.close();
  }

  @BeforeEach
  void freshBrowser() throws Exception {
    assertTrue(Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver")),
        "the browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver"
            + " (.ci/run installs them)");
    downloads = Files.createDirectories(browserDir.resolve("downloads"));
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--user-data-dir=" + Files.createDirectories(browserDir.resolve("profile")));
    options.setExperimentalOption("prefs", Map.of(
        "download.default_directory", downloads.toString(),
        "download.prompt_for_download", false,
        "plugins.always_open_pdf_externally", true));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theSignInPageIsTraditionalChineseFirstAndOffersTheDemoUsersOfEveryBranchWithData() {
    browser.get(portal.uri().toString());
    WebElement signIn = waitFor(By.cssSelector("button#sign-in"));

    assertEquals("zh-Hant", browser.findElement(By.tagName("html")).getDomAttribute("lang"));
    assertEquals("登入", signIn.getText());
    List<String> users = new ArrayList<>();
    new Select(browser.findElement(By.cssSelector("select#user"))).getOptions()
        .forEach(option -> users.add(option.getDomAttribute("value")));
    assertEquals(List.of("auditor-demo", "quality-demo", "manager-KHH-02", "manager-TPE-01"), users);

    browser.findElement(By.id("lang")).click();
    assertEquals("en", browser.findElement(By.tagName("html")).getDomAttribute("lang"));
    assertEquals("Sign in", signIn.getText());
  }

  @Test
  void anAuditorSeesEveryReportAndDownloadsTheCompanyPdfWhoseAccessIsOnTheAuditTrail() throws Exception {
    signInAs("auditor-demo");

    assertEquals(List.of(COMPANY, KAOHSIUNG, TAIPEI).stream().sorted().toList(), listedReports().stream().sorted().toList());
    WebElement companyRow = browser.findElement(By.cssSelector("tr[data-report='" + COMPANY + "']"));
    List<String> formats = companyRow.findElements(By.cssSelector("a.download")).stream().map(WebElement::getText).toList();
    assertEquals(List.of("PDF", "CSV", "JSON"), formats);

    companyRow.findElement(By.cssSelector("a.download[data-format='pdf']")).click();

    Path pdf = downloads.resolve(COMPANY + ".pdf");
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> Files.isRegularFile(pdf)
        && !Files.exists(downloads.resolve(COMPANY + ".pdf.crdownload")));
    assertArrayEquals(companyPdf, Files.readAllBytes(pdf), "the stored report, byte for byte");
    assertTrue(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
    assertTrue(auditLines().stream().anyMatch(line -> line.contains("auditor-demo") && line.contains(COMPANY + ".pdf")
        && line.contains("\"allow\"")), String.join("\n", auditLines()));
  }

  @Test
  void aBranchReportsScopeShowsTheBranchNameBesideItsCodeInThePagesLanguage() {
    signInAs("auditor-demo");
    listedReports();

    assertEquals("TPE-01 台北一分公司", scopeOf(TAIPEI));
    assertEquals("KHH-02", scopeOf(KAOHSIUNG), "a branch the directory does not name keeps its code alone");
    assertEquals("全公司", scopeOf(COMPANY));

    browser.findElement(By.id("lang")).click();
    assertEquals("TPE-01 Taipei Branch 1", scopeOf(TAIPEI));
    assertEquals("Company", scopeOf(COMPANY));
  }

  private String scopeOf(String report) {
    return browser.findElement(By.cssSelector("tr[data-report='" + report + "']")).findElements(By.tagName("td")).get(2)
        .getText();
  }

  @Test
  void aBranchManagerSeesOnlyTheirBranchsReportsAndNoInspectionSamples() {
    signInAs("manager-TPE-01");

    assertEquals(List.of(TAIPEI), listedReports());
    assertFalse(browser.findElement(By.id("tasks-panel")).isDisplayed());
    Object status = ((JavascriptExecutor) browser).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch('samples/2026-10', {headers: {Authorization: 'Bearer ' + sessionStorage.getItem('qualityhub.token')}})"
            + ".then(r => done(r.status));");
    assertEquals(403L, status, "the function itself refuses a branch manager");
  }

  @Test
  void theQualityDepartmentSeesThePeriodsInspectionTasks() {
    signInAs("quality-demo");
    listedReports();

    browser.findElement(By.id("period")).sendKeys("2026-10");
    browser.findElement(By.id("show-tasks")).click();

    WebElement row = waitFor(By.cssSelector("table#tasks tr[data-task]"));
    assertEquals(TASK, row.getDomAttribute("data-task"));
    assertEquals(List.of(TASK, "claims-review", "claims", "TPE-01", "CLM-1001", "late_settlement", "2026-11-14"),
        row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
    assertEquals("2026-10：抽查計畫 2026-11-1，自 40 筆中抽出 1 筆。", browser.findElement(By.id("tasks-summary")).getText());
  }

  @Test
  void aBranchManagerAskingForTheCompanyReportIsToldPlainlyAndTheDenialIsOnTheAuditTrail() {
    signInAs("manager-TPE-01");

    browser.findElement(By.id("report-id")).sendKeys(COMPANY);
    browser.findElement(By.id("open")).click();

    WebElement message = new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#message.denied")));
    assertEquals("無法下載 " + COMPANY + "（PDF）：您沒有閱讀此報告的權限，或報告不存在。此次請求已記錄於稽核軌跡。", message.getText());
    assertTrue(auditLines().stream().anyMatch(line -> line.contains("manager-TPE-01") && line.contains(COMPANY + ".pdf")
        && line.contains("\"deny\"")), String.join("\n", auditLines()));
    File[] downloaded = downloads.toFile().listFiles();
    assertEquals(0, downloaded == null ? 0 : downloaded.length, "nothing was downloaded");
  }

  @Test
  void theQualityDepartmentLooksUpACustomerByIdNumberAndTheTrailHasTheLookupWithoutTheNumber() {
    signInAs("quality-demo");
    listedReports();
    int trailBefore = trail().size();

    browser.findElement(By.id("lookup-value")).sendKeys(ID_NUMBER);
    browser.findElement(By.id("lookup")).click();

    waitFor(By.cssSelector("table#customer-records tr[data-record]"));
    List<List<String>> rows = browser.findElements(By.cssSelector("table#customer-records tbody tr")).stream()
        .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
    assertEquals(List.of(
        List.of("sales", "TPE-01", "S-TPE-20261123-0002", "2026-11-23", "sold", "林志明"),
        List.of("claims", "TPE-01", "CLM-TPE-2611-0107", "2026-11-10", "paid", "林志明")), rows);
    assertEquals("共 2 筆紀錄。", browser.findElement(By.id("message")).getText());
    assertEquals("", browser.findElement(By.id("lookup-value")).getDomProperty("value"), "the number is not left in the form");

    List<AccessRecord> added = trail().subList(trailBefore, trail().size());
    assertEquals(1, added.size(), "one lookup, one record: " + added);
    AccessRecord lookup = added.get(0);
    assertEquals(List.of("lookup", "quality-demo", "quality", "customer records by customer_id_no", "2", "allow"),
        List.of(lookup.action(), lookup.who(), lookup.role(), lookup.reportKey(), String.valueOf(lookup.records()),
            lookup.decision().wire()));
    assertFalse(String.join("\n", auditLines()).contains("123456782"), "the number searched for is not on the trail");
  }

  @Test
  void theQualityDepartmentLooksUpACustomerByPhoneNumberWrittenAnotherWayAndTheTrailSaysByPhone() {
    signInAs("quality-demo");
    listedReports();
    int trailBefore = trail().size();

    new Select(browser.findElement(By.id("lookup-by"))).selectByValue("phone");
    browser.findElement(By.id("lookup-value")).sendKeys(PHONE_WRITTEN_OTHERWISE);
    browser.findElement(By.id("lookup")).click();

    waitFor(By.cssSelector("table#customer-records tr[data-record]"));
    List<List<String>> rows = browser.findElements(By.cssSelector("table#customer-records tbody tr")).stream()
        .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
    assertEquals(List.of(
        List.of("sales", "TPE-01", "S-TPE-20261123-0002", "2026-11-23", "sold", "林志明"),
        List.of("claims", "TPE-01", "CLM-TPE-2611-0107", "2026-11-10", "paid", "林志明")), rows);
    assertEquals("共 2 筆紀錄。", browser.findElement(By.id("message")).getText());
    assertEquals("", browser.findElement(By.id("lookup-value")).getDomProperty("value"), "the number is not left in the form");

    List<AccessRecord> added = trail().subList(trailBefore, trail().size());
    assertEquals(1, added.size(), "one lookup, one record: " + added);
    AccessRecord lookup = added.get(0);
    assertEquals(List.of("lookup", "quality-demo", "quality", "customer records by customer_phone", "2", "allow"),
        List.of(lookup.action(), lookup.who(), lookup.role(), lookup.reportKey(), String.valueOf(lookup.records()),
            lookup.decision().wire()));
    String trail = String.join("\n", auditLines());
    for (String number : List.of("0933-221-908", "0933 221908", "0933221908")) {
      assertFalse(trail.contains(number), "the phone number searched for is not on the trail, however written: " + number);
    }
  }

  @Test
  void aLookupByAPhoneNumberNobodyHasFindsNothingAndSaysSo() {
    signInAs("quality-demo");
    listedReports();

    new Select(browser.findElement(By.id("lookup-by"))).selectByValue("phone");
    browser.findElement(By.id("lookup-value")).sendKeys("0900-000-001");
    browser.findElement(By.id("lookup")).click();

    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "查無"));
    assertEquals("查無此號碼的紀錄。", browser.findElement(By.id("message")).getText());
    assertFalse(browser.findElement(By.id("customer-records")).isDisplayed());
  }

  @Test
  void anAuditorIsNotOfferedTheCustomerLookupAndTheFunctionRefusesThemOnTheRecord() {
    signInAs("auditor-demo");
    listedReports();
    int trailBefore = trail().size();

    assertFalse(browser.findElement(By.id("lookup-panel")).isDisplayed());
    Object status = ((JavascriptExecutor) browser).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch('customers/lookup', {method: 'POST', headers: {Authorization: 'Bearer '"
            + " + sessionStorage.getItem('qualityhub.token'), 'Content-Type': 'application/json'},"
            + " body: JSON.stringify({idNo: '" + ID_NUMBER + "'})}).then(r => done(r.status));");
    assertEquals(403L, status, "the function itself refuses an auditor");

    List<AccessRecord> added = trail().subList(trailBefore, trail().size());
    assertEquals(List.of("lookup auditor-demo auditor deny null"), added.stream()
        .map(r -> r.action() + " " + r.who() + " " + r.role() + " " + r.decision().wire() + " " + r.records()).toList());
  }

  @Test
  void theLookupFunctionNeverLogsTheNumberAskedForAllowedOrDenied() {
    CustomerLookupHandler handler = new CustomerLookupHandler(local.settingsOf("CustomerLookupFunction"), local.clients(),
        Clock.systemUTC());
    String planted = "Ｆ１２３４５６７８２"; // the same customer written in full-width digits
    Instant later = Instant.now().plusSeconds(3600);
    String plantedPhone = "０９３３－２２１－９０８"; // the same customer's phone, full-width
    List<APIGatewayV2HTTPEvent> requests = List.of(
        ReportRequests.get("quality-7", "[quality]", "", "pdf", later),
        ReportRequests.get("auditor-7", "[auditor]", "", "pdf", later),
        ReportRequests.get("quality-8", "[quality]", "", "pdf", later),
        ReportRequests.get("quality-9", "[quality]", "", "pdf", later),
        ReportRequests.get("auditor-9", "[auditor]", "", "pdf", later));
    requests.get(0).setBody("{\"idNo\": \"" + planted + "\"}");
    requests.get(1).setBody("{\"idNo\": \"" + planted + "\"}");
    requests.get(2).setBody("{\"idNo\": " + planted + "}"); // not JSON: the parser's message would quote it
    requests.get(3).setBody("{\"phone\": \"" + plantedPhone + "\"}");
    requests.get(4).setBody("{\"phone\": \"" + plantedPhone + "\"}");
    ByteArrayOutputStream functionLog = new ByteArrayOutputStream();
    List<APIGatewayV2HTTPResponse> responses = new ArrayList<>();
    PrintStream console = System.out;
    System.setOut(new PrintStream(functionLog, true, StandardCharsets.UTF_8)); // where the function's log lines go
    try {
      requests.forEach(request -> responses.add(handler.handleRequest(request,
          LocalContext.forFunction("CustomerLookupFunction", 30_000))));
    } finally {
      System.setOut(console);
    }

    assertEquals(List.of(200, 403, 400, 200, 403), responses.stream().map(APIGatewayV2HTTPResponse::getStatusCode).toList());
    assertTrue(responses.get(0).getBody().contains("\"recordId\":\"CLM-TPE-2611-0107\""), responses.get(0).getBody());
    assertTrue(responses.get(3).getBody().contains("\"recordId\":\"CLM-TPE-2611-0107\""), responses.get(3).getBody());
    String logged = functionLog.toString(StandardCharsets.UTF_8);
    assertTrue(logged.contains("customer lookup allow") && logged.contains("customer lookup deny"), logged);
    String everything = logged + responses.stream().map(APIGatewayV2HTTPResponse::getBody).toList();
    for (String echo : List.of(planted, ID_NUMBER, "123456782", "１２３４５６７８２", plantedPhone, "0933-221-908",
        "0933221908", "９０８")) {
      assertFalse(everything.contains(echo), "the value asked for was logged or answered: " + echo);
    }
  }

  private static List<AccessRecord> trail() {
    return new AuditTrail(local.clients().dynamoDb(), local.physicalId("ReportsTable")).records();
  }

  private void signInAs(String user) {
    browser.get(portal.uri().toString());
    waitFor(By.cssSelector("select#user option[value='" + user + "']"));
    new Select(browser.findElement(By.cssSelector("select#user"))).selectByValue(user);
    browser.findElement(By.cssSelector("button#sign-in")).click();
    waitFor(By.cssSelector("table#reports"));
  }

  private List<String> listedReports() {
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> !driver.findElement(By.id("signed-in-as")).getText().isEmpty());
    return browser.findElements(By.cssSelector("table#reports tr[data-report]")).stream()
        .map(row -> row.getDomAttribute("data-report")).toList();
  }

  private WebElement waitFor(By locator) {
    return new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  private static List<String> auditLines() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = QualityHubCli.run(new String[] {"audit", "list", "--endpoint", local.endpoint().toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
