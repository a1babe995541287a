package io.github.discordgateway.sample.bot;

import io.github.discordgateway.autoconfigure.event.InteractionCreateEvent;
import io.github.discordgateway.autoconfigure.event.view.InteractionView;
import io.github.discordgateway.core.model.User;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardStatus;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Answers the {@code /status} slash command. Interactions are answered over REST, so the sample
 * logs the answer it would send. The interaction token is a credential and is never logged.
 */
@Component
public class StatusCommand {

  private static final Logger log = LoggerFactory.getLogger(StatusCommand.class);
  private static final int APPLICATION_COMMAND = 2;

  private final ShardManager shards;
  private final MessageStats messages;
  private final GuildDirectory guilds;
  private final LongAdder answered = new LongAdder();

  StatusCommand(ShardManager shards, MessageStats messages, GuildDirectory guilds) {
    this.shards = shards;
    this.messages = messages;
    this.guilds = guilds;
  }

  @EventListener
  void onInteraction(InteractionCreateEvent event) {
    InteractionView interaction = event.interaction();
    if (interaction.type() != APPLICATION_COMMAND
        || interaction.data() == null
        || !"status".equals(interaction.data().name())) {
      return;
    }
    answered.increment();
    User user = interaction.member() != null ? interaction.member().user() : interaction.user();
    long up =
        shards.shards().values().stream()
            .filter(shard -> shard.status() == ShardStatus.CONNECTED)
            .count();
    log.info(
        "/status from {} in {}: would answer \"{}/{} shards up, {} messages seen\"",
        user != null ? user.username() : "someone",
        guilds.name(interaction.guildId()),
        up,
        shards.shardIds().size(),
        messages.total());
  }

  /** Returns how many {@code /status} commands were answered. */
  public long answered() {
    return answered.sum();
  }
}
