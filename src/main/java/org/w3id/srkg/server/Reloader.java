package org.w3id.srkg.server;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.srkg.pipeline.PipelineException;

/**
 * Rebuilds the graph and hands it to the server; a build that fails changes nothing and is logged with its
 * problems. Reloads run one at a time. Started by {@code srkg serve --watch} (a change under the watched folders,
 * then a quiet period), by the authenticated {@code POST /$/reload}, or directly by {@link #reload()} (the
 * benchmark's load test calls that in the middle of its run).
 */
public final class Reloader implements AutoCloseable {

    /** How a dataset is built from the seeds: the pipeline, in practice. */
    @FunctionalInterface
    public interface Build {
        DatasetGraph build() throws PipelineException;
    }

    /** What one reload did. */
    public record Outcome(boolean reloaded, String message) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Reloader.class);
    private static final String FAILED = "reload failed, still serving the previous graph: ";

    private final Build build;
    private final Consumer<DatasetGraph> install;
    private WatchService watcher;
    private Thread watching;

    /**
     * @param build   makes the new dataset
     * @param install makes the server answer from it: {@link ServedDataset#swap} for an in-memory graph, a
     *                one-transaction replace for TDB2
     */
    public Reloader(Build build, Consumer<DatasetGraph> install) {
        this.build = build;
        this.install = install;
    }

    /**
     * Never throws: whatever one build throws, an Error included (a stack overflow, memory running out), is this
     * reload's failure, so the watcher and {@code POST /$/reload} live on and the previous graph stays served.
     */
    public synchronized Outcome reload() {
        DatasetGraph next;
        try {
            next = build.build();
            install.accept(next);
        } catch (PipelineException e) {
            StringBuilder why = new StringBuilder(FAILED)
                    .append(e.problems().size()).append(" problem(s)");
            e.problems().forEach(p -> why.append(System.lineSeparator()).append("  ").append(p));
            LOG.error("{}", why);
            return new Outcome(false, why.toString());
        } catch (Throwable e) {
            String why = FAILED + e;
            LOG.error(why, e);
            return new Outcome(false, why);
        }
        String done = "reloaded: " + next.stream().count() + " quads in " + next.size() + " named graphs";
        LOG.info(done);
        return new Outcome(true, done);
    }

    /**
     * Reloads whenever a file under {@code folders} changes, once no change has come for {@code quiet} (an editor
     * saving, a git checkout: many events, one reload). Runs on a daemon thread until {@link #close()}.
     */
    public synchronized void watch(List<Path> folders, Duration quiet) throws IOException {
        if (watcher != null) {
            throw new IllegalStateException("already watching");
        }
        watcher = FileSystems.getDefault().newWatchService();
        for (Path folder : folders) {
            registerTree(folder);
        }
        watching = new Thread(() -> watchLoop(quiet), "srkg-watch");
        watching.setDaemon(true);
        watching.start();
        LOG.info("watching {} for changes", folders);
    }

    private void watchLoop(Duration quiet) {
        try {
            while (true) {
                WatchKey key = watcher.take();
                drain(key);
                WatchKey more;
                while ((more = watcher.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                reload();
            }
        } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
            // close() ends the loop.
        }
    }

    /** Takes a key's events; a new folder (a new claims directory, say) is watched too. */
    private void drain(WatchKey key) {
        Path folder = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                Path created = folder.resolve((Path) event.context());
                if (Files.isDirectory(created)) {
                    try {
                        registerTree(created);
                    } catch (IOException e) {
                        LOG.warn("cannot watch {}: {}", created, e.toString());
                    }
                }
            }
        }
        key.reset();
    }

    private void registerTree(Path folder) throws IOException {
        try (Stream<Path> tree = Files.walk(folder)) {
            for (Path dir : tree.filter(Files::isDirectory).toList()) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (watcher != null) {
            watching.interrupt();
            watcher.close();
        }
    }
}
