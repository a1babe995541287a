package io.github.discordgateway.autoconfigure.reliability;

import io.github.discordgateway.autoconfigure.transport.SpringWebSocketTransport;
import io.github.discordgateway.core.ratelimit.LocalIdentifyLimiter;
import io.github.discordgateway.core.scheduling.ExecutorGatewayScheduler;
import io.github.discordgateway.core.shard.BackoffPolicy;
import io.github.discordgateway.test.FakeGuild;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

/** Shared pieces of the reliability tests: transport, guilds per shard, short time windows. */
final class Reliability {

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** A short backoff so that faults recover in milliseconds. */
  static final BackoffPolicy FAST_BACKOFF =
      new BackoffPolicy(Duration.ofMillis(20), Duration.ofMillis(400), 2.0, Duration.ofSeconds(5));

  /** One WebSocket client for every test, as one application has. */
  static final StandardWebSocketClient CLIENT = SpringWebSocketTransport.standardClient(4);

  /** Runs the delayed grants of short-window identify limiters. */
  static final ExecutorGatewayScheduler LIMITER_TIMER =
      ExecutorGatewayScheduler.create("reliability-identify-limiter", 1);

  private Reliability() {}

  static SpringWebSocketTransport transport() {
    return new SpringWebSocketTransport(CLIENT, 16 << 20, Duration.ofSeconds(5));
  }

  /** An identify limiter with {@code window} (the fake's window must not be longer). */
  static LocalIdentifyLimiter limiter(Duration window) {
    return new LocalIdentifyLimiter(InstantSource.system(), LIMITER_TIMER, window);
  }

  /** One guild per shard of {@code shardCount}: guild {@code k} belongs to shard {@code k}. */
  static List<FakeGuild> guildPerShard(int shardCount) {
    long base = 573544236423708672L >>> 22;
    base -= base % shardCount;
    List<FakeGuild> guilds = new ArrayList<>();
    for (int shard = 0; shard < shardCount; shard++) {
      long id = (base + shard) << 22;
      guilds.add(FakeGuild.generated(Long.toUnsignedString(id), "Guild of shard " + shard, 8));
    }
    return guilds;
  }
}
