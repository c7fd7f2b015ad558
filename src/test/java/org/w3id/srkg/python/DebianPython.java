package org.w3id.srkg.python;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Python that notebook users have: Debian's /usr/bin/python3 with Debian's packages of Jupyter, rdflib,
 * SPARQLWrapper, pandas and matplotlib, installed with apt-get when missing (CI machines run as root). Not the
 * python3 first on PATH, which may be a pyenv or virtualenv interpreter without these modules.
 */
public final class DebianPython {

    /**
     * Another install (unattended upgrades, a parallel test run) holding the package manager's lock made apt-get
     * fail at once; waiting up to 10 minutes for the lock is shorter than the run it would otherwise fail.
     */
    static final String WAIT_FOR_LOCK = "-oDPkg::Lock::Timeout=600";

    public static final Path PYTHON = Path.of("/usr/bin/python3");
    /** Debian 12 names; networkx draws the actor network. */
    public static final List<String> PACKAGES = List.of("jupyter-nbconvert", "python3-nbclient", "python3-ipykernel",
            "python3-sparqlwrapper", "python3-rdflib", "python3-pandas", "python3-matplotlib", "python3-networkx");

    private static boolean ready;

    private DebianPython() {
    }

    /** Installs whatever of {@link #PACKAGES} is missing; fails, saying what to install, if it cannot. */
    public static synchronized void ensureInstalled() throws IOException, InterruptedException {
        if (ready) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String pkg : PACKAGES) {
            Result status = run(List.of("dpkg-query", "-W", "-f=${Status}", pkg), Path.of("."), Map.of(), 60);
            if (status.code() != 0 || !status.output().contains("install ok installed")) {
                missing.add(pkg);
            }
        }
        if (!missing.isEmpty()) {
            Result update = run(List.of("apt-get", WAIT_FOR_LOCK, "update"), Path.of("."),
                    Map.of("DEBIAN_FRONTEND", "noninteractive"), 900);
            List<String> install = new ArrayList<>(List.of("apt-get", WAIT_FOR_LOCK, "install", "-y"));
            install.addAll(missing);
            Result installed = run(install, Path.of("."), Map.of("DEBIAN_FRONTEND", "noninteractive"), 1800);
            if (installed.code() != 0) {
                throw new AssertionError("cannot install " + missing + " (run as root: apt-get update && "
                        + String.join(" ", install) + ")\n" + update.output() + installed.output());
            }
        }
        if (!Files.isExecutable(PYTHON)) {
            throw new AssertionError(PYTHON + " is missing after installing " + PACKAGES);
        }
        ready = true;
    }

    /** What a process printed (standard output and error together) and its exit code. */
    public record Result(int code, String output) {
    }

    /**
     * Runs a command with /usr/bin first on PATH and without the variables that point Python elsewhere.
     *
     * @param seconds how long before the process is killed: a hung kernel must not hang the build
     */
    public static Result run(List<String> command, Path dir, Map<String, String> env, long seconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Path log = Files.createTempFile("srkg-process", ".log");
        builder.redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("PYTHON") || k.startsWith("PYENV") || k.equals("VIRTUAL_ENV"));
        environment.put("PATH", "/usr/bin:/bin:/usr/sbin:/sbin");
        environment.putAll(env);
        Process process = builder.start();
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Result(-1, "killed after " + seconds + " s: " + command + "\n" + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
