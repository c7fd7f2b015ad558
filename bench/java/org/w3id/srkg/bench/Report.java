package org.w3id.srkg.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one benchmark run measured, and its rendering: the targets table first (each target as a ratio measured in
 * this run, whether it holds, and what would close it), then the tables it was computed from.
 */
final class Report {

    /** Medians over the repetitions of one ingest mode at one size; NaN where every repetition failed. */
    record Ingest(long inputTriples, double millis, double peakMiB, double retainedMiB, int runs) {
        double rate() {
            return inputTriples / (millis / 1000);
        }
    }

    record Http(HttpLoad.Result mix, HttpLoad.Result ceiling) {
    }

    record Target(String name, String measured, String threshold, Boolean holds, String toClose) {
    }

    private final Map<Long, Map<String, Ingest>> ingest = new TreeMap<>();
    private final Map<String, Map<String, String[]>[]> queries = new LinkedHashMap<>();
    private final Map<String, List<Http>> http = new LinkedHashMap<>();
    private final Map<String, Long> fullGcs = new LinkedHashMap<>();
    private final Map<String, Optional<HttpLoad.Result>> memory = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private ReloadDuringLoad.Result reload;
    private Duration reloadWarmUp;
    private Duration reloadMeasure;
    private HostileMix.Result hostile;
    private Duration hostileWarmUp;
    private Duration hostileMeasure;
    private long heapBefore;
    private long heapAfter;
    private double startupSrkg = Double.NaN;
    private double startupStock = Double.NaN;
    private long largestIn2g;
    private long largestTried;

    void ingest(long size, long inputTriples, String mode, List<Map<String, String>> runs) {
        ingest.computeIfAbsent(size, s -> new LinkedHashMap<>()).put(mode, runs.isEmpty()
                ? new Ingest(inputTriples, Double.NaN, Double.NaN, Double.NaN, 0)
                : new Ingest(inputTriples, Benchmark.median(Benchmark.doubles(runs, "millis")),
                Benchmark.median(Benchmark.doubles(runs, "peakMiB")),
                Benchmark.median(Benchmark.doubles(runs, "retainedMiB")), runs.size()));
    }

    @SuppressWarnings("unchecked")
    void queries(String data, Map<String, String[]> srkg, Map<String, String[]> oxigraph) {
        queries.put(data, new Map[] {srkg, oxigraph});
    }

    void http(String server, HttpLoad.Result mix, HttpLoad.Result ceiling) {
        http.computeIfAbsent(server, s -> new ArrayList<>()).add(new Http(mix, ceiling));
    }

    void fullGcs(String server, long count) {
        fullGcs.put(server, count);
    }

    void startup(double srkg, double stock) {
        startupSrkg = srkg;
        startupStock = stock;
    }

    void memory(String what, Optional<HttpLoad.Result> result) {
        memory.put(what, result);
    }

    void largestIn2g(long size, long tried) {
        largestIn2g = size;
        largestTried = tried;
    }

    void reload(ReloadDuringLoad.Result result, Duration warmUp, Duration measure) {
        reload = result;
        reloadWarmUp = warmUp;
        reloadMeasure = measure;
    }

    void hostile(HostileMix.Result result, Duration warmUp, Duration measure, long heapBeforeMiB, long heapAfterMiB) {
        hostile = result;
        hostileWarmUp = warmUp;
        hostileMeasure = measure;
        heapBefore = heapBeforeMiB;
        heapAfter = heapAfterMiB;
    }

    void note(String note) {
        notes.add(note);
    }

