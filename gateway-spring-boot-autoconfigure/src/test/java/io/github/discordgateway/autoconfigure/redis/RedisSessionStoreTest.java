package io.github.discordgateway.autoconfigure.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.core.client.SessionSnapshot;
import io.github.discordgateway.core.codec.RawJson;
import io.github.discordgateway.core.event.ShardDispatch;
import io.github.discordgateway.core.protocol.EventType;
import io.github.discordgateway.test.redis.RedisServerExtension;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sessions kept in a real Redis across "processes" of one bot. */
class RedisSessionStoreTest {

  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();

  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final Duration TTL = Duration.ofHours(1);
  private static final String RESUME_URL = "wss://resume.example/gateway";
  private static final AtomicInteger BOTS = new AtomicInteger();

  private final List<AutoCloseable> resources = new ArrayList<>();
  private RedisKeys keys;

  @BeforeEach
  void freshBot() {
    REDIS.ensureRunning();
    keys = new RedisKeys("test:", "bot" + BOTS.incrementAndGet());
  }

  @AfterEach
  void close() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  private RedisConnections connections() {
    RedisConnections connections = new RedisConnections(REDIS.port());
    resources.add(connections);
    return connections;
  }

  private RedisSessionStore store(RedisConnections connections, Duration flushInterval) {
    return store(connections, keys, flushInterval);
  }

  private RedisSessionStore store(
      RedisConnections connections, RedisKeys keys, Duration flushInterval) {
    RedisSessionStore store =
        new RedisSessionStore(connections.template, keys, flushInterval, TIMEOUT, TTL);
    resources.add(store);
    return store;
  }

  private static ShardDispatch ready(int shard, int count, String sessionId) {
    String json =
        "{\"v\":10,\"session_id\":\""
            + sessionId
            + "\",\"resume_gateway_url\":\""
            + RESUME_URL
            + "\",\"shard\":["
            + shard
            + ","
            + count
            + "]}";
    return dispatch(shard, 1, "READY", EventType.READY, json);
  }

  private static ShardDispatch message(int shard, long seq) {
    return dispatch(shard, seq, "MESSAGE_CREATE", EventType.MESSAGE_CREATE, "{\"id\":\"1\"}");
  }

  private static ShardDispatch dispatch(
      int shard, long seq, String type, EventType eventType, String json) {
    return new ShardDispatch(
        shard,
        seq,
        type,
        eventType,
        RawJson.of(json.getBytes(StandardCharsets.UTF_8)),
        System.nanoTime());
  }

  private Optional<SessionSnapshot> loadInNewProcess(int shard, int count) {
    return store(connections(), Duration.ofHours(1)).load(shard, count);
  }

  private long setCalls() {
    Properties stats =
        connections()
            .template
            .execute(
                (org.springframework.data.redis.core.RedisCallback<Properties>)
                    c -> c.serverCommands().info("commandstats"));
    String set = stats.getProperty("cmdstat_set", "calls=0,");
    return Long.parseLong(set.substring(set.indexOf("calls=") + 6, set.indexOf(',')));
  }

  @Test
  void aRestartedProcessResumesFromTheSessionSavedAtGracefulStop() {
    RedisSessionStore first = store(connections(), Duration.ofHours(1));
    first.save(3, 8, new SessionSnapshot("s3", 42, RESUME_URL));
    first.close();

    assertThat(loadInNewProcess(3, 8)).contains(new SessionSnapshot("s3", 42, RESUME_URL));
    // another shard layout, another bot: nothing
    assertThat(loadInNewProcess(3, 16)).isEmpty();
    assertThat(
            store(connections(), new RedisKeys("test:", "other"), Duration.ofHours(1)).load(3, 8))
        .isEmpty();
  }

  @Test
  void theSequenceOfHandledEventsIsWrittenAtTheFlushIntervalNotPerEvent() {
    RedisSessionStore store = store(connections(), Duration.ofMillis(300));
    long setsBefore = setCalls();

    store.checkpointListener().onEvent(ready(0, 2, "s0"));
    for (long seq = 2; seq <= 2_000; seq++) {
      store.checkpointListener().onEvent(message(0, seq));
    }

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> loadInNewProcess(0, 2).map(SessionSnapshot::sequence).orElse(-1L) == 2_000);
    assertThat(loadInNewProcess(0, 2)).contains(new SessionSnapshot("s0", 2_000, RESUME_URL));
    assertThat(setCalls() - setsBefore).as("SET commands for 2,000 events").isLessThan(10);
  }

  @Test
  void afterACrashTheNextProcessResumesFromTheLastWrittenSequence() {
    RedisConnections crashing = connections();
    RedisSessionStore store = store(crashing, Duration.ofMillis(100));
    store.checkpointListener().onEvent(ready(1, 2, "s1"));
    for (long seq = 2; seq <= 50; seq++) {
      store.checkpointListener().onEvent(message(1, seq));
    }
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> loadInNewProcess(1, 2).map(SessionSnapshot::sequence).orElse(-1L) == 50);

    crashing.close(); // no graceful stop: what was not written yet is lost
    store.checkpointListener().onEvent(message(1, 51));

    assertThat(loadInNewProcess(1, 2)).contains(new SessionSnapshot("s1", 50, RESUME_URL));
  }

  @Test
  void theStoredSequenceNeverRunsAheadOfWhatListenersHandled() {
    RedisSessionStore store = store(connections(), Duration.ofHours(1));
    store.checkpointListener().onEvent(ready(0, 1, "s0"));
    store.checkpointListener().onEvent(message(0, 2));
    // the shard disconnects having received 5; events 3-5 still wait for the listeners
    store.save(0, 1, new SessionSnapshot("s0", 5, RESUME_URL));
    assertThat(store.flush()).isTrue();
    assertThat(loadInNewProcess(0, 1)).map(SessionSnapshot::sequence).contains(2L);

    for (long seq = 3; seq <= 5; seq++) {
      store.checkpointListener().onEvent(message(0, seq));
    }
    store.close();
    assertThat(loadInNewProcess(0, 1)).contains(new SessionSnapshot("s0", 5, RESUME_URL));
  }

  @Test
  void aRemovedSessionIsGoneForTheNextProcess() {
    RedisSessionStore store = store(connections(), Duration.ofHours(1));
    store.save(2, 4, new SessionSnapshot("s2", 7, RESUME_URL));
    assertThat(store.flush()).isTrue();
    assertThat(loadInNewProcess(2, 4)).isPresent();

    store.remove(2, 4);
    store.close();

    assertThat(loadInNewProcess(2, 4)).isEmpty();
  }

  @Test
  void anUnreachableStoreAnswersEmptyAtOnceAndNeverBlocksSaves() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    RedisConnections nowhere = new RedisConnections(closedPort);
    resources.add(nowhere);
    RedisSessionStore store = store(nowhere, Duration.ofMillis(100));

    long begin = System.nanoTime();
    assertThat(store.load(0, 1)).isEmpty();
    store.save(0, 1, new SessionSnapshot("s0", 9, RESUME_URL));
    store.checkpointListener().onEvent(message(0, 10));
    assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(TIMEOUT.plusSeconds(1));

    assertThat(store.state().reachable()).isFalse();
    assertThat(store.state().lastError()).isNotBlank();
    // what this process saved it still knows (a reconnect resumes without Redis)
    assertThat(store.load(0, 1)).map(SessionSnapshot::sessionId).contains("s0");
  }
}
