package io.github.discordgateway.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.codec.internal.EnvelopeDecoder;
import io.github.discordgateway.core.protocol.EventType;
import io.github.discordgateway.core.protocol.Hello;
import io.github.discordgateway.core.protocol.ReadySession;
import io.github.discordgateway.core.testing.ExamplePayloads;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExamplePayloadsTest {

  @Test
  @DisplayName("every example payload decodes as an envelope, from bytes and text")
  void everyExampleDecodes() {
    assertThat(ExamplePayloads.NAMES).hasSizeGreaterThanOrEqualTo(12);
    for (String file : ExamplePayloads.NAMES) {
      byte[] bytes = ExamplePayloads.bytes(file);
      Envelope fromBytes = EnvelopeDecoder.decode(bytes, 0, bytes.length);
      Envelope fromText = EnvelopeDecoder.decode(ExamplePayloads.text(file));
      assertThat(fromBytes.op()).as(file).isEqualTo(fromText.op());
      assertThat(fromBytes.sequence()).isEqualTo(fromText.sequence());
      assertThat(fromBytes.type()).isEqualTo(fromText.type());
      if (fromBytes.op() == 0) {
        assertThat(fromBytes.type()).as(file).isNotNull();
        assertThat(EventType.of(fromBytes.type())).as(file).isPresent();
        assertThat(fromBytes.data().tree()).isEqualTo(fromText.data().tree());
      }
    }
  }

  @Test
  @DisplayName("15.27 snowflakes: the READY example decodes with string ids into longs")
  void readyExampleDecodes() {
    byte[] bytes = ExamplePayloads.bytes("ready.json");
    ReadySession ready =
        EnvelopeDecoder.decode(bytes, 0, bytes.length).data().decode(ReadySession.class);
    assertThat(ready.sessionId()).isNotBlank();
    assertThat(ready.resumeGatewayUrl()).startsWith("wss://");
    assertThat(ready.guilds()).hasSize(3).allMatch(g -> Boolean.TRUE.equals(g.unavailable()));
    assertThat(ready.guildIds()).contains(573544236423708672L);
    assertThat(ready.application().flags()).isEqualTo(8945664L);
    assertThat(ready.shard().count()).isEqualTo(1);
    assertThat(ready.user().id()).isPositive();
  }

  @Test
  @DisplayName("the Hello example gives its heartbeat interval")
  void helloExample() {
    Envelope e = EnvelopeDecoder.decode(ExamplePayloads.text("hello.json"));
    assertThat(e.data().decode(Hello.class).heartbeatInterval()).isEqualTo(41250);
  }
}
