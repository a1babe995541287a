package io.github.discordgateway.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.protocol.BotActivity;
import io.github.discordgateway.core.protocol.ConnectionProperties;
import io.github.discordgateway.core.protocol.Identify;
import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.protocol.UpdatePresence;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PayloadEncoderTest {

  @Test
  @DisplayName("heartbeats encode the sequence or null")
  void heartbeat() {
    assertThat(PayloadEncoder.encodeHeartbeat(251)).isEqualTo("{\"op\":1,\"d\":251}");
    assertThat(PayloadEncoder.encodeHeartbeat(Envelope.NO_SEQUENCE))
        .isEqualTo("{\"op\":1,\"d\":null}");
  }

  @Test
  @DisplayName("payloads are {op, d} with d written even when null")
  void envelopeShape() {
    assertThat(PayloadEncoder.encode(Opcode.HEARTBEAT, null)).isEqualTo("{\"op\":1,\"d\":null}");
    assertThat(PayloadEncoder.encode(UpdatePresence.of("online")))
        .isEqualTo(
            "{\"op\":3,\"d\":{\"since\":null,\"activities\":[],\"status\":\"online\",\"afk\":false}}");
  }

  @Test
  @DisplayName("15.19 payload size: exactly 4096 bytes is sent, one byte more is refused locally")
  void sizeLimit() {
    String overhead = PayloadEncoder.encode(Opcode.PRESENCE_UPDATE, Map.of("x", ""));
    int room = 4096 - overhead.length();
    String fits = PayloadEncoder.encode(Opcode.PRESENCE_UPDATE, Map.of("x", "a".repeat(room)));
    assertThat(fits.getBytes(StandardCharsets.UTF_8)).hasSize(4096);
    assertThatThrownBy(
            () -> PayloadEncoder.encode(Opcode.PRESENCE_UPDATE, Map.of("x", "a".repeat(room + 1))))
        .isInstanceOf(GatewayException.class)
        .hasMessageContaining("4097 bytes")
        .extracting(t -> ((GatewayException) t).kind())
        .isEqualTo(GatewayException.Kind.PAYLOAD_TOO_LARGE);
    // multi-byte characters count as bytes, not chars
    assertThatThrownBy(
            () -> PayloadEncoder.encode(Opcode.PRESENCE_UPDATE, Map.of("x", "é".repeat(room))))
        .isInstanceOf(GatewayException.class);
  }

  @Test
  @DisplayName("15.19 payload size: the error never contains the payload (it may hold the token)")
  void sizeErrorHasNoContent() {
    String token = "TOKEN-" + "z".repeat(10);
    UpdatePresence huge = UpdatePresence.of("online", BotActivity.playing("g".repeat(5000)));
    Identify identify =
        new Identify(token, ConnectionProperties.defaults(), null, null, null, huge, 1);
    assertThatThrownBy(() -> PayloadEncoder.encode(Opcode.IDENTIFY, identify))
        .isInstanceOf(GatewayException.class)
        .satisfies(
            e -> {
              assertThat(e.getMessage()).doesNotContain(token).doesNotContain("ggggg");
              assertThat(e.getMessage()).contains("op 2");
            });
  }

  @Test
  @DisplayName("UTF-8 length counts surrogate pairs as four bytes")
  void utf8Length() {
    String s = "aé€😀";
    assertThat(PayloadEncoder.utf8Length(s)).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
  }
}
