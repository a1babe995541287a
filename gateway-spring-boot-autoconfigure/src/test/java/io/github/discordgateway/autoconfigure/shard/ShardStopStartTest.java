package io.github.discordgateway.autoconfigure.shard;

import static io.github.discordgateway.autoconfigure.shard.ShardHarness.TIMEOUT;
import static io.github.discordgateway.autoconfigure.shard.ShardHarness.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.core.session.InMemorySessionStore;
import io.github.discordgateway.core.session.SessionStore;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardStatus;
import io.github.discordgateway.test.FakeDiscordGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Graceful stop keeps sessions resumable; logout ends them. */
class ShardStopStartTest {

  private static final int SHARDS = 4;

  @Test
  void aNewManagerWithTheSameStoreResumesEveryShard() throws Exception {
    SessionStore store = new InMemorySessionStore();
    try (FakeDiscordGateway gateway = fake(SHARDS)) {
      RecordingListener before = new RecordingListener();
      try (ShardManager first = manager(gateway, before, store)) {
        first.start().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      } // close(): graceful, resumable stop
      // the fake records a close frame when it arrives, a moment after the client sent it
      await().atMost(TIMEOUT).until(() -> gateway.recorder().clientCloseCodes().size() == SHARDS);
      assertThat(gateway.recorder().clientCloseCodes()).doesNotContain(1000, 1001);
      for (int shard = 0; shard < SHARDS; shard++) {
        assertThat(store.load(shard, SHARDS)).as("stored session of %d", shard).isPresent();
        assertThat(message(gateway, shard, "while stopped")).isOne();
      }

      RecordingListener after = new RecordingListener();
      try (ShardManager second = manager(gateway, after, store)) {
        second.start().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        for (int shard = 0; shard < SHARDS; shard++) {
          int id = shard;
          assertThat(gateway.recorder().identifyCount(shard)).as("identifies of %d", shard).isOne();
          assertThat(gateway.recorder().resumeCount(shard)).as("resumes of %d", shard).isOne();
          await().atMost(TIMEOUT).until(() -> after.count(id, "MESSAGE_CREATE") == 1);
          assertThat(after.types(shard)).endsWith("MESSAGE_CREATE", "RESUMED");
          // across both processes every dispatch arrived exactly once, in order (what the first
          // one had not read yet, such as a GUILD_CREATE right after READY, is replayed)
          List<Long> all = new ArrayList<>(before.sequences(shard));
          all.addAll(after.sequences(shard));
          assertThat(all)
              .containsExactlyElementsOf(
                  LongStream.rangeClosed(1, gateway.lastSequence(shard)).boxed().toList());
        }
      }
    }
  }

  @Test
  void theSameManagerResumesAfterStopAndStart() throws Exception {
    RecordingListener listener = new RecordingListener();
    try (FakeDiscordGateway gateway = fake(SHARDS);
        ShardManager manager = manager(gateway, listener, new InMemorySessionStore())) {
      manager.start().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      manager.stop().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      assertThat(manager.states()).allMatch(s -> s.status() == ShardStatus.STOPPED);

      manager.start().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

      assertThat(manager.states()).allMatch(s -> s.status() == ShardStatus.CONNECTED);
      for (int shard = 0; shard < SHARDS; shard++) {
        assertThat(gateway.recorder().identifyCount(shard)).isOne();
        assertThat(gateway.recorder().resumeCount(shard)).isOne();
      }
    }
  }

  @Test
  void logoutClosesWithNormalClosureAndTheNextStartIdentifies() throws Exception {
    SessionStore store = new InMemorySessionStore();
    RecordingListener listener = new RecordingListener();
    try (FakeDiscordGateway gateway = fake(SHARDS);
        ShardManager manager = manager(gateway, listener, store)) {
      manager.start().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

      manager.logout().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

      await().atMost(TIMEOUT).until(() -> gateway.recorder().clientCloseCodes().size() == SHARDS);
      assertThat(gateway.recorder().clientCloseCodes()).containsOnly(1000);
      assertThat(manager.states()).allMatch(s -> s.status() == ShardStatus.STOPPED);
      for (int shard = 0; shard < SHARDS; shard++) {
        assertThat(store.load(shard, SHARDS)).isEmpty();
        assertThat(gateway.sessionId(shard)).isEmpty();
      }

      manager.start().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

      for (int shard = 0; shard < SHARDS; shard++) {
        assertThat(gateway.recorder().identifyCount(shard)).isEqualTo(2);
        assertThat(gateway.recorder().resumeCount(shard)).isZero();
      }
    }
  }

  private static ShardManager manager(
      FakeDiscordGateway gateway, RecordingListener listener, SessionStore store) {
    return ShardHarness.manager(gateway, listener)
        .totalShards(SHARDS)
        .maxConcurrency(SHARDS)
        .sessionStore(store)
        .identifyLimiter(ShardHarness.limiter(Duration.ofMillis(100)))
        .build();
  }

  private static FakeDiscordGateway fake(int shards) {
    return ShardHarness.fake()
        .shards(shards)
        .maxConcurrency(shards)
        .identifyWindow(Duration.ofMillis(50))
        .start();
  }
}
