package io.github.discordgateway.core.shard;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.client.ClientState;
import io.github.discordgateway.core.client.GatewayClient;
import io.github.discordgateway.core.internal.SerialExecutor;
import io.github.discordgateway.core.protocol.GatewayCommand;
import io.github.discordgateway.core.scheduling.Cancellable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Commands sent while the shard has no live session (it reconnects, resumes or waits for READY):
 * they wait, in order, for the next session, each for at most the context's command timeout.
 * Confined to the shard's serial executor.
 */
final class WaitingCommands {

  private record Waiting(GatewayCommand command, CompletableFuture<Void> result) {}

  private final String name;
  private final ShardContext context;
  private final SerialExecutor serial;
  private final Map<Waiting, Cancellable> waiting = new LinkedHashMap<>();

  WaitingCommands(String name, ShardContext context, SerialExecutor serial) {
    this.name = name;
    this.context = context;
    this.serial = serial;
  }

  /** Sends on a live session, waits while the shard runs without one, fails when it is stopped. */
  void route(
      ShardConnection current,
      boolean running,
      GatewayCommand command,
      CompletableFuture<Void> result) {
    if (current != null && current.client.state() == ClientState.CONNECTED) {
      forward(current.client.send(command), result);
    } else if (running) {
      add(command, result);
    } else {
      result.completeExceptionally(
          new GatewayException(
              GatewayException.Kind.NOT_CONNECTED,
              name + " is not connected",
              -1,
              command.opcode(),
              null));
    }
  }

  private void add(GatewayCommand command, CompletableFuture<Void> result) {
    Waiting entry = new Waiting(command, result);
    Duration timeout = context.commandTimeout();
    Cancellable timer =
        context.scheduler().schedule(() -> serial.execute(() -> expire(entry, timeout)), timeout);
    waiting.put(entry, timer);
  }

  private void expire(Waiting entry, Duration timeout) {
    if (waiting.remove(entry) != null) {
      entry
          .result()
          .completeExceptionally(
              new GatewayException(
                  GatewayException.Kind.NOT_CONNECTED,
                  name + " had no live session within " + timeout + "; command not sent",
                  -1,
                  entry.command().opcode(),
                  null));
    }
  }

  /** Hands every waiting command, in order, to the client of the new session. */
  void flushTo(GatewayClient client) {
    List<Waiting> ready = drain();
    for (Waiting entry : ready) {
      forward(client.send(entry.command()), entry.result());
    }
  }

  /** Fails every waiting command (the shard stopped). */
  void failAll(String why) {
    for (Waiting entry : drain()) {
      entry
          .result()
          .completeExceptionally(
              new GatewayException(
                  GatewayException.Kind.NOT_CONNECTED,
                  why + "; command not sent",
                  -1,
                  entry.command().opcode(),
                  null));
    }
  }

  private List<Waiting> drain() {
    List<Waiting> all = new ArrayList<>(waiting.keySet());
    waiting.values().forEach(Cancellable::cancel);
    waiting.clear();
    return all;
  }

  static void forward(CompletableFuture<Void> from, CompletableFuture<Void> to) {
    from.whenComplete(
        (ok, error) -> {
          if (error != null) {
            to.completeExceptionally(error);
          } else {
            to.complete(null);
          }
        });
  }
}
