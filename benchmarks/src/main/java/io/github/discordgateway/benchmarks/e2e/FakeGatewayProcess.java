package io.github.discordgateway.benchmarks.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link FakeGatewayMain} in a child JVM (same class path) and talks to it over its stdin
 * and stdout. The child's stderr (its log) goes to this process's stderr.
 */
final class FakeGatewayProcess implements AutoCloseable {

  private final Process process;
  private final PrintStream commands;
  private final BufferedReader replies;
  private final int port;
  private final String gatewayUrl;
  private final String token;

  private FakeGatewayProcess(Process process) throws IOException {
    this.process = process;
    this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
    this.replies =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String[] ready = expect("READY");
    this.port = Integer.parseInt(ready[1]);
    this.gatewayUrl = ready[2];
    this.token = ready[3];
  }

  /**
   * Starts the fake.
   *
   * @param options options of {@link FakeGatewayMain} ({@code --shards=32}, ...)
   * @return the running fake, ready for connections
   */
  static FakeGatewayProcess start(List<String> options) {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.add("-Xms256m");
    command.add("-Xmx2g");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(FakeGatewayMain.class.getName());
    command.addAll(options);
    try {
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      return new FakeGatewayProcess(process);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the fake gateway process", e);
    }
  }

  static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  int port() {
    return port;
  }

  String gatewayUrl() {
    return gatewayUrl;
  }

  String token() {
    return token;
  }

  /**
   * Renders the next {@code count} MESSAGE_CREATE of {@code shard} as finished frames (compressed
   * for a zlib-stream connection), so that the next {@link #stream} of that count only writes
   * ready-made buffers; returns the count, the wire bytes and the nanoseconds it took.
   */
  long[] prepare(int shard, long count) throws IOException {
    commands.println("prepare " + shard + " " + count);
    String[] reply = expect("prepared");
    return new long[] {
      Long.parseLong(reply[1]), Long.parseLong(reply[2]), Long.parseLong(reply[3])
    };
  }

  /** Streams {@code count} MESSAGE_CREATE as fast as possible; blocks until written. */
  long[] stream(int shard, long count) throws IOException {
    commands.println("stream " + shard + " " + count);
    String[] reply = expect("streamed");
    return new long[] {
      Long.parseLong(reply[1]),
      Long.parseLong(reply[2]),
      Long.parseLong(reply[3]),
      Long.parseLong(reply[4])
    };
  }

  /** Asks for {@code count} MESSAGE_CREATE at {@code perSecond} without waiting for the reply. */
  void startPaced(int shard, long count, double perSecond) {
    commands.println("paced " + shard + " " + count + " " + perSecond);
  }

  /** Waits for the reply of {@link #startPaced}: events sent and elapsed nanoseconds. */
  long[] awaitPaced() throws IOException {
    String[] reply = expect("paced");
    return new long[] {Long.parseLong(reply[1]), Long.parseLong(reply[2])};
  }

  /** Returns the CPU time the fake's process used so far. */
  long cpuNanos() throws IOException {
    commands.println("cpu");
    return Long.parseLong(expect("cpu")[1]);
  }

  private String[] expect(String word) throws IOException {
    String line;
    while ((line = replies.readLine()) != null) {
      String[] words = line.trim().split("\\s+");
      if (words[0].equals(word)) {
        return words;
      }
      if (words[0].equals("error")) {
        throw new IOException("fake gateway: " + line);
      }
    }
    throw new IOException("the fake gateway process ended before answering " + word);
  }

  @Override
  public void close() {
    commands.println("quit");
    commands.close();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
