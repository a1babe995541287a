package io.github.discordgateway.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.GatewayException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LenientInputTest {

  @Test
  @DisplayName(
      "15.26 lenient parsing: unknown event names are delivered raw and keep the connection")
  void unknownEventNameIsKept() {
    ClientHarness h = new ClientHarness();
    h.connect();
    h.dispatch(2, "BRAND_NEW_EVENT", "{\"x\":1}");
    assertThat(h.listener.outcomes).isEmpty();
    Dispatch last = h.listener.dispatches.get(h.listener.dispatches.size() - 1);
    assertThat(last.type()).isEqualTo("BRAND_NEW_EVENT");
    assertThat(last.eventType()).isNull();
    assertThat(h.client.snapshot().sequence()).isEqualTo(2);
  }

  @Test
  @DisplayName("15.26 lenient parsing: unknown opcodes and unknown fields are skipped")
  void unknownOpcodeAndFieldsSkipped() {
    ClientHarness h = new ClientHarness();
    h.connect();
    h.client.onText("{\"op\":42,\"d\":{\"what\":true}}");
    h.client.onText("{\"op\":2,\"d\":{}}");
    h.client.onText("{\"op\":11,\"extra\":[1,{\"a\":null}],\"s\":null}");
    h.dispatch(3, "MESSAGE_CREATE", "{\"id\":\"1\",\"unknown_field\":{\"deep\":[1,2,3]}}");
    assertThat(h.listener.outcomes).isEmpty();
    assertThat(h.client.state()).isEqualTo(ClientState.CONNECTED);
  }

  @Test
  @DisplayName("15.26 lenient parsing: the seq of an undecodable dispatch is still recorded first")
  void sequenceOfUndecodableDispatchIsRecorded() {
    ClientHarness h = new ClientHarness();
    h.connect();
    java.util.concurrent.atomic.AtomicLong seen = new java.util.concurrent.atomic.AtomicLong();
    h.dispatch(9, "GUILD_CREATE", "[\"not\",\"an\",\"object\"]");
    Dispatch d = h.listener.dispatches.get(h.listener.dispatches.size() - 1);
    seen.set(h.client.snapshot().sequence());
    assertThat(seen.get()).isEqualTo(9);
    assertThat(d.sequence()).isEqualTo(9);
    assertThat(d.data().tree().isArray()).isTrue();
    assertThat(h.listener.outcomes).isEmpty();
  }

  @Test
  @DisplayName("15.26 lenient parsing: the listener sees a dispatch after its seq is recorded")
  void listenerSeesRecordedSequence() {
    ClientHarness h = new ClientHarness();
    long[] during = new long[1];
    GatewayClient[] ref = new GatewayClient[1];
    ref[0] =
        GatewayClient.builder()
            .settings(GatewaySettings.builder(ClientHarness.TOKEN).build())
            .sink(h.sink)
            .scheduler(h.scheduler)
            .clock(h.scheduler.instantSource())
            .identifyLimiter(h.identifyLimiter)
            .listener(
                new GatewayClientListener() {
                  @Override
                  public void onDispatch(Dispatch dispatch) {
                    during[0] = ref[0].snapshot().sequence();
                  }
                })
            .build();
    ref[0].onText("{\"op\":10,\"d\":{\"heartbeat_interval\":1000}}");
    ref[0].onText("{\"op\":0,\"t\":\"SOMETHING\",\"s\":77,\"d\":{}}");
    assertThat(during[0]).isEqualTo(77);
  }

  @Test
  @DisplayName("malformed JSON closes with 4900 through the error path, never throws")
  void malformedJsonFailsConnection() {
    ClientHarness h = new ClientHarness();
    h.connect();
    h.client.onText("{\"op\":0,\"d\":{");
    assertThat(h.sink.closeCodes).containsExactly(4900);
    assertThat(h.listener.errors)
        .singleElement()
        .extracting(GatewayException::kind)
        .isEqualTo(GatewayException.Kind.DECODE_ERROR);
    assertThat(h.outcome().error().kind()).isEqualTo(GatewayException.Kind.DECODE_ERROR);
    assertThat(h.outcome().nextStep()).isEqualTo(NextStep.RESUME);
  }

  @Test
  @DisplayName("Hello with a non-positive interval closes the connection with a clear error")
  void brokenHelloFails() {
    for (String hello :
        new String[] {
          "{\"op\":10,\"d\":{\"heartbeat_interval\":0}}",
          "{\"op\":10,\"d\":{\"heartbeat_interval\":-5}}",
          "{\"op\":10,\"d\":null}",
          "{\"op\":10,\"d\":{\"heartbeat_interval\":\"soon\"}}"
        }) {
      ClientHarness h = new ClientHarness();
      h.client.onText(hello);
      assertThat(h.sink.closeCodes).containsExactly(4900);
      assertThat(h.sink.texts).isEmpty();
      assertThat(h.outcome().error().kind()).isEqualTo(GatewayException.Kind.PROTOCOL_ERROR);
      assertThat(h.outcome().error().getMessage()).contains("Hello");
    }
  }

  @Test
  @DisplayName("READY without session_id closes with a clear error")
  void readyWithoutSessionIdFails() {
    ClientHarness h = new ClientHarness();
    h.hello(41250);
    h.dispatch(1, "READY", "{\"v\":10,\"guilds\":[]}");
    assertThat(h.outcome().error().getMessage()).contains("session_id");
    assertThat(h.outcome().nextStep()).isEqualTo(NextStep.IDENTIFY);
  }

  @Test
  @DisplayName("a binary frame on an uncompressed connection is read as one payload")
  void binaryWithoutCompression() {
    ClientHarness h = new ClientHarness();
    h.client.onBinary(
        ByteBuffer.wrap(
            "{\"op\":10,\"d\":{\"heartbeat_interval\":1000}}".getBytes(StandardCharsets.UTF_8)));
    assertThat(h.sentOps()).containsExactly(2);
  }

  @Test
  @DisplayName("a listener that throws does not break the client")
  void throwingListenerIsContained() {
    ClientHarness h = new ClientHarness();
    GatewayClient client =
        GatewayClient.builder()
            .settings(GatewaySettings.builder(ClientHarness.TOKEN).build())
            .sink(h.sink)
            .scheduler(h.scheduler)
            .clock(h.scheduler.instantSource())
            .identifyLimiter(h.identifyLimiter)
            .listener(
                new GatewayClientListener() {
                  @Override
                  public void onDispatch(Dispatch dispatch) {
                    throw new IllegalStateException("boom");
                  }
                })
            .build();
    client.onText("{\"op\":10,\"d\":{\"heartbeat_interval\":1000}}");
    client.onText("{\"op\":0,\"t\":\"X\",\"s\":1,\"d\":{}}");
    client.onText("{\"op\":0,\"t\":\"Y\",\"s\":2,\"d\":{}}");
    assertThat(client.snapshot().sequence()).isEqualTo(2);
    assertThat(client.isClosed()).isFalse();
  }
}
