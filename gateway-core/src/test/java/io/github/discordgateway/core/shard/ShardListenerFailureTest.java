package io.github.discordgateway.core.shard;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.discordgateway.core.event.ShardDispatch;
import io.github.discordgateway.core.event.ShardEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A listener that throws on every event costs the shard nothing but a log line per failure. */
class ShardListenerFailureTest {

  private final ShardKit kit = new ShardKit();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger shardLog = (Logger) LoggerFactory.getLogger(Shard.class);

  @BeforeEach
  void captureLogs() {
    logs.start();
    shardLog.addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    shardLog.detachAppender(logs);
  }

  @Test
  void aListenerThatAlwaysThrowsIsLoggedAndTheShardStaysConnected() {
    List<ShardEvent> seen = new CopyOnWriteArrayList<>();
    Shard shard =
        new Shard(
            ShardKit.settings(0, 1),
            kit.context,
            ShardOptions.defaults().withBackoff(ShardKit.BACKOFF),
            event -> {
              seen.add(event);
              throw new IllegalStateException("listener bug");
            });
    shard.start();
    InMemoryTransport.Link link = kit.connect("s-1");
    for (int seq = 2; seq <= 6; seq++) {
      link.dispatch(seq, "MESSAGE_CREATE", "{}");
    }

    // every event still reached the listener, in order, on the one connection
    assertThat(
            seen.stream()
                .filter(ShardDispatch.class::isInstance)
                .map(e -> ((ShardDispatch) e).sequence()))
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(shard.status()).isEqualTo(ShardStatus.CONNECTED);
    assertThat(link.isOpen()).isTrue();
    assertThat(link.closeCodes).isEmpty();
    assertThat(kit.transport.links).hasSize(1);
    // each failure is logged with the event type, its sequence and the exception
    for (long seq = 2; seq <= 6; seq++) {
      String failure = "MESSAGE_CREATE (seq " + seq + ")";
      assertThat(logs.list)
          .as("the log line for %s", failure)
          .anySatisfy(
              line -> {
                assertThat(line.getLevel()).isEqualTo(Level.ERROR);
                assertThat(line.getFormattedMessage()).contains(failure);
                assertThat(line.getThrowableProxy()).isNotNull();
              });
    }
  }
}
