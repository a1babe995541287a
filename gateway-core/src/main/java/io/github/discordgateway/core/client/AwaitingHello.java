package io.github.discordgateway.core.client;

import io.github.discordgateway.core.protocol.Hello;

/** Connected, waiting for op 10 Hello; nothing is sent in this phase. */
final class AwaitingHello extends Phase {

  @Override
  ClientState state() {
    return ClientState.HELLO;
  }

  @Override
  Phase onHello(ClientCore c, Hello hello) {
    c.helloReceived(hello);
    return c.resumable() ? new Resuming() : new Identifying();
  }
}
