package io.github.discordgateway.sample.bot;

import io.github.discordgateway.autoconfigure.event.ShardConnectedEvent;
import io.github.discordgateway.autoconfigure.event.ShardFatalEvent;
import io.github.discordgateway.autoconfigure.event.ShardResumedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Logs the milestones of each shard's session. Every state change already gets one INFO line from
 * the library ({@code Shard [0/2] CONNECTING -> IDENTIFYING}); this adds what the bot cares about:
 * how many guilds a new session brought, a resumed session, and what to fix when a shard stops for
 * good.
 */
@Component
public class ShardLifecycleLogger {

  private static final Logger log = LoggerFactory.getLogger(ShardLifecycleLogger.class);

  @EventListener
  void onConnected(ShardConnectedEvent event) {
    log.info("Shard {} is online with {} guild(s)", event.shardId(), event.guildCount());
  }

  @EventListener
  void onResumed(ShardResumedEvent event) {
    log.info(
        "Shard {} resumed its session; missed events were replayed up to #{}",
        event.shardId(),
        event.sequence());
  }

  @EventListener
  void onFatal(ShardFatalEvent event) {
    log.error(
        "Shard {} stopped for good (close code {}, {}): {}",
        event.shardId(),
        event.closeCode(),
        event.error().kind(),
        hint(event.closeCode()));
  }

  private static String hint(int closeCode) {
    return switch (closeCode) {
      case 4004 -> "Discord rejected the token; check DISCORD_TOKEN";
      case 4013 -> "an intent in discord.gateway.intents is not valid";
      case 4014 ->
          "enable the privileged intents (Server Members, Presence, Message Content) for the bot"
              + " in the Developer Portal, or remove them from discord.gateway.intents";
      default -> "see /actuator/health/discordGateway";
    };
  }
}
