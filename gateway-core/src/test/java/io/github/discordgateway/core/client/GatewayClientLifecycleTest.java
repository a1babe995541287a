package io.github.discordgateway.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.codec.Envelope;
import io.github.discordgateway.core.protocol.EventType;
import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.protocol.UpdatePresence;
import io.github.discordgateway.core.ratelimit.LocalIdentifyLimiter;
import io.github.discordgateway.core.scheduling.ManualScheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GatewayClientLifecycleTest {

  @Test
  @DisplayName("15.2 hello first: nothing is sent before op 10, Identify only after Hello")
  void sendsNothingBeforeHello() {
    ClientHarness h = new ClientHarness();
    h.scheduler.advance(Duration.ofMinutes(2));
    h.client.send(UpdatePresence.of("online"));
    h.dispatch(1, "GUILD_CREATE", "{\"id\":\"1\"}");
    h.scheduler.advance(Duration.ofMinutes(1));
    assertThat(h.sink.texts).isEmpty();
    assertThat(h.client.state()).isEqualTo(ClientState.HELLO);

    h.hello(41250);
    assertThat(h.sentOps()).containsExactly(Opcode.IDENTIFY.code());
  }

  @Test
  @DisplayName("15.7 identify content: token, properties, intents, large_threshold, shard")
  void identifyCarriesConfiguredFields() {
    ClientHarness h = new ClientHarness();
    h.hello(41250);
    JsonNode d = h.sent(2).get(0).get("d");
    assertThat(d.get("token").asString()).isEqualTo(ClientHarness.TOKEN);
    assertThat(d.get("intents").asLong()).isEqualTo(513);
    assertThat(d.get("properties").get("os").asString()).isNotBlank();
    assertThat(d.get("properties").get("browser").asString()).isNotBlank();
    assertThat(d.get("properties").get("device").asString()).isNotBlank();
    assertThat(d.get("large_threshold").asInt()).isBetween(50, 250);
    assertThat(d.get("shard").get(0).asInt()).isZero();
    assertThat(d.get("shard").get(1).asInt()).isEqualTo(1);
    assertThat(d.has("compress")).isFalse();
  }

  @Test
  @DisplayName("15.8 identify once: never a second Identify on the same connection")
  void identifiesAtMostOncePerConnection() {
    ClientHarness h = new ClientHarness();
    h.hello(41250);
    h.hello(41250);
    h.scheduler.advance(Duration.ofSeconds(30));
    h.ready(1, "s1");
    h.ready(2, "s2");
    h.scheduler.advance(Duration.ofMinutes(3));
    assertThat(h.sent(2)).hasSize(1);
    assertThat(h.listener.identifies).isEqualTo(1);
  }

  @Test
  @DisplayName("15.8 identify once: a resuming connection never identifies, even after RESUMED")
  void neverIdentifiesAfterResume() {
    ClientHarness h = new ClientHarness(new SessionSnapshot("sess", 41, ClientHarness.RESUME_URL));
    h.hello(41250);
    h.dispatch(42, "MESSAGE_CREATE", "{}");
    h.dispatch(43, "RESUMED", "{\"_trace\":[]}");
    h.scheduler.advance(Duration.ofMinutes(2));
    for (int i = 0; i < 3; i++) {
      h.ack();
      h.scheduler.advance(Duration.ofMillis(41250));
    }
    assertThat(h.sent(2)).isEmpty();
    assertThat(h.sent(6)).hasSize(1);
  }

  @Test
  @DisplayName(
      "15.9 READY bookkeeping: session_id, resume_gateway_url, shard and unavailable guilds")
  void storesReadySession() {
    ClientHarness h = new ClientHarness();
    h.connect();
    SessionSnapshot snapshot = h.client.snapshot();
    assertThat(snapshot.sessionId()).isEqualTo("session-abc");
    assertThat(snapshot.resumeGatewayUrl()).isEqualTo(ClientHarness.RESUME_URL);
    assertThat(snapshot.sequence()).isEqualTo(1);
    assertThat(h.listener.readies).hasSize(1);
    var ready = h.listener.readies.get(0);
    assertThat(ready.shard().id()).isZero();
    assertThat(ready.shard().count()).isEqualTo(1);
    assertThat(ready.guildIds()).containsExactly(573544236423708672L, 41771983423143937L);
    assertThat(ready.guilds()).allMatch(g -> Boolean.TRUE.equals(g.unavailable()));
    assertThat(h.listener.dispatches)
        .extracting(Dispatch::eventType)
        .containsExactly(EventType.READY);
  }

  @Test
  @DisplayName(
      "15.10 resume payload: op 6 with token, session_id and the last seq; replay until RESUMED")
  void resumesWithLastSequenceAndReplays() {
    ClientHarness h =
        new ClientHarness(new SessionSnapshot("sess-9", 1337, ClientHarness.RESUME_URL));
    h.hello(41250);
    assertThat(h.client.state()).isEqualTo(ClientState.RESUMING);
    JsonNode d = h.sent(6).get(0).get("d");
    assertThat(d.get("token").asString()).isEqualTo(ClientHarness.TOKEN);
    assertThat(d.get("session_id").asString()).isEqualTo("sess-9");
    assertThat(d.get("seq").asLong()).isEqualTo(1337);

    CompletableFuture<Void> held = h.client.send(UpdatePresence.of("idle"));
    h.dispatch(1338, "MESSAGE_CREATE", "{\"id\":\"1\"}");
    h.dispatch(1339, "MESSAGE_UPDATE", "{\"id\":\"1\"}");
    assertThat(held).isNotDone();
    h.dispatch(1340, "RESUMED", "{}");
    assertThat(h.client.state()).isEqualTo(ClientState.CONNECTED);
    assertThat(h.listener.resumed).isEqualTo(1);
    assertThat(h.listener.dispatches)
        .extracting(Dispatch::sequence)
        .containsExactly(1338L, 1339L, 1340L);
    assertThat(held).isCompleted();
    assertThat(h.sentOps()).containsExactly(6, 3);
  }

  @Test
  @DisplayName("15.13 op 9 d:true: closes with a non-1000 code and resumes")
  void invalidSessionResumable() {
    ClientHarness h = new ClientHarness();
    h.connect();
    h.client.onText("{\"op\":9,\"d\":true}");
    CloseOutcome outcome = h.outcome();
    assertThat(outcome.nextStep()).isEqualTo(NextStep.RESUME);
    assertThat(outcome.snapshot().sessionId()).isEqualTo("session-abc");
    assertThat(h.sink.closeCodes).containsExactly(4900);

    ClientHarness next = new ClientHarness(outcome.snapshot());
    next.hello(41250);
    assertThat(next.sentOps()).containsExactly(6);
  }

  @Test
  @DisplayName("15.2 identify waits for the identify limiter permit")
  void identifyWaitsForPermit() {
    ManualScheduler scheduler = new ManualScheduler();
    LocalIdentifyLimiter limiter =
        new LocalIdentifyLimiter(
            scheduler.instantSource(), scheduler, LocalIdentifyLimiter.DEFAULT_WINDOW);
    limiter.acquire(0, 1); // another shard of bucket 0 identified just now
    ClientHarness h = new ClientHarness(scheduler, null, 0.99, Compression.NONE, limiter);
    h.hello(41250);
    assertThat(h.sent(2)).isEmpty();
    scheduler.advance(Duration.ofMillis(4999));
    assertThat(h.sent(2)).isEmpty();
    scheduler.advance(Duration.ofMillis(1));
    assertThat(h.sent(2)).hasSize(1);
  }

  @Test
  @DisplayName("commands are held until READY, then sent and reported with their wait")
  void commandsWaitForReady() {
    ClientHarness h = new ClientHarness();
    CompletableFuture<Void> early = h.client.send(UpdatePresence.of("dnd"));
    h.hello(41250);
    assertThat(h.sentOps()).containsExactly(2);
    h.scheduler.advance(Duration.ofSeconds(3));
    h.ready(1, "s");
    assertThat(early).isCompleted();
    assertThat(h.sentOps()).containsExactly(2, 3);
    assertThat(h.listener.waits).contains(Duration.ofSeconds(3));
  }

  @Test
  @DisplayName("a closed client is dead: commands fail, frames are ignored, outcome reported once")
  void closedClientIsDead() {
    ClientHarness h = new ClientHarness();
    h.connect();
    h.client.disconnect("restart");
    CompletableFuture<Void> late = h.client.send(UpdatePresence.of("online"));
    h.dispatch(5, "MESSAGE_CREATE", "{}");
    h.client.onClosed(4900, "restart");
    assertThat(late).isCompletedExceptionally();
    assertThat(h.listener.dispatches).hasSize(1);
    assertThat(h.listener.outcomes).hasSize(1);
    assertThat(h.outcome().nextStep()).isEqualTo(NextStep.RESUME);
    assertThat(h.client.state()).isEqualTo(ClientState.CLOSED);
    assertThat(h.client.snapshot().sequence()).isEqualTo(1);
    assertThat(Envelope.NO_SEQUENCE).isNegative();
  }

  @Test
  void theLimiterHearsWhenAnIdentifyWasAnswered() {
    java.util.concurrent.atomic.AtomicInteger answered =
        new java.util.concurrent.atomic.AtomicInteger();
    io.github.discordgateway.core.ratelimit.IdentifyLimiter limiter =
        new io.github.discordgateway.core.ratelimit.IdentifyLimiter() {
          @Override
          public java.util.concurrent.CompletableFuture<
                  io.github.discordgateway.core.ratelimit.IdentifyPermit>
              acquire(int shardId, int maxConcurrency) {
            return java.util.concurrent.CompletableFuture.completedFuture(
                new io.github.discordgateway.core.ratelimit.IdentifyPermit(
                    shardId, 0, java.time.Instant.EPOCH));
          }

          @Override
          public void identifyAnswered(int shardId, int maxConcurrency) {
            answered.incrementAndGet();
          }
        };
    ClientHarness h =
        new ClientHarness(
            new io.github.discordgateway.core.scheduling.ManualScheduler(),
            null,
            0.5,
            io.github.discordgateway.core.codec.Compression.NONE,
            limiter);
    h.hello(41250);
    assertThat(h.sent(2)).hasSize(1);
    assertThat(answered).hasValue(0);
    h.ready(1, "s");
    assertThat(answered).hasValue(1);
  }
}
