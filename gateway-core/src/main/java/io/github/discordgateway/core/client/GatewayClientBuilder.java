package io.github.discordgateway.core.client;

import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.codec.Encoding;
import io.github.discordgateway.core.codec.PayloadEncoder;
import io.github.discordgateway.core.internal.AsyncFrameSink;
import io.github.discordgateway.core.internal.SerialExecutor;
import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.ratelimit.IdentifyLimiter;
import io.github.discordgateway.core.ratelimit.internal.CommandRateLimiter;
import io.github.discordgateway.core.ratelimit.internal.OutboundQueue;
import io.github.discordgateway.core.scheduling.GatewayScheduler;
import io.github.discordgateway.core.transport.FrameSink;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/** Builds a {@link GatewayClient}. Settings, sink, scheduler and identify limiter are required. */
public final class GatewayClientBuilder {
  GatewaySettings settings;
  FrameSink sink;
  GatewayScheduler scheduler;
  InstantSource clock;
  RandomGenerator random;
  IdentifyLimiter identifyLimiter;
  int maxConcurrency = 1;
  GatewayClientListener listener;
  SessionSnapshot resumeFrom;
  int maxPayloadBytes = Compression.DEFAULT_MAX_PAYLOAD_BYTES;
  int maxPendingCommands = OutboundQueue.DEFAULT_MAX_PENDING;
  Executor sendExecutor;
  SerialExecutor serialExecutor;

  GatewayClientBuilder() {}

  /**
   * Sets what to identify with (token, intents, shard, presence, compression, ...).
   *
   * @param settings the settings
   * @return this
   */
  public GatewayClientBuilder settings(GatewaySettings settings) {
    this.settings = settings;
    return this;
  }

  /**
   * Sets where frames go (usually the connection; it may buffer until the connection is open).
   *
   * @param sink the sink
   * @return this
   */
  public GatewayClientBuilder sink(FrameSink sink) {
    this.sink = sink;
    return this;
  }

  /**
   * Sets the scheduler for heartbeats and rate-limit waits.
   *
   * @param scheduler the scheduler
   * @return this
   */
  public GatewayClientBuilder scheduler(GatewayScheduler scheduler) {
    this.scheduler = scheduler;
    return this;
  }

  /**
   * Sets the time source (default: the system clock).
   *
   * @param clock the time source
   * @return this
   */
  public GatewayClientBuilder clock(InstantSource clock) {
    this.clock = clock;
    return this;
  }

  /**
   * Sets the random source for heartbeat jitter and the invalid-session delay.
   *
   * @param random the random source
   * @return this
   */
  public GatewayClientBuilder random(RandomGenerator random) {
    this.random = random;
    return this;
  }

