package io.github.discordgateway.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExamplePayloadsListTest {

  @Test
  @DisplayName("the list of example payloads names every payload file, so no file goes untested")
  void listMatchesTheFolder() throws IOException, URISyntaxException {
    Path folder =
        Path.of(ExamplePayloads.class.getClassLoader().getResource(ExamplePayloads.FOLDER).toURI());
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(
              files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted())
          .containsExactlyElementsOf(ExamplePayloads.NAMES);
    }
  }
}
