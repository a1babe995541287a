package io.github.discordgateway.autoconfigure.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.autoconfigure.transport.ScriptedWebSocketServer.Received;
import io.github.discordgateway.core.transport.GatewayConnection;
import io.github.discordgateway.core.transport.GatewayTransport;
import io.github.discordgateway.core.transport.internal.PingBudget;
import io.github.discordgateway.core.transport.jdk.JdkWebSocketTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@link JdkWebSocketTransport} (gateway-core, over {@code java.net.http.WebSocket}) against the
 * same scripted server as the Spring transport, plus what only it promises: threads that do not
 * grow with the connections, and a close that ends its connections and threads.
 */
class JdkWebSocketTransportTest extends TransportContractTest {

  /** One transport for the contract tests, as one application has. */
  private static final JdkWebSocketTransport SHARED =
      new JdkWebSocketTransport(1 << 20, Duration.ofSeconds(5), 2);

  private static final List<JdkWebSocketTransport> SIZED = new ArrayList<>();

  @AfterAll
  static void closeTransports() {
    SHARED.close();
    SIZED.forEach(JdkWebSocketTransport::close);
  }

  @Override
  GatewayTransport transport(int maxMessageSize) {
    if (maxMessageSize == 1 << 20) {
      return SHARED;
    }
    JdkWebSocketTransport transport =
        new JdkWebSocketTransport(maxMessageSize, Duration.ofSeconds(5), 2);
    SIZED.add(transport);
    return transport;
  }

  @Override
  int tooLargeCloseCodeOnTheWire() {
    // the JDK refuses to send 1009 from a client: 1008 (policy violation) goes on the wire
    return 1008;
  }

  @Override
  int mostPongsToAFlood() {
    // the JDK queues the pong before the listener sees the ping that goes over the budget
    return PingBudget.PINGS_PER_SECOND + 1;
  }

  @Test
  void opensSixtyConnectionsWithoutAddingAThreadPerConnection() throws Exception {
    int connections = 60;
    try (JdkWebSocketTransport transport =
        new JdkWebSocketTransport(1 << 20, Duration.ofSeconds(5), 2)) {
      // the first connection starts the client's selector thread and the pool
      List<RecordingHandler> handlers = new ArrayList<>();
      List<GatewayConnection> open = new ArrayList<>();
      open.add(openOn(transport, handlers));
      int before = Thread.activeCount();

      for (int i = 1; i < connections; i++) {
        open.add(openOn(transport, handlers));
      }
      for (GatewayConnection connection : open) {
        connection.sendText("ping");
      }
      for (int i = 0; i < connections; i++) {
        assertThat(server.take(TIMEOUT)).as("frame %s", i).isNotNull();
      }

      int after = Thread.activeCount();
      // the pool holds at most 2 threads; the server is one event loop thread
      assertThat(after - before).as("threads added by 59 more connections").isLessThanOrEqualTo(2);
      assertThat(open).allMatch(GatewayConnection::isOpen);
    }
  }

  @Test
  void closeSendsACloseFrameOnEveryOpenConnectionAndEndsItsThreads() throws Exception {
    Set<String> before = jdkThreads();
    JdkWebSocketTransport transport = new JdkWebSocketTransport(1 << 20, Duration.ofSeconds(5), 2);
    List<RecordingHandler> handlers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      openOn(transport, handlers);
    }
    Set<String> mine = jdkThreads();
    mine.removeAll(before);
    assertThat(mine).as("the new transport's pool threads").isNotEmpty();

    transport.close();

    for (int i = 0; i < 3; i++) {
      Received close = server.take(TIMEOUT);
      assertThat(close).isNotNull();
      assertThat(close.kind()).isEqualTo("close");
      assertThat(close.closeCode()).isEqualTo(4900);
    }
    assertThat(handlers)
        .allSatisfy(h -> assertThat(h.closes).singleElement().asString().startsWith("4900"));
    await().atMost(TIMEOUT).until(() -> jdkThreads().stream().noneMatch(mine::contains));
    Throwable refused =
        catchThrowable(
            () ->
                transport
                    .connect(server.uri(), new RecordingHandler(), TIMEOUT)
                    .get(5, TimeUnit.SECONDS));
    assertThat(refused).isInstanceOf(ExecutionException.class);
    assertThat(refused.getCause()).isInstanceOf(IllegalStateException.class);
  }

  private GatewayConnection openOn(JdkWebSocketTransport transport, List<RecordingHandler> handlers)
      throws Exception {
    RecordingHandler recording = new RecordingHandler();
    handlers.add(recording);
    return transport.connect(server.uri(), recording, TIMEOUT).get(10, TimeUnit.SECONDS);
  }

  /** The names of the live pool threads of every JDK transport. */
  private static Set<String> jdkThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("discord-gateway-jdk-"))
        .collect(Collectors.toCollection(HashSet::new));
  }
}
