package io.github.discordgateway.benchmarks.e2e;

import io.github.discordgateway.autoconfigure.transport.SpringWebSocketTransport;
import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.ratelimit.LocalIdentifyLimiter;
import io.github.discordgateway.core.scheduling.ExecutorGatewayScheduler;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardState;
import io.github.discordgateway.core.transport.GatewayTransport;
import io.github.discordgateway.core.transport.jdk.JdkWebSocketTransport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;

/**
 * Memory of idle shards: for each shard count (default 10 and 200) a fresh client JVM connects that
 * many shards (of 200, 20 guilds each) to the fake (in its own JVM), waits until every GUILD_CREATE
 * is in and the shards are idle, runs full GCs and reports the used heap, the RSS and the live
 * threads. Retained heap per shard = (heap with 200 - heap with 10) / 190.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar \
 *     io.github.discordgateway.benchmarks.e2e.MemoryBenchmark --shards=10,200
 * </pre>
 *
 * Options: {@code --shards=10,200 --total-shards=200 --guilds-per-shard=20 --settle-ms=3000
 * --compression=zlib-stream --client-jvm-options=-Xmx512m --transport=spring|jdk --tls}. {@code
 * --transport} picks the client's transport (spring-websocket over Tomcat, the default, or the
 * JDK's WebSocket client); {@code --tls} puts a TLS relay ({@link TlsRelay}) in front of the fake,
 * so the shards connect over {@code wss://} as they do to Discord. The fake and the client use an
 * identify window of 100 ms (not Discord's 5 s) so that 200 shards connect in seconds; the client
 * then idles with one heartbeat every 41.25 s.
 */
public final class MemoryBenchmark {

  private MemoryBenchmark() {}

  /**
   * One client JVM's figures.
   *
   * @param shards connected shards
   * @param heapBytes used heap after full GCs
   * @param rssBytes resident set size
   * @param threads live threads
   * @param threadGroups live threads by name pattern
   */
  public record Sample(
      int shards, long heapBytes, long rssBytes, int threads, String threadGroups) {}

