package org.powexchange.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One application node: the packaged jar started as its own JVM (-Xmx384m) on a PostgreSQL database,
 * with the job executor on, from the jar's extracted form (see {@link #launchJar()}). {@link #kill()} is a SIGKILL (Process.destroyForcibly): no shutdown hook runs.
 */
public final class AppNode implements AutoCloseable {

    private final String name;
    private final int port;
    private final List<String> args;
    private final Path log;
    private Process process;
    private long startedAt;

    /** The first port of the nodes (-Dpow.it.port, default 8185): a second build on the machine picks another. */
    public static final int FIRST_PORT = Integer.getInteger("pow.it.port", 8185);

    public AppNode(String name, int port, String database, String... extraArgs) {
        this.name = name;
        this.port = port;
        this.log = Path.of("target", "it-logs", name + ".log");
        List<String> a = new ArrayList<>(List.of(
                "--spring.profiles.active=postgres",
                "--server.port=" + port,
                "--spring.datasource.url=" + Pg.url(database),
                "--spring.datasource.username=" + Pg.USER,
                "--spring.datasource.hikari.maximum-pool-size=8",
                "--camunda.bpm.job-execution.enabled=true",
                "--camunda.bpm.job-execution.deployment-aware=false",
                "--camunda.bpm.job-execution.wait-time-in-millis=500",
                "--camunda.bpm.job-execution.max-wait=2000",
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                // the tests act as the neutral party (through /api); no simulated one competes for its tasks
                "--powexchange.demo.simulated-neutral-party.enabled=false",
                // nor the demo seed: its two exchanges cost every first start time and, driven on in the background
                // while CrashIT kills the node, could leave a job of their own behind (DemoSeedTest covers it)
                "--powexchange.demo.seed.enabled=false",
                "--logging.level.root=WARN",
                "--logging.level.org.camunda.bpm.engine.jobexecutor=WARN"));
        a.addAll(List.of(extraArgs));
        this.args = a;
    }

    public static String jar() {
        String p = System.getProperty("pow.jar");
        if (p != null && new File(p).isFile()) {
            return p;
        }
        File[] found = new File("target").listFiles((d, n) -> n.startsWith("pow-exchange-") && n.endsWith(".jar"));
        if (found == null || found.length == 0) {
            throw new IllegalStateException("the packaged jar target/pow-exchange-*.jar is missing: run ./mvnw package first");
        }
        return found[0].getPath();
    }

    private static String extracted;

    /**
     * The packaged jar extracted once per test JVM (Spring Boot's {@code -Djarmode=tools extract}: the application
     * jar beside its libraries, the way docs/operations.md suggests running it in production). A node starts from
     * it in about two thirds of the time and CPU of the nested jar (measured 15 s against 22–26 s on a busy
     * 2-core machine); ClusterIT and CrashIT start nine nodes between them.
     */
    static synchronized String launchJar() throws IOException {
        if (extracted != null) {
            return extracted;
        }
        Path dir = Path.of("target", "it-app").toAbsolutePath();
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        Path jar = Path.of(jar()).toAbsolutePath();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", dir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!p.waitFor(2, java.util.concurrent.TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("could not extract " + jar + " into " + dir);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting " + jar, e);
        }
        extracted = dir.resolve(jar.getFileName()).toString();
        return extracted;
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public String name() {
        return name;
    }

    public AppNode start() throws IOException {
        Files.createDirectories(log.getParent());
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-jar", launchJar()));
        cmd.addAll(args);
        startedAt = System.nanoTime();
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return this;
    }

    /** Waits until /actuator/health answers UP. */
    public AppNode awaitUp(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    System.out.printf("%s up in %d ms%n", name, (System.nanoTime() - startedAt) / 1_000_000);
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not come up within " + timeout + "; see " + log);
    }

    /** SIGKILL: the JVM dies at once, in the middle of whatever it does. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
