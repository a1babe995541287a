package io.github.discordgateway.core.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.event.ShardDispatch;
import io.github.discordgateway.core.event.ShardFatal;
import io.github.discordgateway.core.event.ShardReconnecting;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What ends a session and what ends a shard, on virtual time: op 9 {@code false}, 4007 and 4009
 * start a new session with Identify; the fatal codes stop the shard for good with a typed error.
 */
class ShardReidentifyAndFatalCodesTest {

  private final ShardKit kit = new ShardKit();

  @Test
  void identifiesAnewAfterInvalidSession() {
    identifiesAnewAfter(link -> link.text("{\"op\":9,\"d\":false}"));
  }

  @Test
  void identifiesAnewAfterInvalidSeqClose() {
    identifiesAnewAfter(link -> link.serverClose(4007, "Invalid seq"));
  }

  @Test
  void identifiesAnewAfterSessionTimedOutClose() {
    identifiesAnewAfter(link -> link.serverClose(4009, "Session timed out"));
  }

  private void identifiesAnewAfter(Consumer<InMemoryTransport.Link> invalidate) {
    Shard shard = kit.shard();
    shard.start();
    InMemoryTransport.Link first = kit.connect("s-1");
    first.dispatch(2, "MESSAGE_CREATE", "{}");

    invalidate.accept(first);

    assertThat(kit.events(ShardReconnecting.class).get(0).resume()).isFalse();
    InMemoryTransport.Link second = kit.nextLink().open();
    // a new session starts on the gateway URL, not the old session's resume URL
    assertThat(second.uri.toString()).startsWith("wss://gateway.example");
    second.hello(41_250);
    // the identify limiter paces the new Identify within Discord's 5 s window
    kit.scheduler.advance(Duration.ofSeconds(6));
    assertThat(second.sent(6)).as("Resume").isEmpty();
    assertThat(second.sent(2)).hasSize(1);
    second.ready(1, "s-2");

    assertThat(shard.status()).isEqualTo(ShardStatus.CONNECTED);
    assertThat(shard.state().sessionId()).isEqualTo("s-2");
    List<ShardDispatch> dispatches = kit.events(ShardDispatch.class);
    assertThat(dispatches.stream().map(ShardDispatch::type))
        .containsExactly("READY", "MESSAGE_CREATE", "READY");
    // the second session's sequence starts again at 1, right after its READY
    assertThat(dispatches.get(2).sequence()).isEqualTo(1L);
  }

  @ParameterizedTest(name = "close {0} -> {1}")
  @CsvSource({
    "4004, AUTHENTICATION_FAILED",
    "4010, INVALID_SHARD",
    "4011, SHARDING_REQUIRED",
    "4012, INVALID_API_VERSION",
    "4013, INVALID_INTENTS",
    "4014, DISALLOWED_INTENTS"
  })
  void stopsWithoutRetryAfterFatalClose(int code, GatewayException.Kind kind) {
    Shard shard = kit.shard();
    CompletableFuture<Void> ready = shard.start();
    InMemoryTransport.Link link = kit.transport.last().open();
    link.hello(41_250);
    kit.scheduler.runDue();
    link.serverClose(code, "Scripted fatal close");

    assertThat(shard.status()).isEqualTo(ShardStatus.FATAL);
    assertThat(shard.fatalError().kind()).isEqualTo(kind);
    assertThat(shard.fatalError().fatal()).isTrue();
    assertThat(shard.fatalError().closeCode()).hasValue(code);
    assertThat(shard.state().lastCloseCode()).isEqualTo(code);
    assertThat(ready).isCompletedExceptionally();
    assertThat(kit.events(ShardFatal.class))
        .singleElement()
        .satisfies(fatal -> assertThat(fatal.closeCode()).isEqualTo(code));
    // no second attempt, however long the backoff would have been
    kit.scheduler.advance(Duration.ofMinutes(10));
    assertThat(kit.transport.links).hasSize(1);
    assertThat(kit.events(ShardReconnecting.class)).isEmpty();
    assertThat(shard.status()).isEqualTo(ShardStatus.FATAL);
  }
}
