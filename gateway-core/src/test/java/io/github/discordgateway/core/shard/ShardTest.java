package io.github.discordgateway.core.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.client.NextStep;
import io.github.discordgateway.core.client.SessionSnapshot;
import io.github.discordgateway.core.event.ShardDisconnected;
import io.github.discordgateway.core.event.ShardFatal;
import io.github.discordgateway.core.event.ShardReconnecting;
import io.github.discordgateway.core.protocol.UpdatePresence;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The supervisor of one shard, on virtual time: reconnects, backoff, hand-over, fatal codes. */
class ShardTest {

  private final ShardKit kit = new ShardKit();

  @Test
  void resumesOnTheResumeUrlAfterTheConnectionDrops() {
    Shard shard = kit.shard();
    CompletableFuture<Void> ready = shard.start();
    InMemoryTransport.Link first = kit.connect("s-1");
    first.dispatch(2, "MESSAGE_CREATE", "{}");
    assertThat(ready).isCompleted();
    assertThat(shard.status()).isEqualTo(ShardStatus.CONNECTED);

    first.serverClose(1006, "");

    assertThat(shard.status()).isEqualTo(ShardStatus.RECONNECTING);
    ShardReconnecting reconnecting = kit.events(ShardReconnecting.class).get(0);
    assertThat(reconnecting.resume()).isTrue();
    kit.scheduler.advance(reconnecting.delay());
    InMemoryTransport.Link second = kit.transport.last();
    assertThat(second).isNotSameAs(first);
    assertThat(second.uri.toString()).startsWith("wss://resume.example");
    second.open().hello(41_250);
    assertThat(second.sent(6)).hasSize(1);
    assertThat(second.sent(6).get(0).get("d").get("session_id").asString()).isEqualTo("s-1");
    assertThat(second.sent(6).get(0).get("d").get("seq").asLong()).isEqualTo(2);
    assertThat(second.sent(2)).isEmpty();
  }

  @Test
  void theShardStatusFollowsItsConnectionThroughIdentifyAndResume() {
    Shard shard = kit.shard();
    shard.start();
    assertThat(shard.status()).isEqualTo(ShardStatus.CONNECTING);
    InMemoryTransport.Link first = kit.transport.last().open();
    assertThat(shard.status()).isEqualTo(ShardStatus.CONNECTING);
    first.hello(41_250);
    assertThat(shard.status()).isEqualTo(ShardStatus.IDENTIFYING);
    kit.scheduler.runDue();
    first.ready(1, "s-1");
    assertThat(shard.status()).isEqualTo(ShardStatus.CONNECTED);

    first.serverClose(1006, "");
    assertThat(shard.status()).isEqualTo(ShardStatus.RECONNECTING);
    InMemoryTransport.Link second = kit.nextLink().open();
    assertThat(shard.status()).isEqualTo(ShardStatus.CONNECTING);
    second.hello(41_250);
    assertThat(shard.status()).isEqualTo(ShardStatus.RESUMING);
    second.dispatch(2, "RESUMED", "{}");
    assertThat(shard.status()).isEqualTo(ShardStatus.CONNECTED);
  }

  @Test
  void backsOffMoreAfterEachFailedConnectAndNeverSpins() {
    Shard shard = kit.shard();
    shard.start();
    kit.transport.last().fail(new IOException("connection refused"));
    for (int i = 0; i < 7; i++) {
      kit.nextLink().fail(new IOException("connection refused"));
    }
    kit.nextLink();
    var delays = kit.events(ShardReconnecting.class).stream().map(r -> r.delay()).toList();
    assertThat(delays).hasSize(8);
    assertThat(delays).allMatch(d -> d.compareTo(Duration.ofSeconds(60)) <= 0);
    // the ceiling doubles per attempt: later attempts may wait far longer than the first
    assertThat(kit.events(ShardReconnecting.class).get(7).attempt()).isEqualTo(8);
    assertThat(kit.transport.links).hasSize(9);
  }

  @Test
  void afterAnOutageAnInvalidSessionWaitsOneToFiveSecondsNotTheBackoff() {
    Shard shard = kit.shard();
    shard.start();
    kit.connect("s-1");
    kit.transport.last().serverClose(1006, "");
    // an outage: the backoff ceiling grows to its 60 s cap
    for (int i = 0; i < 7; i++) {
      kit.nextLink().fail(new IOException("connection refused"));
    }
    assertThat(kit.events(ShardReconnecting.class).get(7).delay())
        .as("the backoff has grown")
        .isGreaterThan(Duration.ofSeconds(5));
    // the server is back: Hello, then the resume is refused with op 9
    InMemoryTransport.Link back = kit.nextLink().open();
    back.hello(41_250);
    int linksBefore = kit.transport.links.size();
    back.text("{\"op\":9,\"d\":false}");

    ShardReconnecting next =
        kit.events(ShardReconnecting.class).get(kit.events(ShardReconnecting.class).size() - 1);
    assertThat(next.resume()).isFalse();
    assertThat(next.delay()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(5));
    kit.scheduler.advance(Duration.ofSeconds(5));
    assertThat(kit.transport.links).hasSize(linksBefore + 1);
  }

  @Test
  void dropsAConnectionWithoutHelloTwentySecondsAfterItOpened() {
    Shard shard = kit.shard();
    shard.start();
    InMemoryTransport.Link link = kit.transport.last();
    kit.scheduler.advance(Duration.ofSeconds(8));
    link.open();
    kit.scheduler.advance(Duration.ofMillis(19_999));
    assertThat(link.closeCodes).isEmpty();
    kit.scheduler.advance(Duration.ofMillis(1));
    assertThat(link.closeCodes).containsExactly(4900);
    assertThat(shard.status()).isEqualTo(ShardStatus.RECONNECTING);
  }

