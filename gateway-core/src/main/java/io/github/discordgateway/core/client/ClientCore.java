package io.github.discordgateway.core.client;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.codec.Envelope;
import io.github.discordgateway.core.codec.PayloadEncoder;
import io.github.discordgateway.core.internal.SerialExecutor;
import io.github.discordgateway.core.protocol.CloseCode;
import io.github.discordgateway.core.protocol.Hello;
import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.protocol.ReadySession;
import io.github.discordgateway.core.protocol.Resume;
import io.github.discordgateway.core.ratelimit.IdentifyLimiter;
import io.github.discordgateway.core.ratelimit.IdentifyPermit;
import io.github.discordgateway.core.ratelimit.internal.OutboundQueue;
import io.github.discordgateway.core.transport.FrameSink;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one connection and the actions its phases take: the session (id, resume URL,
 * sequence), the send queue, the heartbeat, and closing. Every method runs on the connection's
 * serial executor, so nothing here is locked; the few fields other threads read are volatile.
 * Listener callbacks therefore run one at a time, without any lock held.
 */
final class ClientCore {

  private static final Logger log = LoggerFactory.getLogger(GatewayClient.class);

  /** WebSocket close 1009: our transport closes with it when a message is over its size limit. */
  private static final int MESSAGE_TOO_BIG = 1009;

  private final GatewaySettings settings;
  private final String name;
  private final GatewayClientListener listener;
  private final FrameSink sink;
  private final RandomGenerator random;
  private final IdentifyLimiter identifyLimiter;
  private final int maxConcurrency;
  private final SerialExecutor executor;
  private OutboundQueue outbound;
  private Heartbeater heartbeater;

  private Phase phase = new AwaitingHello();
  private volatile ClientState state = ClientState.HELLO;
  private volatile CloseOutcome outcome;
  private volatile String sessionId;
  private volatile String resumeUrl;
  private volatile long sequence;
  private GatewayException transportError;

  ClientCore(
      GatewaySettings settings,
      GatewayClientListener listener,
      FrameSink sink,
      RandomGenerator random,
      IdentifyLimiter identifyLimiter,
      int maxConcurrency,
      SerialExecutor executor,
      SessionSnapshot parent) {
    this.settings = settings;
    this.name = "[shard " + settings.shardId() + "/" + settings.shardCount() + "]";
    this.listener = listener;
    this.sink = sink;
    this.random = random;
    this.identifyLimiter = identifyLimiter;
    this.maxConcurrency = maxConcurrency;
    this.executor = executor;
    this.sessionId = parent.sessionId();
    this.resumeUrl = parent.resumeGatewayUrl();
    this.sequence = parent.sequence();
  }

  void attach(OutboundQueue outbound, Heartbeater heartbeater) {
    this.outbound = outbound;
    this.heartbeater = heartbeater;
  }

  // ------------------------------------------------------------------ driving the phases

  /** Moves to {@code next}, running exit and enter hooks; a hook may lead on to another phase. */
  void apply(Phase next) {
    while (next != phase) {
      Phase previous = phase;
      previous.exit(this);
      phase = next;
      state = next.state();
      if (previous.state() != next.state()) {
        log.debug("{} {} -> {}", name, previous.state(), next.state());
        ClientState from = previous.state();
        ClientState to = next.state();
        safely(() -> listener.onStateChanged(from, to));
      }
      next = next.enter(this);
    }
  }

  Phase phase() {
    return phase;
  }

  void handle(Envelope envelope) {
    apply(phase.onEnvelope(this, envelope));
  }

  // ------------------------------------------------------------------ session

  String name() {
    return name;
  }

  RandomGenerator random() {
    return random;
  }

  boolean resumable() {
    return sessionId != null && resumeUrl != null;
  }

  long sequence() {
    return sequence;
  }

  void sequence(long seq) {
    sequence = seq;
  }

  ClientState state() {
    return state;
  }

  Duration lastRoundTrip() {
    return heartbeater.lastRoundTrip();
  }

