package io.github.discordgateway.test.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real {@code redis-server} process for tests: listens on 127.0.0.1 only, on a port that was free
 * when it was first started, keeps nothing on disk ({@code --save "" --appendonly no}, a temporary
 * directory) and can be stopped and started again on the same port to test a Redis restart (which
 * loses every key, as a restart without persistence does).
 *
 * <p>The {@code redis-server} binary must be on the {@code PATH} (Debian: {@code apt-get install
 * redis-server}); without it {@link #start()} fails with a message saying so.
 *
 * <pre>{@code
 * try (RedisServer redis = RedisServer.start()) {
 *   connect("127.0.0.1", redis.port());
 *   redis.restart();
 * }
 * }</pre>
 */
public final class RedisServer implements AutoCloseable {

  private static final String READY_LINE = "Ready to accept connections";
  private static final long START_TIMEOUT_SECONDS = 20;
  private static final long STOP_TIMEOUT_SECONDS = 10;
  private static final int LOG_LINES_KEPT = 40;

  private final String executable;
  private final int port;
  private final Path directory;
  private Process process;
  private final Deque<String> lastLines = new ArrayDeque<>();

  private RedisServer(String executable, int port, Path directory) {
    this.executable = executable;
    this.port = port;
    this.directory = directory;
  }

  /**
   * Starts {@code redis-server} from the {@code PATH} on a free loopback port.
   *
   * @return the running server
   * @throws IllegalStateException when the binary is missing or the server does not become ready
   */
  public static RedisServer start() {
    return start("redis-server");
  }

  /**
   * Starts this {@code redis-server} binary on a free loopback port.
   *
   * @param executable the binary (a name on the {@code PATH} or a path)
   * @return the running server
   */
  public static RedisServer start(String executable) {
    Path directory;
    try {
      directory = Files.createTempDirectory("gateway-redis-");
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    RedisServer server = new RedisServer(executable, freePort(), directory);
    server.startProcess();
    return server;
  }

  /** Returns the port on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** Returns the host, always {@code 127.0.0.1}. */
  public String host() {
    return "127.0.0.1";
  }

  /** Returns {@code redis://127.0.0.1:<port>}. */
  public String url() {
    return "redis://" + host() + ":" + port;
  }

  /** Returns whether the process is running. */
  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Stops the server (SIGTERM, then a kill after 10 s); every key is lost. Idempotent. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    Process running = process;
    process = null;
    running.destroy();
    try {
      if (!running.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        running.destroyForcibly().waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException ex) {
      running.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Starts the server again on the same port after {@link #stop()}, with no keys. */
  public synchronized void restart() {
    stop();
    startProcess();
  }

  /** Stops the server and deletes its directory. */
  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ex) {
      // a temporary directory left behind is harmless
    }
  }

  @Override
  public String toString() {
    return "RedisServer[" + url() + (isRunning() ? "" : ", stopped") + "]";
  }

  private synchronized void startProcess() {
    List<String> command =
        List.of(
            executable,
            "--port",
            String.valueOf(port),
            "--bind",
            "127.0.0.1",
            "--protected-mode",
            "yes",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            directory.toString(),
            "--daemonize",
            "no",
            "--logfile",
            "");
    Process started;
    try {
      started =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .start();
    } catch (IOException ex) {
      throw new IllegalStateException(
          "Cannot run '"
              + executable
              + "': the tests need a real Redis server (Debian/Ubuntu: apt-get install"
              + " redis-server)",
          ex);
    }
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(() -> readOutput(started, ready), "redis-server-" + port + "-output");
    reader.setDaemon(true);
    reader.start();
    try {
      ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException ex) {
      started.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting redis-server", ex);
    } catch (ExecutionException | TimeoutException ex) {
      started.destroyForcibly();
      throw new IllegalStateException(
          "redis-server on port " + port + " did not become ready; its last output:\n" + output(),
          ex);
    }
    process = started;
  }

  private void readOutput(Process started, CompletableFuture<Void> ready) {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        remember(line);
        if (line.contains(READY_LINE)) {
          ready.complete(null);
        }
      }
    } catch (IOException ex) {
      // the process ended; the exit below reports it
    }
    ready.completeExceptionally(new IllegalStateException("redis-server exited"));
  }

  private void remember(String line) {
    synchronized (lastLines) {
      if (lastLines.size() == LOG_LINES_KEPT) {
        lastLines.removeFirst();
      }
      lastLines.addLast(line);
    }
  }

  private String output() {
    synchronized (lastLines) {
      return String.join("\n", lastLines);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