    String render(String header, Benchmark.Options options) {
        StringBuilder out = new StringBuilder("# srkg benchmarks\n\n");
        out.append("Written by `srkg-bench`; do not edit by hand (see the README, \"Benchmarks\").\n\n").append(header);
        out.append("\n## Targets\n\n").append(targets().markdown());
        notes.forEach(n -> out.append("\n").append(n).append("\n"));
        out.append("\n## Ingest\n\nThe same seed Turtle files for every loader, each file into a named graph of its own"
                + " (TDB2: its bulk loader, one run over all files). Medians of ").append(options.repetitions())
                .append(" runs (one above 1M triples; column \"runs\"), each in a fresh process. Rate: input triples (as parsed) per second of load time,"
                + " process start-up excluded. Peak: highest heap in use while loading (sampled every 5 ms; Oxigraph:"
                + " process RSS); retained: heap in use after a full GC with the data held.\n\n")
                .append(ingestTable().markdown());
        for (Map.Entry<String, Map<String, String[]>[]> q : queries.entrySet()) {
            out.append("\n## Competency questions in process: ").append(q.getKey()).append("\n\n")
                    .append("Median ms of warm runs (each query first runs over and over for a warm-up time, the same for"
                            + " both: 200 ms, 30 ms in quick mode); srkg over its built dataset (union default graph), Oxigraph over"
                            + " the same dump (`srkg.nq`) with `use_default_graph_as_union`. Rows: result rows of each.\n\n")
                    .append(queryTable(q.getValue()[0], q.getValue()[1]).markdown());
        }
        out.append("\n## HTTP\n\nClosed loop, each client one connection, the competency questions in turn (JSON"
                + " results, read to the end); ceiling: `ASK {}` on the same server at the same concurrency. Same"
                + " data: srkg serves the synthetic root it builds, the stock servers its dump (named graphs, and"
                + " the union as default graph).\n\n").append(httpTable().markdown());
        if (reload != null) {
            out.append("\n## Reload during load\n\n`srkg serve --password-file FILE --enable-reload` on the curated"
                    + " graph, the same mix and closed loop, ").append(reloadWarmUp.toSeconds()).append(" s warm-up + ")
                    .append(reloadMeasure.toSeconds()).append(" s measured; one `POST /$/reload` with HTTP Basic"
                    + " credentials (a password made up for the run) sent ").append(
                            ReloadDuringLoad.halfway(reloadWarmUp, reloadMeasure).toMillis() / 1000.0)
                    .append(" s after the load started, halfway through the measured window. Errors: non-200"
                    + " answers and I/O errors of the queries in the window.\n\n").append(reloadTable().markdown());
        }
        out.append("\n## Startup and memory\n\n").append(memoryTable().markdown());
        if (hostile != null) {
            out.append(hostileSection());
        }
        return out.toString();
    }

    private Table ingestTable() {
        Table table = new Table("size", "input triples", "loader", "runs", "median s", "triples/s", "vs txnmem", "vs parse",
                "peak MiB", "peak MiB per M triples", "retained MiB", "retained MiB per M triples");
        ingest.forEach((size, modes) -> {
            Ingest txnmem = modes.get("txnmem");
            Ingest parse = modes.get("parse");
            modes.forEach((mode, row) -> table.row(Benchmark.label(size), row.inputTriples(), mode, row.runs(),
                    Table.number(row.millis() / 1000), Table.number(row.rate()),
                    Table.ratio(row.rate() / txnmem.rate()), Table.ratio(row.rate() / parse.rate()),
                    Table.number(row.peakMiB()), Table.number(row.peakMiB() / (row.inputTriples() / 1e6)),
                    Table.number(row.retainedMiB()),
                    Table.number(row.retainedMiB() / (row.inputTriples() / 1e6))));
        });
        return table;
    }

    private static Table queryTable(Map<String, String[]> srkg, Map<String, String[]> oxigraph) {
        Table table = new Table("query", "srkg ms", "Oxigraph ms", "srkg / Oxigraph", "srkg rows", "Oxigraph rows");
        srkg.forEach((name, s) -> {
            String[] o = oxigraph.get(name);
            double ms = Double.parseDouble(s[0]);
            double oms = o == null ? Double.NaN : Double.parseDouble(o[0]);
            table.row(name, Table.number(ms), Table.number(oms), Table.ratio(ms / oms), s[1], o == null ? "" : o[1]);
        });
        table.row("geometric mean", "", "", Table.ratio(geometricMeanRatio(srkg, oxigraph)), "", "");
        return table;
    }

