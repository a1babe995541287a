package io.github.discordgateway.core.client;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.codec.Envelope;
import io.github.discordgateway.core.codec.RawJson;
import io.github.discordgateway.core.protocol.EventType;
import io.github.discordgateway.core.protocol.Hello;
import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.ratelimit.IdentifyPermit;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A phase of one connection. Every input is handed to the current phase, which returns the phase
 * that follows (itself when nothing changes). The rules that hold in every phase live here: ops 1,
 * 7, 9 and 11, the sequence checks of dispatches and the decision after a close; a phase overrides
 * only what differs in it. Phases run on the connection's serial executor, so they need no lock.
 */
abstract sealed class Phase permits AwaitingHello, Identifying, Resuming, Connected, Closed {

  static final Logger log = LoggerFactory.getLogger(GatewayClient.class);

  /** Returns the public name of this phase. */
  abstract ClientState state();

  /** Runs when the connection enters this phase; returns the phase to be in (usually this). */
  Phase enter(ClientCore c) {
    return this;
  }

  /** Runs when the connection leaves this phase. */
  void exit(ClientCore c) {}

  /** Handles one payload from the server. */
  Phase onEnvelope(ClientCore c, Envelope envelope) {
    Opcode opcode = envelope.opcode();
    if (opcode == null || !opcode.clientReceives()) {
      log.warn("{} skipped payload with unexpected opcode {}", c.name(), envelope.op());
      return this;
    }
    return switch (opcode) {
      case DISPATCH -> onDispatch(c, envelope);
      case HEARTBEAT -> {
        c.heartbeater().requested(c);
        yield this;
      }
      case HEARTBEAT_ACK -> {
        c.heartbeater().acknowledged(c);
        yield this;
      }
      case RECONNECT -> {
        log.debug("{} server requested a reconnect", c.name());
        yield c.closeLocally("Reconnect requested", CloseDecision.reconnect(c.resumable()), null);
      }
      case INVALID_SESSION -> onInvalidSession(c, envelope.data());
      case HELLO -> onHelloPayload(c, envelope.data());
      default -> {
        log.warn("{} skipped payload with opcode {}", c.name(), envelope.op());
        yield this;
      }
    };
  }

  /** Handles a valid Hello; only the first phase expects one. */
  Phase onHello(ClientCore c, Hello hello) {
    log.warn("{} ignored a second Hello in {}", c.name(), state());
    return this;
  }

  /** Handles READY; only {@link Identifying} expects it, but a session is a session. */
  Phase onReady(ClientCore c, Dispatch dispatch) {
    log.warn("{} unexpected READY in {}; taking its session", c.name(), state());
    return c.acceptReady(dispatch);
  }

  /** Handles RESUMED; only {@link Resuming} expects it. */
  Phase onResumed(ClientCore c, Dispatch dispatch) {
    log.debug("{} RESUMED outside of a resume", c.name());
    c.deliver(dispatch);
    return this;
  }

  /** Handles the answer of the identify limiter; only {@link Identifying} asked for one. */
  Phase onPermit(
      ClientCore c, CompletableFuture<IdentifyPermit> permit, IdentifyPermit granted, Throwable f) {
    return this;
  }

  /** Handles the end of the connection as the transport reports it. */
  Phase onConnectionClosed(ClientCore c, int code, String reason) {
    return c.closedByPeer(code, reason);
  }

  /** Handles a heartbeat tick of the scheduler. */
  Phase onHeartbeatTick(ClientCore c) {
    return c.heartbeater().tick(c);
  }

  private Phase onHelloPayload(ClientCore c, RawJson data) {
    Hello hello;
    try {
      hello = InboundPayloads.hello(data);
    } catch (GatewayException e) {
      return c.fail(e);
    }
    return onHello(c, hello);
  }

  private Phase onInvalidSession(ClientCore c, RawJson data) {
    boolean mayResume = InboundPayloads.mayResume(data);
    CloseDecision decision =
        CloseDecision.forInvalidSession(mayResume, c.resumable(), c.random().nextDouble());
    if (mayResume) {
      log.debug("{} invalid session (resumable): reconnecting to resume", c.name());
      return c.closeLocally("Invalid session (resumable)", decision, null);
    }
    log.debug("{} invalid session: identifying anew after a short delay", c.name());
    return c.closeLocally("Invalid session", decision, InboundPayloads.sessionInvalidated());
  }

  private Phase onDispatch(ClientCore c, Envelope envelope) {
    Dispatch dispatch = InboundPayloads.dispatch(c, envelope, state() == ClientState.CONNECTED);
    if (dispatch == null) {
      return this;
    }
    if (dispatch.eventType() == EventType.READY) {
      return onReady(c, dispatch);
    }
    if (dispatch.eventType() == EventType.RESUMED) {
      return onResumed(c, dispatch);
    }
    c.deliver(dispatch);
    return this;
  }
}
