package org.w3id.srkg.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code srkg-bench}: synthetic seeds at several sizes, ingest by srkg's pipeline and by stock loaders, query in
 * process and over HTTP against stock Fuseki and Oxigraph, startup and memory, all in one run on one machine,
 * reported as ratios against the targets of the benchmark issue. Every measurement that loads data runs in a
 * JVM (or Node.js process) of its own, started cold with the same options, one at a time.
 */
public final class Benchmark {

    /**
     * @param sizes          synthetic sizes in triples, ascending; the last one that is at most {@code querySize}
     *                       is used for queries
     * @param querySize      the synthetic size served for the query and HTTP measurements
     * @param repetitions    runs per ingest measurement and per startup measurement (the median is reported)
     * @param reloadDuringLoad whether to measure srkg under load with a {@code POST /$/reload} halfway through
     * @param hostileOnly    whether to run only the hostile mix (honest clients with and without attackers)
     * @param srkgMain       the main class of srkg's command line, which the child processes run
     */
    public record Options(Path repository, Path work, Path report, boolean quick, List<Long> sizes, long querySize,
                          long seed, int repetitions, Duration warmUp, Duration measure, String command,
                          boolean reloadDuringLoad, boolean hostileOnly, String srkgMain) {
    }

    /** Same options for every JVM that loads data, so that only the loader differs. */
    private static final List<String> INGEST_JVM = List.of("-Xmx16g", "-XX:+ExitOnOutOfMemoryError");
    /**
     * Heap of the servers under load. The stock server holds the dump twice (the named graphs, and their union as
     * its default graph) in a transactional in-memory dataset: at 1M seed triples (the full mode's query size) about
     * 7 GiB, so the full mode gives every server 12 GiB; the quick mode's 100k fits in 2 GiB.
     */
    private static final String QUICK_SERVER_HEAP = "-Xmx2g";
    private static final String FULL_SERVER_HEAP = "-Xmx12g";
    private static final List<Integer> CLIENTS = List.of(1, 2, 8);
    private static final String ASK = "ASK {}";
    private static final int INTERACTIVE_MILLIS = 100;
    private static final Pattern FIELD = Pattern.compile("(\\w+)=(\\S+)");
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
    private static final int ATTACKERS = 20;
    /** Attacks pile up over seconds (a SERVICE call that hangs, a query that runs to its timeout): a window to match. */
    private static final Duration HOSTILE_WARM_UP = Duration.ofSeconds(3);
    private static final Duration HOSTILE_MIN_MEASURE = Duration.ofSeconds(10);

    private final Options options;
    private final List<String> serverJvm;
    private final PrintStream log;
    private final Path logs;
    private final Report report = new Report();
    private final OxigraphRunner oxigraph;
    private String oxigraphVersion = "not installed";

    private Benchmark(Options options, PrintStream log) {
        this.options = options;
        this.serverJvm = List.of(options.quick() ? QUICK_SERVER_HEAP : FULL_SERVER_HEAP);
        this.log = log;
        this.logs = options.work().resolve("logs");
        this.oxigraph = new OxigraphRunner(options.repository(), options.work());
    }

    /** Runs everything, writes the report file and returns its text. */
    public static String run(Options options, PrintStream log) throws Exception {
        return new Benchmark(options, log).run();
    }

    private String run() throws Exception {
        long start = System.nanoTime();
        Files.createDirectories(logs);
        if (options.hostileOnly()) {
            hostileMix();
            return write(report.renderHostileOnly(header(Duration.ofNanos(System.nanoTime() - start))));
        }
        try {
            oxigraphVersion = oxigraph.install(logs);
        } catch (IOException e) {
            log.println("bench: Oxigraph not installed, its columns stay empty: " + e.getMessage());
        }
        List<Path> queries = competencyQuestions();
        Path curatedDump = build(options.repository(), "curated");

        TreeMap<Long, SyntheticSeeds.Written> roots = new TreeMap<>();
        for (long size : options.sizes()) {
            roots.put(size, generate(size));
            ingest(size, roots.get(size));
        }
        SyntheticSeeds.Written served = roots.get(options.querySize());
        Path servedDump = build(served.root(), "synthetic-" + options.querySize());
        inProcessQueries("curated", options.repository(), curatedDump, queries);
        Map<String, String[]> latencies = inProcessQueries(label(options.querySize()), served.root(), servedDump, queries);
        http(served.root(), servedDump, interactive(queries, latencies));
        startup(curatedDump);
        memory(roots, queries);
        hostileMix();
        return write(report.render(header(Duration.ofNanos(System.nanoTime() - start)), options));
    }

