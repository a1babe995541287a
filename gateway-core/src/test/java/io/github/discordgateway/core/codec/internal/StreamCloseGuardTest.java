package io.github.discordgateway.core.codec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StreamCloseGuardTest {

  private final AtomicInteger releases = new AtomicInteger();
  private final StreamCloseGuard guard = new StreamCloseGuard(releases::incrementAndGet);

  @Test
  void closeWithoutARunningFeedReleasesOnceAndLaterFeedsAreRefused() {
    guard.close();
    guard.close();

    assertThat(releases).hasValue(1);
    assertThat(guard.enter()).isFalse();
    guard.exit();
    assertThat(releases).hasValue(1);
  }

  @Test
  void aSinkClosingWhileItReceivesOutputDefersTheReleaseToTheEndOfTheFeed() {
    assertThat(guard.enter()).isTrue();
    guard.handingOut();

    guard.close(); // the sink closes its own connection from inside the feed
    assertThat(releases).as("the stream is still in use further up the stack").hasValue(0);

    guard.exit();
    assertThat(releases).hasValue(1);
    assertThat(guard.enter()).isFalse();
    guard.exit();
    assertThat(releases).hasValue(1);
  }

  @Test
  void aCloseFromAnotherThreadDuringAFeedIsCarriedOutWhenTheFeedEnds() throws Exception {
    assertThat(guard.enter()).isTrue();
    Thread closer = new Thread(guard::close);
    closer.start();
    closer.join(10_000);
    assertThat(closer.isAlive()).isFalse();
    assertThat(releases).as("not while the feed holds the stream").hasValue(0);

    guard.exit();
    assertThat(releases).hasValue(1);
  }
}