    static double geometricMeanRatio(Map<String, String[]> srkg, Map<String, String[]> oxigraph) {
        double logSum = 0;
        int n = 0;
        for (Map.Entry<String, String[]> e : srkg.entrySet()) {
            String[] o = oxigraph.get(e.getKey());
            if (o != null) {
                logSum += Math.log(Math.max(Double.parseDouble(e.getValue()[0]), 1e-3) / Math.max(Double.parseDouble(o[0]), 1e-3));
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.exp(logSum / n);
    }

    private Table httpTable() {
        Table table = new Table("server", "clients", "qps", "p50 ms", "p99 ms", "errors", "ASK {} qps",
                "mix / ceiling", "full GCs");
        http.forEach((server, rows) -> rows.forEach(r -> table.row(server, r.mix().clients(), Table.number(r.mix().qps()),
                Table.number(r.mix().p50()), Table.number(r.mix().p99()), r.mix().errors() + r.ceiling().errors(),
                Table.number(r.ceiling().qps()), Table.ratio(r.mix().qps() / r.ceiling().qps()),
                fullGcs.getOrDefault(server, -1L))));
        return table;
    }

    private Table reloadTable() {
        Table table = new Table("clients", "requests", "errors", "qps", "p50 ms", "p99 ms", "reload status",
                "reload ms", "reload answer");
        HttpLoad.Result load = reload.load();
        table.row(load.clients(), load.requests(), load.errors(), Table.number(load.qps()), Table.number(load.p50()),
                Table.number(load.p99()), reload.status() < 0 ? "no answer" : reload.status(),
                Table.number(reload.reloadMillis()), reload.message().lines().findFirst().orElse(""));
        return table;
    }

    /** Only the hostile mix, for {@code srkg-bench --hostile-only}. */
    String renderHostileOnly(String header) {
        StringBuilder out = new StringBuilder("# srkg benchmark: hostile mix\n\n");
        out.append("Written by `srkg-bench --hostile-only`.\n\n").append(header);
        List<Target> targets = new ArrayList<>();
        hostileTargets(targets);
        out.append("\n## Targets\n\n").append(targetTable(targets).markdown());
        return out.append(hostileSection()).toString();
    }

    private String hostileSection() {
        Table load = new Table("honest clients", "clients", "requests", "errors", "qps", "p50 ms", "p99 ms");
        loadRow(load, "alone", hostile.alone());
        loadRow(load, "beside " + hostile.attackers() + " attackers from one address", hostile.oneAddress().load());
        loadRow(load, "beside " + hostile.attackers() + " attackers from " + hostile.attackers() + " addresses",
                hostile.manyAddresses().load());
        return "\n## Hostile mix\n\n`srkg serve` (-Xmx" + HostileMix.HEAP_MIB + "m) with its default limits on the curated graph, SERVICE mapped to a local"
                + " endpoint that accepts and never answers. Honest clients (from 127.0.0.1) run every competency question"
                + " in a closed loop, " + hostileWarmUp.toSeconds() + " s warm-up + " + hostileMeasure.toSeconds()
                + " s measured, first alone, then beside " + hostile.attackers() + " attackers from 127.0.0.2, then beside "
                + hostile.attackers() + " attackers each from an address of its own (127.0.0.2 to 127.0.0."
                + (1 + hostile.attackers()) + "): one attack each in turn; a query attacker gives up after "
                + HostileMix.PATIENCE_MILLIS + " ms and sends again; a slow"
                + " body declares " + HostileMix.SLOW_BODY_LENGTH + " bytes and sends one every " + HostileMix.DRIP_MILLIS / 1000
                + " s. Errors: honest requests answered other than 200, or not within " + HostileMix.HONEST_PATIENCE.toSeconds() + " s.\n\n" + load.markdown()
                + "\nWhat the attackers got (\"no answer in time\": they gave up first; \"closed\": the server closed the"
                + " connection), and the connections made to the hanging SERVICE endpoint:\n\n" + attackTable().markdown()
                + "\nHeap in use after a full GC: " + heapBefore + " MiB before, "
                + (heapAfter < 0 ? "unknown" : heapAfter + " MiB") + " after the attacks. `/$/ping` after the attacks: "
                + (hostile.aliveAfter() ? "200" : "no answer") + ".\n";
    }

    private static void loadRow(Table table, String what, HttpLoad.Result r) {
        table.row(what, r.clients(), r.requests(), r.errors(), Table.number(r.qps()), Table.number(r.p50()),
                Table.number(r.p99()));
    }

    private Table attackTable() {
        Table table = new Table("attack", "from one address", "from " + hostile.attackers() + " addresses");
        for (HostileMix.Attack attack : HostileMix.Attack.values()) {
            table.row(attack.name().toLowerCase().replace('_', ' '), answers(hostile.oneAddress(), attack),
                    answers(hostile.manyAddresses(), attack));
        }
        table.row("SERVICE connections", hostile.oneAddress().serviceConnections(),
                hostile.manyAddresses().serviceConnections());
        return table;
    }

    private static String answers(HostileMix.Phase phase, HostileMix.Attack attack) {
        return phase.answers().getOrDefault(attack, Map.of()).entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("");
    }

    private void hostileTargets(List<Target> targets) {
        if (hostile == null) {
            return;
        }
        phaseTargets(targets, "from one address", hostile.oneAddress().load());
        phaseTargets(targets, "each from its own address", hostile.manyAddresses().load());
        targets.add(new Target("hostile mix: server answers /$/ping after the attacks", hostile.aliveAfter() ? "yes" : "no",
                "yes", hostile.aliveAfter(), "see logs/server-srkg-hostile.log"));
        // What an attack leaves behind must be small beside the heap it was given, whatever it took meanwhile.
        long bound = HostileMix.HEAP_MIB / 10;
        targets.add(new Target("hostile mix: heap in use after a full GC, after the attacks (before: " + heapBefore
                + " MiB)", heapAfter < 0 ? "unknown" : heapAfter + " MiB", "≤ " + bound + " MiB (10% of -Xmx)",
                heapAfter < 0 ? null : heapAfter <= bound,
                "something a query left behind: a heap histogram (jcmd GC.class_histogram)"));
    }

    private void phaseTargets(List<Target> targets, String how, HttpLoad.Result attacked) {
        targets.add(new Target("hostile mix: failed honest requests beside " + hostile.attackers() + " attackers " + how,
                attacked.errors() + " of " + attacked.requests(), "0", attacked.errors() == 0 && attacked.requests() > 0,
                "see logs/server-srkg-hostile.log and the attack table"));
        double p99 = attacked.p99() / hostile.alone().p99();
        targets.add(new Target("hostile mix: honest p99 beside attackers " + how + " vs alone", Table.ratio(p99), "≤ 2×",
                Double.isNaN(p99) ? null : p99 <= 2, "attackers from many addresses share the CPU with honest"
                        + " clients: a bound on running queries across all clients, with fair turns, or a query-time"
                        + " budget per client (docs/SECURITY.md, threat model)"));
    }

    private Table memoryTable() {
        Table table = new Table("measurement", "result");
        table.row("startup to first answer, curated graph: srkg (build + serve)", Table.number(startupSrkg) + " ms");
        table.row("startup to first answer, curated dump: stock Fuseki", Table.number(startupStock) + " ms");
        memory.forEach((what, result) -> table.row("serves: " + what, result
                .map(r -> "yes: " + Table.number(r.qps()) + " qps, " + r.errors() + " errors")
                .orElse("no (did not start or died)")));
        table.row("largest synthetic size served in 2 GiB", largestIn2g == 0 ? "none of those tried"
                : Benchmark.label(largestIn2g) + " (largest tried: " + Benchmark.label(largestTried) + ")");
        return table;
    }

    private Table targets() {
        List<Target> targets = new ArrayList<>();
        Optional<HttpLoad.Result> srkg8 = at("srkg", 8);
        Optional<HttpLoad.Result> stock8 = at("stock Fuseki", 8);
        Optional<HttpLoad.Result> buffered8 = at("stock + 32 KiB buffer", 8);
        if (srkg8.isPresent() && stock8.isPresent()) {
            double qps = srkg8.get().qps() / stock8.get().qps();
            targets.add(new Target("HTTP throughput vs stock Fuseki defaults, 8 clients", Table.ratio(qps), "≥ 3×",
                    qps >= 3, "the 5 MiB default buffer costs less on this data than on the issue's 1 M-triple run;"
                    + " larger results (bigger graph, CONSTRUCT) widen the gap"));
            double p99 = srkg8.get().p99() / stock8.get().p99();
            targets.add(new Target("HTTP p99 vs stock Fuseki defaults, 8 clients", Table.ratio(p99), "≤ 0.5×",
                    p99 <= 0.5, "as above"));
        }
        long gcs = fullGcs.getOrDefault("srkg", -1L);
        targets.add(new Target("full GCs in srkg's server during the load", Long.toString(gcs), "0", gcs == 0,
                "a larger -Xmx or fewer concurrent large results"));
        if (srkg8.isPresent() && buffered8.isPresent()) {
            double qps = srkg8.get().qps() / buffered8.get().qps();
            targets.add(new Target("HTTP throughput vs stock + 32 KiB buffer, 8 clients", Table.ratio(qps), "≥ 0.95×",
                    qps >= 0.95, "query evaluation: see the in-process competency-question rows"));
        }
        List<Http> srkgRows = http.getOrDefault("srkg", List.of());
        if (!srkgRows.isEmpty()) {
            Http last = srkgRows.get(srkgRows.size() - 1);
            targets.add(new Target("mix throughput as a fraction of the ASK {} ceiling, srkg, 8 clients",
                    Table.ratio(last.mix().qps() / last.ceiling().qps()), "reported", null, ""));
        }
        ingest.forEach((size, modes) -> {
            Ingest srkg = modes.get("srkg");
            double vsTxn = srkg.rate() / modes.get("txnmem").rate();
            double vsParse = srkg.rate() / modes.get("parse").rate();
            String label = Benchmark.label(size);
            if (Double.isNaN(vsTxn) || Double.isNaN(vsParse)) {
                targets.add(new Target("ingest " + label + ": whole pipeline vs stock txn-mem load and bare RIOT parse",
                        "no result", "≥ 1.0×, ≥ 0.5×", null, "a loader did not finish: see the notes and the ingest table"));
                return;
            }
            targets.add(new Target("ingest " + label + ": whole pipeline vs stock txn-mem load", Table.ratio(vsTxn),
                    "≥ 1.0×", vsTxn >= 1.0, "see \"What would close the gaps\" in docs/SCALING.md"));
            targets.add(new Target("ingest " + label + ": whole pipeline vs bare RIOT parse", Table.ratio(vsParse),
                    "≥ 0.5×", vsParse >= 0.5, "as above"));
        });
        List<Long> sizes = new ArrayList<>(ingest.keySet());
        if (sizes.size() >= 2) {
            long big = sizes.contains(1_000_000L) && sizes.contains(100_000L) ? 1_000_000L : sizes.get(sizes.size() - 1);
            long small = big == 1_000_000L ? 100_000L : sizes.get(sizes.size() - 2);
            Ingest b = ingest.get(big).get("srkg");
            Ingest s = ingest.get(small).get("srkg");
            double linear = (b.millis() / b.inputTriples()) / (s.millis() / s.inputTriples());
            targets.add(new Target("ingest time per triple, " + Benchmark.label(big) + " vs " + Benchmark.label(small)
                    + (big == 1_000_000L ? "" : " (quick mode: the issue's 1M vs 100k needs the full mode)"),
                    Table.ratio(linear), "≤ 1.5×", Double.isNaN(linear) ? null : linear <= 1.5, "GC pressure at size: a smaller retained footprint"));
        }
        queries.forEach((data, q) -> {
            double ratio = geometricMeanRatio(q[0], q[1]);
            targets.add(new Target("competency questions in process vs Oxigraph, " + data + " (geometric mean of"
                    + " latency ratios)", Table.ratio(ratio), "≤ 1.0× (aim)", Double.isNaN(ratio) ? null : ratio <= 1.0,
                    "ARQ's per-query set-up (parse, optimise, iterator tree) dominates on small graphs"));
        });
        if (reload != null) {
            boolean ok = reload.status() == 200 && reload.load().errors() == 0 && reload.load().requests() > 0;
            targets.add(new Target("failed queries while `POST /$/reload` swaps the curated graph under load, "
                    + reload.load().clients() + " clients", reload.load().errors() + " of " + reload.load().requests()
                    + " (reload: " + (reload.status() < 0 ? "no answer" : "HTTP " + reload.status()) + ", "
                    + Table.number(reload.reloadMillis()) + " ms)", "0, reload 200", ok,
                    "see logs/server-srkg-reload.log"));
        }
        targets.add(new Target("startup to first answer, curated graph", Table.number(startupSrkg) + " ms", "< 2000 ms",
                startupSrkg < 2000,
                "class-data sharing (AppCDS), a JVM option: see \"What would close the gaps\" in docs/SCALING.md"));
        double startup = startupSrkg / startupStock;
        targets.add(new Target("startup vs stock Fuseki loading the curated dump", Table.ratio(startup), "≤ 1.5×",
                startup <= 1.5, "srkg builds and checks the graph from seeds; serving a prebuilt dump would not"));
        memory.entrySet().stream().filter(e -> e.getKey().contains("256m")).findFirst().ifPresent(e -> {
            boolean ok = e.getValue().isPresent() && e.getValue().get().errors() == 0;
            targets.add(new Target("server with the curated graph in -Xmx256m", ok ? "serves" : "fails", "serves",
                    ok, ""));
        });
        targets.add(new Target("largest synthetic size served in -Xmx2g", largestIn2g == 0 ? "none"
                : Benchmark.label(largestIn2g), "reported", null, largestIn2g < largestTried
                ? "TDB2 on disk for what does not fit (docs/SCALING.md)" : ""));
        hostileTargets(targets);
        return targetTable(targets);
    }

    private static Table targetTable(List<Target> targets) {
        Table table = new Table("target", "measured", "threshold", "holds", "what would close it");
        targets.forEach(t -> table.row(t.name(), t.measured(), t.threshold(),
                t.holds() == null ? "–" : t.holds() ? "yes" : "NO", t.holds() == null || t.holds() ? "" : t.toClose()));
        return table;
    }

    private Optional<HttpLoad.Result> at(String server, int clients) {
        return http.getOrDefault(server, List.of()).stream().map(Http::mix).filter(r -> r.clients() == clients).findFirst();
    }
}