  /**
   * Runs the benchmark (or, with {@code --client}, one client JVM).
   *
   * @param argv the options
   * @throws Exception when shards cannot connect
   */
  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    if (args.has("client")) {
      client(args);
      return;
    }
    List<Integer> counts = new ArrayList<>();
    for (String count : args.get("shards", "10,200").split(",")) {
      counts.add(Integer.parseInt(count.trim()));
    }
    List<Sample> samples =
        run(
            counts,
            args.getInt("total-shards", 200),
            args.getInt("guilds-per-shard", 20),
            args.getLong("settle-ms", 3_000),
            args.get("compression", "zlib-stream"),
            args.get("client-jvm-options", ""),
            args.has("histogram"),
            args.get("transport", "spring"),
            args.has("tls"));
    System.out.println(
        "transport " + args.get("transport", "spring") + (args.has("tls") ? " over wss://" : ""));
    print(samples, System.out);
  }

  /**
   * Measures each shard count in a fresh client JVM against one fake process.
   *
   * @param counts shard counts to connect (the first and last give the per-shard figure)
   * @param totalShards the shard count of the bot
   * @param guildsPerShard guilds each shard receives
   * @param settleMs idle time before measuring
   * @param compression the transport compression
   * @param jvmOptions options of the client JVMs, space separated
   * @param histogram whether the client JVMs print a class histogram to stderr
   * @return one sample per count
   * @throws Exception when a client fails
   */
  public static List<Sample> run(
      List<Integer> counts,
      int totalShards,
      int guildsPerShard,
      long settleMs,
      String compression,
      String jvmOptions,
      boolean histogram)
      throws Exception {
    return run(
        counts,
        totalShards,
        guildsPerShard,
        settleMs,
        compression,
        jvmOptions,
        histogram,
        "spring",
        false);
  }

  /**
   * Measures each shard count in a fresh client JVM against one fake process.
   *
   * @param counts shard counts to connect (the first and last give the per-shard figure)
   * @param totalShards the shard count of the bot
   * @param guildsPerShard guilds each shard receives
   * @param settleMs idle time before measuring
   * @param compression the transport compression
   * @param jvmOptions options of the client JVMs, space separated
   * @param histogram whether the client JVMs print a class histogram to stderr
   * @param transport the client's transport: spring or jdk
   * @param tls whether the client connects over {@code wss://} (through a {@link TlsRelay})
   * @return one sample per count
   * @throws Exception when a client fails
   */
  public static List<Sample> run(
      List<Integer> counts,
      int totalShards,
      int guildsPerShard,
      long settleMs,
      String compression,
      String jvmOptions,
      boolean histogram,
      String transport,
      boolean tls)
      throws Exception {
    List<Sample> samples = new ArrayList<>();
    try (FakeGatewayProcess fake =
            FakeGatewayProcess.start(
                List.of(
                    "--shards=" + totalShards,
                    "--max-concurrency=16",
                    "--identify-window-ms=100",
                    "--guilds-per-shard=" + guildsPerShard,
                    "--members-per-guild=8"));
        TlsRelay relay = tls ? TlsRelay.start(fake.gatewayUrl()) : null) {
      String gatewayUrl = relay == null ? fake.gatewayUrl() : relay.gatewayUrl();
      for (int count : counts) {
        List<String> command = new ArrayList<>();
        command.add(FakeGatewayProcess.javaExecutable());
        for (String option : jvmOptions.trim().split("\\s+")) {
          if (!option.isEmpty()) {
            command.add(option);
          }
        }
        if (relay != null) {
          command.addAll(relay.clientJvmOptions());
        }
        command.addAll(
            List.of(
                "-cp",
                System.getProperty("java.class.path"),
                MemoryBenchmark.class.getName(),
                "--client",
                "--gateway=" + gatewayUrl,
                "--transport=" + transport,
                "--token=" + fake.token(),
                "--count=" + count,
                "--total-shards=" + totalShards,
                "--guilds-per-shard=" + guildsPerShard,
                "--settle-ms=" + settleMs,
                "--compression=" + compression,
                histogram ? "--histogram" : "--no-histogram"));
        Process process =
            new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Sample sample = null;
        try (BufferedReader out =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = out.readLine()) != null) {
            if (line.startsWith("RESULT ")) {
              String[] w = line.split(" ", 6);
              sample =
                  new Sample(
                      Integer.parseInt(w[1]),
                      Long.parseLong(w[2]),
                      Long.parseLong(w[3]),
                      Integer.parseInt(w[4]),
                      w[5]);
            }
          }
        }
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0 || sample == null) {
          process.destroyForcibly();
          throw new IllegalStateException("the client JVM with " + count + " shards failed");
        }
        samples.add(sample);
      }
    }
    return samples;
  }

  private static void client(Args args) throws Exception {
    int count = args.getInt("count", 10);
    int total = args.getInt("total-shards", 200);
    int guilds = args.getInt("guilds-per-shard", 20);
    ExecutorGatewayScheduler scheduler =
        ExecutorGatewayScheduler.create("discord-gateway-timer", 1);
    GatewayTransport transport =
        "jdk".equals(args.get("transport", "spring"))
            ? new JdkWebSocketTransport(16 << 20, Duration.ofSeconds(10))
            : new SpringWebSocketTransport(
                SpringWebSocketTransport.standardClient(4), 16 << 20, Duration.ofSeconds(10));
    ClientMode.Target target =
        new ClientMode.Target(
            args.get("gateway", null),
            args.get("token", null),
            Compression.parse(args.get("compression", "zlib-stream")),
            transport,
            total,
            16,
            -1);
    try (ShardManager manager =
        ShardManager.builder(CoreClientMode.settings(target), transport)
            .gatewayUrl(target.gatewayUrl())
            .totalShards(total)
            .shardIds("0-" + (count - 1))
            .maxConcurrency(16)
            .scheduler(scheduler)
            .identifyLimiter(
                new LocalIdentifyLimiter(Clock.systemUTC(), scheduler, Duration.ofMillis(150)))
            .listener(event -> {})
            .build()) {
      manager.start().get(5, TimeUnit.MINUTES);
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (!allGuildsIn(manager, guilds) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      if (!allGuildsIn(manager, guilds)) {
        throw new IllegalStateException("not every GUILD_CREATE arrived");
      }
      Thread.sleep(args.getLong("settle-ms", 3_000));
      long heap = JvmStats.heapAfterFullGc();
      long rss = JvmStats.rssBytes();
      int threads = JvmStats.liveThreads();
      StringBuilder groups = new StringBuilder();
      for (Map.Entry<String, Integer> e : JvmStats.threadGroups().entrySet()) {
        groups.append(e.getKey().replace(' ', '_')).append('=').append(e.getValue()).append(',');
      }
      if (args.has("histogram")) {
        System.err.println(histogram());
      }
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      out.println("RESULT " + count + " " + heap + " " + rss + " " + threads + " " + groups);
    } finally {
      scheduler.close();
    }
  }

  /**
   * Returns the class histogram of the live heap (the output of {@code jcmd GC.class_histogram}).
   */
  static String histogram() throws Exception {
    return (String)
        ManagementFactory.getPlatformMBeanServer()
            .invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"),
                "gcClassHistogram",
                new Object[] {new String[0]},
                new String[] {String[].class.getName()});
  }

  private static boolean allGuildsIn(ShardManager manager, int guildsPerShard) {
    for (ShardState state : manager.states()) {
      if (state.guildCount() < guildsPerShard) {
        return false;
      }
    }
    return true;
  }

  static void print(List<Sample> samples, PrintStream out) {
    out.println("| shards | heap after GC | RSS | live threads |");
    out.println("|---:|---:|---:|---:|");
    for (Sample s : samples) {
      out.printf(
          Locale.ROOT,
          "| %d | %.1f MiB | %.1f MiB | %d |%n",
          s.shards(),
          s.heapBytes() / 1048576.0,
          s.rssBytes() / 1048576.0,
          s.threads());
    }
    if (samples.size() >= 2) {
      Sample low = samples.get(0);
      Sample high = samples.get(samples.size() - 1);
      out.printf(
          Locale.ROOT,
          "retained heap per shard: %.1f KiB; RSS per shard: %.1f KiB; threads at %d shards: %d%n",
          (high.heapBytes() - low.heapBytes()) / 1024.0 / (high.shards() - low.shards()),
          (high.rssBytes() - low.rssBytes()) / 1024.0 / (high.shards() - low.shards()),
          high.shards(),
          high.threads());
      out.println("threads at " + high.shards() + " shards: " + high.threadGroups());
    }
  }
}
