package io.github.discordgateway.core.event;

import io.github.discordgateway.core.client.NextStep;

/**
 * A shard's connection ended.
 *
 * @param shardId the shard
 * @param code the close code (1006 when the connection dropped)
 * @param reason the close reason
 * @param nextStep what the shard does next: resume, identify again, or stop
 * @param closedLocally whether this side closed the connection
 * @param zombie whether it closed because heartbeats were not acknowledged
 */
public record ShardDisconnected(
    int shardId, int code, String reason, NextStep nextStep, boolean closedLocally, boolean zombie)
    implements ShardEvent {

  /** Returns whether the shard will try to resume the session. */
  public boolean willResume() {
    return nextStep == NextStep.RESUME;
  }
}
