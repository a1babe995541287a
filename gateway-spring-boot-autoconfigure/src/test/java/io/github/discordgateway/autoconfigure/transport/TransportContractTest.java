package io.github.discordgateway.autoconfigure.transport;

import static io.github.discordgateway.autoconfigure.transport.ScriptedWebSocketServer.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.autoconfigure.transport.ScriptedWebSocketServer.Received;
import io.github.discordgateway.core.transport.ControlFrameFloodException;
import io.github.discordgateway.core.transport.GatewayConnection;
import io.github.discordgateway.core.transport.GatewayTransport;
import io.github.discordgateway.core.transport.MessageTooLargeException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link GatewayTransport} must do, over a real WebSocket on 127.0.0.1: each transport's
 * test extends this class with the transport to check and the few things the underlying library
 * decides (the close code it can put on the wire for a message over the limit, the pongs it sends
 * before a flood is noticed).
 */
abstract class TransportContractTest {

  static final Duration TIMEOUT = Duration.ofSeconds(10);

  ScriptedWebSocketServer server;
  final RecordingHandler handler = new RecordingHandler();

  /** Returns the transport under test, accepting messages of up to {@code maxMessageSize}. */
  abstract GatewayTransport transport(int maxMessageSize);

  /** Returns the close code the transport sends for a message over the limit. */
  abstract int tooLargeCloseCodeOnTheWire();

  /** Returns the most pongs the transport may send to a flood of pings before dropping it. */
  abstract int mostPongsToAFlood();

