package io.github.discordgateway.core.client;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.codec.PayloadEncoder;
import io.github.discordgateway.core.protocol.CloseCode;
import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.scheduling.Cancellable;
import io.github.discordgateway.core.scheduling.GatewayScheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heartbeat timing of one connection: the interval from Hello (clamped to a sane range), the
 * jittered first beat, ACK tracking and zombie detection. While reading is paused for
 * back-pressure, an ACK cannot be read, so a missing ACK in that interval does not count. Confined
 * to the connection's serial executor: its timer only submits a tick there.
 */
final class Heartbeater {

  private static final Logger log = LoggerFactory.getLogger(GatewayClient.class);

  /** The shortest interval accepted from Hello; shorter ones are raised to it. */
  static final Duration MIN_INTERVAL = Duration.ofMillis(100);

  /** The longest interval accepted from Hello (Discord sends about 41 s); longer ones are cut. */
  static final Duration MAX_INTERVAL = Duration.ofSeconds(120);

  private final GatewayScheduler scheduler;
  private final InstantSource clock;
  private final Runnable tick;

  private volatile long intervalMs;
  private Cancellable task;
  private boolean stopped;
  private boolean ackPending;
  private Instant ackPendingSince;
  private Instant lastSentAt;
  private volatile Duration lastRoundTrip;
  private boolean readingPaused;
  private boolean pausedThisInterval;

  /**
   * @param scheduler runs the timer
   * @param clock the time source
   * @param tick submits one tick to the connection's executor
   */
  Heartbeater(GatewayScheduler scheduler, InstantSource clock, Runnable tick) {
    this.scheduler = scheduler;
    this.clock = clock;
    this.tick = tick;
  }

  /** Clamps an interval from Hello into {@link #MIN_INTERVAL}..{@link #MAX_INTERVAL}. */
  static long clamp(long requestedMs) {
    return Math.max(MIN_INTERVAL.toMillis(), Math.min(MAX_INTERVAL.toMillis(), requestedMs));
  }

  /**
   * Starts beating: the first beat after {@code interval * jitter}, then every interval.
   *
   * @param clampedMs the interval, already clamped
   * @param jitter a number in [0, 1)
   */
  void start(long clampedMs, double jitter) {
    intervalMs = clampedMs;
    double r = jitter >= 0 && jitter < 1 ? jitter : 0;
    arm(Duration.ofMillis((long) (intervalMs * r)));
  }

  /** Returns whether Hello started the heartbeat. */
  boolean started() {
    return intervalMs > 0;
  }

  /** Returns the interval in use, zero before Hello. */
  long intervalMs() {
    return intervalMs;
  }

  /**
   * Returns whether the connection is a zombie at this tick: the previous heartbeat has not been
   * acknowledged for half an interval, and reading was not paused meanwhile.
   */
  private boolean zombie() {
    boolean lenient = readingPaused || pausedThisInterval;
    return ackPending
        && !lenient
        && Duration.between(ackPendingSince, clock.instant()).toMillis() >= intervalMs / 2;
  }

  /** Schedules the next regular beat and starts a new leniency interval. */
  private void rearm() {
    pausedThisInterval = readingPaused;
    arm(Duration.ofMillis(intervalMs));
  }

  private void arm(Duration delay) {
    if (!stopped) {
      task = scheduler.schedule(tick, delay);
    }
  }

  /** Records that a heartbeat was sent now. */
  private void sent() {
    Instant now = clock.instant();
    lastSentAt = now;
    if (!ackPending) {
      ackPending = true;
      ackPendingSince = now;
    }
  }

  /** Records an ACK; returns the round trip, or {@code null} when no heartbeat was pending. */
  private Duration acknowledged() {
    if (!ackPending || lastSentAt == null) {
      return null;
    }
    ackPending = false;
    Duration roundTrip = Duration.between(lastSentAt, clock.instant());
    lastRoundTrip = roundTrip;
    return roundTrip;
  }

  /** Returns the latest round trip (readable from any thread). */
  Duration lastRoundTrip() {
    return lastRoundTrip;
  }

  /** Records that reading was paused or resumed. */
  void readingPaused(boolean paused) {
    if (paused) {
      pausedThisInterval = true;
    }
    readingPaused = paused;
  }

  /** Handles a tick of the timer: closes a zombie connection, else sends the next beat. */
  Phase tick(ClientCore c) {
    if (zombie()) {
      log.warn(
          "{} no heartbeat ACK since {}: zombie connection, reconnecting",
          c.name(),
          ackPendingSince);
      return c.closeLocally(
          CloseCode.RESUMABLE_CLOSE,
          "Heartbeat not acknowledged",
          CloseDecision.reconnect(c.resumable()),
          new GatewayException(
              GatewayException.Kind.ZOMBIE_CONNECTION,
              "No heartbeat ACK within " + intervalMs + " ms",
              -1,
              Opcode.HEARTBEAT,
              null),
          true);
    }
    rearm();
    send(c);
    return c.phase();
  }

  /** Answers op 1 at once (coalesced with a beat that still waits for the rate limiter). */
  void requested(ClientCore c) {
    log.debug("{} server asked for a heartbeat", c.name());
    if (started()) {
      send(c);
    } else {
      log.debug("{} heartbeat request before Hello ignored", c.name());
    }
  }

  private void send(ClientCore c) {
    long seq = c.sequence();
    if (!c.outbound().sendHeartbeat(PayloadEncoder.encodeHeartbeat(seq))) {
      log.debug("{} heartbeat coalesced with the one already waiting", c.name());
      return;
    }
    sent();
    log.trace("{} heartbeat sent with seq {}", c.name(), seq);
    c.safely(() -> c.listener().onHeartbeatSent(seq));
  }

  /** Handles op 11. */
  void acknowledged(ClientCore c) {
    Duration roundTrip = acknowledged();
    if (roundTrip == null) {
      log.debug("{} heartbeat ACK without a pending heartbeat", c.name());
      return;
    }
    log.trace("{} heartbeat ACK after {}", c.name(), roundTrip);
    c.safely(() -> c.listener().onHeartbeatAck(roundTrip));
  }

  /** Stops for good. */
  void stop() {
    stopped = true;
    if (task != null) {
      task.cancel();
      task = null;
    }
  }
}
