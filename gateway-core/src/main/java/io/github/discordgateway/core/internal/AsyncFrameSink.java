package io.github.discordgateway.core.internal;

import io.github.discordgateway.core.transport.FrameSink;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Writes to a {@link FrameSink} on a backing executor, in order, so that whoever sends (the shared
 * heartbeat timer, a socket reader answering op 1, a command caller) never runs a socket write
 * itself. When one connection's socket stops draining, only the backing thread writing to it waits;
 * heartbeats of other shards go out on other threads of the backing executor.
 */
public final class AsyncFrameSink implements FrameSink {

  private final FrameSink target;
  private final SerialExecutor writer;

  /**
   * Creates the sink.
   *
   * @param target the connection (or a sink that forwards to it)
   * @param backing runs the writes; must be able to run other connections' writes while one blocks
   */
  public AsyncFrameSink(FrameSink target, Executor backing) {
    this.target = Objects.requireNonNull(target, "target");
    this.writer = SerialExecutor.on(backing);
  }

  @Override
  public void sendText(String payload) {
    writer.execute(() -> target.sendText(payload));
  }

  @Override
  public void sendBinary(byte[] payload) {
    writer.execute(() -> target.sendBinary(payload));
  }

  @Override
  public void close(int code, String reason) {
    writer.execute(() -> target.close(code, reason));
  }
}
