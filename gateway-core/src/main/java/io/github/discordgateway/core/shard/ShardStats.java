package io.github.discordgateway.core.shard;

import io.github.discordgateway.core.codec.Envelope;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * What a shard's health and metrics read about its traffic: last sequence, last dispatch, last
 * heartbeat ACK, heartbeat interval. Written on the shard's serial executor, read from any thread.
 */
final class ShardStats {

  private final InstantSource clock;
  private volatile long sequence = Envelope.NO_SEQUENCE;
  private volatile Instant lastDispatch;
  private volatile Duration heartbeatRoundTrip;
  private volatile Instant lastAck;
  private volatile Duration heartbeatInterval;
  // nanoTime of the last refresh of lastDispatch: the clock is read at most once per millisecond
  private long lastDispatchRefreshNanos;

  ShardStats(InstantSource clock) {
    this.clock = clock;
  }

  void dispatched(long seq) {
    sequence = seq;
    long now = System.nanoTime();
    if (lastDispatch == null || now - lastDispatchRefreshNanos >= 1_000_000L) {
      // reading the clock per event showed in profiles; a millisecond of staleness is fine here
      lastDispatchRefreshNanos = now;
      lastDispatch = clock.instant();
    }
  }

  void acknowledged(Duration roundTrip) {
    heartbeatRoundTrip = roundTrip;
    lastAck = clock.instant();
  }

  void hello(Duration interval) {
    heartbeatInterval = interval;
  }

  Duration heartbeatInterval() {
    return heartbeatInterval;
  }

  long sequence() {
    return sequence;
  }

  Instant lastDispatch() {
    return lastDispatch;
  }

  Duration heartbeatRoundTrip() {
    return heartbeatRoundTrip;
  }

  Instant lastAck() {
    return lastAck;
  }
}
