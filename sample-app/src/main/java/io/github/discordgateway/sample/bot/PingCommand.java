package io.github.discordgateway.sample.bot;

import io.github.discordgateway.autoconfigure.event.MessageCreateEvent;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Answers {@code !ping}. Sending a message is a REST call, which is outside the gateway, so the
 * sample logs the reply it would send.
 */
@Component
public class PingCommand {

  private static final Logger log = LoggerFactory.getLogger(PingCommand.class);

  private final GuildDirectory guilds;
  private final LongAdder answered = new LongAdder();

  PingCommand(GuildDirectory guilds) {
    this.guilds = guilds;
  }

  @EventListener(condition = "#event.message.content == '!ping'")
  void onPing(MessageCreateEvent event) {
    answered.increment();
    log.info(
        "!ping from {} in {} (shard {}): would reply \"Pong!\" in channel {}",
        event.author().username(),
        guilds.name(event.guildId()),
        event.shardId(),
        event.channelId());
  }

  /** Returns how many {@code !ping} messages were answered. */
  public long answered() {
    return answered.sum();
  }
}