  long heartbeatIntervalMs() {
    return heartbeater.intervalMs();
  }

  CloseOutcome outcome() {
    return outcome;
  }

  SessionSnapshot snapshot() {
    return new SessionSnapshot(sessionId, sequence, resumeUrl);
  }

  private void discardSession() {
    sessionId = null;
    resumeUrl = null;
    sequence = Envelope.NO_SEQUENCE;
  }

  // ------------------------------------------------------------------ session start

  void helloReceived(Hello hello) {
    long requested = hello.heartbeatInterval();
    long interval = Heartbeater.clamp(requested);
    if (interval != requested) {
      log.warn(
          "{} Hello asked for a heartbeat every {} ms; using {} ms (accepted range {} to {})",
          name,
          requested,
          interval,
          Heartbeater.MIN_INTERVAL.toMillis(),
          Heartbeater.MAX_INTERVAL.toMillis());
    }
    log.debug("{} hello: heartbeat interval {} ms", name, interval);
    safely(() -> listener.onHello(Duration.ofMillis(interval)));
    outbound.helloReceived();
    heartbeater.start(interval, random.nextDouble());
  }

  CompletableFuture<IdentifyPermit> requestPermit() {
    return identifyLimiter.acquire(settings.shardId(), maxConcurrency);
  }

  /** Hands the limiter's answer (on whatever thread it arrives) to the current phase. */
  void permitAnswered(
      CompletableFuture<IdentifyPermit> permit, IdentifyPermit granted, Throwable failure) {
    executor.execute(() -> apply(phase.onPermit(this, permit, granted, failure)));
  }

  void identifyAnswered() {
    safely(() -> identifyLimiter.identifyAnswered(settings.shardId(), maxConcurrency));
  }

  void sendIdentify() {
    String payload = PayloadEncoder.encode(Opcode.IDENTIFY, settings.toIdentify());
    log.debug("{} identifying (intents {})", name, settings.intents());
    outbound.sendPriority(Opcode.IDENTIFY, payload);
    safely(listener::onIdentifySent);
  }

  void sendResume() {
    long seq = Math.max(0, sequence);
    String payload =
        PayloadEncoder.encode(Opcode.RESUME, new Resume(settings.token(), sessionId, seq));
    log.debug("{} resuming session at seq {}", name, seq);
    outbound.sendPriority(Opcode.RESUME, payload);
    safely(listener::onResumeSent);
  }

  Phase acceptReady(Dispatch dispatch) {
    ReadySession ready;
    try {
      ready = dispatch.data() == null ? null : dispatch.data().decode(ReadySession.class);
    } catch (GatewayException e) {
      return fail(
          new GatewayException(
              GatewayException.Kind.DECODE_ERROR,
              "READY could not be decoded: " + e.getMessage(),
              e));
    }
    if (ready == null || ready.sessionId() == null || ready.sessionId().isEmpty()) {
      return fail(
          new GatewayException(
              GatewayException.Kind.PROTOCOL_ERROR, "READY without session_id", -1, null, null));
    }
    sessionId = ready.sessionId();
    resumeUrl = ready.resumeGatewayUrl();
    if (resumeUrl == null) {
      log.warn("{} READY without resume_gateway_url: this session cannot be resumed", name);
    }
    log.debug(
        "{} ready: session started with {} guilds (API v{})",
        name,
        ready.guilds().size(),
        ready.v());
    apply(new Connected());
    outbound.sessionReady();
    safely(() -> listener.onReady(ready));
    deliver(dispatch);
    return phase;
  }

  Phase acceptResumed(Dispatch dispatch) {
    log.debug("{} resumed at seq {}", name, sequence);
    apply(new Connected());
    outbound.sessionReady();
    safely(listener::onResumed);
    deliver(dispatch);
    return phase;
  }

  void deliver(Dispatch dispatch) {
    try {
      listener.onDispatch(dispatch);
    } catch (RuntimeException e) {
      log.warn("{} listener failed", name, e);
    }
  }

