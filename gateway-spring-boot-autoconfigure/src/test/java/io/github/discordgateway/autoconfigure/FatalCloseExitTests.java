package io.github.discordgateway.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.event.ShardFatal;
import io.github.discordgateway.core.event.ShardResumed;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

class FatalCloseExitTests {

  @Test
  @DisplayName("a fatal close closes the context and exits with status 1, once")
  void fatalCloseClosesTheContextAndExitsWithStatusOne() throws Exception {
    GenericApplicationContext context = new GenericApplicationContext();
    context.refresh();
    CompletableFuture<Integer> status = new CompletableFuture<>();
    AtomicInteger exits = new AtomicInteger();
    FatalCloseExit exit =
        new FatalCloseExit(
            context,
            code -> {
              exits.incrementAndGet();
              status.complete(code);
            });

    exit.onEvent(new ShardResumed(0, 1));
    assertThat(context.isActive()).isTrue();

    exit.onEvent(new ShardFatal(0, 4004, GatewayException.forCloseCode(4004, "")));
    exit.onEvent(new ShardFatal(1, 4004, GatewayException.forCloseCode(4004, "")));

    assertThat(status.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(context.isActive()).isFalse();
    assertThat(exits).hasValue(1);
  }
}