  /**
   * Sets the identify limiter and {@code max_concurrency}.
   *
   * @param identifyLimiter the limiter
   * @param maxConcurrency {@code max_concurrency} from {@code GET /gateway/bot}
   * @return this
   */
  public GatewayClientBuilder identifyLimiter(IdentifyLimiter identifyLimiter, int maxConcurrency) {
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be at least 1");
    }
    this.identifyLimiter = identifyLimiter;
    this.maxConcurrency = maxConcurrency;
    return this;
  }

  /**
   * Sets the identify limiter with {@code max_concurrency} 1.
   *
   * @param identifyLimiter the limiter
   * @return this
   */
  public GatewayClientBuilder identifyLimiter(IdentifyLimiter identifyLimiter) {
    return identifyLimiter(identifyLimiter, 1);
  }

  /**
   * Sets the listener.
   *
   * @param listener the listener
   * @return this
   */
  public GatewayClientBuilder listener(GatewayClientListener listener) {
    this.listener = listener;
    return this;
  }

  /**
   * Resumes this session instead of identifying (when it is {@link SessionSnapshot#resumable()}).
   *
   * @param snapshot the parent session, or {@code null}
   * @return this
   */
  public GatewayClientBuilder resumeFrom(SessionSnapshot snapshot) {
    this.resumeFrom = snapshot;
    return this;
  }

  /**
   * Sets the largest decompressed payload accepted; with {@code encoding=etf} it also bounds the
   * JSON a payload may become ({@link io.github.discordgateway.core.codec.Encoding#maxJsonBytes}).
   *
   * @param maxPayloadBytes the limit in bytes
   * @return this
   */
  public GatewayClientBuilder maxPayloadBytes(int maxPayloadBytes) {
    this.maxPayloadBytes = maxPayloadBytes;
    return this;
  }

  /**
   * Sets how many ordinary commands may wait.
   *
   * @param maxPendingCommands the bound
   * @return this
   */
  public GatewayClientBuilder maxPendingCommands(int maxPendingCommands) {
    this.maxPendingCommands = maxPendingCommands;
    return this;
  }

  /**
   * Writes frames on {@code executor} instead of on the thread that sends them (the heartbeat
   * timer, the socket reader, a command caller), so that a socket that stops draining blocks none
   * of those shared threads. Without it, frames are written directly.
   *
   * @param executor runs the writes of this connection, one at a time
   * @return this
   */
  public GatewayClientBuilder sendExecutor(Executor executor) {
    this.sendExecutor = executor;
    return this;
  }

  /**
   * Runs the client's inputs on {@code executor} instead of its own: a supervisor that shares it (a
   * {@code Shard}) sees every callback of the client in step with its own inputs. Internal.
   *
   * @param executor the serial executor of the supervisor
   * @return this
   */
  public GatewayClientBuilder serialExecutor(SerialExecutor executor) {
    this.serialExecutor = executor;
    return this;
  }

  /**
   * Builds the client.
   *
   * @return the client, in phase {@link ClientState#HELLO}
   */
  public GatewayClient build() {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(identifyLimiter, "identifyLimiter");
    SerialExecutor executor = serialExecutor != null ? serialExecutor : SerialExecutor.inline();
    // with encoding=etf, payloads (written as JSON) leave as ETF binary frames
    FrameSink out = settings.encoding().wrap(Objects.requireNonNull(sink, "sink"));
    if (sendExecutor != null) {
      out = new AsyncFrameSink(out, sendExecutor);
    }
    GatewayScheduler timers = Objects.requireNonNull(scheduler, "scheduler");
    InstantSource time = clock != null ? clock : InstantSource.system();
    GatewayClientListener callbacks = listener != null ? listener : new GatewayClientListener() {};
    // Fail fast on settings that could never identify (e.g. a presence over 4096 bytes).
    settings
        .encoding()
        .checkSize(Opcode.IDENTIFY, PayloadEncoder.encode(Opcode.IDENTIFY, settings.toIdentify()));
    ClientCore core =
        new ClientCore(
            settings,
            callbacks,
            out,
            random != null ? random : new Random(),
            identifyLimiter,
            maxConcurrency,
            executor,
            resumeFrom != null ? resumeFrom : SessionSnapshot.NONE);
    // the queue's delayed drains run on the client's executor like every other input
    GatewayScheduler onExecutor =
        (task, delay) -> timers.schedule(() -> executor.execute(task), delay);
    OutboundQueue outbound =
        new OutboundQueue(
            out,
            new CommandRateLimiter(time),
            onExecutor,
            time,
            (op, waited) -> core.safely(() -> callbacks.onPayloadSent(op, waited)),
            maxPendingCommands);
    Runnable tick = () -> core.apply(core.phase().onHeartbeatTick(core));
    core.attach(outbound, new Heartbeater(timers, time, () -> executor.execute(tick)));
    return new GatewayClient(
        settings,
        executor,
        settings.compression().newDecompressor(maxPayloadBytes),
        Encoding.maxJsonBytes(maxPayloadBytes),
        outbound,
        core,
        callbacks);
  }
}
