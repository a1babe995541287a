package io.github.discordgateway.autoconfigure.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.autoconfigure.transport.SpringWebSocketTransport;
import io.github.discordgateway.core.client.GatewaySettings;
import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.event.GatewayEventListener;
import io.github.discordgateway.core.event.ShardDisconnected;
import io.github.discordgateway.core.event.ShardDispatch;
import io.github.discordgateway.core.event.ShardEvent;
import io.github.discordgateway.core.protocol.EventType;
import io.github.discordgateway.core.protocol.Intent;
import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.ratelimit.IdentifyLimiter;
import io.github.discordgateway.core.ratelimit.LocalIdentifyLimiter;
import io.github.discordgateway.core.scheduling.ExecutorGatewayScheduler;
import io.github.discordgateway.core.session.SessionStore;
import io.github.discordgateway.core.shard.BackoffPolicy;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardOptions;
import io.github.discordgateway.core.shard.ShardStatus;
import io.github.discordgateway.test.ClientPayload;
import io.github.discordgateway.test.FakeDiscordGateway;
import io.github.discordgateway.test.redis.RedisServerExtension;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

/**
 * Two instances of one bot (shards 0-7 and 8-15 of 16, max_concurrency 4) sharing one real Redis,
 * against the fake gateway: they start together, restart one at a time, and crash, with events
 * flowing.
 */
class RedisCoordinationIntegrationTests {

  private static final Logger log =
      LoggerFactory.getLogger(RedisCoordinationIntegrationTests.class);

  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();

  /** The instances' identify window; the fake enforces a slightly shorter one against jitter. */
  private static final Duration WINDOW = Duration.ofSeconds(1);

  private static final Duration FAKE_WINDOW = Duration.ofMillis(900);
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final int SHARDS = 16;
  private static final int MAX_CONCURRENCY = 4;

  private static final BackoffPolicy FAST_BACKOFF =
      new BackoffPolicy(Duration.ofMillis(20), Duration.ofMillis(200), 2.0, Duration.ofSeconds(60));
  private static final StandardWebSocketClient CLIENT = SpringWebSocketTransport.standardClient(4);
  private static final ExecutorGatewayScheduler LOCAL_TIMER =
      ExecutorGatewayScheduler.create("test-local-limiter", 1);
  private static final AtomicInteger BOTS = new AtomicInteger();

  private final List<AutoCloseable> resources = new ArrayList<>();
  private FakeDiscordGateway gateway;
  private RedisKeys keys;
  private Events events;

  @BeforeEach
  void startGateway() {
    REDIS.ensureRunning();
    keys = new RedisKeys("it:", "bot" + BOTS.incrementAndGet());
    gateway =
        FakeDiscordGateway.builder()
            .heartbeatInterval(Duration.ofMillis(500))
            .shards(SHARDS)
            .maxConcurrency(MAX_CONCURRENCY)
            .identifyWindow(FAKE_WINDOW)
            .start();
    events = new Events();
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
    gateway.close();
  }

  @Test
  void twoInstancesStartingTogetherShareTheIdentifyBudget() throws Exception {
    Instance a = instance("0-7");
    Instance b = instance("8-15");

    // both at the same moment, as two processes would (start() reads the stored sessions first)
    var startA = CompletableFuture.supplyAsync(a.manager::start).thenCompose(f -> f);
    var startB = CompletableFuture.supplyAsync(b.manager::start).thenCompose(f -> f);
    startA.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    startB.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

    // every identify accepted at once: none answered with op 9, so none retried
    List<ClientPayload> identifies = gateway.recorder().payloads(Opcode.IDENTIFY);
    assertThat(identifies).hasSize(SHARDS);
    for (int shard = 0; shard < SHARDS; shard++) {
      assertThat(gateway.recorder().identifyCount(shard)).as("identifies of %d", shard).isOne();
    }
    // one identify per bucket per window, across both instances
    Map<Integer, Instant> identified = new TreeMap<>();
    for (ClientPayload identify : identifies) {
      identified.put(identify.data().get("shard").get(0).asInt(), identify.receivedAt());
    }
    for (int bucket = 0; bucket < MAX_CONCURRENCY; bucket++) {
      List<Instant> times = new ArrayList<>();
      for (int shard = bucket; shard < SHARDS; shard += MAX_CONCURRENCY) {
        times.add(identified.get(shard));
      }
      times.sort(null);
      for (int i = 1; i < times.size(); i++) {
        assertThat(Duration.between(times.get(i - 1), times.get(i)))
            .as("identifies %d and %d of bucket %d", i, i + 1, bucket)
            .isGreaterThanOrEqualTo(FAKE_WINDOW);
      }
    }
    // 4 identifies per bucket: 3 windows after the first one is the least possible
    Instant first = identified.values().stream().min(Instant::compareTo).orElseThrow();
    Instant lastReady = events.lastReady();
    Duration took = Duration.between(first, lastReady);
    log.info("16 shards in two instances: first identify to last READY {} ms", took.toMillis());
    assertThat(took).isLessThanOrEqualTo(WINDOW.multipliedBy(3).plusSeconds(1));
  }

