package io.github.discordgateway.core.client;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.ratelimit.IdentifyPermit;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Hello received, no session to resume: waits for an identify permit (which this phase owns, and
 * gives back by cancelling it when the connection ends first), sends Identify once, waits for
 * READY.
 */
final class Identifying extends Phase {

  private CompletableFuture<IdentifyPermit> permit;
  private boolean sent;

  @Override
  ClientState state() {
    return ClientState.IDENTIFYING;
  }

  @Override
  Phase enter(ClientCore c) {
    CompletableFuture<IdentifyPermit> future;
    try {
      future = c.requestPermit();
    } catch (RuntimeException e) {
      return c.fail(
          new GatewayException(
              GatewayException.Kind.CONNECTION_FAILED,
              "Identify limiter failed: " + e.getMessage(),
              e));
    }
    permit = future;
    log.debug("{} waiting for an identify permit", c.name());
    future.whenComplete((granted, failure) -> c.permitAnswered(future, granted, failure));
    return this;
  }

  @Override
  void exit(ClientCore c) {
    if (permit != null && !permit.isDone()) {
      permit.cancel(false);
    }
    if (sent) {
      // READY, op 9 or a close answered this Identify: the limiter paces the bucket from here
      c.identifyAnswered();
    }
  }

  @Override
  Phase onPermit(
      ClientCore c,
      CompletableFuture<IdentifyPermit> answered,
      IdentifyPermit granted,
      Throwable failure) {
    if (answered != permit || sent) {
      return this;
    }
    if (failure != null) {
      Throwable cause =
          failure instanceof CompletionException && failure.getCause() != null
              ? failure.getCause()
              : failure;
      if (cause instanceof CancellationException) {
        return this;
      }
      return c.fail(
          cause instanceof GatewayException ge
              ? ge
              : new GatewayException(
                  GatewayException.Kind.CONNECTION_FAILED,
                  "Identify limiter failed: " + cause.getClass().getSimpleName(),
                  cause));
    }
    sent = true;
    c.sendIdentify();
    return this;
  }

  @Override
  Phase onReady(ClientCore c, Dispatch dispatch) {
    return c.acceptReady(dispatch);
  }
}
