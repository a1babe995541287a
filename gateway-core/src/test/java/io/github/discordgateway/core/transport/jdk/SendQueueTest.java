package io.github.discordgateway.core.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link SendQueue} against a WebSocket that, like the JDK's, refuses a second pending send. */
class SendQueueTest {

  private final PendingSocket socket = new PendingSocket();
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();

  @Test
  void sendsOneFrameAtATimeInOrderWithoutBlockingTheCaller() {
    SendQueue queue = new SendQueue(socket, Duration.ofSeconds(5), failures::add);

    for (int i = 0; i < 5; i++) {
      assertThat(queue.text("frame " + i)).isTrue();
    }
    assertThat(queue.binary(new byte[] {7})).isTrue();
    AtomicInteger closed = new AtomicInteger();
    assertThat(queue.close(4900, "bye", closed::incrementAndGet)).isTrue();
    assertThat(queue.text("after the close")).isFalse();

    // bounded: one completion per frame queued above
    for (int i = 0; i < 7 && socket.pending() != null; i++) {
      socket.completePending();
    }
    assertThat(socket.sent)
        .containsExactly(
            "frame 0", "frame 1", "frame 2", "frame 3", "frame 4", "binary 1", "close 4900 bye");
    assertThat(socket.refused).isZero();
    assertThat(closed).hasValue(1);
    assertThat(failures).isEmpty();
  }

  @Test
  void reportsAFailedSendAndSendsNothingMore() {
    SendQueue queue = new SendQueue(socket, Duration.ofSeconds(5), failures::add);
    queue.text("first");
    queue.text("second");

    socket.pending().completeExceptionally(new java.io.IOException("Broken pipe"));

    assertThat(failures).hasSize(1);
    assertThat(failures.get(0)).hasMessage("Broken pipe");
    assertThat(queue.text("third")).isFalse();
    assertThat(socket.sent).containsExactly("first");
  }

  @Test
  void reportsAFrameThatIsNotWrittenWithinTheSendTimeLimit() {
    SendQueue queue = new SendQueue(socket, Duration.ofMillis(50), failures::add);

    queue.text("never written");

    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !failures.isEmpty());
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0))
        .isInstanceOf(TimeoutException.class)
        .hasMessageContaining("within PT0.05S");
  }

  @Test
  void givesUpWhenMoreThanTheBufferLimitWaits() {
    SendQueue queue = new SendQueue(socket, Duration.ofSeconds(5), failures::add);
    String frame = "x".repeat(4096);

    int accepted = 0;
    // bounded: the limit is 128 such frames
    for (int i = 0; i < 200 && queue.text(frame); i++) {
      accepted++;
    }

    assertThat(accepted).isEqualTo(SendQueue.BUFFER_LIMIT / 4096);
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0)).hasMessageContaining("the server does not read");
  }

  /** Records what is sent; each send stays pending until the test completes it. */
  private static final class PendingSocket implements WebSocket {
    final List<String> sent = new ArrayList<>();
    int refused;
    private CompletableFuture<WebSocket> pending;

    synchronized CompletableFuture<WebSocket> pending() {
      return pending != null && !pending.isDone() ? pending : null;
    }

    void completePending() {
      CompletableFuture<WebSocket> current;
      synchronized (this) {
        current = pending;
      }
      current.complete(this);
    }

    private synchronized CompletableFuture<WebSocket> send(String what) {
      if (pending != null && !pending.isDone()) {
        refused++;
        return CompletableFuture.failedFuture(new IllegalStateException("Send pending"));
      }
      sent.add(what);
      pending = new CompletableFuture<>();
      return pending;
    }

    @Override
    public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
      return send(data.toString());
    }

    @Override
    public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
      return send("binary " + data.remaining());
    }

    @Override
    public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
      return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
      return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
      return send("close " + statusCode + " " + reason);
    }

    @Override
    public void request(long n) {}

    @Override
    public String getSubprotocol() {
      return "";
    }

    @Override
    public boolean isOutputClosed() {
      return false;
    }

    @Override
    public boolean isInputClosed() {
      return false;
    }

    @Override
    public void abort() {}
  }
}
