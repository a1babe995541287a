package io.github.discordgateway.core.client;

import io.github.discordgateway.core.codec.Envelope;
import io.github.discordgateway.core.ratelimit.IdentifyPermit;
import java.util.concurrent.CompletableFuture;

/**
 * The connection is over and the client is dead: this phase holds the outcome and ignores every
 * further input.
 */
final class Closed extends Phase {

  private final CloseOutcome outcome;

  Closed(CloseOutcome outcome) {
    this.outcome = outcome;
  }

  CloseOutcome outcome() {
    return outcome;
  }

  @Override
  ClientState state() {
    return ClientState.CLOSED;
  }

  @Override
  Phase enter(ClientCore c) {
    c.finish(outcome);
    return this;
  }

  @Override
  Phase onEnvelope(ClientCore c, Envelope envelope) {
    return this;
  }

  @Override
  Phase onPermit(
      ClientCore c, CompletableFuture<IdentifyPermit> permit, IdentifyPermit granted, Throwable f) {
    return this;
  }

  @Override
  Phase onConnectionClosed(ClientCore c, int code, String reason) {
    return this;
  }

  @Override
  Phase onHeartbeatTick(ClientCore c) {
    return this;
  }
}
