package org.w3id.srkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3id.srkg.dataset.UnionDefaultGraph;
import org.w3id.srkg.pipeline.Namespaces;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.support.ServedJar;

/**
 * The web face in a real browser, as a newcomer uses it: the packaged jar serves the repository's seeds, and
 * Debian's headless Chromium (installed by src/test/scripts/install-chromium.sh when missing) opens Vladimir
 * Putin's page, follows a link to an event and sees its quote, and runs an example query. Screenshots of each
 * step go to target/browser/. README's curl on the same IRI gives Turtle.
 */
class BrowserIT {

    private static final Path ROOT = Path.of("");
    private static final Path SHOTS = ROOT.resolve("target/browser");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static ServedJar server;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        installChromium();
        Files.createDirectories(SHOTS);
        server = ServedJar.start(ROOT.resolve("target/browser-it-server.log"));
        base = server.base();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The machine has no network but loopback: without these flags Chromium keeps trying Google's services.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1400",
                "--user-data-dir=" + Files.createTempDirectory("srkg-chromium").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void entityPageLeadsToAnEventAndItsQuote() throws Exception {
        browser.get(base + "/id/vladimir-putin");
        assertEquals("Vladimir Putin", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.cssSelector("dl.summary")).getText().contains("Q7747"));
        screenshot("1-entity-vladimir-putin");

        WebElement event = browser.findElement(By.cssSelector("#timeline td:nth-child(2) a[href^='/id/claim/']"));
        String eventName = event.getText();
        event.click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlToBe(base + "/id/vladimir-putin")));
        assertEquals(eventName, browser.findElement(By.tagName("h1")).getText());
        WebElement quote = browser.findElement(By.cssSelector("#source blockquote.evidence mark"));
        assertFalse(quote.getText().isBlank(), "the event shows its source quote");
        assertTrue(browser.findElement(By.cssSelector("#source .article a")).getAttribute("href").contains("/id/article/"));
        screenshot("2-event-with-quote");

        browser.findElement(By.cssSelector("#statements a[href='/id/vladimir-putin']")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/id/vladimir-putin"));
    }

    @Test
    void exampleQueryRunsAndShowsItsRows() throws Exception {
        String example = "cq02-quotes-by-putin";
        browser.get(base + "/");
        browser.findElement(By.cssSelector("a.example[data-id='" + example + "']")).click();
        WebElement editor = browser.findElement(By.cssSelector(".CodeMirror"));
        assertTrue(editor.getText().contains("id:vladimir-putin"), editor.getText());
        assertFalse(browser.findElements(By.cssSelector(".CodeMirror .cm-keyword")).isEmpty(), "SPARQL is highlighted");
        assertTrue(browser.findElement(By.id("question")).getText().startsWith("What did Vladimir Putin say"));
        assertTrue(browser.findElement(By.id("download-csv")).getAttribute("href").contains("output=csv"));

        browser.findElement(By.id("run")).click();
        List<WebElement> rows = wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(
                By.cssSelector("table.results tbody tr"), 0));
        assertEquals(expectedRows(example), rows.size());
        assertTrue(browser.findElement(By.id("status")).getText().startsWith(rows.size() + " rows"));
        WebElement graphLink = browser.findElement(By.cssSelector("table.results a[href*='/graph/article/']"));
        screenshot("3-query-results");

        graphLink.click();
        wait.until(ExpectedConditions.urlContains("/graph/article/"));
        assertNotEquals("", browser.findElement(By.tagName("h1")).getText());
    }

    @Test
    void readmeCurlOnTheSameIriGivesTurtle() throws Exception {
        Matcher block = Pattern.compile("<!-- browse-curl -->\\s*```sh\\n(curl [^\\n]+)\\n```")
                .matcher(Files.readString(ROOT.resolve("README.md")));
        assertTrue(block.find(), "README.md has the marked curl block");
        String curl = block.group(1).replace("http://127.0.0.1:3030", base);
        Process client = new ProcessBuilder("bash", "-c", curl).redirectErrorStream(true).start();
        String turtle = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, client.waitFor(), turtle);
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(turtle, Lang.TURTLE).parse(graph);
        assertTrue(graph.contains(NodeFactory.createURI(Namespaces.ID + "vladimir-putin"), RDFS.label.asNode(),
                NodeFactory.createLiteralLang("Vladimir Putin", "en")), turtle);
    }

    /** The row count the query gives in-process, so the browser's table is checked against the data, not a number. */
    private static int expectedRows(String example) throws Exception {
        String query = Files.readString(ROOT.resolve("src/test/resources/cq/" + example + ".rq"), StandardCharsets.UTF_8);
        try (QueryExecution exec = QueryExecution.dataset(DatasetFactory.wrap(new UnionDefaultGraph(Pipeline.build(ROOT))))
                .query(query).build()) {
            return ResultSetFormatter.consume(exec.execSelect());
        }
    }

    private static void screenshot(String name) throws IOException {
        File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void installChromium() throws Exception {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        Process install = new ProcessBuilder("bash", "src/test/scripts/install-chromium.sh")
                .directory(ROOT.toAbsolutePath().toFile()).redirectErrorStream(true).start();
        String output = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, install.waitFor(), "installing chromium failed:\n" + output);
    }
}