    private String write(String text) throws IOException {
        Files.createDirectories(options.report().toAbsolutePath().getParent());
        Files.writeString(options.report(), text, StandardCharsets.UTF_8);
        return text;
    }

    // --- data --------------------------------------------------------------------------------------------------

    private SyntheticSeeds.Written generate(long size) throws IOException {
        Path root = options.work().resolve("synthetic/" + size + "-seed" + options.seed());
        Path done = root.resolve("generated.properties");
        if (Files.isRegularFile(done)) {
            Map<String, String> p = fields(Files.readString(done));
            log.println("bench: reusing " + root);
            return new SyntheticSeeds.Written(root, Long.parseLong(p.get("triples")),
                    Integer.parseInt(p.get("articles")), Integer.parseInt(p.get("entities")));
        }
        log.println("bench: generating " + label(size) + " triples into " + root);
        deleteRecursively(root);
        SyntheticSeeds.Written written = SyntheticSeeds.write(options.repository(), root, size, options.seed());
        Files.writeString(done, "triples=" + written.triples() + " articles=" + written.articles()
                + " entities=" + written.entities() + "\n");
        return written;
    }

    /** {@code srkg build} of a root, in a JVM of its own; returns the dump folder. */
    private Path build(Path root, String name) throws Exception {
        Path out = options.work().resolve("dumps/" + name);
        log.println("bench: srkg build --root " + root + " --out " + out);
        try (ChildProcess build = ChildProcess.java(logs.resolve("build-" + name + ".log"), INGEST_JVM,
                options.srkgMain(), "build", "--root", root.toString(), "--out", out.toString())) {
            build.finish(120);
        }
        return out;
    }

