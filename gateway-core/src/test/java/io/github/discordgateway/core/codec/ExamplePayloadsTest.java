package io.github.discordgateway.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.protocol.EventType;
import io.github.discordgateway.core.protocol.Hello;
import io.github.discordgateway.core.protocol.Ready;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExamplePayloadsTest {

  static final Path EXAMPLES = Path.of("../../shared/protocol/examples");

  static List<Path> examples() throws IOException {
    assertThat(EXAMPLES)
        .as(
            "protocol examples must exist at %s (relative to the gateway-core module)",
            EXAMPLES.toAbsolutePath().normalize())
        .isDirectory();
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  @Test
  @DisplayName("every shared example payload decodes as an envelope, from bytes and text")
  void everyExampleDecodes() throws IOException {
    List<Path> files = examples();
    assertThat(files).hasSizeGreaterThanOrEqualTo(12);
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      Envelope fromBytes = EnvelopeDecoder.decode(bytes, 0, bytes.length);
      Envelope fromText = EnvelopeDecoder.decode(Files.readString(file));
      assertThat(fromBytes.op()).as(file.toString()).isEqualTo(fromText.op());
      assertThat(fromBytes.sequence()).isEqualTo(fromText.sequence());
      assertThat(fromBytes.type()).isEqualTo(fromText.type());
      if (fromBytes.op() == 0) {
        assertThat(fromBytes.type()).as(file.toString()).isNotNull();
        assertThat(EventType.of(fromBytes.type())).as(file.toString()).isPresent();
        assertThat(fromBytes.data().tree()).isEqualTo(fromText.data().tree());
      }
    }
  }

  @Test
  @DisplayName("15.27 snowflakes: the READY example decodes with string ids into longs")
  void readyExampleDecodes() throws IOException {
    byte[] bytes = Files.readAllBytes(EXAMPLES.resolve("ready.json"));
    Ready ready = EnvelopeDecoder.decode(bytes, 0, bytes.length).data().decode(Ready.class);
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
  void helloExample() throws IOException {
    Envelope e = EnvelopeDecoder.decode(Files.readString(EXAMPLES.resolve("hello.json")));
    assertThat(e.data().decode(Hello.class).heartbeatInterval()).isEqualTo(41250);
  }
}