  @Test
  void aConnectionThatNeverOpensIsGivenUpAfterTheConnectTimeout() {
    Shard shard = kit.shard();
    shard.start();
    kit.scheduler.advance(Duration.ofSeconds(10));
    assertThat(shard.status()).isEqualTo(ShardStatus.RECONNECTING);
    assertThat(kit.events(ShardDisconnected.class).get(0).code()).isEqualTo(1006);
  }

  @Test
  void aFatalCloseCodeStopsTheShardForGood() {
    Shard shard = kit.shard();
    CompletableFuture<Void> ready = shard.start();
    InMemoryTransport.Link link = kit.transport.last().open();
    link.hello(41_250);
    kit.scheduler.runDue();
    link.serverClose(4004, "Authentication failed");

    assertThat(shard.status()).isEqualTo(ShardStatus.FATAL);
    assertThat(shard.fatalError().kind()).isEqualTo(GatewayException.Kind.AUTHENTICATION_FAILED);
    assertThat(ready).isCompletedExceptionally();
    assertThat(kit.events(ShardFatal.class)).hasSize(1);
    kit.scheduler.advance(Duration.ofMinutes(10));
    assertThat(kit.transport.links).hasSize(1);
  }

  @Test
  void aStoppedShardHandsItsSessionToTheNextStart() {
    Shard shard = kit.shard();
    shard.start();
    InMemoryTransport.Link link = kit.connect("s-9");
    link.dispatch(5, "MESSAGE_CREATE", "{}");

    CompletableFuture<Void> stopped = shard.stop();
    assertThat(link.closeCodes).containsExactly(4900);
    assertThat(stopped).isCompleted();
    assertThat(shard.status()).isEqualTo(ShardStatus.STOPPED);
    SessionSnapshot saved = kit.store.load(0, 1).orElseThrow();
    assertThat(saved.sessionId()).isEqualTo("s-9");
    assertThat(saved.sequence()).isEqualTo(5);

    Shard next = kit.shard();
    next.start();
    InMemoryTransport.Link resumed = kit.transport.last().open();
    resumed.hello(41_250);
    assertThat(resumed.uri.toString()).startsWith("wss://resume.example");
    assertThat(resumed.sent(6).get(0).get("d").get("seq").asLong()).isEqualTo(5);
  }

  @Test
  void aLogoutClosesWithNormalClosureAndForgetsTheSession() {
    Shard shard = kit.shard();
    shard.start();
    InMemoryTransport.Link link = kit.connect("s-2");
    shard.logout();
    assertThat(link.closeCodes).containsExactly(1000);
    assertThat(kit.store.load(0, 1)).isEmpty();
    assertThat(shard.status()).isEqualTo(ShardStatus.STOPPED);
  }

  @Test
  void commandsSentWhileReconnectingWaitForTheNextSession() {
    Shard shard = kit.shard();
    shard.start();
    kit.connect("s-1");
    kit.transport.last().serverClose(1001, "going away");

    CompletableFuture<Void> sent = shard.send(UpdatePresence.of("idle"));
    assertThat(sent).isNotDone();
    kit.scheduler.advance(kit.events(ShardReconnecting.class).get(0).delay());
    InMemoryTransport.Link second = kit.transport.last().open();
    second.hello(41_250);
    assertThat(sent).isNotDone();
    second.dispatch(3, "RESUMED", "{}");

    assertThat(sent).isCompleted();
    assertThat(second.sent(3)).hasSize(1);
  }

  @Test
  void aWaitingCommandFailsWhenNoSessionComesInTime() {
    Shard shard = kit.shard();
    shard.start();
    CompletableFuture<Void> sent = shard.send(UpdatePresence.of("idle"));
    kit.scheduler.advance(Duration.ofSeconds(29));
    assertThat(sent).isNotDone();
    kit.scheduler.advance(Duration.ofSeconds(1));
    assertThat(sent)
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause()
        .isInstanceOf(GatewayException.class)
        .matches(e -> ((GatewayException) e).kind() == GatewayException.Kind.NOT_CONNECTED);
  }

  @Test
  void aCommandToAStoppedShardFailsAtOnce() {
    Shard shard = kit.shard();
    assertThat(shard.send(UpdatePresence.of("idle"))).isCompletedExceptionally();
  }

  @Test
  void aCloseOfTheClientsOwnMakingIsReportedAsLocal() {
    Shard shard = kit.shard();
    shard.start();
    InMemoryTransport.Link link = kit.connect("s-1");
    // the transport refuses an oversized message: it reports the error, then closes with 1009
    link.handler.onError(new IllegalStateException("Message of 9 MB exceeds the limit"));
    link.serverClose(1009, "Message too big");

    ShardDisconnected disconnected = kit.events(ShardDisconnected.class).get(0);
    assertThat(disconnected.code()).isEqualTo(1009);
    assertThat(disconnected.closedLocally()).isTrue();
    assertThat(disconnected.nextStep()).isEqualTo(NextStep.RESUME);
    assertThat(shard.state().reason()).contains("closed by this client");
  }

  @Test
  void aServerCloseIsReportedAsRemote() {
    Shard shard = kit.shard();
    shard.start();
    kit.connect("s-1").serverClose(4000, "Unknown error");
    assertThat(kit.events(ShardDisconnected.class).get(0).closedLocally()).isFalse();
  }

  @Test
  void theStateShowsTheHeartbeatIntervalInUse() {
    Shard shard = kit.shard();
    shard.start();
    assertThat(shard.state().heartbeatInterval()).isNull();
    InMemoryTransport.Link link = kit.transport.last().open();
    link.hello(1_000_000_000_000L);
    assertThat(shard.state().heartbeatInterval()).isEqualTo(Duration.ofSeconds(120));
  }
}
