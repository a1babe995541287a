package io.github.discordgateway.test;

import io.github.discordgateway.core.protocol.Intent;
import io.github.discordgateway.core.protocol.Opcode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Everything clients did to a {@link FakeDiscordGateway}: payloads, connections, HTTP requests,
 * per-shard counters, and assertion helpers that throw {@link AssertionError} with a readable
 * message.
 *
 * <p>The {@code take...} methods block up to a timeout on queues, like OkHttp's {@code
 * MockWebServer.takeRequest}; each queued item is returned once. The list accessors return
 * snapshots of everything recorded.
 */
public final class TrafficRecorder {

  private final BlockingQueue<ClientPayload> payloadQueue = new LinkedBlockingQueue<>();
  private final BlockingQueue<ClientPayload> commandQueue = new LinkedBlockingQueue<>();
  private final BlockingQueue<ClientPayload> heartbeatQueue = new LinkedBlockingQueue<>();
  private final BlockingQueue<FakeConnection> connectionQueue = new LinkedBlockingQueue<>();
  private final BlockingQueue<RecordedHttpRequest> httpQueue = new LinkedBlockingQueue<>();
  private final List<ClientPayload> payloads = new CopyOnWriteArrayList<>();
  private final List<FakeConnection> connections = new CopyOnWriteArrayList<>();
  private final List<RecordedHttpRequest> httpRequests = new CopyOnWriteArrayList<>();
  private final List<Integer> clientCloseCodes = new CopyOnWriteArrayList<>();
  private final List<Integer> serverCloseCodes = new CopyOnWriteArrayList<>();
  private final Map<Integer, AtomicInteger> connectionsByShard = new ConcurrentHashMap<>();
  private final Map<Integer, AtomicInteger> identifiesByShard = new ConcurrentHashMap<>();
  private final Map<Integer, AtomicInteger> resumesByShard = new ConcurrentHashMap<>();
  private final AtomicInteger refusedConnections = new AtomicInteger();
  private final List<String> tokenOutsideAuthorization = new CopyOnWriteArrayList<>();
  private final List<ServerPayload> serverPayloads = new CopyOnWriteArrayList<>();
  private final BlockingQueue<ServerPayload> serverPayloadQueue = new LinkedBlockingQueue<>();

  TrafficRecorder() {}

  // ---- recording (package-private) --------------------------------------------------------

  void payload(ClientPayload payload) {
    payloads.add(payload);
    payloadQueue.add(payload);
    if (payload.op() == Opcode.HEARTBEAT.code()) {
      heartbeatQueue.add(payload);
    } else {
      commandQueue.add(payload);
    }
  }

  void serverPayload(ServerPayload payload) {
    serverPayloads.add(payload);
    serverPayloadQueue.add(payload);
  }

  void connection(FakeConnection connection) {
    connections.add(connection);
    connectionQueue.add(connection);
  }

  void http(RecordedHttpRequest request) {
    httpRequests.add(request);
    httpQueue.add(request);
  }

  void bound(int shard) {
    count(connectionsByShard, shard);
  }

  void identified(int shard) {
    count(identifiesByShard, shard);
  }

  void resumed(int shard) {
    count(resumesByShard, shard);
  }

  void clientClose(int code) {
    clientCloseCodes.add(code);
  }

  void serverClose(int code) {
    serverCloseCodes.add(code);
  }

  void tokenOutsideAuthorization(String request) {
    tokenOutsideAuthorization.add(request);
  }

  void refused() {
    refusedConnections.incrementAndGet();
  }

  private static void count(Map<Integer, AtomicInteger> map, int shard) {
    map.computeIfAbsent(shard, k -> new AtomicInteger()).incrementAndGet();
  }

  // ---- blocking access ---------------------------------------------------------------------

  /** Returns the next payload of any opcode, heartbeats included. */
  public ClientPayload takePayload(Duration timeout) {
    return take(payloadQueue, timeout, "payload");
  }

  /** Returns the next payload that is not a heartbeat (op 1). */
  public ClientPayload takeCommand(Duration timeout) {
    return take(commandQueue, timeout, "command");
  }