    private List<Path> competencyQuestions() throws IOException {
        try (Stream<Path> files = Files.list(options.repository().resolve("src/test/resources/cq"))) {
            return files.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
    }

    // --- ingest ------------------------------------------------------------------------------------------------

    private void ingest(long size, SyntheticSeeds.Written root) throws Exception {
        Map<String, List<Map<String, String>>> runs = new LinkedHashMap<>();
        List<String> modes = new ArrayList<>(IngestProbe.MODES);
        modes.add("oxigraph");
        // Modes take turns within each repetition, so that a noisy minute spreads over all of them.
        int repetitions = repetitions(size);
        for (int rep = 0; rep < repetitions; rep++) {
            for (String mode : modes) {
                log.println("bench: ingest " + label(size) + " " + mode + " (" + (rep + 1) + "/" + repetitions + ")");
                Path logFile = logs.resolve("ingest-" + size + "-" + mode + "-" + rep + ".log");
                try {
                    runs.computeIfAbsent(mode, m -> new ArrayList<>()).add(ingestOnce(mode, root.root(), logFile));
                } catch (IOException e) {
                    String why = e.getMessage().lines().findFirst().orElse("");
                    log.println("bench: " + mode + " failed at " + label(size) + ": " + why);
                    report.note("Ingest " + label(size) + ", " + mode + ", run " + (rep + 1) + " failed: " + why);
                    runs.computeIfAbsent(mode, m -> new ArrayList<>());
                }
            }
        }
        runs.forEach((mode, results) -> report.ingest(size, root.triples(), mode, results));
    }

    /**
     * Runs per ingest measurement at a size: above a million triples one, because a load takes minutes there (the
     * full mode stays within an hour) and against minutes the noise of a shared machine weighs little.
     */
    private int repetitions(long size) {
        return size > 1_000_000 ? 1 : options.repetitions();
    }

    private Map<String, String> ingestOnce(String mode, Path root, Path logFile) throws Exception {
        String output;
        if (mode.equals("oxigraph")) {
            List<String> args = new ArrayList<>(List.of("ingest", root.toAbsolutePath().toString()));
            IngestProbe.seedFiles(root).forEach(f -> args.add(f.toAbsolutePath().toString()));
            try (ChildProcess node = oxigraph.start(logFile, args.toArray(String[]::new))) {
                output = node.finish(120);
            }
        } else {
            Path tdb = options.work().resolve("tdb2");
            deleteRecursively(tdb);
            try (ChildProcess probe = ChildProcess.java(logFile, INGEST_JVM, IngestProbe.class.getName(), mode,
                    root.toString(), tdb.toString())) {
                output = probe.finish(120);
            }
            deleteRecursively(tdb);
        }
        return output.lines().filter(l -> l.startsWith("ingest ")).findFirst().map(Benchmark::fields)
                .orElseThrow(() -> new IOException("no result line in " + logFile));
    }

    // --- queries -----------------------------------------------------------------------------------------------

    private Map<String, String[]> inProcessQueries(String data, Path root, Path dump, List<Path> queries) throws Exception {
        int repetitions = options.quick() ? 3 : 15;
        // Warm-up per query: enough for the JIT to compile a fast query's path, short enough for the quick mode.
        String warmUpMillis = options.quick() ? "30" : "200";
        List<String> files = queries.stream().map(p -> p.toAbsolutePath().toString()).toList();
        Map<String, String[]> jena = new TreeMap<>();
        Map<String, String[]> oxi = new TreeMap<>();
        log.println("bench: in-process queries on " + data + " (srkg)");
        List<String> args = new ArrayList<>(List.of(root.toString(), Integer.toString(repetitions), warmUpMillis));
        args.addAll(files);
        try (ChildProcess probe = ChildProcess.java(logs.resolve("queries-srkg-" + data + ".log"), INGEST_JVM,
                InProcessQueries.class.getName(), args.toArray(String[]::new))) {
            queryLines(probe.finish(60), jena);
        }
        log.println("bench: in-process queries on " + data + " (oxigraph)");
        List<String> nodeArgs = new ArrayList<>(List.of("queries", dump.resolve("srkg.nq").toAbsolutePath().toString(),
                Integer.toString(repetitions), warmUpMillis));
        nodeArgs.addAll(files);
        try (ChildProcess node = oxigraph.start(logs.resolve("queries-oxigraph-" + data + ".log"),
                nodeArgs.toArray(String[]::new))) {
            queryLines(node.finish(60), oxi);
        } catch (IOException e) {
            log.println("bench: oxigraph queries failed: " + e.getMessage().lines().findFirst().orElse(""));
        }
        report.queries(data, jena, oxi);
        return jena;
    }

    /**
     * The competency questions srkg answers in process within {@value #INTERACTIVE_MILLIS} ms on the served data.
     * A load test measures the server; a query that takes seconds in process measures the query engine, and at 8
     * clients on 2 CPUs a few of them would leave a short run with almost no completed requests.
     */
    private List<Path> interactive(List<Path> queries, Map<String, String[]> latencies) {
        List<Path> kept = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (Path query : queries) {
            String name = query.getFileName().toString().replace(".rq", "");
            String[] latency = latencies.get(name);
            if (latency != null && Double.parseDouble(latency[0]) <= INTERACTIVE_MILLIS) {
                kept.add(query);
            } else {
                left.add(name);
            }
        }
        report.note("HTTP mix: the " + kept.size() + " competency questions that srkg answers in process within "
                + INTERACTIVE_MILLIS + " ms on the served data; left out: " + String.join(", ", left) + ".");
        return kept;
    }

    private static void queryLines(String output, Map<String, String[]> into) {
        output.lines().filter(l -> l.startsWith("query ")).forEach(l -> {
            String[] parts = l.split(" ");
            into.put(parts[1].replace(".rq", ""), new String[] {parts[2], parts[3]});
        });
    }

    // --- HTTP --------------------------------------------------------------------------------------------------

    private void http(Path root, Path dump, List<Path> queryFiles) throws Exception {
        List<String> mix = new ArrayList<>();
        for (Path file : queryFiles) {
            mix.add(Files.readString(file, StandardCharsets.UTF_8));
        }
        // The rate of a trivial query settles within a second; the quick mode spends its time on the mix.
        Duration ceilingWarmUp = options.quick() ? options.warmUp().dividedBy(2) : options.warmUp();
        Duration ceilingMeasure = options.quick() ? options.measure().dividedBy(2) : options.measure();
        Map<String, List<String>> servers = new LinkedHashMap<>();
        servers.put("srkg", List.of(options.srkgMain(), "serve", "--root", root.toString(), "--port", "0"));
        servers.put("stock Fuseki", List.of(StockFuseki.class.getName(), dump.toString(), "0"));
        servers.put("stock + 32 KiB buffer", List.of(StockFuseki.class.getName(), dump.toString(), "0", "32768"));
        for (Map.Entry<String, List<String>> server : servers.entrySet()) {
            String name = server.getKey();
            String slug = name.replaceAll("[^a-z0-9]+", "-");
            Path gcLog = logs.resolve("gc-" + slug + ".log");
            Files.deleteIfExists(gcLog);
            List<String> jvm = new ArrayList<>(serverJvm);
            jvm.add("-Xlog:gc:file=" + gcLog);
            List<String> main = server.getValue();
            try (ChildProcess process = ChildProcess.java(logs.resolve("server-" + slug + ".log"), jvm, main.get(0),
                    main.subList(1, main.size()).toArray(String[]::new))) {
                URI endpoint = URI.create(process.awaitEndpoint(Duration.ofMinutes(30).toMillis())
                        .orElseThrow(() -> new IOException(name + " did not start; see " + process.log)));
                awaitAnswer(endpoint, Duration.ofMinutes(1));
                long fullBefore = fullGcs(gcLog);
                for (int clients : CLIENTS) {
                    log.println("bench: HTTP " + name + ", " + clients + " client(s)");
                    HttpLoad.Result result = HttpLoad.run(endpoint, mix, clients, options.warmUp(), options.measure());
                    HttpLoad.Result ceiling = HttpLoad.run(endpoint, List.of(ASK), clients, ceilingWarmUp, ceilingMeasure);
                    report.http(name, result, ceiling);
                }
                report.fullGcs(name, fullGcs(gcLog) - fullBefore);
            } catch (IOException e) {
                // One server that does not start (out of memory, say) leaves its rows empty, not the whole report.
                String why = e.getMessage().lines().findFirst().orElse("");
                log.println("bench: " + name + " failed: " + why);
                report.note("HTTP, " + name + ": " + why);
            }
        }
        if (options.reloadDuringLoad()) {
            reloadDuringLoad(mix);
        }
    }

    /**
     * srkg serving the curated graph with the reload endpoint on, under the mix at the highest concurrency, and one
     * authenticated {@code POST /$/reload} halfway through the measured window. The password is made up for this
     * run and its file deleted afterwards.
     */
    private void reloadDuringLoad(List<String> mix) throws Exception {
        int clients = CLIENTS.get(CLIENTS.size() - 1);
        Duration measure = ReloadDuringLoad.window(options.measure());
        String password = UUID.randomUUID().toString();
        Path passwords = Files.createTempFile(options.work(), "passwords", "");
        try {
            Files.writeString(passwords, "bench: " + password + "\n", StandardCharsets.UTF_8);
            log.println("bench: HTTP srkg, curated graph, " + clients + " clients, POST /$/reload halfway");
            try (ChildProcess process = ChildProcess.java(logs.resolve("server-srkg-reload.log"), serverJvm,
                    options.srkgMain(), "serve", "--root", options.repository().toString(), "--port", "0",
                    "--password-file", passwords.toString(), "--enable-reload")) {
                URI endpoint = URI.create(process.awaitEndpoint(Duration.ofMinutes(5).toMillis())
                        .orElseThrow(() -> new IOException("srkg with --enable-reload did not start; see " + process.log)));
                awaitAnswer(endpoint, Duration.ofMinutes(1));
                report.reload(ReloadDuringLoad.run(endpoint, mix, clients, options.warmUp(), measure, "bench", password),
                        options.warmUp(), measure);
                log.println("bench: reload during load took " + (System.nanoTime() - process.startedNanos) / 1_000_000_000
                        + " s, server start included");
            }
        } finally {
            Files.deleteIfExists(passwords);
        }
    }

    /**
     * srkg with its default limits on the curated graph, honest clients running every competency question alone and
     * then beside {@value #ATTACKERS} attackers ({@link HostileMix}); SERVICE goes to an endpoint that never answers.
     * The heap in use after a full GC is taken before and after, with {@code jcmd}; the server has the same heap
     * ({@link HostileMix#HEAP_MIB}) in every mode.
     */
    private void hostileMix() throws Exception {
        List<String> mix = new ArrayList<>();
        for (Path file : competencyQuestions()) {
            mix.add(Files.readString(file, StandardCharsets.UTF_8));
        }
        int clients = CLIENTS.get(CLIENTS.size() - 1);
        Duration warmUp = HOSTILE_WARM_UP;
        Duration measure = options.measure().compareTo(HOSTILE_MIN_MEASURE) < 0 ? HOSTILE_MIN_MEASURE : options.measure();
        try (HostileMix.HangingEndpoint hanging = new HostileMix.HangingEndpoint();
             ChildProcess process = ChildProcess.java(logs.resolve("server-srkg-hostile.log"), List.of("-Xmx" + HostileMix.HEAP_MIB + "m"),
                     options.srkgMain(), "serve", "--root", options.repository().toString(), "--port", "0",
                     "--service-allow", hanging.allowEntry())) {
            URI endpoint = URI.create(process.awaitEndpoint(Duration.ofMinutes(5).toMillis())
                    .orElseThrow(() -> new IOException("srkg did not start; see " + process.log)));
            awaitAnswer(endpoint, Duration.ofMinutes(1));
            long heapBefore = heapAfterFullGc(process.process.pid());
            log.println("bench: hostile mix, " + clients + " clients alone, then beside " + ATTACKERS + " attackers");
            HostileMix.Result result = HostileMix.run(endpoint, mix, clients, ATTACKERS, warmUp, measure, hanging);
            long heapAfter = process.process.isAlive() ? heapAfterFullGc(process.process.pid()) : -1;
            report.hostile(result, warmUp, measure, heapBefore, heapAfter);
        }
    }

    /** Heap in use, in MiB, after {@code jcmd PID GC.run}; -1 when jcmd cannot tell. */
    static long heapAfterFullGc(long pid) throws InterruptedException {
        try {
            new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true).start().waitFor();
            Process info = new ProcessBuilder("jcmd", Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
            String text = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            info.waitFor();
            Matcher used = HEAP_USED.matcher(text);
            return used.find() ? Long.parseLong(used.group(1)) / 1024 : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Full collections logged by -Xlog:gc ("Pause Full"), the collector's last resort. */
    static long fullGcs(Path gcLog) throws IOException {
        if (!Files.exists(gcLog)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(gcLog)) {
            return lines.filter(l -> l.contains("Pause Full")).count();
        }
    }

    /** Polls with {@code ASK {}} until the server answers 200; returns when it did. */
    private static boolean awaitAnswer(URI endpoint, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ask = HttpRequest.newBuilder(URI.create(endpoint + "?query=ASK%20%7B%7D"))
                .header("Accept", "application/sparql-results+json").build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(ask, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(2);
        }
        return false;
    }

    // --- startup and memory ------------------------------------------------------------------------------------

    private void startup(Path curatedDump) throws Exception {
        List<Double> srkg = new ArrayList<>();
        List<Double> stock = new ArrayList<>();
        for (int rep = 0; rep < options.repetitions(); rep++) {
            log.println("bench: startup (" + (rep + 1) + "/" + options.repetitions() + ")");
            srkg.add(startupOnce("srkg", options.srkgMain(), "serve", "--root", options.repository().toString(),
                    "--port", "0"));
            stock.add(startupOnce("stock", StockFuseki.class.getName(), curatedDump.toString(), "0"));
        }
        report.startup(median(srkg), median(stock));
    }

    /** Milliseconds from starting the JVM to the first answered query. */
    private double startupOnce(String name, String main, String... args) throws Exception {
        try (ChildProcess process = ChildProcess.java(logs.resolve("startup-" + name + ".log"), List.of("-Xmx1g"), main, args)) {
            URI endpoint = URI.create(process.awaitEndpoint(60_000)
                    .orElseThrow(() -> new IOException(name + " did not start; see " + process.log)));
            if (!awaitAnswer(endpoint, Duration.ofSeconds(60))) {
                throw new IOException(name + " never answered; see " + process.log);
            }
            return (System.nanoTime() - process.startedNanos) / 1e6;
        }
    }

    private void memory(TreeMap<Long, SyntheticSeeds.Written> roots, List<Path> queryFiles) throws Exception {
        List<String> mix = new ArrayList<>();
        for (Path file : queryFiles) {
            mix.add(Files.readString(file, StandardCharsets.UTF_8));
        }
        report.memory("curated graph, -Xmx256m, 8 clients", serves(options.repository(), "256m", mix, 8));
        // Where the load test ran in 2 GiB, it served the query size and every smaller one fits.
        boolean servedIn2g = serverJvm.contains(QUICK_SERVER_HEAP);
        long largest = servedIn2g ? options.querySize() : 0;
        for (Map.Entry<Long, SyntheticSeeds.Written> root : roots.tailMap(options.querySize(), !servedIn2g).entrySet()) {
            Optional<HttpLoad.Result> result = serves(root.getValue().root(), "2g", mix, 2);
            report.memory(label(root.getKey()) + " synthetic, -Xmx2g, 2 clients", result);
            if (result.isEmpty() || result.get().errors() > 0 || result.get().requests() == 0) {
                break;
            }
            largest = root.getKey();
        }
        report.largestIn2g(largest, options.sizes().get(options.sizes().size() - 1));
    }

    /** Serves a root with srkg in the given heap and runs the query mix; empty if it did not start or died. */
    private Optional<HttpLoad.Result> serves(Path root, String heap, List<String> mix, int clients) throws Exception {
        log.println("bench: memory: srkg serve -Xmx" + heap + " --root " + root);
        try (ChildProcess process = ChildProcess.java(logs.resolve("memory-" + heap + "-" + root.getFileName() + ".log"),
                List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError"), options.srkgMain(), "serve", "--root", root.toString(), "--port", "0")) {
            Optional<String> endpoint = process.awaitEndpoint(Duration.ofMinutes(30).toMillis());
            if (endpoint.isEmpty() || !awaitAnswer(URI.create(endpoint.get()), Duration.ofMinutes(1))) {
                return Optional.empty();
            }
            HttpLoad.Result result = HttpLoad.run(URI.create(endpoint.get()), mix, clients, options.warmUp(), options.measure());
            return process.process.isAlive() ? Optional.of(result) : Optional.empty();
        }
    }

    // --- report ------------------------------------------------------------------------------------------------

    private String header(Duration took) throws IOException, InterruptedException {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        String cpu = "?";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            cpu = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
        }
        return "- command: `" + options.command() + "` (" + (options.quick() ? "quick" : "full") + " mode, seed "
                + options.seed() + ", " + options.repetitions() + " repetitions, HTTP cells " + options.warmUp().toSeconds()
                + " s warm-up + " + options.measure().toSeconds() + " s measured)\n"
                + "- date: " + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE) + ", run took "
                + took.toMinutes() + " min " + took.toSecondsPart() + " s\n"
                + "- machine: " + cpu + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, "
                + os.getTotalMemorySize() / (1L << 30) + " GiB RAM, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch") + "; shared and noisy, so only"
                + " medians and ratios from this one run are compared\n"
                + "- versions: Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name")
                + "), Apache Jena " + jenaVersion() + " (Fuseki, TDB2), Node.js " + nodeVersion() + ", oxigraph (npm) "
                + oxigraphVersion + "\n"
                + "- JVM options: ingest probes and builds " + INGEST_JVM + ", servers under load " + serverJvm
                + " with -Xlog:gc, startup -Xmx1g; every JVM otherwise on its defaults (G1)\n";
    }