  // ------------------------------------------------------------------ heartbeats

  Heartbeater heartbeater() {
    return heartbeater;
  }

  OutboundQueue outbound() {
    return outbound;
  }

  GatewayClientListener listener() {
    return listener;
  }

  // ------------------------------------------------------------------ commands

  void send(Opcode opcode, String payload, CompletableFuture<Void> result) {
    if (state == ClientState.CLOSED) {
      result.completeExceptionally(
          new GatewayException(
              GatewayException.Kind.NOT_CONNECTED, "The connection is closed", -1, opcode, null));
      return;
    }
    outbound
        .enqueue(opcode, payload)
        .whenComplete(
            (ok, error) -> {
              if (error != null) {
                result.completeExceptionally(error);
              } else {
                result.complete(null);
              }
            });
  }

  // ------------------------------------------------------------------ closing

  void transportError(GatewayException error) {
    transportError = error;
    // the shard reports the close that follows; this is detail for debugging
    log.debug("{} transport error: {}", name, error.getMessage());
    safely(() -> listener.onError(error));
  }

  Phase closedByPeer(int code, String reason) {
    String why = reason == null ? "" : reason;
    GatewayException error = GatewayException.forCloseCode(code, why);
    if (error == null && transportError != null) {
      error = transportError;
    }
    // our transport closes with 1009 itself after reporting an oversized message
    boolean local = code == MESSAGE_TOO_BIG && transportError != null;
    return closed(code, why, CloseDecision.forCloseCode(code, resumable()), error, false, local);
  }

  Phase fail(GatewayException error) {
    log.warn("{} closing the connection: {}", name, error.getMessage());
    safely(() -> listener.onError(error));
    return closeLocally(
        CloseCode.RESUMABLE_CLOSE,
        "Client error: " + error.kind(),
        CloseDecision.reconnect(resumable()),
        error,
        false);
  }

  /** Closes on request (logout, disconnect) unless the connection is over already. */
  void closeUnlessClosed(int code, String reason, CloseDecision decision) {
    if (state != ClientState.CLOSED) {
      CloseDecision chosen = decision != null ? decision : CloseDecision.reconnect(resumable());
      apply(closeLocally(code, reason, chosen, null, false));
    }
  }

  Phase closeLocally(String reason, CloseDecision decision, GatewayException error) {
    return closeLocally(CloseCode.RESUMABLE_CLOSE, reason, decision, error, false);
  }

  Phase closeLocally(
      int code, String reason, CloseDecision decision, GatewayException error, boolean zombie) {
    return closed(code, reason, decision, error, zombie, true);
  }

  private Phase closed(
      int code,
      String reason,
      CloseDecision decision,
      GatewayException error,
      boolean zombie,
      boolean local) {
    if (decision.discardSession()) {
      discardSession();
    }
    SessionSnapshot snapshot =
        sessionId == null && resumeUrl == null ? SessionSnapshot.NONE : snapshot();
    return new Closed(
        new CloseOutcome(
            code, reason, decision.next(), error, snapshot, zombie, local, decision.delay()));
  }

  /** Runs when the connection enters {@link Closed}: stops everything and tells the listener. */
  void finish(CloseOutcome result) {
    heartbeater.stop();
    outbound.close();
    outcome = result;
    log.debug(
        "{} closed with {} ({}) {}; next: {}{}",
        name,
        result.code(),
        result.reason().isEmpty() ? "no reason" : result.reason(),
        result.closedLocally() ? "by the client" : "by the server or the network",
        result.nextStep(),
        result.error() == null ? "" : ". " + result.error().getMessage());
    safely(() -> listener.onClosed(result));
    if (result.closedLocally() && result.code() != MESSAGE_TOO_BIG) {
      try {
        sink.close(result.code(), result.reason());
      } catch (RuntimeException e) {
        log.debug("{} closing the sink failed: {}", name, e.toString());
      }
    }
  }

  void safely(Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      log.warn("{} listener failed", name, e);
    }
  }
}