  @Test
  void aRollingRestartResumesEveryShardAndLosesOrRepeatsNothing() throws Exception {
    Instance a = instance("0-7");
    Instance b = instance("8-15");
    startAll(a, b);
    try (Traffic traffic = new Traffic()) {
      traffic.awaitMore(200);

      a.stop();
      traffic.awaitMore(100); // while A is away its events wait at Discord
      Instance newA = instance("0-7");
      newA.manager.start().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      traffic.awaitMore(200);

      b.stop();
      traffic.awaitMore(100);
      Instance newB = instance("8-15");
      newB.manager.start().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      traffic.awaitMore(200);

      traffic.stop();
      await().atMost(TIMEOUT).until(() -> events.distinct() == traffic.sent());
      assertIdentifiedOnceAndResumedAfterTheRestart(0);
      assertThat(events.missing(traffic)).as("lost events").isEmpty();
      assertThat(events.duplicates()).as("events delivered twice").isZero();
      log.info("rolling restart: {} events, none lost or repeated", traffic.sent());
    }
  }

  @Test
  void afterACrashTheShardsResumeFromTheStoredSequenceAndLoseNothing() throws Exception {
    Instance a = instance("0-7");
    Instance b = instance("8-15");
    startAll(a, b);
    try (Traffic traffic = new Traffic()) {
      traffic.awaitMore(300);

      b.crash();
      traffic.awaitMore(100);
      Instance newB = instance("8-15");
      newB.manager.start().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      traffic.awaitMore(200);

      traffic.stop();
      await().atMost(TIMEOUT).until(() -> events.distinct() == traffic.sent());
      assertIdentifiedOnceAndResumedAfterTheRestart(8);
      assertThat(events.missing(traffic)).as("lost events").isEmpty();
      log.info(
          "crash: {} events, none lost; {} delivered again (handled after the last write)",
          traffic.sent(),
          events.duplicates());
    }
  }

  @Test
  void withTheSessionStoreUnreachableTheShardsStillConnectAndIdentify() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    RedisConnections nowhere = new RedisConnections(closedPort);
    resources.add(nowhere);
    RedisSessionStore store =
        new RedisSessionStore(
            nowhere.template,
            keys,
            Duration.ofMillis(200),
            Duration.ofSeconds(1),
            Duration.ofHours(1));
    resources.add(store);
    ShardManager manager =
        manager(
            "0-3",
            new LocalIdentifyLimiter(java.time.InstantSource.system(), LOCAL_TIMER, WINDOW),
            store,
            events.listener(store.checkpointListener(), new AtomicBoolean()));
    resources.add(manager);

    manager.start().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

