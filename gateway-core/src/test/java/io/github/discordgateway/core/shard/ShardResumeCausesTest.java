package io.github.discordgateway.core.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.event.ShardDisconnected;
import io.github.discordgateway.core.event.ShardDispatch;
import io.github.discordgateway.core.event.ShardReconnecting;
import io.github.discordgateway.core.event.ShardResumed;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every cause that keeps the session resumes it, on virtual time: the next connection sends Resume
 * with the session and the last delivered sequence, never Identify, and the replay reaches the
 * listeners exactly once, in order (a replayed dispatch already delivered is skipped).
 */
class ShardResumeCausesTest {

  private final ShardKit kit = new ShardKit();

  @Test
  void resumesAfterReconnectRequest() {
    ShardDisconnected disconnected =
        resumesAndDeliversTheReplayOnce(link -> link.text("{\"op\":7,\"d\":null}"));
    assertThat(disconnected.closedLocally()).isTrue();
    assertThat(disconnected.code()).isNotIn(1000, 1001);
  }

  @Test
  void resumesAfterDroppedConnection() {
    ShardDisconnected disconnected =
        resumesAndDeliversTheReplayOnce(link -> link.serverClose(1006, ""));
    assertThat(disconnected.code()).isEqualTo(1006);
    assertThat(disconnected.closedLocally()).isFalse();
  }

  @Test
  void resumesAfterUnknownErrorClose() {
    assertThat(
            resumesAndDeliversTheReplayOnce(link -> link.serverClose(4000, "Unknown error")).code())
        .isEqualTo(4000);
  }

  @Test
  void resumesAfterRateLimitedClose() {
    assertThat(
            resumesAndDeliversTheReplayOnce(link -> link.serverClose(4008, "Rate limited.")).code())
        .isEqualTo(4008);
  }

  @Test
  void resumesAfterZombieConnection() {
    ShardDisconnected disconnected =
        resumesAndDeliversTheReplayOnce(
            link -> {
              // heartbeats go unanswered: within two intervals the client gives the connection up
              for (int second = 0; second < 90 && link.closeCodes.isEmpty(); second++) {
                kit.scheduler.advance(Duration.ofSeconds(1));
              }
              assertThat(link.sent(1)).isNotEmpty();
            });
    assertThat(disconnected.zombie()).isTrue();
    assertThat(disconnected.closedLocally()).isTrue();
    assertThat(disconnected.code()).isNotIn(1000, 1001);
  }

  /**
   * Connects (READY is seq 1), delivers seq 2 and 3, disconnects with {@code cause}, reconnects and
   * replays 3 (already delivered), 4 and 5, then RESUMED.
   */
  private ShardDisconnected resumesAndDeliversTheReplayOnce(
      Consumer<InMemoryTransport.Link> cause) {
    Shard shard = kit.shard();
    shard.start();
    InMemoryTransport.Link first = kit.connect("s-1");
    first.dispatch(2, "MESSAGE_CREATE", "{}");
    first.dispatch(3, "MESSAGE_CREATE", "{}");

    cause.accept(first);

    assertThat(first.isOpen()).isFalse();
    ShardReconnecting reconnecting = kit.events(ShardReconnecting.class).get(0);
    assertThat(reconnecting.resume()).isTrue();
    // the zombie case may have passed the (jittered) delay already while heartbeats were due
    InMemoryTransport.Link second =
        (kit.transport.links.size() > 1 ? kit.transport.last() : kit.nextLink()).open();
    assertThat(second.uri.toString()).startsWith("wss://resume.example");
    second.hello(41_250);
    kit.scheduler.runDue();
    assertThat(second.sent(2)).as("Identify").isEmpty();
    assertThat(second.sent(6)).hasSize(1);
    assertThat(second.sent(6).get(0).get("d").get("session_id").asString()).isEqualTo("s-1");
    assertThat(second.sent(6).get(0).get("d").get("seq").asLong()).isEqualTo(3);

    second.dispatch(3, "MESSAGE_CREATE", "{}");
    second.dispatch(4, "MESSAGE_CREATE", "{}");
    second.dispatch(5, "MESSAGE_CREATE", "{}");
    second.dispatch(6, "RESUMED", "{}");

    assertThat(shard.status()).isEqualTo(ShardStatus.CONNECTED);
    List<Long> sequences =
        kit.events(ShardDispatch.class).stream().map(ShardDispatch::sequence).toList();
    assertThat(sequences).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(kit.events(ShardDispatch.class).stream().map(ShardDispatch::type))
        .containsOnlyOnce("READY", "RESUMED");
    assertThat(kit.events(ShardResumed.class)).hasSize(1);
    assertThat(shard.state().sessionId()).isEqualTo("s-1");
    assertThat(first.closeCodes).doesNotContain(1000, 1001);
    return kit.events(ShardDisconnected.class).get(0);
  }
}
