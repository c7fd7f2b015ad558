package org.w3id.srkg.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.pipeline.PipelineException;
import org.w3id.srkg.pipeline.Problem;
import org.w3id.srkg.server.QueryLimits;
import org.w3id.srkg.server.Reloader;
import org.w3id.srkg.server.ServedDataset;
import org.w3id.srkg.server.ServerOptions;
import org.w3id.srkg.server.ServiceAllowlist;
import org.w3id.srkg.server.SparqlServer;
import org.w3id.srkg.store.Tdb2Store;
import org.w3id.srkg.web.Publication;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;

/** The srkg command line. */
@Command(name = "srkg", mixinStandardHelpOptions = true, version = "srkg 0.1.0",
        description = "Sino-Russian Relations Knowledge Graph: build, validate, query and serve.",
        subcommands = {Srkg.Build.class, Srkg.Validate.class, Srkg.Serve.class, QueryCommand.class,
                CoverageCommand.class})
public final class Srkg {

    static final int FAILED = 1;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Detailed logging.")
    boolean verbose;

    final PrintStream out;
    final PrintStream err;

    Srkg(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs one command and returns its exit code; the streams are parameters so tests can read them. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine cli = new CommandLine(new Srkg(out, err));
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setExecutionStrategy(parsed -> {
            for (CommandLine.ParseResult pr = parsed; pr != null; pr = pr.subcommand()) {
                if (pr.hasMatchedOption("--verbose")) {
                    Logging.verbose();
                }
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        return cli.execute(args);
    }

    /**
     * Prints every problem for a curator: grouped under the file it is in, in line order, each followed by what to
     * do about its kind of problem (once for a run of problems of the same kind).
     */
    void report(PipelineException failure) {
        Map<String, List<Problem>> byFile = new LinkedHashMap<>();
        failure.problems().forEach(p -> byFile.computeIfAbsent(p.file(), f -> new ArrayList<>()).add(p));
        byFile.forEach((file, problems) -> {
            err.println(file + " (" + problems.size() + (problems.size() == 1 ? " problem)" : " problems)"));
            String previous = null;
            for (Problem p : problems.stream().sorted(Comparator.comparingLong(Problem::line)).toList()) {
                err.println("  " + p);
                String hint = CuratorHints.hint(p).orElse(null);
                if (hint != null && !hint.equals(previous)) {
                    err.println("    what to do: " + hint);
                }
                previous = hint;
            }
        });
        err.println("srkg: " + failure.problems().size() + " problem(s) in " + byFile.size()
                + (byFile.size() == 1 ? " file" : " files") + ", nothing built");
    }

    abstract static class SeedCommand implements Callable<Integer> {
        @ParentCommand
        Srkg srkg;

        @Option(names = "--root", defaultValue = ".", description = "Seed root folder (default: ${DEFAULT-VALUE}).")
        Path root;

        @Override
        public Integer call() throws IOException {
            try {
                return run();
            } catch (PipelineException e) {
                srkg.report(e);
                return FAILED;
            }
        }

        abstract int run() throws PipelineException, IOException;
    }

    @Command(name = "build", description = "Build the knowledge graph and write srkg.trig, srkg.nq and srkg.ttl.")
    static final class Build extends SeedCommand {
        @Option(names = "--out", defaultValue = "target/dump", description = "Output folder (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--tdb2", paramLabel = "DIR", description = "Also load the graph into a TDB2 database in DIR, "
                + "replacing its content in one transaction.")
        Path tdb2;

        @Override
        int run() throws PipelineException {
            DatasetGraph dataset = Pipeline.publish(root, out);
            srkg.out.println("srkg: dump written to " + out);
            if (tdb2 != null) {
                DatasetGraph database = Tdb2Store.open(tdb2);
                try {
                    Tdb2Store.replace(database, dataset);
                } finally {
                    database.close();
                }
                srkg.out.println("srkg: TDB2 database written to " + tdb2);
            }
            return 0;
        }
    }

    @Command(name = "validate", description = "Parse the seeds and check them against the SHACL shapes.")
    static final class Validate extends SeedCommand {
        @Override
        int run() throws PipelineException {
            Pipeline.check(root);
            srkg.out.println("srkg: seeds are valid");
            return 0;
        }
    }

    @Command(name = "serve", description = "Build in memory and serve read-only SPARQL with Fuseki.")
    static final class Serve extends SeedCommand {
        /** An editor's save or a git checkout is a burst of events; one reload once they stop. */
        static final Duration WATCH_QUIET = Duration.ofMillis(500);

        @Option(names = "--host", defaultValue = SparqlServer.DEFAULT_HOST, description = "Address to bind (default: ${DEFAULT-VALUE}).")
        String host;

        @Option(names = "--port", defaultValue = "" + SparqlServer.DEFAULT_PORT, description = "Port (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--service-allow", paramLabel = "URL[=TARGET]",
                description = "An endpoint SERVICE may call (repeatable); URL=TARGET sends calls to URL to TARGET."
                        + " Given with --service-allowlist or not, these replace the default: "
                        + ServiceAllowlist.WIKIDATA)
        List<String> serviceAllow = new ArrayList<>();

        @Option(names = "--service-allowlist", paramLabel = "FILE",
                description = "A file of --service-allow entries, one a line ('#' comments); an empty file allows no SERVICE.")
        Path serviceAllowlist;

        @Option(names = "--public-base", defaultValue = Publication.DEFAULT_PUBLIC_BASE,
                description = "Namespace this server answers for: path /id/x is <BASE>id/x (default: ${DEFAULT-VALUE}).")
        String publicBase;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
                description = "Longest a query may run; a client's ?timeout= may only lower it (default: ${DEFAULT-VALUE}).")
        long timeoutSeconds;

        @Option(names = "--max-rows", paramLabel = "N", defaultValue = "" + QueryLimits.DEFAULT_MAX_ROWS,
                description = "Most rows (or triples) in one result; a longer result is cut and says so in the "
                        + "SRKG-Result-Truncated header (default: ${DEFAULT-VALUE}).")
        int maxRows;

        @Option(names = "--max-request-bytes", paramLabel = "N", defaultValue = "" + QueryLimits.DEFAULT_MAX_REQUEST_BYTES,
                description = "Largest request body; larger gets 413 (default: ${DEFAULT-VALUE}).")
        long maxRequestBytes;

        @Option(names = "--tdb2", paramLabel = "DIR",
                description = "Serve the TDB2 database in DIR (made by build --tdb2) instead of building in memory.")
        Path tdb2;

        @Option(names = "--watch", description = "Rebuild and swap in the graph when seeds/ or ontology/ change.")
        boolean watch;

        @Option(names = "--password-file", paramLabel = "FILE",
                description = "Users (lines 'user: password') allowed on the operator endpoints (--enable-*).")
        Path passwordFile;

        @Option(names = "--enable-reload", description = "Serve POST /$/reload (needs --password-file).")
        boolean enableReload;

        @Option(names = "--enable-stats", description = "Serve /$/stats (needs --password-file).")
        boolean enableStats;

        @Option(names = "--enable-metrics", description = "Serve /$/metrics (needs --password-file).")
        boolean enableMetrics;

        @Override
        int run() throws PipelineException, IOException {
            ServiceAllowlist services;
            try {
                services = allowlist();
            } catch (IllegalArgumentException e) {
                srkg.err.println("srkg: " + e.getMessage());
                return FAILED;
            }
            SparqlServer.preload();
            ServedDataset served;
            Reloader reloader;
            if (tdb2 != null) {
                if (!Files.isDirectory(tdb2)) {
                    srkg.err.println("srkg: no TDB2 database in " + tdb2 + "; make one with: srkg build --tdb2 " + tdb2);
                    return FAILED;
                }
                DatasetGraph database = Tdb2Store.open(tdb2);
                served = new ServedDataset(database);
                reloader = new Reloader(() -> Pipeline.build(root), Tdb2Store.reloadInto(database, served));
            } else {
                served = new ServedDataset(Pipeline.build(root));
                reloader = new Reloader(() -> Pipeline.build(root), served::swap);
            }
            FusekiServer server;
            try {
                QueryLimits limits = new QueryLimits(Duration.ofSeconds(timeoutSeconds), maxRows, maxRequestBytes);
                ServerOptions options = ServerOptions.DEFAULTS.withLimits(limits)
                        .withOperatorEndpoints(passwordFile, enableStats, enableMetrics, enableReload ? reloader : null)
                        .withServices(services).withPublicBase(publicBase);
                server = SparqlServer.start(served, host, port, options);
            } catch (RuntimeException e) {
                srkg.err.println("srkg: cannot start the server on " + host + ":" + port + ": " + e.getMessage());
                return FAILED;
            }
            if (watch) {
                reloader.watch(List.of(root.resolve("seeds"), root.resolve("ontology")), WATCH_QUIET);
            }
            srkg.out.println("srkg: SPARQL endpoint http://" + host + ":" + server.getPort() + "/sparql");
            srkg.out.println("srkg: SERVICE allowed to " + services);
            srkg.out.println("srkg: browse and query at http://" + host + ":" + server.getPort() + "/");
            server.join();
            return 0;
        }

        private ServiceAllowlist allowlist() throws IOException {
            if (serviceAllowlist == null && serviceAllow.isEmpty()) {
                return ServiceAllowlist.wikidata();
            }
            List<String> entries = new ArrayList<>();
            if (serviceAllowlist != null) {
                entries.addAll(ServiceAllowlist.readEntries(serviceAllowlist));
            }
            entries.addAll(serviceAllow);
            return ServiceAllowlist.parse(entries);
        }
    }
}
