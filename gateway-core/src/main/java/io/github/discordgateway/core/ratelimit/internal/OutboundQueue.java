package io.github.discordgateway.core.ratelimit.internal;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.scheduling.Cancellable;
import io.github.discordgateway.core.scheduling.GatewayScheduler;
import io.github.discordgateway.core.transport.FrameSink;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The send queue of one connection. Priority payloads (heartbeat, identify, resume) go first and
 * may use the limiter's reserve; ordinary commands wait for the {@link CommandRateLimiter}, on the
 * {@link GatewayScheduler} (never a blocking sleep).
 *
 * <p>Gates: nothing at all is sent before {@link #helloReceived()}; ordinary commands are held
 * until {@link #sessionReady()} (READY or RESUMED), because Discord closes with 4003 otherwise.
 * After {@link #close()} nothing more is sent and waiting commands fail with {@code NOT_CONNECTED}.
 *
 * <p>Thread-safe; a client drives it from its serial executor. The sink is called under the queue's
 * lock, so it must only hand the frame on (the client's sink queues it for a writer thread); the
 * {@link SendListener} and the commands' futures are called after the lock is released.
 */
public final class OutboundQueue {

  private static final Logger log = LoggerFactory.getLogger(OutboundQueue.class);

  /** Default bound of waiting ordinary commands. */
  public static final int DEFAULT_MAX_PENDING = 1000;

  /** Told about every payload written to the sink. */
  @FunctionalInterface
  public interface SendListener {
    /**
     * Called after a payload was handed to the sink.
     *
     * @param opcode its opcode
     * @param waited how long it waited in the queue
     */
    void onSent(Opcode opcode, Duration waited);
  }

  private record Entry(
      Opcode opcode, String payload, Instant enqueuedAt, CompletableFuture<Void> future) {}

  private enum Gate {
    BEFORE_HELLO,
    PRIORITY_ONLY,
    OPEN,
    CLOSED
  }

  private final FrameSink sink;
  private final CommandRateLimiter limiter;
  private final GatewayScheduler scheduler;
  private final InstantSource clock;
  private final SendListener listener;
  private final int maxPending;
  private final LinkedList<Entry> priority = new LinkedList<>();
  private final ArrayDeque<Entry> normal = new ArrayDeque<>();
  private Gate gate = Gate.BEFORE_HELLO;
  private Cancellable wakeup;

  /**
   * Creates the queue of one connection.
   *
   * @param sink where payloads go
   * @param limiter the connection's limiter
   * @param scheduler runs delayed drains
   * @param clock the time source (for wait times)
   * @param listener told about every send; may be {@code null}
   * @param maxPending most ordinary commands that may wait
   */
  public OutboundQueue(
      FrameSink sink,
      CommandRateLimiter limiter,
      GatewayScheduler scheduler,
      InstantSource clock,
      SendListener listener,
      int maxPending) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.limiter = Objects.requireNonNull(limiter, "limiter");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.listener = listener == null ? (op, waited) -> {} : listener;
    this.maxPending = maxPending;
  }

  /** Allows priority payloads: Hello arrived. */
  public void helloReceived() {
    List<Runnable> completions = new ArrayList<>();
    synchronized (this) {
      if (gate == Gate.BEFORE_HELLO) {
        gate = Gate.PRIORITY_ONLY;
      }
      drain(completions);
    }
    completions.forEach(Runnable::run);
  }

  /** Allows ordinary commands: the session is ready (READY or RESUMED). */
  public void sessionReady() {
    List<Runnable> completions = new ArrayList<>();
    synchronized (this) {
      if (gate == Gate.BEFORE_HELLO || gate == Gate.PRIORITY_ONLY) {
        gate = Gate.OPEN;
      }
      drain(completions);
    }
    completions.forEach(Runnable::run);
  }

  /**
   * Sends a heartbeat, identify or resume as soon as allowed, ahead of every ordinary command.
   *
   * @param opcode the opcode
   * @param payload the encoded payload
   */
  public void sendPriority(Opcode opcode, String payload) {
    List<Runnable> completions = new ArrayList<>();
    synchronized (this) {
      if (gate == Gate.CLOSED) {
        return;
      }
      priority.add(new Entry(opcode, payload, clock.instant(), null));
      drain(completions);
    }
    completions.forEach(Runnable::run);
  }

  /**
   * Sends a heartbeat like {@link #sendPriority}, unless one already waits for the rate limiter:
   * that one then carries {@code payload} (the latest sequence) instead, so that a flood of
   * heartbeat requests keeps at most one heartbeat pending.
   *
   * @param payload the encoded heartbeat
   * @return whether a new heartbeat was queued ({@code false}: coalesced, or the queue is closed)
   */
  public boolean sendHeartbeat(String payload) {
    List<Runnable> completions = new ArrayList<>();
    synchronized (this) {
      if (gate == Gate.CLOSED) {
        return false;
      }
      for (var it = priority.listIterator(); it.hasNext(); ) {
        Entry waiting = it.next();
        if (waiting.opcode() == Opcode.HEARTBEAT) {
          it.set(new Entry(Opcode.HEARTBEAT, payload, waiting.enqueuedAt(), null));
          return false;
        }
      }
      priority.add(new Entry(Opcode.HEARTBEAT, payload, clock.instant(), null));
      drain(completions);
    }
    completions.forEach(Runnable::run);
    return true;
  }

  /**
   * Queues an ordinary command.
   *
   * @param opcode the opcode
   * @param payload the encoded payload
   * @return completes when the payload was handed to the sink; fails with {@code NOT_CONNECTED}
   *     when the queue closes first, or {@code RATE_LIMITED} when too many commands wait
   */
  public CompletableFuture<Void> enqueue(Opcode opcode, String payload) {
    CompletableFuture<Void> future = new CompletableFuture<>();
    List<Runnable> completions = new ArrayList<>();
    synchronized (this) {
      if (gate == Gate.CLOSED) {
        return CompletableFuture.failedFuture(notConnected(opcode));
      }
      if (normal.size() >= maxPending) {
        return CompletableFuture.failedFuture(
            new GatewayException(
                GatewayException.Kind.RATE_LIMITED,
                "Outbound queue is full (" + maxPending + " commands waiting); command not sent",
                -1,
                opcode,
                null));
      }
      normal.add(new Entry(opcode, payload, clock.instant(), future));
      drain(completions);
    }
    completions.forEach(Runnable::run);
    return future;
  }

  /** Returns the number of ordinary commands waiting. */
  public synchronized int pendingCount() {
    return normal.size();
  }

  /** Stops sending; waiting commands fail with {@code NOT_CONNECTED}. Idempotent. */
  public void close() {
    List<Entry> dropped;
    synchronized (this) {
      if (gate == Gate.CLOSED) {
        return;
      }
      gate = Gate.CLOSED;
      if (wakeup != null) {
        wakeup.cancel();
        wakeup = null;
      }
      dropped = new ArrayList<>(normal);
      normal.clear();
      priority.clear();
    }
    for (Entry entry : dropped) {
      entry.future().completeExceptionally(notConnected(entry.opcode()));
    }
  }

  private static GatewayException notConnected(Opcode opcode) {
    return new GatewayException(
        GatewayException.Kind.NOT_CONNECTED,
        "Connection closed before the command was sent",
        -1,
        opcode,
        null);
  }

  private void drain(List<Runnable> completions) {
    if (gate == Gate.BEFORE_HELLO || gate == Gate.CLOSED) {
      return;
    }
    while (!priority.isEmpty()) {
      if (!limiter.tryAcquire(true)) {
        scheduleWakeup(limiter.timeUntilAvailable(true));
        return;
      }
      write(priority.poll(), completions);
      if (gate == Gate.CLOSED) {
        return;
      }
    }
    if (gate != Gate.OPEN) {
      return;
    }
    while (!normal.isEmpty()) {
      if (!limiter.tryAcquire(false)) {
        scheduleWakeup(limiter.timeUntilAvailable(false));
        return;
      }
      write(normal.poll(), completions);
      if (gate == Gate.CLOSED) {
        return;
      }
    }
  }

  private void write(Entry entry, List<Runnable> completions) {
    try {
      sink.sendText(entry.payload());
    } catch (RuntimeException e) {
      log.warn("Sending op {} failed: {}", entry.opcode().code(), e.toString());
      if (entry.future() != null) {
        GatewayException error =
            new GatewayException(
                GatewayException.Kind.NOT_CONNECTED,
                "Sending failed: " + e.getClass().getSimpleName(),
                -1,
                entry.opcode(),
                e);
        completions.add(() -> entry.future().completeExceptionally(error));
      }
      return;
    }
    Duration waited = Duration.between(entry.enqueuedAt(), clock.instant());
    completions.add(
        () -> {
          try {
            listener.onSent(entry.opcode(), waited);
          } catch (RuntimeException e) {
            log.warn("Send listener failed", e);
          }
        });
    if (entry.future() != null) {
      completions.add(() -> entry.future().complete(null));
    }
  }

  private void scheduleWakeup(Duration delay) {
    if (wakeup != null) {
      return;
    }
    wakeup =
        scheduler.schedule(
            () -> {
              List<Runnable> completions = new ArrayList<>();
              synchronized (this) {
                wakeup = null;
                drain(completions);
              }
              completions.forEach(Runnable::run);
            },
            delay);
  }
}
