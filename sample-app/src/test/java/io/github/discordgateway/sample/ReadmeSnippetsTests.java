package io.github.discordgateway.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Java snippets of README.md are copies of compiled (and tested) files in {@code
 * sample-app/src/test/java/com/example/bot}: this test fails when a copy drifts.
 */
class ReadmeSnippetsTests {

  private final Path root = Quickstart.repositoryRoot();

  @Test
  @DisplayName("every README snippet file is in README.md verbatim, imports included")
  void readmeHasEverySnippetVerbatim() throws IOException {
    String readme = Files.readString(root.resolve("README.md"));
    List<Path> snippets;
    try (Stream<Path> files =
        Files.list(root.resolve("sample-app/src/test/java/com/example/bot"))) {
      snippets = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    assertThat(snippets).hasSizeGreaterThanOrEqualTo(2);
    for (Path snippet : snippets) {
      assertThat(readme)
          .as("README.md must contain %s in a java block", root.relativize(snippet))
          .contains("```java\n" + Files.readString(snippet) + "```");
    }
  }
}