    assertThat(manager.states()).allMatch(s -> s.status() == ShardStatus.CONNECTED);
    for (int shard = 0; shard < 4; shard++) {
      assertThat(gateway.recorder().identifyCount(shard)).isOne();
    }
    assertThat(store.state().reachable()).isFalse();
  }

  // ------------------------------------------------------------------ harness

  private void startAll(Instance... instances) throws Exception {
    List<CompletableFuture<Void>> started = new ArrayList<>();
    for (Instance instance : instances) {
      started.add(instance.manager.start());
    }
    for (var future : started) {
      future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
  }

  private ShardManager manager(
      String ids, IdentifyLimiter limiter, SessionStore store, GatewayEventListener listener) {
    GatewaySettings settings =
        GatewaySettings.builder(gateway.token())
            .intents(EnumSet.of(Intent.GUILDS, Intent.GUILD_MESSAGES))
            .compression(Compression.ZLIB_STREAM)
            .build();
    return ShardManager.builder(
            settings, new SpringWebSocketTransport(CLIENT, 16 << 20, Duration.ofSeconds(5)))
        .gatewayUrl(gateway.gatewayUrl())
        .totalShards(SHARDS)
        .maxConcurrency(MAX_CONCURRENCY)
        .shardIds(ids)
        .identifyLimiter(limiter)
        .sessionStore(store)
        .options(ShardOptions.defaults().withBackoff(FAST_BACKOFF))
        .listener(listener)
        .build();
  }

  private Instance instance(String ids) {
    Instance instance = new Instance(ids);
    resources.add(instance);
    return instance;
  }

  /** One process of the bot: its own Redis connection, limiter, store and shards. */
  private final class Instance implements AutoCloseable {
    final RedisConnections redis = new RedisConnections(REDIS.port());
    final RedisIdentifyLimiter limiter = new RedisIdentifyLimiter(redis.template, keys, WINDOW);
    final RedisSessionStore store =
        new RedisSessionStore(
            redis.template,
            keys,
            Duration.ofMillis(200),
            Duration.ofSeconds(5), // a first connection in a busy test JVM can be slow
            Duration.ofHours(1));
    final AtomicBoolean dead = new AtomicBoolean();
    final ShardManager manager;
    private boolean closed;

    Instance(String ids) {
      manager = manager(ids, limiter, store, events.listener(store.checkpointListener(), dead));
    }

    /** A graceful stop: shards close resumably, then the store writes the exact sequences. */
    void stop() {
      if (closed) {
        return;
      }
      closed = true;
      manager.close();
      store.close();
      limiter.close();
      redis.close();
    }

    /**
     * A crash: from this moment the process handles nothing and writes nothing more; whatever was
     * not written to Redis yet is lost with it.
     */
    void crash() {
      if (closed) {
        return;
      }
      closed = true;
      dead.set(true);
      redis.close();
      manager.close();
      store.close();
      limiter.close();
    }

    @Override
    public void close() {
      stop();
    }
  }

  /** What the application handled, across every instance, by event number. */
  private static final class Events {
    private final Map<Long, AtomicInteger> handled = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> unplannedDisconnects = new ConcurrentHashMap<>();
    private final AtomicLong lastReadyNanos = new AtomicLong();
    private final long baseNanos = System.nanoTime();
    private final Instant base = Instant.now();

    /** The application's listener followed by the store's checkpoint, as the starter does. */
    GatewayEventListener listener(GatewayEventListener checkpoint, AtomicBoolean dead) {
      return event -> {
        if (dead.get()) {
          return;
        }
        handle(event);
        checkpoint.onEvent(event);
      };
    }

    private void handle(ShardEvent event) {
      if (event instanceof ShardDisconnected disconnected
          && disconnected.willResume()
          && (disconnected.zombie() || !disconnected.closedLocally())) {
        log.info("shard {} resumes after an unplanned disconnect: {}", event.shardId(), event);
        unplannedDisconnects.merge(disconnected.shardId(), 1, Integer::sum);
      }
      if (!(event instanceof ShardDispatch dispatch)) {
        return;
      }
      if (dispatch.eventType() == EventType.READY) {
        lastReadyNanos.accumulateAndGet(System.nanoTime(), Math::max);
      } else if (dispatch.eventType() == EventType.MESSAGE_CREATE) {
        long number = dispatch.data().tree().path("nonce").asLong(-1);
        handled.computeIfAbsent(number, n -> new AtomicInteger()).incrementAndGet();
      }
    }

    Instant lastReady() {
      return base.plusNanos(lastReadyNanos.get() - baseNanos);
    }

    /**
     * Returns how many of the shard's connections ended, not by a stop, with the shard about to
     * resume: a zombie connection (heartbeat ACK too late) or a connection the other side closed.
     */
    int unplannedDisconnects(int shard) {
      return unplannedDisconnects.getOrDefault(shard, 0);
    }

    int distinct() {
      return handled.size();
    }

    int duplicates() {
      return handled.values().stream().mapToInt(c -> c.get() - 1).sum();
    }

    Set<Long> missing(Traffic traffic) {
      Set<Long> missing = new HashSet<>();
      for (long n = 0; n < traffic.sent(); n++) {
        if (!handled.containsKey(n)) {
          missing.add(n);
        }
      }
      return missing;
    }
  }

  /** Sends numbered MESSAGE_CREATEs round-robin to every shard until stopped. */
  private final class Traffic implements AutoCloseable {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger sent = new AtomicInteger();
    private final Thread thread;

    Traffic() {
      thread = new Thread(this::run, "test-traffic");
      thread.setDaemon(true);
      thread.start();
    }

    private void run() {
      // bounded: at most 100,000 events; paced at one per 2 ms like a steady stream of messages
      for (int i = 0; i < 100_000 && running.get(); i++) {
        int n = sent.get();
        gateway.dispatch(
            n % SHARDS,
            "MESSAGE_CREATE",
            "{\"id\":\"" + (1000 + n) + "\",\"channel_id\":\"1\",\"nonce\":" + n + "}");
        sent.incrementAndGet();
        java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L);
      }
    }

    /** Waits until {@code count} more events were handed to the fake. */
    void awaitMore(int count) {
      int target = sent.get() + count;
      await().atMost(TIMEOUT).until(() -> sent.get() >= target);
    }

    int sent() {
      return sent.get();
    }

    void stop() {
      running.set(false);
      try {
        thread.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void close() {
      stop();
    }
  }

  /**
   * Shards {@code from} to the last identified once (the first start) and resumed after their
   * restart or crash. A slow machine may add resumes (a heartbeat ACK later than the 500 ms
   * interval is a zombie connection, which is resumed), but only one per such disconnect the
   * application was told about: a Resume beyond those (a shard resuming twice from a stale session)
   * fails.
   */
  private void assertIdentifiedOnceAndResumedAfterTheRestart(int from) {
    for (int shard = from; shard < SHARDS; shard++) {
      assertThat(gateway.recorder().identifyCount(shard)).as("identifies of %d", shard).isOne();
    }
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              for (int shard = from; shard < SHARDS; shard++) {
                assertThat(gateway.recorder().resumeCount(shard))
                    .as("resumes of %d", shard)
                    .isBetween(1, 1 + events.unplannedDisconnects(shard));
              }
            });
  }
}
