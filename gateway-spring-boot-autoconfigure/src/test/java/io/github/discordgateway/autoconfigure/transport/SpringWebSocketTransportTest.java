package io.github.discordgateway.autoconfigure.transport;

import static io.github.discordgateway.autoconfigure.transport.ScriptedWebSocketServer.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.autoconfigure.transport.ScriptedWebSocketServer.Received;
import io.github.discordgateway.core.transport.GatewayConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

/** {@link SpringWebSocketTransport} over Tomcat's JSR-356 client against a scripted server. */
class SpringWebSocketTransportTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final StandardWebSocketClient CLIENT = SpringWebSocketTransport.standardClient(2);

  private ScriptedWebSocketServer server;
  private final RecordingHandler handler = new RecordingHandler();

  @BeforeEach
  void startServer() throws Exception {
    server = new ScriptedWebSocketServer();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private GatewayConnection connect(int maxMessageSize) throws Exception {
    SpringWebSocketTransport transport =
        new SpringWebSocketTransport(CLIENT, maxMessageSize, Duration.ofSeconds(5));
    GatewayConnection connection =
        transport.connect(server.uri(), handler, TIMEOUT).get(10, TimeUnit.SECONDS);
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

    await().atMost(TIMEOUT).until(() -> handler.texts.size() == 1 && handler.binaries.size() == 1);
    assertThat(handler.texts).containsExactly("{\"op\":10}");
    assertThat(handler.binaries.get(0)).containsExactly(1, 2, 3, 0xff);
    Received sent = server.take(TIMEOUT);
    assertThat(sent.kind()).isEqualTo("text");
    assertThat(sent.text()).isEqualTo("{\"op\":1,\"d\":null}");
    assertThat(connection.isOpen()).isTrue();
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
  void closesWith1009AndReportsAClearErrorForAMessageOverTheLimit() throws Exception {
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
    assertThat(close.closeCode()).isEqualTo(1009);
    assertThat(handler.texts).isEmpty();
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
  void failsWithinTheConnectTimeoutWhenTheServerNeverAnswersTheHandshake() throws Exception {
    // a listening socket that never accepts: the TCP connect succeeds, the HTTP upgrade never ends
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      URI uri = URI.create("ws://127.0.0.1:" + silent.getLocalPort() + "/?v=10&token=secret");
      SpringWebSocketTransport transport =
          new SpringWebSocketTransport(CLIENT, 1 << 20, Duration.ofSeconds(5));
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
    SpringWebSocketTransport transport =
        new SpringWebSocketTransport(CLIENT, 1 << 20, Duration.ofSeconds(5));

    CompletableFuture<GatewayConnection> attempt =
        transport.connect(
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
      new SpringWebSocketTransport(CLIENT, 64 * 1024, Duration.ofSeconds(5))
          .connect(hostile.uri(), hostileHandler, TIMEOUT)
          .get(10, TimeUnit.SECONDS);

      assertThat(hostile.closeCode(TIMEOUT)).isEqualTo(1009);
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
      new SpringWebSocketTransport(CLIENT, 64 * 1024, Duration.ofSeconds(5))
          .connect(hostile.uri(), hostileHandler, TIMEOUT)
          .get(10, TimeUnit.SECONDS);

      // the client drops the connection (with unread pings in its buffer the close frame may be
      // lost to a reset, so the end of the connection is what the server can observe)
      hostile.awaitEnd(TIMEOUT);
      assertThat(hostile.pongs()).isLessThanOrEqualTo(PingBudget.PINGS_PER_SECOND);
      await().atMost(TIMEOUT).until(() -> !hostileHandler.closes.isEmpty());
      assertThat(hostileHandler.closes).singleElement().asString().startsWith("1008");
      assertThat(hostileHandler.errors)
          .hasAtLeastOneElementOfType(ControlFrameFloodException.class);
    }
  }
}
