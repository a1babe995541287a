package io.github.discordgateway.sample.bot;

import io.github.discordgateway.autoconfigure.command.DiscordGateway;
import io.github.discordgateway.autoconfigure.event.ShardConnectedEvent;
import io.github.discordgateway.core.protocol.BotActivity;
import io.github.discordgateway.core.protocol.PresenceStatus;
import io.github.discordgateway.core.protocol.UpdatePresence;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sets the bot's presence on each shard as soon as its session starts (a new session starts with
 * the presence of Identify, so this runs again after every re-identify).
 */
@Component
public class PresenceOnConnect {

  private static final Logger log = LoggerFactory.getLogger(PresenceOnConnect.class);

  /** The presence the bot shows. */
  static final UpdatePresence PRESENCE =
      new UpdatePresence(
          null, List.of(BotActivity.custom("Say !ping")), PresenceStatus.ONLINE, false);

  private final DiscordGateway gateway;

  PresenceOnConnect(DiscordGateway gateway) {
    this.gateway = gateway;
  }

  @EventListener
  void onConnected(ShardConnectedEvent event) {
    int shardId = event.shardId();
    gateway
        .updatePresence(shardId, PRESENCE)
        .whenComplete(
            (ok, error) -> {
              if (error == null) {
                log.info("Shard {}: presence set to online, \"Say !ping\"", shardId);
              } else {
                log.warn("Shard {}: could not set the presence: {}", shardId, error.toString());
              }
            });
  }
}
