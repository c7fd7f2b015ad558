package org.w3id.srkg.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import org.w3id.srkg.server.SparqlServer;

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

        @Override
        int run() throws PipelineException {
            Pipeline.publish(root, out);
            srkg.out.println("srkg: dump written to " + out);
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
        @Option(names = "--host", defaultValue = SparqlServer.DEFAULT_HOST, description = "Address to bind (default: ${DEFAULT-VALUE}).")
        String host;

        @Option(names = "--port", defaultValue = "" + SparqlServer.DEFAULT_PORT, description = "Port (default: ${DEFAULT-VALUE}).")
        int port;

        @Override
        int run() throws PipelineException {
            DatasetGraph dataset = Pipeline.build(root);
            FusekiServer server;
            try {
                server = SparqlServer.start(dataset, host, port);
            } catch (RuntimeException e) {
                srkg.err.println("srkg: cannot start the server on " + host + ":" + port + ": " + e.getMessage());
                return FAILED;
            }
            srkg.out.println("srkg: SPARQL endpoint http://" + host + ":" + server.getPort() + "/sparql");
            server.join();
            return 0;
        }
    }
}