  @BeforeEach
  void startServer() throws Exception {
    server = new ScriptedWebSocketServer();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  GatewayConnection connect(int maxMessageSize) throws Exception {
    GatewayConnection connection =
        transport(maxMessageSize).connect(server.uri(), handler, TIMEOUT).get(10, TimeUnit.SECONDS);
    server.client();
    assertThat(handler.opens).hasValue(1);
    assertThat(handler.connection).isSameAs(connection);
    return connection;
  }

  @Test
  void deliversTextAndBinaryMessagesBothWays() throws Exception {
    GatewayConnection connection = connect(1 << 20);

    server.sendText("{\"op\":10}");
    server.sendBinary(new byte[] {1, 2, 3, (byte) 0xff});
    connection.sendText("{\"op\":1,\"d\":null}");
    connection.sendBinary(new byte[] {(byte) 131, 104, 0});

    await().atMost(TIMEOUT).until(() -> handler.texts.size() == 1 && handler.binaries.size() == 1);
    assertThat(handler.texts).containsExactly("{\"op\":10}");
    assertThat(handler.binaries.get(0)).containsExactly(1, 2, 3, 0xff);
    Received sent = server.take(TIMEOUT);
    assertThat(sent.kind()).isEqualTo("text");
    assertThat(sent.text()).isEqualTo("{\"op\":1,\"d\":null}");
    Received binary = server.take(TIMEOUT);
    assertThat(binary.kind()).isEqualTo("binary");
    assertThat(binary.bytes()).containsExactly(131, 104, 0);
    assertThat(connection.isOpen()).isTrue();
  }

  @Test
  void endsEveryReadAfterTheMessagesItDelivered() throws Exception {
    connect(1 << 20);

    for (int i = 0; i < 10; i++) {
      server.sendText("m" + i);
    }

    await().atMost(TIMEOUT).until(() -> handler.texts.size() == 10);
    await()
        .atMost(TIMEOUT)
        .until(() -> handler.sequence.get(handler.sequence.size() - 1), "end"::equals);
    assertThat(handler.sequence.get(0)).isEqualTo("text");
  }

  @Test
  void assemblesMessagesSentAsSeveralFrames() throws Exception {
    connect(1 << 20);

    server.sendFragments(
        false, List.of(utf8("{\"op\":0,"), utf8("\"t\":\"É\""), utf8(",\"s\":1}")));
    server.sendFragments(true, List.of(new byte[] {1, 2}, new byte[] {3}, new byte[] {4, 5, 6}));
    String big = "x".repeat(300_000);
    server.sendText(big); // one frame, larger than the client's read buffer: arrives in parts

    await().atMost(TIMEOUT).until(() -> handler.texts.size() == 2 && handler.binaries.size() == 1);
    assertThat(handler.texts.get(0)).isEqualTo("{\"op\":0,\"t\":\"É\",\"s\":1}");
    assertThat(handler.texts.get(1)).isEqualTo(big);
    assertThat(handler.binaries.get(0)).containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void closesAndReportsAClearErrorForAMessageOverTheLimit() throws Exception {
    connect(64 * 1024);

    server.sendText("y".repeat(100_000));

    await().atMost(TIMEOUT).until(() -> !handler.closes.isEmpty());
    assertThat(handler.errors)
        .singleElement()
        .isInstanceOf(MessageTooLargeException.class)
        .extracting(Throwable::getMessage)
        .asString()
        .contains("exceeds the limit of 65536");
    assertThat(handler.closes).singleElement().asString().startsWith("1009");
    Received close = server.take(TIMEOUT);
    assertThat(close.kind()).isEqualTo("close");
    assertThat(close.closeCode()).isEqualTo(tooLargeCloseCodeOnTheWire());
    assertThat(handler.texts).isEmpty();
  }

  @Test
  void closesForABinaryMessageOverTheLimitSentInFragments() throws Exception {
    connect(64 * 1024);

    // the second fragment goes over the limit; nothing follows it (the client drops the socket)
    server.sendFragments(true, List.of(new byte[40_000], new byte[40_000]));

    await().atMost(TIMEOUT).until(() -> !handler.closes.isEmpty());
    assertThat(handler.errors).singleElement().isInstanceOf(MessageTooLargeException.class);
    assertThat(handler.closes).singleElement().asString().startsWith("1009");
    assertThat(handler.binaries).isEmpty();
  }

  @Test
  void passesTheServersCloseCodeAndReasonToTheHandler() throws Exception {
    connect(1 << 20);

    server.close(4004, "Authentication failed.");

    await().atMost(TIMEOUT).until(() -> !handler.closes.isEmpty());
    assertThat(handler.closes).containsExactly("4004 Authentication failed.");
  }

  @Test
  void sendsTheClientsCloseCodeAndReason() throws Exception {
    GatewayConnection connection = connect(1 << 20);

    connection.close(4900, "Reconnect requested");

    Received close = server.take(TIMEOUT);
    assertThat(close.kind()).isEqualTo("close");
    assertThat(close.closeCode()).isEqualTo(4900);
    assertThat(close.text()).isEqualTo("Reconnect requested");
    await().atMost(TIMEOUT).until(() -> handler.closes.size() == 1);
    assertThat(handler.closes.get(0)).startsWith("4900");
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void stopsDeliveringWhileReadingIsPausedAndCatchesUpInOrder() throws Exception {
    GatewayConnection connection = connect(1 << 20);
    server.sendText("before");
    await().atMost(TIMEOUT).until(() -> handler.texts.size() == 1);

    connection.pauseReading();
    for (int i = 0; i < 20; i++) {
      server.sendText("paused " + i);
    }
    connection.sendText("still sending");
    assertThat(server.take(TIMEOUT).text()).isEqualTo("still sending");
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> handler.texts.size() <= 2);

    connection.resumeReading();

    await().atMost(TIMEOUT).until(() -> handler.texts.size() == 21);
    for (int i = 0; i < 20; i++) {
      assertThat(handler.texts.get(i + 1)).isEqualTo("paused " + i);
    }
  }

  @Test
  void sendsTheFramesOfOneWriterInOrderAndEveryFrameOfConcurrentWriters() throws Exception {
    GatewayConnection connection = connect(1 << 20);
    int writers = 4;
    int frames = 100;

    for (int i = 0; i < frames; i++) {
      connection.sendText("single " + i);
    }
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<CompletableFuture<Void>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        done.add(
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; i < frames; i++) {
                    connection.sendText("w" + writer + " " + i);
                  }
                },
                pool));
      }
      CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }

    for (int i = 0; i < frames; i++) {
      Received received = server.take(TIMEOUT);
      assertThat(received).isNotNull();
      assertThat(received.text()).isEqualTo("single " + i);
    }
    Map<String, Integer> next = new HashMap<>();
    for (int i = 0; i < writers * frames; i++) {
      Received received = server.take(TIMEOUT);
      assertThat(received).as("frame %s of the concurrent writers", i).isNotNull();
      String[] parts = received.text().split(" ");
      int expected = next.getOrDefault(parts[0], 0);
      assertThat(Integer.parseInt(parts[1])).as("order of %s", parts[0]).isEqualTo(expected);
      next.put(parts[0], expected + 1);
    }
    assertThat(next)
        .hasSize(writers)
        .allSatisfy((writer, count) -> assertThat(count).isEqualTo(frames));
  }

  @Test
  void failsWithinTheConnectTimeoutWhenTheServerNeverAnswersTheHandshake() throws Exception {
    // a listening socket that never accepts: the TCP connect succeeds, the HTTP upgrade never ends
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      URI uri = URI.create("ws://127.0.0.1:" + silent.getLocalPort() + "/?v=10&token=secret");
      GatewayTransport transport = transport(1 << 20);
      long begin = System.nanoTime();

      CompletableFuture<GatewayConnection> attempt =
          transport.connect(uri, handler, Duration.ofMillis(500));
      Throwable failure = catchThrowable(() -> attempt.get(5, TimeUnit.SECONDS));

      Duration took = Duration.ofNanos(System.nanoTime() - begin);
      assertThat(failure).isInstanceOf(ExecutionException.class);
      assertThat(failure.getCause())
          .isInstanceOf(TimeoutException.class)
          .hasMessageContaining("127.0.0.1:" + silent.getLocalPort())
          .hasMessageNotContaining("secret");
      assertThat(took).isBetween(Duration.ofMillis(400), Duration.ofSeconds(3));
      assertThat(handler.opens).hasValue(0);
    }
  }

  @Test
  void failsPromptlyWhenNothingListens() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = socket.getLocalPort();
    }

    CompletableFuture<GatewayConnection> attempt =
        transport(1 << 20)
            .connect(
                URI.create("ws://127.0.0.1:" + port + "/?v=10"), handler, Duration.ofSeconds(5));

    Throwable failure = catchThrowable(() -> attempt.get(4, TimeUnit.SECONDS));
    assertThat(failure).isInstanceOf(ExecutionException.class);
    assertThat(failure.getCause()).isNotInstanceOf(TimeoutException.class);
    assertThat(handler.opens).hasValue(0);
  }

  @Test
  void dropsTheConnectionWithinASecondOfClosingOnAFrameAnnouncingATerabyte() throws Exception {
    try (HostileWebSocketServer hostile =
        new HostileWebSocketServer(
            out -> {
              // FIN + text, 64-bit length 2^40, unmasked; then the payload for as long as the
              // client reads it (bounded: 256 MiB at most)
              out.write(new byte[] {(byte) 0x81, 127, 0, 0, 1, 0, 0, 0, 0, 0});
              byte[] chunk = new byte[16 * 1024];
              java.util.Arrays.fill(chunk, (byte) 'a');
              for (int i = 0; i < 16 * 1024; i++) {
                out.write(chunk);
              }
            })) {
      RecordingHandler hostileHandler = new RecordingHandler();
      transport(64 * 1024)
          .connect(hostile.uri(), hostileHandler, TIMEOUT)
          .get(10, TimeUnit.SECONDS);

      assertThat(hostile.closeCode(TIMEOUT)).isEqualTo(tooLargeCloseCodeOnTheWire());
      assertThat(hostile.closeToEnd(TIMEOUT)).isLessThan(Duration.ofSeconds(1));
      await().atMost(TIMEOUT).until(() -> !hostileHandler.closes.isEmpty());
      assertThat(hostileHandler.closes).singleElement().asString().startsWith("1009");
      assertThat(hostileHandler.errors).hasAtLeastOneElementOfType(MessageTooLargeException.class);
    }
  }

  @Test
  void dropsAConnectionThatFloodsPingsAfterAnsweringABoundedNumber() throws Exception {
    try (HostileWebSocketServer hostile =
        new HostileWebSocketServer(
            out -> {
              // 400,000 empty pings, written 32,768 at a time
              byte[] burst = new byte[2 * 32_768];
              for (int i = 0; i < burst.length; i += 2) {
                burst[i] = (byte) 0x89;
              }
              for (int sent = 0; sent < 400_000; sent += 32_768) {
                out.write(burst);
              }
            })) {
      RecordingHandler hostileHandler = new RecordingHandler();
      transport(64 * 1024)
          .connect(hostile.uri(), hostileHandler, TIMEOUT)
          .get(10, TimeUnit.SECONDS);

      // the client drops the connection (with unread pings in its buffer the close frame may be
      // lost to a reset, so the end of the connection is what the server can observe)
      hostile.awaitEnd(TIMEOUT);
      assertThat(hostile.pongs()).isLessThanOrEqualTo(mostPongsToAFlood());
      await().atMost(TIMEOUT).until(() -> !hostileHandler.closes.isEmpty());
      assertThat(hostileHandler.closes).singleElement().asString().startsWith("1008");
      assertThat(hostileHandler.errors)
          .hasAtLeastOneElementOfType(ControlFrameFloodException.class);
    }
  }
}
