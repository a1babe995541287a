package io.github.discordgateway.sample.simulator;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when no bot token is configured: {@code discord.gateway.token} (which {@code
 * application.yml} reads from {@code DISCORD_TOKEN}) is absent or blank. The outcome never shows
 * the token.
 */
final class SimulatorModeCondition extends SpringBootCondition {

  /** The property that holds the bot token. */
  static final String TOKEN_PROPERTY = "discord.gateway.token";

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    String token = context.getEnvironment().getProperty(TOKEN_PROPERTY);
    if (StringUtils.hasText(token)) {
      return ConditionOutcome.noMatch(TOKEN_PROPERTY + " is set: connecting to Discord");
    }
    return ConditionOutcome.match(TOKEN_PROPERTY + " is not set: running on the simulator");
  }
}
