package io.github.discordgateway.core.client;

/**
 * The session is live: commands flow. Every input here follows the rules common to all phases
 * (dispatches are delivered, sequence gaps are reported, ops 1, 7, 9 and 11 are answered).
 */
final class Connected extends Phase {

  @Override
  ClientState state() {
    return ClientState.CONNECTED;
  }
}
