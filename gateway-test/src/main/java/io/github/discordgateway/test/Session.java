package io.github.discordgateway.test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** A gateway session of the fake; every field is guarded by the {@link GatewayState} lock. */
final class Session {

  /** Dispatches kept for replay; older ones are dropped and can no longer be resumed from. */
  static final int REPLAY_CAPACITY = 100_000;

  final String id;
  final int shardId;
  final int shardCount;
  final long intents;
  long lastSeq;

  /** Resuming from a sequence below this is impossible (its successors were not kept). */
  long replayFloor;

  final ArrayDeque<SentDispatch> log = new ArrayDeque<>();
  FakeConnection connection;
  boolean streaming;
  final List<byte[]> deferred = new ArrayList<>();

  Session(String id, int shardId, int shardCount, long intents) {
    this.id = id;
    this.shardId = shardId;
    this.shardCount = shardCount;
    this.intents = intents;
  }

  void record(SentDispatch dispatch) {
    log.addLast(dispatch);
    if (log.size() > REPLAY_CAPACITY) {
      replayFloor = log.pollFirst().seq();
    }
  }
}