  /**
   * Returns the next non-heartbeat payload with opcode {@code op}, discarding commands with other
   * opcodes that come before it.
   */
  public ClientPayload takeCommand(Opcode op, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      ClientPayload next = poll(commandQueue, left);
      if (next == null) {
        throw new AssertionError("no op " + op.code() + " (" + op + ") within " + timeout);
      }
      if (next.op() == op.code()) {
        return next;
      }
    }
  }

  /** Returns the next heartbeat (op 1). */
  public ClientPayload takeHeartbeat(Duration timeout) {
    return take(heartbeatQueue, timeout, "heartbeat");
  }

  /** Returns the next connection that was opened. */
  public FakeConnection takeConnection(Duration timeout) {
    return take(connectionQueue, timeout, "connection");
  }

  /**
   * Returns the next non-dispatch payload the fake wrote (Hello, Heartbeat ACK, op 1, op 7, op 9).
   */
  public ServerPayload takeServerPayload(Duration timeout) {
    return take(serverPayloadQueue, timeout, "server payload");
  }

  /** Returns the next HTTP request. */
  public RecordedHttpRequest takeHttpRequest(Duration timeout) {
    return take(httpQueue, timeout, "HTTP request");
  }

  private static <T> T take(BlockingQueue<T> queue, Duration timeout, String what) {
    T next = poll(queue, timeout.toNanos());
    if (next == null) {
      throw new AssertionError("no " + what + " within " + timeout);
    }
    return next;
  }

  private static <T> T poll(BlockingQueue<T> queue, long nanos) {
    try {
      return queue.poll(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting", e);
    }
  }

  // ---- snapshots and counters --------------------------------------------------------------

  /** Returns every payload received, in order. */
  public List<ClientPayload> payloads() {
    return List.copyOf(payloads);
  }

  /** Returns every payload received with opcode {@code op}, in order. */
  public List<ClientPayload> payloads(Opcode op) {
    return payloads.stream().filter(p -> p.op() == op.code()).toList();
  }

  /**
   * Returns every non-dispatch payload the fake wrote (Hello, Heartbeat ACK, op 1, op 7, op 9), in
   * order. Dispatches are in {@link FakeDiscordGateway#sentDispatches(String)}.
   */
  public List<ServerPayload> serverPayloads() {
    return List.copyOf(serverPayloads);
  }

  /** Returns every non-dispatch payload the fake wrote with opcode {@code op}, in order. */
  public List<ServerPayload> serverPayloads(Opcode op) {
    return serverPayloads.stream().filter(p -> p.op() == op.code()).toList();
  }

  /** Returns every connection opened, in order. */
  public List<FakeConnection> connections() {
    return List.copyOf(connections);
  }

  /** Returns every HTTP request, in order. */
  public List<RecordedHttpRequest> httpRequests() {
    return List.copyOf(httpRequests);
  }

  /** Returns the number of WebSocket connections opened (refused ones not included). */
  public int connectionCount() {
    return connections.size();
  }

  /** Returns the number of connections that identified or resumed as {@code shard}. */
  public int connectionCount(int shard) {
    return get(connectionsByShard, shard);
  }

  /** Returns the number of accepted Identifies (READY sent) for {@code shard}. */
  public int identifyCount(int shard) {
    return get(identifiesByShard, shard);
  }

  /** Returns the number of successful Resumes (RESUMED sent) for {@code shard}. */
  public int resumeCount(int shard) {
    return get(resumesByShard, shard);
  }

  /** Returns the number of WebSocket upgrades refused while refusing connections. */
  public int refusedConnectionCount() {
    return refusedConnections.get();
  }

  /**
   * Returns the HTTP requests (REST calls and WebSocket upgrades, as {@code METHOD path}) that
   * carried the fake's token anywhere but in the {@code Authorization} header: in the URI or query,
   * in another header, or in the body. A client that keeps its token secret leaves this empty.
   */
  public List<String> requestsWithTokenOutsideAuthorization() {
    return List.copyOf(tokenOutsideAuthorization);
  }

  /**
   * Returns the close codes clients sent, in order; a close frame without a status code is recorded
   * as 1005, as RFC 6455 reports it.
   */
  public List<Integer> clientCloseCodes() {
    return List.copyOf(clientCloseCodes);
  }

  /** Returns the close codes the fake sent, in order. */
  public List<Integer> serverCloseCodes() {
    return List.copyOf(serverCloseCodes);
  }

  /**
   * Returns the {@code d} of each heartbeat on connections of {@code shard} ({@code null}s kept).
   */
  public List<Long> heartbeatSequences(int shard) {
    List<Long> result = new ArrayList<>();
    for (ClientPayload p : payloads) {
      if (p.op() == Opcode.HEARTBEAT.code() && p.shard() == shard) {
        result.add(p.sequence());
      }
    }
    return result;
  }

  private static int get(Map<Integer, AtomicInteger> map, int shard) {
    AtomicInteger value = map.get(shard);
    return value == null ? 0 : value.get();
  }

  // ---- assertions --------------------------------------------------------------------------

  /** Asserts that the latest Identify for {@code shard} asked for exactly {@code intents}. */
  public void assertIdentifiedWith(int shard, Set<Intent> intents) {
    assertIdentifiedWith(shard, Intent.toBitmask(intents));
  }

  /** Asserts that the latest Identify for {@code shard} carried the {@code intents} bitmask. */
  public void assertIdentifiedWith(int shard, long intents) {
    ClientPayload identify = latestIdentify(shard);
    long actual = identify.data().path("intents").asLong(-1);
    if (actual != intents) {
      throw new AssertionError(
          "shard " + shard + " identified with intents " + actual + ", expected " + intents);
    }
  }

  /** Asserts that the latest Resume carried {@code seq} (and, if not null, {@code sessionId}). */
  public void assertResumedWith(String sessionId, long seq) {
    List<ClientPayload> resumes = payloads(Opcode.RESUME);
    if (resumes.isEmpty()) {
      throw new AssertionError("no Resume was sent");
    }
    JsonNode d = resumes.get(resumes.size() - 1).data();
    if (d.path("seq").asLong(-1) != seq
        || (sessionId != null && !sessionId.equals(d.path("session_id").asString(null)))) {
      throw new AssertionError(
          "last Resume had session_id="
              + d.path("session_id").asString(null)
              + " seq="
              + d.path("seq")
              + ", expected session_id="
              + sessionId
              + " seq="
              + seq);
    }
  }

  /**
   * Asserts that the heartbeats of {@code shard} carried {@code expected} in this order (other
   * heartbeats may come before, between and after).
   */
  public void assertHeartbeatsCarried(int shard, Long... expected) {
    List<Long> actual = heartbeatSequences(shard);
    int i = 0;
    for (Long seq : actual) {
      if (i < expected.length && java.util.Objects.equals(seq, expected[i])) {
        i++;
      }
    }
    if (i < expected.length) {
      throw new AssertionError(
          "heartbeats of shard "
              + shard
              + " carried "
              + actual
              + ", expected the subsequence "
              + Arrays.toString(expected));
    }
  }

  /**
   * Asserts that no connection received more than {@code max} payloads within any {@code window}.
   */
  public void assertAtMostPerWindow(int max, Duration window) {
    Map<Long, List<ClientPayload>> byConnection = new ConcurrentHashMap<>();
    for (ClientPayload p : payloads) {
      byConnection.computeIfAbsent(p.connectionId(), k -> new ArrayList<>()).add(p);
    }
    for (Map.Entry<Long, List<ClientPayload>> entry : byConnection.entrySet()) {
      List<ClientPayload> list = entry.getValue();
      int start = 0;
      for (int end = 0; end < list.size(); end++) {
        while (!list.get(start).receivedAt().plus(window).isAfter(list.get(end).receivedAt())) {
          start++;
        }
        if (end - start + 1 > max) {
          throw new AssertionError(
              "connection "
                  + entry.getKey()
                  + " sent "
                  + (end - start + 1)
                  + " payloads within "
                  + window
                  + ", at most "
                  + max
                  + " allowed");
        }
      }
    }
  }

  private ClientPayload latestIdentify(int shard) {
    ClientPayload latest = null;
    for (ClientPayload p : payloads) {
      if (p.op() == Opcode.IDENTIFY.code()) {
        JsonNode s = p.data().get("shard");
        int id = s != null && s.isArray() && s.size() == 2 ? s.get(0).asInt() : 0;
        if (id == shard) {
          latest = p;
        }
      }
    }
    if (latest == null) {
      throw new AssertionError("shard " + shard + " never sent Identify");
    }
    return latest;
  }
}
