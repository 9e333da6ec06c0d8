package io.instancerole.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.emulator.client.EmulatorControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The README's workflow on the reference page, in a real headless Chromium against the local
 * stack, as team A: each step is done with the page's own controls, and the emulator's state is
 * checked after it. The steps build on each other, in order. Saves the README's screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserTest {
    static final Path SCREENSHOTS = Project.root().resolve("docs/screenshots");
    private static final String ROLE = "team-a-web";
    private static final String POLICY = "team-a-web-logs";
    private static final String MISTAKE = String.join("\n",
            "{",
            "  \"Version\": \"1\",",
            "  \"Statement\": [",
            "    {",
            "      \"Effect\": \"Allow\",",
            "      \"Action\": [\"oss:GetObject\", \"oss: PutObject\"],",
            "      \"Resource\": [\"acs:oss:*:*:team-a-logs/*\"]",
            "    }",
            "  ]",
            "}");
    private static final int MISTAKE_LINE = 6;

    private static LocalStack stack;
    private static EmulatorControl emulator;
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() {
        browser = Chromium.start(System.getenv());
        stack = new StackRunner().serve("--port", "0", "--emulator-port", "0", "--metadata-port", "-1", "--template", Project.template().toString());
        emulator = stack.emulator().orElseThrow().emulator().orElseThrow().control();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class); // the page re-renders lists while a condition reads them
        browser.get(stack.gatewayUrl() + "/");
        new Select(waitFor("caller")).selectByValue("dev-team-a");
        waitUntilText(By.id("team"), "Team: team-a");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aTeamCreatesARoleAndSeesOnlyItsOwnRolesListed() throws Exception {
        assertEquals(201, new Http(stack.gatewayUrl()).post("/v1/roles", "{\"roleName\": \"team-b-web\"}",
                "Authorization", "Bearer dev-team-b").statusCode());
        waitFor("new-role-name").sendKeys(ROLE);
        browser.findElement(By.id("new-role-description")).sendKeys("web servers of team A", Keys.ENTER);

        waitUntilText(By.id("create-role-result"), ROLE + ": created");
        assertTrue(state().role(ROLE).isPresent(), "the role is in RAM");
        assertEquals(List.of(ROLE), column("roles-table", 0), "team A's roles only, not team-b-web");
        waitUntilText(By.id("detail-title"), ROLE);
    }

    @Test
    @Order(2)
    void aTeamAttachesASystemPolicyToItsRole() throws Exception {
        waitFor("attach-name").sendKeys("AliyunOSSReadOnlyAccess", Keys.ENTER);

        waitUntilText(By.id("attach-result"), "AliyunOSSReadOnlyAccess: attached");
        waitUntilText(By.id("detail-policies"), "AliyunOSSReadOnlyAccess");
        assertEquals(List.of("System:AliyunOSSReadOnlyAccess"), state().attachedTo("Role", ROLE));
    }

    @Test
    @Order(3)
    void theEditorMarksAFindingAtItsLineAsYouTypeAndTheFixedPolicyIsCreated() throws Exception {
        browser.findElement(By.cssSelector("nav a[href='#policy']")).click();
        waitFor("policy-name").sendKeys(POLICY);
        new Select(browser.findElement(By.id("policy-role"))).selectByValue(ROLE);
        WebElement text = browser.findElement(By.id("policy-text"));
        text.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        text.sendKeys(MISTAKE);

        WebElement finding = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//ol[@id='findings']/li[.//code[text()='INVALID_ACTION_FORMAT']]")));
        assertEquals("line " + MISTAKE_LINE, finding.findElement(By.className("where")).getText());
        assertTrue(finding.getText().contains("ERROR"), finding.getText());
        WebElement marked = browser.findElements(By.cssSelector("#gutter div")).get(MISTAKE_LINE - 1);
        assertTrue(marked.getAttribute("class").contains("marked"), "the gutter marks line " + MISTAKE_LINE);
        waitUntilText(By.id("lint-status"), "Would be refused (PolicyInvalid)");
        screenshot("policy-editor");

        finding.findElement(By.className("where")).click(); // the caret goes to the finding; fix it there by typing
        String before = (String) ((JavascriptExecutor) browser).executeScript(
                "const t = arguments[0]; return t.value.slice(0, t.selectionStart);", text);
        assertTrue(before.endsWith("\"oss:GetObject\", "), "the caret is at the finding: ..." + before.substring(before.length() - 30));
        text.sendKeys(Keys.chord(Keys.SHIFT, Keys.END), "\"oss:PutObject\"],");
        waitUntilText(By.id("lint-status"), "Would be accepted");
        assertTrue(browser.findElements(By.cssSelector("#gutter .marked")).isEmpty(), "no line is marked any more");
        assertFalse(state().policy(POLICY).isPresent(), "linting created nothing");

        text.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        waitUntilText(By.id("policy-result"), POLICY + " created (v1); " + ROLE + " attached");
        assertTrue(state().defaultDocument(POLICY).contains("\"oss:PutObject\""), state().defaultDocument(POLICY));
        assertEquals(List.of("System:AliyunOSSReadOnlyAccess", "Custom:" + POLICY), state().attachedTo("Role", ROLE));
        waitUntilText(By.id("policy-names"), POLICY + " (v1)");
    }

    @Test
    @Order(4)
    void aBindIsPreviewedByADryRunThenConfirmed() throws Exception {
        browser.findElement(By.cssSelector("nav a[href='#bindings']")).click();
        new Select(waitFor("batch-role")).selectByValue(ROLE);
        for (String id : List.of("i-demoa1", "i-demoa2")) {
            browser.findElement(By.cssSelector("#instances-table input[value='" + id + "']")).click();
        }
        browser.findElement(By.cssSelector("#batch-form button[type=submit]")).click();

        waitUntilText(By.id("batch-preview"), "Dry run");
        assertEquals(List.of("bound", "bound"), column("batch-preview", 1), "what a real run would do, per instance");
        assertNull(state().boundRole("i-demoa1"), "the dry run changed nothing");
        assertNull(state().boundRole("i-demoa2"));
        screenshot("bind-preview");

        browser.findElement(By.cssSelector("#batch-preview button.primary")).click();
        waitUntilText(By.id("batch-preview"), "Done");
        assertEquals(ROLE, state().boundRole("i-demoa1"));
        assertEquals(ROLE, state().boundRole("i-demoa2"));
        wait.until(d -> column("instances-table", 5).equals(List.of(ROLE, ROLE, "none")));
    }

    @Test
    @Order(5)
    void anotherTeamsInstanceIsRefusedWithTheApisMessage() throws Exception {
        for (WebElement box : browser.findElements(By.cssSelector("#instances-table tbody input:checked"))) {
            box.click();
        }
        browser.findElement(By.id("batch-ids")).sendKeys("i-demob1");
        browser.findElement(By.cssSelector("#batch-form button[type=submit]")).click();

        JsonNode api = Http.json(new Http(stack.gatewayUrl()).post("/v1/role-bindings",
                "{\"roleName\": \"" + ROLE + "\", \"instanceIds\": [\"i-demob1\"], \"dryRun\": true}", "Authorization", "Bearer dev-team-a"))
                .path("results").get(0);
        assertEquals("failed", api.path("status").asText(), api.toString());
        wait.until(d -> column("batch-preview", 2).equals(List.of(api.path("code").asText())));
        assertEquals(List.of("failed"), column("batch-preview", 1));
        assertEquals(List.of(api.path("message").asText()), column("batch-preview", 3), "the API's own message");
        assertTrue(api.path("message").asText().contains("team=team-a"), "it names the rule: " + api);
        assertTrue(browser.findElements(By.cssSelector("#batch-preview button.primary")).isEmpty(), "nothing to confirm");
        screenshot("refused");
        browser.findElement(By.xpath("//div[@id='batch-preview']//button[text()='Close']")).click();
        assertNull(state().boundRole("i-demob1"), "team B's instance is untouched");
    }

    @Test
    @Order(6)
    void aRefusedRequestShowsTheApisCodeAndMessage() throws Exception {
        browser.findElement(By.cssSelector("nav a[href='#roles']")).click();
        waitFor("new-role-name").sendKeys("team-b-stolen", Keys.ENTER);

        waitUntilText(By.id("error"), "403 Forbidden");
        assertTrue(browser.findElement(By.id("error")).getText().contains("team prefix rule"), browser.findElement(By.id("error")).getText());
        assertFalse(state().role("team-b-stolen").isPresent());
        browser.findElement(By.id("new-role-name")).clear();
        browser.findElement(By.cssSelector("#error .close")).click();
        browser.findElement(By.xpath("//table[@id='roles-table']//a[text()='" + ROLE + "']")).click();
        waitUntilText(By.id("detail-instances"), "i-demoa2");
        waitUntilText(By.id("detail-policies"), POLICY);
        screenshot("roles");
    }

    @Test
    @Order(7)
    void aTeamGrantsAUserPassRoleOnItsRoleAfterPreviewingThePolicy() throws Exception {
        browser.findElement(By.cssSelector("nav a[href='#passrole']")).click();
        waitFor("grant-user").sendKeys("deployer");
        browser.findElement(By.cssSelector("#grant-roles input[value='" + ROLE + "']")).click();
        browser.findElement(By.cssSelector("#grant-form button[type=submit]")).click();

        waitUntilText(By.id("grant-preview"), "ram:PassRole");
        assertTrue(state().attachedTo("User", "deployer").isEmpty(), "the dry run granted nothing");
        screenshot("passrole-preview");
        browser.findElement(By.cssSelector("#grant-preview button.primary")).click();
        waitUntilText(By.id("grant-preview"), "Done");
        List<String> granted = state().attachedTo("User", "deployer");
        assertEquals(1, granted.size(), granted.toString());
        assertTrue(state().defaultDocument(granted.get(0).split(":", 2)[1]).contains("role/" + ROLE), "PassRole on exactly that role");
    }

    private static WebElement waitFor(String id) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
    }

    private static void waitUntilText(By locator, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    /** The text of one column of a table's body rows (the first table inside {@code id}). */
    private static List<String> column(String id, int index) {
        WebElement container = browser.findElement(By.id(id));
        WebElement table = "table".equals(container.getTagName()) ? container : container.findElement(By.tagName("table"));
        return table.findElements(By.cssSelector("tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")))
                .filter(cells -> cells.size() > index)
                .map(cells -> cells.get(index).getText().trim())
                .collect(Collectors.toList());
    }

    private static EmulatorState state() {
        return new EmulatorState(emulator.state());
    }

    private static void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