    /**
     * From jena-core's Maven metadata: {@code Jena.VERSION} reads a resource that every Jena module ships under the
     * same name, and in srkg's shaded jar the copy that wins says "&lt;development&gt;".
     */
    static String jenaVersion() throws IOException {
        try (InputStream in = Benchmark.class.getResourceAsStream("/META-INF/maven/org.apache.jena/jena-core/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        }
    }

    private String nodeVersion() throws InterruptedException {
        try (ChildProcess node = ChildProcess.start(logs.resolve("node-version.log"), List.of("node", "--version"))) {
            return node.finish(1).trim();
        } catch (IOException e) {
            return "not found";
        }
    }

    static Map<String, String> fields(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(line);
        while (m.find()) {
            fields.put(m.group(1), m.group(2));
        }
        return fields;
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** 10k, 100k, 1M, 10M. */
    static String label(long triples) {
        if (triples >= 1_000_000 && triples % 1_000_000 == 0) {
            return triples / 1_000_000 + "M";
        }
        if (triples >= 1_000 && triples % 1_000 == 0) {
            return triples / 1_000 + "k";
        }
        return Long.toString(triples);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static double[] doubles(List<Map<String, String>> runs, String field) {
        return runs.stream().mapToDouble(r -> Double.parseDouble(r.get(field))).sorted().toArray();
    }

    static double median(double[] sorted) {
        return median(Arrays.stream(sorted).boxed().toList());
    }
}
