package io.github.discordgateway.benchmarks.e2e;

import io.github.discordgateway.benchmarks.Payloads;
import io.github.discordgateway.test.FakeDiscordGateway;
import io.github.discordgateway.test.FakeDispatch;
import io.github.discordgateway.test.FakeGuild;
import io.github.discordgateway.test.PreparedStream;
import io.github.discordgateway.test.RenderedStream;
import io.github.discordgateway.test.StreamResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The fake gateway as a process of its own, so that its CPU is not the client's: started by {@link
 * FakeGatewayProcess}, it prints {@code READY <port> <gateway url> <token>} and then answers one
 * command per line on stdin:
 *
 * <ul>
 *   <li>{@code stream <shard> <count>}: writes {@code count} MESSAGE_CREATE (~1.2 KB) to the shard
 *       as fast as the socket takes them, from a {@link PreparedStream} encoded at start-up;
 *       answers {@code streamed <payloads> <frames> <bytes> <elapsedNanos>}.
 *   <li>{@code paced <shard> <count> <perSecond>}: sends {@code count} MESSAGE_CREATE at a steady
 *       rate; answers {@code paced <sent> <elapsedNanos>}.
 *   <li>{@code cpu}: answers {@code cpu <process CPU nanoseconds>}.
 *   <li>{@code quit}: exits.
 * </ul>
 *
 * Options: {@code --shards=1 --max-concurrency=1 --identify-window-ms=5000 --heartbeat-ms=41250
 * --guilds-per-shard=0 --members-per-guild=8 --distinct-events=1000}.
 */
public final class FakeGatewayMain {

  private FakeGatewayMain() {}

  /**
   * Runs the fake until {@code quit} or the end of stdin.
   *
   * @param argv the options
   * @throws IOException when stdin fails
   */
  public static void main(String[] argv) throws IOException {
    Args args = new Args(argv);
    int shards = args.getInt("shards", 1);
    int guildsPerShard = args.getInt("guilds-per-shard", 0);
    int members = args.getInt("members-per-guild", 8);
    int distinct = args.getInt("distinct-events", 1_000);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (FakeDiscordGateway gateway =
        FakeDiscordGateway.builder()
            .shards(shards)
            .maxConcurrency(args.getInt("max-concurrency", 1))
            .identifyWindow(Duration.ofMillis(args.getLong("identify-window-ms", 5_000)))
            .heartbeatInterval(Duration.ofMillis(args.getLong("heartbeat-ms", 41_250)))
            .sessionStartLimit(10_000, 10_000)
            .guilds(
                args.getBoolean("stream-guild", false)
                    ? guilds(shards, Math.max(1, guildsPerShard), members)
                    : guilds(shards, guildsPerShard, members))
            .start()) {
      List<FakeDispatch> events = Payloads.messageCreates(distinct);
      PreparedStream prepared = PreparedStream.of(events);
      // with --stream-guild, every shard streams messages of its own guild (which it knows from
      // GUILD_CREATE, as clients with a cache such as JDA need)
      boolean streamGuild = args.getBoolean("stream-guild", false);
      List<FakeGuild> streamGuilds = streamGuild ? guilds(shards, 1, members) : List.of();
      Map<Integer, PreparedStream> perShard = new HashMap<>();
      Map<Integer, RenderedStream> rendered = new HashMap<>();
      out.println("READY " + gateway.port() + " " + gateway.gatewayUrl() + " " + gateway.token());
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null) {
        String[] words = line.trim().split("\\s+");
        switch (words[0]) {
          case "prepare" -> {
            int shard = Integer.parseInt(words[1]);
            long count = Long.parseLong(words[2]);
            boolean zlib =
                gateway
                    .connection(shard)
                    .orElseThrow(() -> new IllegalStateException("shard " + shard + " is offline"))
                    .zlibStream();
            long start = System.nanoTime();
            PreparedStream source =
                streamGuild
                    ? perShard.computeIfAbsent(
                        shard,
                        s ->
                            PreparedStream.of(
                                Payloads.messageCreates(distinct, streamGuilds.get(s))))
                    : prepared;
            RenderedStream stream =
                source.render(
                    gateway.lastSequence(shard) + 1,
                    count,
                    zlib,
                    gateway.config().compressedFrameSize());
            rendered.put(shard, stream);
            out.println(
                "prepared " + count + " " + stream.bytes() + " " + (System.nanoTime() - start));
          }
          case "stream" -> {
            int shard = Integer.parseInt(words[1]);
            long count = Long.parseLong(words[2]);
            int repetitions = (int) Math.max(1, (count + distinct - 1) / distinct);
            RenderedStream ready = rendered.remove(shard);
            StreamResult result =
                ready != null && ready.payloads() == count
                    ? gateway.stream(shard, ready)
                    : gateway.stream(shard, prepared, repetitions);
            out.println(
                "streamed "
                    + result.payloads()
                    + " "
                    + result.frames()
                    + " "
                    + result.bytes()
                    + " "
                    + result.elapsed().toNanos());
          }
          case "paced" -> {
            int shard = Integer.parseInt(words[1]);
            long count = Long.parseLong(words[2]);
            double perSecond = Double.parseDouble(words[3]);
            long interval = (long) (1_000_000_000L / perSecond);
            long start = System.nanoTime();
            long next = start;
            long sent = 0;
            for (long i = 0; i < count; i++) {
              long wait = next - System.nanoTime();
              if (wait > 0) {
                LockSupport.parkNanos(wait);
              }
              next += interval;
              sent += gateway.dispatch(shard, events.get((int) (i % events.size())));
            }
            out.println("paced " + sent + " " + (System.nanoTime() - start));
          }
          case "cpu" -> out.println("cpu " + JvmStats.processCpuNanos());
          case "quit" -> {
            return;
          }
          default -> out.println("error unknown command " + words[0]);
        }
      }
    }
  }

  /** Guilds whose ids route {@code perShard} of them to every shard. */
  static List<FakeGuild> guilds(int shards, int perShard, int members) {
    List<FakeGuild> guilds = new ArrayList<>(shards * perShard);
    long timestamp = 100_000_000_000L; // ms since the Discord epoch (2018)
    long aligned = timestamp - timestamp % shards;
    for (int shard = 0; shard < shards; shard++) {
      for (int k = 0; k < perShard; k++) {
        // (id >> 22) % shards == shard
        long high = aligned + (long) k * shards + shard;
        String id = Long.toUnsignedString(high << 22);
        guilds.add(FakeGuild.generated(id, "guild-" + shard + "-" + k, members));
      }
    }
    return guilds;
  }
}
