package io.github.discordgateway.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.client.internal.GatewayUris;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CloseHandlingTest {

  @Test
  @DisplayName("15.11 op 7 reconnect: closes with 4900 and resumes via resume_gateway_url")
  void reconnectRequestResumes() {
    ClientHarness h = new ClientHarness();
    h.connect();
    h.dispatch(2, "GUILD_CREATE", "{}");
    h.client.onText("{\"op\":7,\"d\":null}");
    CloseOutcome outcome = h.outcome();
    assertThat(h.sink.closeCodes).containsExactly(4900);
    assertThat(outcome.nextStep()).isEqualTo(NextStep.RESUME);
    assertThat(outcome.snapshot())
        .isEqualTo(new SessionSnapshot("session-abc", 2, ClientHarness.RESUME_URL));
    assertThat(outcome.error()).isNull();
    assertThat(GatewayUris.nextConnectUri("wss://gateway.discord.gg", outcome.snapshot(), null))
        .hasToString(ClientHarness.RESUME_URL + "/?v=10&encoding=json");
  }

  @Test
  @DisplayName("15.11 op 7 reconnect: handled even before Hello")
  void reconnectBeforeHello() {
    ClientHarness h = new ClientHarness(new SessionSnapshot("s", 10, ClientHarness.RESUME_URL));
    h.client.onText("{\"op\":7,\"d\":null}");
    assertThat(h.sink.closeCodes).containsExactly(4900);
    assertThat(h.sink.texts).isEmpty();
    assertThat(h.outcome().nextStep()).isEqualTo(NextStep.RESUME);

    ClientHarness fresh = new ClientHarness();
    fresh.client.onText("{\"op\":7,\"d\":null}");
    assertThat(fresh.outcome().nextStep()).isEqualTo(NextStep.IDENTIFY);
  }

  @Test
  @DisplayName("15.12 op 9 d:false: discards the session, identifies anew after a random 1-5 s")
  void invalidSessionNotResumable() {
    ClientHarness h = new ClientHarness();
    h.connect();
    h.client.onText("{\"op\":9,\"d\":false}");
    CloseOutcome outcome = h.outcome();
    assertThat(outcome.nextStep()).isEqualTo(NextStep.IDENTIFY);
    assertThat(outcome.snapshot()).isEqualTo(SessionSnapshot.NONE);
    assertThat(outcome.snapshot().resumable()).isFalse();
    assertThat(outcome.suggestedDelay()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(5));
    assertThat(h.sink.closeCodes).containsExactly(4900);
    assertThat(GatewayUris.nextConnectUri("wss://gateway.discord.gg", outcome.snapshot(), null))
        .hasToString("wss://gateway.discord.gg/?v=10&encoding=json");

    ClientHarness next = new ClientHarness(outcome.snapshot());
    next.hello(41250);
    assertThat(next.sentOps()).containsExactly(2);
  }

  @Test
  @DisplayName("15.12 op 9 d:false after a failed Resume: the next connection identifies")
  void failedResumeLeadsToIdentify() {
    ClientHarness h = new ClientHarness(new SessionSnapshot("old", 5, ClientHarness.RESUME_URL));
    h.hello(41250);
    h.client.onText("{\"op\":9,\"d\":false}");
    assertThat(h.outcome().nextStep()).isEqualTo(NextStep.IDENTIFY);
    assertThat(h.sent(2)).isEmpty();
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
  @DisplayName("15.14 fatal close codes: stop with a distinct typed error, no retry")
  void fatalCloseCodesStop(int code, GatewayException.Kind kind) {
    ClientHarness h = new ClientHarness();
    h.connect();
    h.client.onClosed(code, "server says no");
    CloseOutcome outcome = h.outcome();
    assertThat(outcome.nextStep()).isEqualTo(NextStep.STOP_FATAL);
    assertThat(outcome.error().kind()).isEqualTo(kind);
    assertThat(outcome.error().fatal()).isTrue();
    assertThat(outcome.error().closeCode()).hasValue(code);
    assertThat(outcome.closedLocally()).isFalse();
    assertThat(h.sink.closeCodes).isEmpty();
  }

  @Test
  @DisplayName("15.14 fatal close codes: 4013/4014 name intents in the error")
  void intentErrorsAreClear() {
    assertThat(GatewayException.forCloseCode(4014, "").getMessage()).contains("intent");
    assertThat(GatewayException.forCloseCode(4013, "").getMessage()).contains("intent");
  }

  @ParameterizedTest(name = "close {0}")
  @ValueSource(ints = {4007, 4009, 4003, 4006})
  @DisplayName("15.15 new-session close codes: identify anew, not resume")
  void newSessionCloseCodes(int code) {
    ClientHarness h = new ClientHarness();
    h.connect();
    h.client.onClosed(code, "");
    CloseOutcome outcome = h.outcome();
    assertThat(outcome.nextStep()).isEqualTo(NextStep.IDENTIFY);
    assertThat(outcome.snapshot().resumable()).isFalse();
  }

  @ParameterizedTest(name = "close {0}")
  @ValueSource(ints = {4000, 4001, 4002, 4005, 4008, 1006, 1000, 1001, 1011, 1012, 4999, 3000})
  @DisplayName("15.16 other disconnects: resume when a session exists")
  void otherDisconnectsResume(int code) {
    ClientHarness h = new ClientHarness();
    h.connect();
    h.client.onClosed(code, "");
    CloseOutcome outcome = h.outcome();
    assertThat(outcome.nextStep()).isEqualTo(NextStep.RESUME);
    assertThat(outcome.snapshot().resumable()).isTrue();
    assertThat(outcome.closedLocally()).isFalse();
  }

  @Test
  @DisplayName("15.16 other disconnects: identify when no session exists yet")
  void otherDisconnectsWithoutSessionIdentify() {
    ClientHarness h = new ClientHarness();
    h.hello(41250);
    h.client.onClosed(1006, "");
    assertThat(h.outcome().nextStep()).isEqualTo(NextStep.IDENTIFY);
    assertThat(h.outcome().error().kind()).isEqualTo(GatewayException.Kind.CONNECTION_LOST);
  }

  @Test
  @DisplayName("15.16 transport error then drop: outcome carries the transport error")
  void transportErrorThenDrop() {
    ClientHarness h = new ClientHarness();
    h.connect();
    h.client.onTransportError(new java.io.IOException("reset by peer"));
    h.client.onClosed(3999, "");
    assertThat(h.listener.errors).hasSize(1);
    assertThat(h.outcome().error().kind()).isEqualTo(GatewayException.Kind.CONNECTION_LOST);
    assertThat(h.outcome().nextStep()).isEqualTo(NextStep.RESUME);
  }

  @Test
  @DisplayName("15.17 graceful shutdown: logout closes with 1000 and invalidates the session")
  void logoutClosesWith1000() {
    ClientHarness h = new ClientHarness();
    h.connect();
    h.client.logout();
    assertThat(h.sink.closeCodes).containsExactly(1000);
    assertThat(h.outcome().nextStep()).isEqualTo(NextStep.STOP_LOGOUT);
    assertThat(h.outcome().snapshot().resumable()).isFalse();
  }

  @Test
  @DisplayName("15.17 internal closes never use 1000 or 1001")
  void internalClosesAvoidNormalCodes() {
    String[] triggers = {
      "{\"op\":7,\"d\":null}", "{\"op\":9,\"d\":true}", "{\"op\":9,\"d\":false}", "{oops"
    };
    for (String trigger : triggers) {
      ClientHarness h = new ClientHarness();
      h.connect();
      h.client.onText(trigger);
      assertThat(h.sink.closeCodes).singleElement().isNotIn(1000, 1001);
    }
    ClientHarness h = new ClientHarness();
    h.connect();
    h.client.disconnect("shutting down for restart");
    assertThat(h.sink.closeCodes).containsExactly(4900);
    assertThat(h.outcome().nextStep()).isEqualTo(NextStep.RESUME);
  }
}
