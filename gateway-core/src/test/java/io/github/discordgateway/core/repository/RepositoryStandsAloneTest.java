package io.github.discordgateway.core.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The repository is the whole product: no tracked file may read or name a folder beside it. A fresh
 * clone with nothing next to it must build, test and generate code.
 */
class RepositoryStandsAloneTest {

  /** The folder of the root pom, seen from the gateway-core module (the test's working folder). */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** Spelled in pieces so that this file does not match itself. */
  static final List<String> FORBIDDEN =
      List.of(".." + "/shared", ".." + "\\shared", "shared" + "/protocol/", "shared" + "/docs/");

  @Test
  @DisplayName("no file of the repository refers to a shared folder outside it")
  void noFileReferToTheSharedFolderOutsideTheRepository() throws Exception {
    assertThat(ROOT.resolve("mvnw")).as("repository root %s", ROOT).isRegularFile();
    List<Path> files = trackedFiles();
    assertThat(files).as("files of %s", ROOT).hasSizeGreaterThan(100);
    List<String> offenders = new ArrayList<>();
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        continue; // deleted in the work tree but still tracked
      }
      String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      for (String forbidden : FORBIDDEN) {
        if (text.contains(forbidden)) {
          offenders.add(ROOT.relativize(file) + " names " + forbidden);
        }
      }
    }
    assertThat(offenders)
        .as("copy what is needed into the repository instead of reading it from beside it")
        .isEmpty();
  }

  /** The files git tracks, or, without git, every file outside build output and {@code .git}. */
  static List<Path> trackedFiles() throws IOException, InterruptedException {
    List<Path> tracked = gitLsFiles();
    if (!tracked.isEmpty()) {
      return tracked;
    }
    try (Stream<Path> walk = Files.walk(ROOT)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !ROOT.relativize(p).toString().startsWith(".git"))
          .filter(p -> !ROOT.relativize(p).toString().contains("target"))
          .toList();
    }
  }

  private static List<Path> gitLsFiles() throws InterruptedException {
    try {
      Process git =
          new ProcessBuilder("git", "ls-files", "-z")
              .directory(ROOT.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      byte[] out = git.getInputStream().readAllBytes();
      if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) {
        git.destroyForcibly();
        return List.of();
      }
      List<Path> files = new ArrayList<>();
      for (String name : new String(out, StandardCharsets.UTF_8).split("\0")) {
        if (!name.isEmpty()) {
          files.add(ROOT.resolve(name));
        }
      }
      return files;
    } catch (IOException noGit) {
      return List.of();
    }
  }
}
