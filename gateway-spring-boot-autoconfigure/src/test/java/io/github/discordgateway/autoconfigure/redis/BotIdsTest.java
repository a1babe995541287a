package io.github.discordgateway.autoconfigure.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BotIdsTest {

  @Test
  void readsTheBotIdFromTheFirstPartOfADiscordToken() {
    assertThat(BotIds.fromToken("MTA4NTEyODM3MDAwNzU3MjQ4MA.GhIjKl.secret-part"))
        .contains("1085128370007572480");
    assertThat(BotIds.fromToken("Bot MTA4NTEyODM3MDAwNzU3MjQ4MA.GhIjKl.secret-part"))
        .contains("1085128370007572480");
  }

  @Test
  void aTokenOfAnotherShapeNamesNoBot() {
    assertThat(BotIds.fromToken("fake.discord-bot-token.for-tests-only")).isEmpty();
    assertThat(BotIds.fromToken("no-dots-at-all")).isEmpty();
    assertThat(BotIds.fromToken("")).isEmpty();
    assertThat(BotIds.fromToken(null)).isEmpty();
  }
}
