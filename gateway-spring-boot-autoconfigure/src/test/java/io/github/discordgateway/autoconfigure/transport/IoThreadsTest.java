package io.github.discordgateway.autoconfigure.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.core.transport.ConnectionHandler;
import io.github.discordgateway.core.transport.internal.PingBudget;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

/**
 * The I/O threads of {@link SpringWebSocketTransport#standardClient(int, int)}: a bounded pool of
 * the client's own that reads every connection, never deadlocks on Tomcat's blocking sends from the
 * read path, ends with the client, and tells handlers where each read ends.
 */
class IoThreadsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static SpringWebSocketTransport transport(StandardWebSocketClient client) {
    return new SpringWebSocketTransport(client, 1 << 20, Duration.ofSeconds(5));
  }

  @Test
  void readsManyConnectionsOnAtMostTheConfiguredNumberOfThreads() throws Exception {
    StandardWebSocketClient client = SpringWebSocketTransport.standardClient(2, 2);
    List<ScriptedWebSocketServer> servers = new ArrayList<>();
    List<RecordingHandler> handlers = new ArrayList<>();
    try (AutoCloseable closeClient = (AutoCloseable) client) {
      for (int i = 0; i < 5; i++) {
        ScriptedWebSocketServer server = new ScriptedWebSocketServer();
        servers.add(server);
        RecordingHandler handler = new RecordingHandler();
        handlers.add(handler);
        transport(client).connect(server.uri(), handler, TIMEOUT).get(10, TimeUnit.SECONDS);
      }
      for (int n = 0; n < 200; n++) {
        for (ScriptedWebSocketServer server : servers) {
          server.sendText("event " + n);
        }
      }

      for (RecordingHandler handler : handlers) {
        await().atMost(TIMEOUT).until(() -> handler.texts.size() == 200);
        for (int n = 0; n < 200; n++) {
          assertThat(handler.texts.get(n)).isEqualTo("event " + n);
        }
      }
      List<String> readers =
          handlers.stream()
              .flatMap(handler -> handler.readers.stream())
              .map(Thread::getName)
              .distinct()
              .toList();
      assertThat(readers)
          .hasSizeBetween(1, 2)
          .allMatch(name -> name.startsWith("discord-gateway-io-"));
    } finally {
      servers.forEach(ScriptedWebSocketServer::close);
    }
  }

  @Test
  void aSingleIoThreadSurvivesAPingFloodAndAServerCloseWhileAnotherConnectionStreams()
      throws Exception {
    StandardWebSocketClient client = SpringWebSocketTransport.standardClient(1, 1);
    try (AutoCloseable closeClient = (AutoCloseable) client;
        ScriptedWebSocketServer streaming = new ScriptedWebSocketServer();
        ScriptedWebSocketServer closing = new ScriptedWebSocketServer();
        HostileWebSocketServer flooding =
            new HostileWebSocketServer(
                out -> {
                  // empty pings, 32,768 per write, 400,000 at most: each one the client answers
                  // is a blocking send from its only I/O thread
                  byte[] burst = new byte[2 * 32_768];
                  for (int i = 0; i < burst.length; i += 2) {
                    burst[i] = (byte) 0x89;
                  }
                  for (int sent = 0; sent < 400_000; sent += 32_768) {
                    out.write(burst);
                  }
                })) {
      RecordingHandler streamed = new RecordingHandler();
      RecordingHandler closed = new RecordingHandler();
      RecordingHandler flooded = new RecordingHandler();
      transport(client).connect(streaming.uri(), streamed, TIMEOUT).get(10, TimeUnit.SECONDS);
      transport(client).connect(closing.uri(), closed, TIMEOUT).get(10, TimeUnit.SECONDS);
      transport(client).connect(flooding.uri(), flooded, TIMEOUT).get(10, TimeUnit.SECONDS);

      closing.close(4000, "Unknown error");
      for (int n = 0; n < 500; n++) {
        streaming.sendText("event " + n);
      }

      await().atMost(TIMEOUT).until(() -> streamed.texts.size() == 500);
      await().atMost(TIMEOUT).until(() -> !closed.closes.isEmpty() && !flooded.closes.isEmpty());
      assertThat(closed.closes).containsExactly("4000 Unknown error");
      assertThat(flooded.closes).singleElement().asString().startsWith("1008");
      assertThat(flooding.pongs()).isLessThanOrEqualTo(PingBudget.PINGS_PER_SECOND);
      // the client answered the close on that same thread: the server got its close frame back
      assertThat(closing.take(TIMEOUT).closeCode()).isEqualTo(4000);
      assertThat(streamed.readers).hasSize(1);
    }
  }

  @Test
  void aClosedClientLetsItsConnectionsCloseCleanlyThenEndsItsThreads() throws Exception {
    StandardWebSocketClient client = SpringWebSocketTransport.standardClient(1, 1);
    try (ScriptedWebSocketServer server = new ScriptedWebSocketServer()) {
      RecordingHandler handler = new RecordingHandler();
      transport(client).connect(server.uri(), handler, TIMEOUT).get(10, TimeUnit.SECONDS);
      server.sendText("hello");
      await().atMost(TIMEOUT).until(() -> handler.texts.size() == 1);
      Thread reader = handler.readers.iterator().next();

      ((AutoCloseable) client).close();

      // the open connection still works: its owner closes it with a close frame
      server.sendText("after close");
      await().atMost(TIMEOUT).until(() -> handler.texts.size() == 2);
      handler.connection.close(4900, "Stopping");
      assertThat(server.take(TIMEOUT).closeCode()).isEqualTo(4900);
      await().atMost(TIMEOUT).until(() -> !reader.isAlive());
      // and no new one opens
      RecordingHandler late = new RecordingHandler();
      assertThat(
              transport(client)
                  .connect(server.uri(), late, TIMEOUT)
                  .handle((connection, error) -> error)
                  .get(10, TimeUnit.SECONDS))
          .isNotNull();
    }
  }

  @Test
  void tellsTheHandlerWhenTheMessagesOfEachReadHaveAllBeenHandedOver() throws Exception {
    // one I/O thread, so that the next read's messages cannot overtake the end of the previous one
    // in the recording
    StandardWebSocketClient client = SpringWebSocketTransport.standardClient(1, 1);
    try (AutoCloseable closeClient = (AutoCloseable) client;
        ScriptedWebSocketServer server = new ScriptedWebSocketServer()) {
      RecordingHandler handler = new RecordingHandler();
      transport(client).connect(server.uri(), handler, TIMEOUT).get(10, TimeUnit.SECONDS);

      for (int n = 0; n < 300; n++) {
        server.sendText("event " + n);
      }

      await()
          .atMost(TIMEOUT)
          .until(
              () ->
                  handler.texts.size() == 300
                      && handler.sequence.get(handler.sequence.size() - 1).equals("end"));
      long ends = handler.sequence.stream().filter("end"::equals).count();
      assertThat(ends).isBetween(1L, 300L);
      // an end never comes twice in a row: it closes the messages of one read
      for (int i = 1; i < handler.sequence.size(); i++) {
        assertThat(handler.sequence.get(i - 1) + handler.sequence.get(i)).isNotEqualTo("endend");
      }
    }
  }

  /**
   * A handler hearing of a read end may resume a paused read on the same pool thread; Tomcat then
   * hands the buffered messages over inline and the session is handed in again. That second read
   * end used to be dropped (the session was still listed, then the list was cleared), so the
   * dispatches of the resumed read waited for a read that never came while reading was paused.
   */
  @Test
  void aReadEndThatResumesAReadOnTheSameThreadIsFollowedByItsOwnReadEnd() {
    IoThreads io = IoThreads.start(1);
    try {
      AtomicInteger readEnds = new AtomicInteger();
      SessionAdapter[] session = new SessionAdapter[1];
      session[0] =
          new SessionAdapter(
              new ConnectionHandler() {
                @Override
                public void onText(String text) {}

                @Override
                public void onBinary(ByteBuffer data) {}

                @Override
                public void onClosed(int code, String reason) {}

                @Override
                public void onReadComplete() {
                  if (readEnds.incrementAndGet() == 1) {
                    IoThreads.handed(session[0]); // the resumed read's buffered message
                  }
                }
              },
              1 << 20,
              Duration.ofSeconds(5));

      io.execute(() -> IoThreads.handed(session[0]));

      await().atMost(TIMEOUT).until(() -> readEnds.get() >= 2);
      assertThat(readEnds.get()).isEqualTo(2);
    } finally {
      io.close();
    }
  }
}
