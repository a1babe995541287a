package io.github.discordgateway.core.transport.jdk;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The frames one connection sends, in order and without blocking the caller. The JDK's WebSocket
 * takes one text or binary frame at a time (a second send before the first completed fails), so
 * frames wait here and each goes out when the one before it is written. The queue is bounded (a
 * peer that stops reading must not grow it without end) and so is the time one frame may take;
 * going over either, or any failed send, is reported to {@code onFailure} and nothing more is sent.
 * A close frame is the last one: frames offered after it are dropped.
 */
final class SendQueue {

  /** The most bytes (text: characters) waiting to be sent before the connection is given up. */
  static final int BUFFER_LIMIT = 512 * 1024;

  /** One frame to send. */
  private record Frame(
      String text, byte[] binary, int closeCode, String closeReason, Runnable afterClose) {
    int size() {
      return text != null ? text.length() : binary != null ? binary.length : 0;
    }

    CompletableFuture<WebSocket> sendOn(WebSocket socket) {
      if (text != null) {
        return socket.sendText(text, true);
      }
      if (binary != null) {
        return socket.sendBinary(ByteBuffer.wrap(binary), true);
      }
      return socket.sendClose(closeCode, closeReason);
    }
  }

  private final WebSocket socket;
  private final Duration sendTimeLimit;
  private final Consumer<Throwable> onFailure;
  private final ArrayDeque<Frame> queue = new ArrayDeque<>();
  // guarded by this
  private boolean sending;
  private boolean ended;
  private long queuedSize;

  SendQueue(WebSocket socket, Duration sendTimeLimit, Consumer<Throwable> onFailure) {
    this.socket = socket;
    this.sendTimeLimit = sendTimeLimit;
    this.onFailure = onFailure;
  }

  /** Queues a text frame; returns {@code false} when it was dropped (after a close). */
  boolean text(String payload) {
    return offer(new Frame(payload, null, 0, null, null));
  }

  /** Queues a binary frame; returns {@code false} when it was dropped (after a close). */
  boolean binary(byte[] payload) {
    return offer(new Frame(null, payload, 0, null, null));
  }

  /**
   * Queues the close frame after the frames already waiting; {@code afterClose} runs once it was
   * written or could not be.
   */
  boolean close(int code, String reason, Runnable afterClose) {
    return offer(new Frame(null, null, code, reason, afterClose));
  }

  /** Drops what waits and refuses what comes (the connection is gone). */
  synchronized void end() {
    ended = true;
    queue.clear();
    queuedSize = 0;
  }

  private boolean offer(Frame frame) {
    boolean start;
    boolean overflow = false;
    synchronized (this) {
      if (ended) {
        return false;
      }
      if (frame.afterClose() != null) {
        ended = true;
      } else if (queuedSize + frame.size() > BUFFER_LIMIT) {
        overflow = true;
      }
      if (!overflow) {
        queue.add(frame);
        queuedSize += frame.size();
      }
      start = !overflow && !sending;
      if (start) {
        sending = true;
      }
    }
    if (overflow) {
      failed(
          new IllegalStateException(
              "More than "
                  + BUFFER_LIMIT
                  + " bytes wait to be sent: the server does not read; dropping the connection"));
      return false;
    }
    if (start) {
      pump();
    }
    return true;
  }

  /** Sends the waiting frames one after the other until one has to be waited for. */
  private void pump() {
    // bounded: each turn takes one frame off the queue, which is bounded by BUFFER_LIMIT
    while (true) {
      Frame next;
      synchronized (this) {
        next = queue.poll();
        if (next == null) {
          sending = false;
          return;
        }
      }
      CompletableFuture<WebSocket> sent;
      try {
        sent = next.sendOn(socket);
      } catch (RuntimeException ex) {
        sent = CompletableFuture.failedFuture(ex);
      }
      if (sent.isDone() && !sent.isCompletedExceptionally()) {
        written(next);
        continue;
      }
      sent.copy()
          .orTimeout(sendTimeLimit.toMillis(), TimeUnit.MILLISECONDS)
          .whenComplete(
              (socket, error) -> {
                written(next);
                if (error == null) {
                  pump();
                } else if (next.afterClose() == null) {
                  failed(unwrap(error));
                }
              });
      return;
    }
  }

  private void written(Frame frame) {
    synchronized (this) {
      queuedSize -= frame.size();
    }
    if (frame.afterClose() != null) {
      frame.afterClose().run();
    }
  }

  private void failed(Throwable error) {
    end();
    onFailure.accept(error);
  }

  private Throwable unwrap(Throwable error) {
    Throwable cause =
        error instanceof java.util.concurrent.CompletionException && error.getCause() != null
            ? error.getCause()
            : error;
    if (cause instanceof TimeoutException) {
      return new TimeoutException("A frame could not be sent within " + sendTimeLimit);
    }
    return cause;
  }
}
