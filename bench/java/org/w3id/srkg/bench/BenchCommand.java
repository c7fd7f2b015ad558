package org.w3id.srkg.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.w3id.srkg.cli.Srkg;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar target/srkg-bench.jar}: only parses the options; {@link Benchmark} does the work. The benchmark
 * is a program of its own beside srkg's jar, not a command of it: it runs srkg (and stock Fuseki, Oxigraph) as the
 * processes it measures.
 */
@Command(name = "srkg-bench", mixinStandardHelpOptions = true,
        description = "Benchmark srkg against stock Fuseki, TDB2 and Oxigraph; writes docs/BENCHMARKS.md.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--root", defaultValue = ".", description = "The srkg checkout: ontology, curated seeds, competency questions (default: ${DEFAULT-VALUE}).")
    Path root;

    @Option(names = "--quick", description = "10k and 100k triples, 2 repetitions, short HTTP runs: under 3 minutes.")
    boolean quick;

    @Option(names = "--sizes", split = ",", description = "Synthetic sizes in triples (default: 10000,100000 quick; 10000,100000,1000000,10000000 full).")
    List<Long> sizes;

    @Option(names = "--query-size", description = "The size served for query and HTTP measurements (default: 100000 quick, 1000000 full).")
    Long querySize;

    @Option(names = "--seed", defaultValue = "1", description = "Seed number of the synthetic data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--work", defaultValue = "target/bench", description = "Generated data, dumps, logs, Oxigraph install (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--out", description = "Where the report is written (default: docs/BENCHMARKS.md;"
            + " target/bench/HOSTILE.md with --hostile-only).")
    Path out;

    @Option(names = "--reload-during-load", description = "Also serve the curated graph with srkg serve --enable-reload"
            + " under 8 clients and send an authenticated POST /$/reload halfway through a window of at least 6 s"
            + " (always on with --quick, where it adds about 8 s).")
    boolean reloadDuringLoad;

    @Option(names = "--hostile-only", description = "Only the hostile mix: srkg on the curated graph, honest clients"
            + " alone, then beside 20 attackers from one address and from 20 (about a minute); writes"
            + " target/bench/HOSTILE.md unless --out is given.")
    boolean hostileOnly;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<Long> chosen = sizes != null ? sizes.stream().sorted().toList()
                : quick ? List.of(10_000L, 100_000L) : List.of(10_000L, 100_000L, 1_000_000L, 10_000_000L);
        long served = querySize != null ? querySize : quick ? 100_000L : 1_000_000L;
        if (!chosen.contains(served)) {
            System.err.println("srkg-bench: --query-size " + served + " must be one of --sizes " + chosen);
            return 1;
        }
        String command = "java -jar target/srkg-bench.jar" + (quick ? " --quick" : "")
                + (sizes != null ? " --sizes " + String.join(",", sizes.stream().map(String::valueOf).toList()) : "")
                + (querySize != null ? " --query-size " + querySize : "") + (seed != 1 ? " --seed " + seed : "")
                + (reloadDuringLoad ? " --reload-during-load" : "") + (hostileOnly ? " --hostile-only" : "");
        Path report = out != null ? out : hostileOnly ? work.resolve("HOSTILE.md") : Path.of("docs/BENCHMARKS.md");
        Benchmark.Options options = new Benchmark.Options(root, work, report, quick, chosen, served, seed,
                quick ? 2 : 5, Duration.ofSeconds(quick ? 1 : 3), Duration.ofSeconds(quick ? 2 : 10), command,
                reloadDuringLoad || quick, hostileOnly, Srkg.class.getName());
        System.out.print(Benchmark.run(options, System.err));
        System.out.println("srkg-bench: written to " + report);
        return 0;
    }
}
