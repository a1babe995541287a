package io.github.discordgateway.sample.bot;

import io.github.discordgateway.autoconfigure.event.GuildMemberAddEvent;
import io.github.discordgateway.core.model.User;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Greets members who join a guild (needs the privileged GUILD_MEMBERS intent). */
@Component
public class MemberGreeter {

  private static final Logger log = LoggerFactory.getLogger(MemberGreeter.class);

  private final GuildDirectory guilds;
  private final LongAdder greeted = new LongAdder();

  MemberGreeter(GuildDirectory guilds) {
    this.guilds = guilds;
  }

  @EventListener
  void onJoin(GuildMemberAddEvent event) {
    User user = event.member().user();
    if (user == null || user.bot()) {
      return;
    }
    greeted.increment();
    log.info(
        "{} joined {}: would post \"Welcome to {}, {}!\"",
        user.username(),
        guilds.name(event.guildId()),
        guilds.name(event.guildId()),
        user.globalName() != null ? user.globalName() : user.username());
  }

  /** Returns how many new members were greeted. */
  public long greeted() {
    return greeted.sum();
  }
}
