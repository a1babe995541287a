package io.github.discordgateway.autoconfigure.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.core.client.GatewaySettings;
import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.event.GatewayEventListener;
import io.github.discordgateway.core.event.ShardDispatch;
import io.github.discordgateway.core.event.ShardEvent;
import io.github.discordgateway.core.protocol.Intent;
import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.ratelimit.LocalIdentifyLimiter;
import io.github.discordgateway.core.shard.Shard;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardObserver;
import io.github.discordgateway.core.shard.ShardOptions;
import io.github.discordgateway.core.shard.ShardSignal;
import io.github.discordgateway.core.shard.ShardStatus;
import io.github.discordgateway.core.transport.ConnectionHandler;
import io.github.discordgateway.core.transport.GatewayConnection;
import io.github.discordgateway.core.transport.GatewayTransport;
import io.github.discordgateway.test.ClientPayload;
import io.github.discordgateway.test.FakeConnection;
import io.github.discordgateway.test.FakeDiscordGateway;
import io.github.discordgateway.test.SentDispatch;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A soak run over real loopback WebSockets: 8 shards receive a continuous event stream while the
 * fake gateway injects faults at random moments on random connected shards. Afterwards every
 * session the fake started is compared with what the listener received: exactly once, in order, no
 * gap, and everything of the live sessions. Heap and live threads are sampled during the run; at
 * the end every ended connection must be garbage, the heap must not have grown by more than what
 * the test keeps of every event, and the live threads must not have grown.
 *
 * <p>Two runs share the code: the short one in the normal suite, and the 30-minute one tagged
 * {@code soak}, which the build leaves out unless asked (README, "Reliability"): 240 faults over 30
 * minutes (one per shard per minute), 500 events per second, Discord's 41.25 s heartbeat and 5 s
 * identify window.
 *
 * <p>Randomized with a logged seed. System properties override either run's defaults (short run in
 * brackets): {@code soak.seed} [random], {@code soak.faults} [200], {@code soak.duration} [40s]
 * (the faults are spread over it), {@code soak.kinds} [all, comma separated {@link Fault} names],
 * {@code soak.rate} [200 events per second], {@code soak.heartbeat} [2s], {@code
 * soak.identifyWindow} [1s: the identify window of the fake and of the client's limiter, shortened
 * together from Discord's 5 s so that a short run can re-identify often], {@code soak.samplePeriod}
 * [2s: heap and threads].
 */
class FaultInjectionSoakTest {

  private static final Logger log = LoggerFactory.getLogger(FaultInjectionSoakTest.class);

  private static final int SHARDS = 8;
  private static final int MAX_CONCURRENCY = 4;

  /** What the fake does to one shard. */
  enum Fault {
    /** op 7 Reconnect. */
    RECONNECT,
    /** Heartbeats of the shard are not acknowledged until it reconnects. */
    ZOMBIE,
    /** TCP connection closed without a close frame. */
    TCP_DROP,
    /** TCP reset (RST): the abnormal closure a client reports as 1006. */
    TCP_RESET,
    /** Close 4000 Unknown error. */
    CLOSE_4000,
    /** Close 4008 Rate limited (injected: the client did not cause it). */
    CLOSE_4008,
    /** op 9 with d: true. */
    INVALID_SESSION_RESUMABLE,
    /** op 9 with d: false: the session is gone. */
    INVALID_SESSION,
    /** Close 4007 Invalid seq. */
    CLOSE_4007,
    /** Close 4009 Session timed out. */
    CLOSE_4009,
    /** The shard's connection sends nothing for 2 s, then everything held, in order. */
    STALL,
    /** The server forgets the shard's session and drops the connection: Resume gets op 9. */
    SESSION_STORE_RESTART
  }

  record Settings(
      long seed,
      int faults,
      Duration duration,
      Set<Fault> kinds,
      double rate,
      Duration heartbeat,
      Duration identifyWindow,
      Duration samplePeriod) {

    /** The suite's run: many faults in 40 s, with the identify window shortened to 1 s. */
    static final Settings SHORT =
        new Settings(
            0,
            200,
            Duration.ofSeconds(40),
            EnumSet.allOf(Fault.class),
            200,
            Duration.ofSeconds(2),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2));

    /**
     * The 30-minute run: one fault per shard per minute, 500 events per second, Discord's own
     * heartbeat interval and identify window.
     */
    static final Settings LONG =
        new Settings(
            0,
            SHARDS * 30,
            Duration.ofMinutes(30),
            EnumSet.allOf(Fault.class),
            500,
            Duration.ofMillis(41_250),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10));

    /** These defaults, overridden by the {@code soak.*} system properties that are set. */
    Settings withSystemProperties() {
      String seed = System.getProperty("soak.seed");
      String kindList = System.getProperty("soak.kinds", "");
      EnumSet<Fault> selected = EnumSet.noneOf(Fault.class);
      for (String kind : kindList.split(",")) {
        if (!kind.isBlank()) {
          selected.add(Fault.valueOf(kind.trim().toUpperCase(Locale.ROOT)));
        }
      }
      return new Settings(
          seed == null ? System.nanoTime() : Long.parseLong(seed),
          Integer.getInteger("soak.faults", faults),
          durationProperty("soak.duration", duration),
          selected.isEmpty() ? kinds : selected,
          Double.parseDouble(System.getProperty("soak.rate", Double.toString(rate))),
          durationProperty("soak.heartbeat", heartbeat),
          durationProperty("soak.identifyWindow", identifyWindow),
          durationProperty("soak.samplePeriod", samplePeriod));
    }

    private static Duration durationProperty(String name, Duration fallback) {
      String value = System.getProperty(name);
      return value == null ? fallback : duration(value);
    }

    /** Reads {@code 40s}, {@code 5m}, {@code 1500ms} or an ISO-8601 duration. */
    static Duration duration(String text) {
      String t = text.trim().toLowerCase(Locale.ROOT);
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      if (t.endsWith("s")) {
        return Duration.ofMillis((long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 1e3));
      }
      if (t.endsWith("m")) {
        return Duration.ofSeconds((long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 60));
      }
      return Duration.parse(text);
    }
  }

  @Test
  void deliversEveryEventOfEverySessionExactlyOnceInOrderUnderRandomFaults() throws Exception {
    soak(Settings.SHORT.withSystemProperties());
  }

  /** The 30-minute run; the build runs it only on request (README, "Reliability"). */
  @Test
  @Tag("soak")
  void thirtyMinutesOfFaultsLoseNothingAndLeakNoHeapOrThreads() throws Exception {
    soak(Settings.LONG.withSystemProperties());
  }

  private void soak(Settings settings) throws Exception {
    log.info(
        "Soak: seed {} (replay with -Dsoak.seed={}), {} faults over {}, {} events/s, heartbeat {},"
            + " identify window {}, kinds {}",
        settings.seed(),
        settings.seed(),
        settings.faults(),
        settings.duration(),
        settings.rate(),
        settings.heartbeat(),
        settings.identifyWindow(),
        settings.kinds());
    SessionRecorder listener = new SessionRecorder();
    SendRecorder sends = new SendRecorder();
    try (FakeDiscordGateway gateway =
            FakeDiscordGateway.builder()
                .heartbeatInterval(settings.heartbeat())
                .shards(SHARDS)
                .maxConcurrency(MAX_CONCURRENCY)
                .identifyWindow(settings.identifyWindow())
                .guilds(Reliability.guildPerShard(SHARDS))
                .seed(settings.seed())
                .start();
        ResourceSampler sampler = new ResourceSampler(settings.samplePeriod())) {
      ConnectionTracker connections = new ConnectionTracker(Reliability.transport());
      long heapBeforeStart = ResourceSampler.heapAfterFullGc();
      Footprint footprint = runAndVerify(settings, gateway, connections, listener, sends, sampler);
      // closed and unreachable from here: once the timers its shards armed are due, the manager
      // and its shards are garbage (nothing static holds on to them)
      await()
          .alias("the closed manager and its shards become garbage")
          .atMost(Duration.ofSeconds(40).plus(settings.heartbeat().multipliedBy(2)))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> {
                ResourceSampler.heapAfterFullGc();
                return footprint.collected();
              });
      long heapAfterClose = ResourceSampler.heapAfterFullGc();
      // what the library held: the heap with the manager alive minus the heap without it (the
      // fake's and the recorders' data is in both)
      long heldAtStart = footprint.heapAfterStart() - heapBeforeStart;
      long heldAtEnd = footprint.heapAtEnd() - heapAfterClose;
      log.info(
          "Soak resources: {} connections opened, {} still in memory at the end of the run, only"
              + " the {} live ones {} ms later; heap held by the library (a full GC with the"
              + " manager alive minus without it) {} KiB after start-up (class initialisation"
              + " included), {} KiB at the end; heap after a full GC {} MiB after start-up, {} MiB"
              + " at the end (the fake and the recorders keep every event); live threads {} after"
              + " start-up, {} at the end; {}",
          footprint.connectionsOpened(),
          footprint.connectionsReachable(),
          SHARDS,
          footprint.connectionsCollectedAfterMs(),
          heldAtStart >> 10,
          heldAtEnd >> 10,
          footprint.heapAfterStart() >> 20,
          footprint.heapAtEnd() >> 20,
          footprint.threadsAfterStart(),
          footprint.threadsAtEnd(),
          sampler.summary());
      // a leak in the library grows what it holds with the events and faults of the run (the
      // start-up figure is noisy when other tests ran in this JVM before: their garbage goes too)
      assertThat(heldAtEnd)
          .as("heap held by the library at the end vs after start-up (%d bytes)", heldAtStart)
          .isLessThanOrEqualTo(Math.max(0, heldAtStart) + LEAK_ALLOWANCE_BYTES);
      // live threads do not grow with the faults: the last third of the run has no more than
      // the first third (reconnects may have a connection thread or two on the way)
      assertThat(sampler.maxThreads(2.0 / 3, 1.0))
          .as("live threads in the last third of the run; %s", sampler.summary())
          .isLessThanOrEqualTo(sampler.maxThreads(0, 1.0 / 3) + THREAD_ALLOWANCE);
      assertThat(footprint.threadsAtEnd())
          .as("live threads once every shard is back vs after start-up")
          .isLessThanOrEqualTo(footprint.threadsAfterStart() + THREAD_ALLOWANCE);
    }
  }

  /** What the run measured while the manager was alive. */
  record Footprint(
      WeakReference<ShardManager> manager,
      List<WeakReference<Shard>> shards,
      int connectionsOpened,
      int connectionsReachable,
      long connectionsCollectedAfterMs,
      long heapAfterStart,
      int threadsAfterStart,
      long heapAtEnd,
      int threadsAtEnd) {

    /** Whether the manager and every shard of it are garbage. */
    boolean collected() {
      return manager.get() == null && shards.stream().allMatch(shard -> shard.get() == null);
    }
  }

  /** Allowed growth of the heap the library holds, from start-up to the end of the run. */
  private static final long LEAK_ALLOWANCE_BYTES = 32L << 20;

  /** Allowed difference in live threads (connections being replaced). */
  private static final int THREAD_ALLOWANCE = 4;

  /** The real transport, remembering (weakly) the handler of every connection it opened. */
  static final class ConnectionTracker implements GatewayTransport {
    private final GatewayTransport delegate;
    private final List<WeakReference<ConnectionHandler>> handlers = new CopyOnWriteArrayList<>();

    ConnectionTracker(GatewayTransport delegate) {
      this.delegate = delegate;
    }

    @Override
    public CompletableFuture<GatewayConnection> connect(
        URI uri, ConnectionHandler handler, Duration connectTimeout) {
      handlers.add(new WeakReference<>(handler));
      return delegate.connect(uri, handler, connectTimeout);
    }

    int opened() {
      return handlers.size();
    }

    /** Connections whose handler is still reachable; call after a full collection. */
    int reachable() {
      int count = 0;
      for (WeakReference<ConnectionHandler> handler : handlers) {
        if (handler.get() != null) {
          count++;
        }
      }
      return count;
    }
  }

  private Footprint runAndVerify(
      Settings settings,
      FakeDiscordGateway gateway,
      ConnectionTracker connections,
      SessionRecorder listener,
      SendRecorder sends,
      ResourceSampler sampler)
      throws Exception {
    ScheduledExecutorService injector =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              Thread thread = new Thread(r, "soak-fault-injector");
              thread.setDaemon(true);
              return thread;
            });
    long begin = System.nanoTime();
    try (ShardManager manager =
        ShardManager.builder(
                GatewaySettings.builder(gateway.token())
                    .intents(
                        EnumSet.of(
                            Intent.GUILDS,
                            Intent.GUILD_MEMBERS,
                            Intent.GUILD_PRESENCES,
                            Intent.GUILD_MESSAGES,
                            Intent.GUILD_MESSAGE_REACTIONS,
                            Intent.GUILD_MESSAGE_TYPING))
                    .compression(Compression.ZLIB_STREAM)
                    .build(),
                connections)
            .gatewayUrl(gateway.gatewayUrl())
            .totalShards(SHARDS)
            .maxConcurrency(MAX_CONCURRENCY)
            // the same margin over the window as the default limiter keeps over 5 s
            .identifyLimiter(
                Reliability.limiter(
                    settings.identifyWindow().plus(LocalIdentifyLimiter.SAFETY_MARGIN)))
            .options(ShardOptions.defaults().withBackoff(Reliability.FAST_BACKOFF))
            .observer(sends)
            .listener(listener)
            .build()) {
      manager.start().get(Reliability.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      long heapAfterStart = ResourceSampler.heapAfterFullGc();
      int threadsAfterStart = ResourceSampler.liveThreads();
      sampler.start();

      Injector faults = new Injector(gateway, manager, settings);
      long periodNanos = settings.duration().toNanos() / Math.max(1, settings.faults());
      // a steady stream that never blocks on a stalled connection
      AtomicInteger events = new AtomicInteger();
      long trafficPeriod = (long) (1e9 / settings.rate());
      injector.scheduleAtFixedRate(
          () -> events.addAndGet(gateway.route(gateway.traffic().next())),
          trafficPeriod,
          trafficPeriod,
          TimeUnit.NANOSECONDS);
      injector.scheduleAtFixedRate(
          faults::injectOne, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
      // the faults go only to connected shards: allow for time spent recovering
      await()
          .atMost(settings.duration().multipliedBy(3).plus(Reliability.TIMEOUT))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> faults.injected() >= settings.faults());
      injector.shutdownNow();
      assertThat(injector.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
      faults.healAll();

      // every shard comes back, and receives everything its live session was sent; a zombie
      // connection is noticed within two heartbeat intervals
      await()
          .atMost(Reliability.TIMEOUT.multipliedBy(2).plus(settings.heartbeat().multipliedBy(3)))
          .untilAsserted(
              () -> {
                for (int shard = 0; shard < SHARDS; shard++) {
                  assertThat(manager.shard(shard).orElseThrow().status())
                      .as("shard %d", shard)
                      .isEqualTo(ShardStatus.CONNECTED);
                  // an op 9 sent last may still be on its way: the fake forgot the session first
                  assertThat(gateway.sessionId(shard)).as("session of shard %d", shard).isPresent();
                  String session = gateway.sessionId(shard).orElseThrow();
                  assertThat(listener.lastSequence(session))
                      .as("shard %d session %s", shard, session)
                      .isEqualTo(gateway.lastSequence(shard));
                }
              });
      sampler.stop();
      long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);

      Verdict verdict = verify(gateway, listener);
      log.info(
          "Soak result: seed {}, {} faults injected {}, {} events sent, {} delivered (with"
              + " READY, GUILD_CREATE and RESUMED) in {} sessions"
              + " ({} identifies, {} resumes), lost {}, duplicated {}, out of order {},"
              + " mismatched {}; {} dispatches went to ended sessions after their last"
              + " connection; max {} payloads per shard in 60 s, min identify gap per bucket"
              + " {} ms; {} ms",
          settings.seed(),
          faults.injected(),
          faults.byKind(),
          events.get(),
          listener.delivered(),
          verdict.sessions(),
          gateway.recorder().payloads(Opcode.IDENTIFY).size(),
          gateway.recorder().payloads(Opcode.RESUME).size(),
          verdict.lost(),
          verdict.duplicated(),
          verdict.outOfOrder(),
          verdict.mismatched(),
          verdict.abandoned(),
          sends.maxPerWindow(Duration.ofSeconds(60)),
          minIdentifyGap(gateway).map(Duration::toMillis).orElse(-1L),
          elapsedMs);

      assertThat(faults.injected()).isGreaterThanOrEqualTo(settings.faults());
      assertThat(verdict.problems()).as("per-session delivery problems").isEmpty();
      assertThat(verdict.lost()).isZero();
      assertThat(verdict.duplicated()).isZero();
      assertThat(verdict.outOfOrder()).isZero();
      assertThat(verdict.mismatched()).isZero();
      assertThat(listener.unattributed()).as("dispatches before any READY").isZero();
      // after each new identify that the client went on with, the listener saw the new READY
      for (String resumed : resumedSessionIds(gateway)) {
        assertThat(listener.sawReady(resumed)).as("READY of resumed session %s", resumed).isTrue();
      }
      for (int shard = 0; shard < SHARDS; shard++) {
        assertThat(listener.sawReady(gateway.sessionId(shard).orElseThrow())).isTrue();
        assertThat(manager.shard(shard).orElseThrow().fatalError()).isNull();
      }
      // never more than 120 payloads in any 60 s: per shard (all its connections together)...
      assertThat(sends.maxPerWindow(Duration.ofSeconds(60))).isLessThanOrEqualTo(120);
      // ...and per connection as the fake counts it
      gateway.recorder().assertAtMostPerWindow(120, Duration.ofSeconds(60));
      // no bucket identified twice within the window
      assertThat(minIdentifyGap(gateway))
          .hasValueSatisfying(
              gap -> assertThat(gap).isGreaterThanOrEqualTo(settings.identifyWindow()));
      // no 4008 other than the injected ones, and the client broke no protocol rule
      List<Integer> serverCloses = gateway.recorder().serverCloseCodes();
      assertThat(serverCloses.stream().filter(c -> c == 4008).count())
          .isLessThanOrEqualTo(faults.count(Fault.CLOSE_4008));
      assertThat(serverCloses).doesNotContain(4001, 4002, 4003, 4005);
      // internal reconnects never end the session on Discord's side
      assertThat(gateway.recorder().clientCloseCodes()).doesNotContain(1000, 1001);
      ResourceSampler.heapAfterFullGc();
      int reachableAtEnd = connections.reachable();
      // an ended connection may stay reachable until the timers it armed (connect, hello,
      // heartbeat) are due; then it and all it held (decompressor, buffers) must be garbage
      long collectStart = System.nanoTime();
      await()
          .alias("every ended connection becomes garbage")
          .atMost(Duration.ofSeconds(40).plus(settings.heartbeat().multipliedBy(2)))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> {
                ResourceSampler.heapAfterFullGc();
                return connections.reachable() <= SHARDS;
              });
      long collectedAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - collectStart);
      long heapAtEnd = ResourceSampler.heapAfterFullGc();
      return new Footprint(
          new WeakReference<>(manager),
          manager.shards().values().stream().map(WeakReference::new).toList(),
          connections.opened(),
          reachableAtEnd,
          collectedAfterMs,
          heapAfterStart,
          threadsAfterStart,
          heapAtEnd,
          ResourceSampler.liveThreads());
    } finally {
      injector.shutdownNow();
    }
  }

  // ------------------------------------------------------------------ resources

  /**
   * Samples, on its own thread every period, the live thread count and the heap: used right now,
   * and used after the latest collection of each heap pool (the JVM's collection usage). The
   * sampled heap includes what the fake gateway and the recorders keep of every event, so it grows
   * with the run by design; the leak checks use full collections and the connections' handlers.
   */
  static final class ResourceSampler implements AutoCloseable {
    record Sample(long elapsedMs, long heapUsed, long heapAfterGc, int threads) {}

    private final Duration period;
    private final ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "soak-resource-sampler");
              thread.setDaemon(true);
              return thread;
            });
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private long startNanos;

    ResourceSampler(Duration period) {
      this.period = period;
    }

    void start() {
      startNanos = System.nanoTime();
      timer.scheduleAtFixedRate(this::sample, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop() throws InterruptedException {
      timer.shutdown();
      assertThat(timer.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
      sample();
    }

    private void sample() {
      MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
      long afterGc = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
          afterGc += pool.getCollectionUsage().getUsed();
        }
      }
      samples.add(
          new Sample(
              TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos),
              heap.getUsed(),
              afterGc,
              liveThreads()));
    }

    /** The most live threads sampled between two fractions of the run (0 to 1). */
    int maxThreads(double from, double to) {
      List<Sample> all = List.copyOf(samples);
      int first = (int) Math.floor(from * (all.size() - 1));
      int last = (int) Math.ceil(to * (all.size() - 1));
      int max = 0;
      for (int i = first; i <= last && i < all.size(); i++) {
        max = Math.max(max, all.get(i).threads());
      }
      return max;
    }

    String summary() {
      List<Sample> all = List.copyOf(samples);
      if (all.isEmpty()) {
        return "no samples";
      }
      IntSummaryStatistics threads = all.stream().mapToInt(Sample::threads).summaryStatistics();
      LongSummaryStatistics afterGc =
          all.stream().mapToLong(Sample::heapAfterGc).summaryStatistics();
      StringBuilder series = new StringBuilder();
      // about a dozen points of the series, first and last included
      int step = Math.max(1, (all.size() - 1) / 12);
      for (int i = 0; i < all.size(); i += step) {
        appendSample(series, all.get(i));
      }
      if ((all.size() - 1) % step != 0) {
        appendSample(series, all.get(all.size() - 1));
      }
      return String.format(
          Locale.ROOT,
          "%d samples every %s: live threads min %d max %d first %d last %d; heap used after"
              + " the latest GC min %d MiB max %d MiB first %d MiB last %d MiB; series"
              + " [s: threads, MiB after GC]%s",
          all.size(),
          period,
          threads.getMin(),
          threads.getMax(),
          all.get(0).threads(),
          all.get(all.size() - 1).threads(),
          afterGc.getMin() >> 20,
          afterGc.getMax() >> 20,
          all.get(0).heapAfterGc() >> 20,
          all.get(all.size() - 1).heapAfterGc() >> 20,
          series);
    }

    private static void appendSample(StringBuilder series, Sample sample) {
      series
          .append(' ')
          .append(sample.elapsedMs() / 1000)
          .append(':')
          .append(sample.threads())
          .append(',')
          .append(sample.heapAfterGc() >> 20);
    }

    static int liveThreads() {
      return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** Heap used after a full collection (two requests, so that finalizable garbage goes too). */
    static long heapAfterFullGc() {
      System.gc();
      System.gc();
      return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() {
      timer.shutdownNow();
    }
  }

  // ------------------------------------------------------------------ verification

  record Verdict(
      int sessions,
      long lost,
      long duplicated,
      long outOfOrder,
      long mismatched,
      long abandoned,
      List<String> problems) {}

  /**
   * Compares, per session the fake started, what it sent with what the listener got: the listener
   * must have a gap-free prefix {@code 1..M} of the session's dispatches, each once, in order, with
   * the same event names; for a live session {@code M} is everything sent. The dispatches of an
   * ended session after {@code M} were sent after its last connection was gone (they are lost on
   * Discord's side too) and are counted apart.
   */
  private static Verdict verify(FakeDiscordGateway gateway, SessionRecorder listener) {
    long lost = 0;
    long duplicated = 0;
    long outOfOrder = 0;
    long mismatched = 0;
    long abandoned = 0;
    int sessions = 0;
    List<String> problems = new ArrayList<>();
    for (int shard = 0; shard < SHARDS; shard++) {
      String live = gateway.sessionId(shard).orElse(null);
      for (String session : gateway.sessionIds(shard)) {
        sessions++;
        List<SentDispatch> sent = gateway.sentDispatches(session);
        List<Received> received = listener.received(session);
        Set<Long> seen = new HashSet<>();
        long previous = 0;
        for (Received r : received) {
          if (!seen.add(r.sequence())) {
            duplicated++;
          }
          if (r.sequence() <= previous) {
            outOfOrder++;
          }
          previous = Math.max(previous, r.sequence());
          int index = (int) r.sequence() - 1;
          if (index < 0 || index >= sent.size() || !sent.get(index).type().equals(r.type())) {
            mismatched++;
          }
        }
        long highest = received.stream().mapToLong(Received::sequence).max().orElse(0);
        long gaps = highest - seen.size();
        if (gaps > 0) {
          problems.add("shard " + shard + " session " + session + ": " + gaps + " gaps");
        }
        lost += Math.max(0, gaps);
        long rest = sent.size() - highest;
        if (session.equals(live)) {
          lost += rest;
          if (rest > 0) {
            problems.add("shard " + shard + " live session " + session + ": missing " + rest);
          }
        } else {
          abandoned += Math.max(0, rest);
        }
        if (sent.size() > 0 && sent.get(0).seq() != 1) {
          problems.add("shard " + shard + " session " + session + " log does not start at 1");
        }
      }
    }
    return new Verdict(
        sessions, lost, duplicated, outOfOrder, mismatched, abandoned, List.copyOf(problems));
  }

  private static Set<String> resumedSessionIds(FakeDiscordGateway gateway) {
    Set<String> ids = new HashSet<>();
    for (ClientPayload resume : gateway.recorder().payloads(Opcode.RESUME)) {
      ids.add(resume.data().path("session_id").asString(""));
    }
    return ids;
  }

  /** The shortest time between two Identifies of one bucket, as the fake received them. */
  private static Optional<Duration> minIdentifyGap(FakeDiscordGateway gateway) {
    Map<Integer, Instant> last = new HashMap<>();
    Duration min = null;
    for (ClientPayload identify : gateway.recorder().payloads(Opcode.IDENTIFY)) {
      JsonNode shard = identify.data().path("shard");
      int bucket = shard.path(0).asInt() % MAX_CONCURRENCY;
      Instant previous = last.put(bucket, identify.receivedAt());
      if (previous != null) {
        Duration gap = Duration.between(previous, identify.receivedAt());
        min = min == null || gap.compareTo(min) < 0 ? gap : min;
      }
    }
    return Optional.ofNullable(min);
  }

  // ------------------------------------------------------------------ fault injection

  /** Picks a fault and a connected shard per tick; heals zombies once their shard reconnected. */
  private static final class Injector {
    private final FakeDiscordGateway gateway;
    private final ShardManager manager;
    private final Settings settings;
    private final Random random;
    private final Fault[] kinds;
    private final AtomicInteger injected = new AtomicInteger();
    private final Map<Fault, AtomicInteger> byKind = new EnumMap<>(Fault.class);
    // shard -> connection that was made a zombie
    private final Map<Integer, FakeConnection> zombies = new ConcurrentHashMap<>();

    Injector(FakeDiscordGateway gateway, ShardManager manager, Settings settings) {
      this.gateway = gateway;
      this.manager = manager;
      this.settings = settings;
      this.random = new Random(settings.seed());
      this.kinds = settings.kinds().toArray(Fault[]::new);
      for (Fault fault : Fault.values()) {
        byKind.put(fault, new AtomicInteger());
      }
    }

    int injected() {
      return injected.get();
    }

    long count(Fault fault) {
      return byKind.get(fault).get();
    }

    Map<Fault, Integer> byKind() {
      Map<Fault, Integer> result = new LinkedHashMap<>();
      byKind.forEach((k, v) -> result.put(k, v.get()));
      return result;
    }

    void injectOne() {
      try {
        healZombies();
        Fault fault = kinds[random.nextInt(kinds.length)];
        int shard = random.nextInt(SHARDS);
        // the next connected shard from a random start, so that the choice stays seeded
        for (int i = 0; i < SHARDS; i++) {
          int candidate = (shard + i) % SHARDS;
          if (connected(candidate)) {
            if (apply(fault, candidate)) {
              byKind.get(fault).incrementAndGet();
              int n = injected.incrementAndGet();
              log.debug("Soak fault #{}: {} on shard {}", n, fault, candidate);
            }
            return;
          }
        }
      } catch (RuntimeException e) {
        log.warn("Fault injection failed", e);
      }
    }

    private boolean connected(int shard) {
      return manager.shard(shard).orElseThrow().status() == ShardStatus.CONNECTED
          && gateway.connection(shard).isPresent()
          && !zombies.containsKey(shard);
    }

    private boolean apply(Fault fault, int shard) {
      return switch (fault) {
        case RECONNECT -> gateway.sendReconnect(shard) > 0;
        case ZOMBIE -> {
          Optional<FakeConnection> connection = gateway.connection(shard);
          if (connection.isEmpty()) {
            yield false;
          }
          zombies.put(shard, connection.get());
          gateway.stopAckingHeartbeats(shard);
          yield true;
        }
        case TCP_DROP -> gateway.dropConnection(shard) > 0;
        case TCP_RESET -> gateway.resetConnection(shard) > 0;
        case CLOSE_4000 -> gateway.closeConnection(shard, 4000, "Unknown error (injected)") > 0;
        case CLOSE_4008 -> gateway.closeConnection(shard, 4008, "Rate limited (injected)") > 0;
        case INVALID_SESSION_RESUMABLE -> gateway.sendInvalidSession(shard, true) > 0;
        case INVALID_SESSION -> gateway.sendInvalidSession(shard, false) > 0;
        case CLOSE_4007 -> gateway.closeConnection(shard, 4007, "Invalid seq (injected)") > 0;
        case CLOSE_4009 -> gateway.closeConnection(shard, 4009, "Session timed out (injected)") > 0;
        case STALL -> gateway.pauseOutput(shard, Duration.ofSeconds(2)) > 0;
        case SESSION_STORE_RESTART -> {
          gateway.forgetSession(shard);
          yield gateway.dropConnection(shard) > 0;
        }
      };
    }

    /** A zombie shard is acknowledged again once its zombie connection is gone. */
    private void healZombies() {
      for (Map.Entry<Integer, FakeConnection> entry : zombies.entrySet()) {
        if (!entry.getValue().isOpen()) {
          gateway.resumeAckingHeartbeats(entry.getKey());
          zombies.remove(entry.getKey());
        }
      }
    }

    void healAll() {
      for (int shard = 0; shard < SHARDS; shard++) {
        gateway.resumeAckingHeartbeats(shard);
      }
      zombies.clear();
      gateway.resumeOutput();
    }
  }

  // ------------------------------------------------------------------ recording

  record Received(long sequence, String type) {}

  /** Files every dispatch under the session of the latest READY its shard delivered. */
  static final class SessionRecorder implements GatewayEventListener {
    private final Map<Integer, String> current = new HashMap<>();
    private final Map<String, List<Received>> bySession = new HashMap<>();
    private long delivered;
    private long unattributed;

    @Override
    public synchronized void onEvent(ShardEvent event) {
      if (!(event instanceof ShardDispatch dispatch)) {
        return;
      }
      delivered++;
      if ("READY".equals(dispatch.type())) {
        current.put(
            dispatch.shardId(), dispatch.data().tree().path("session_id").asString("missing"));
      }
      String session = current.get(dispatch.shardId());
      if (session == null) {
        unattributed++;
        return;
      }
      bySession
          .computeIfAbsent(session, k -> new ArrayList<>())
          .add(new Received(dispatch.sequence(), dispatch.type()));
    }

    synchronized List<Received> received(String session) {
      return List.copyOf(bySession.getOrDefault(session, List.of()));
    }

    synchronized long lastSequence(String session) {
      List<Received> list = bySession.get(session);
      return list == null || list.isEmpty() ? 0 : list.get(list.size() - 1).sequence();
    }

    synchronized boolean sawReady(String session) {
      List<Received> list = bySession.get(session);
      return list != null && !list.isEmpty() && "READY".equals(list.get(0).type());
    }

    synchronized long delivered() {
      return delivered;
    }

    synchronized long unattributed() {
      return unattributed;
    }
  }

  /** Records when each shard sent a payload (every opcode), as the client saw it leave. */
  static final class SendRecorder implements ShardObserver {
    private final Map<Integer, ConcurrentLinkedQueue<Long>> sent = new ConcurrentHashMap<>();

    @Override
    public void on(ShardSignal signal) {
      if (signal instanceof ShardSignal.PayloadSent payload) {
        sent.computeIfAbsent(payload.shardId(), k -> new ConcurrentLinkedQueue<>())
            .add(System.nanoTime());
      }
    }

    /** The most payloads one shard sent within any {@code window}. */
    int maxPerWindow(Duration window) {
      int max = 0;
      for (ConcurrentLinkedQueue<Long> queue : sent.values()) {
        long[] times = queue.stream().mapToLong(Long::longValue).sorted().toArray();
        int start = 0;
        for (int end = 0; end < times.length; end++) {
          while (times[end] - times[start] >= window.toNanos()) {
            start++;
          }
          max = Math.max(max, end - start + 1);
        }
      }
      return max;
    }
  }
}
