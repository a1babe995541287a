package io.github.discordgateway.autoconfigure;

import io.github.discordgateway.core.event.GatewayEventListener;
import io.github.discordgateway.core.event.ShardEvent;
import io.github.discordgateway.core.event.ShardFatal;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code discord.gateway.fatal-action=exit}: when a shard stops for good on a fatal close code, it
 * closes the application context (shards disconnect, beans are destroyed) and exits the JVM with
 * status {@value #EXIT_CODE}. Runs on its own thread, so the listener thread that saw the close is
 * never the one that waits for the context to close.
 */
final class FatalCloseExit implements GatewayEventListener {

  /** Exit status of the JVM after a fatal close. */
  static final int EXIT_CODE = 1;

  private static final Logger log = LoggerFactory.getLogger(FatalCloseExit.class);

  private final ConfigurableApplicationContext context;
  private final IntConsumer exit;
  private final AtomicBoolean exiting = new AtomicBoolean();

  FatalCloseExit(ConfigurableApplicationContext context, IntConsumer exit) {
    this.context = Objects.requireNonNull(context, "context");
    this.exit = Objects.requireNonNull(exit, "exit");
  }

  @Override
  public void onEvent(ShardEvent event) {
    if (!(event instanceof ShardFatal fatal) || !exiting.compareAndSet(false, true)) {
      return;
    }
    log.error(
        "Shard {} stopped for good (close {}); exiting with status {} as"
            + " discord.gateway.fatal-action=exit asks",
        fatal.shardId(),
        fatal.closeCode(),
        EXIT_CODE);
    Thread thread =
        new Thread(
            () -> exit.accept(SpringApplication.exit(context, () -> EXIT_CODE)),
            "discord-gateway-fatal-exit");
    thread.setDaemon(false);
    thread.start();
  }

  @Override
  public String toString() {
    return "FatalCloseExit[exitCode=" + EXIT_CODE + "]";
  }
}
