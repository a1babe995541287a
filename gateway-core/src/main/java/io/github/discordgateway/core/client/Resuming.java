package io.github.discordgateway.core.client;

/** Resume sent; replayed dispatches arrive until RESUMED. */
final class Resuming extends Phase {

  @Override
  ClientState state() {
    return ClientState.RESUMING;
  }

  @Override
  Phase enter(ClientCore c) {
    c.sendResume();
    return this;
  }

  @Override
  Phase onResumed(ClientCore c, Dispatch dispatch) {
    return c.acceptResumed(dispatch);
  }
}
