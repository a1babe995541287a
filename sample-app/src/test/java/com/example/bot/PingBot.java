package com.example.bot;

import io.github.discordgateway.autoconfigure.command.DiscordGateway;
import io.github.discordgateway.autoconfigure.event.MessageCreateEvent;
import io.github.discordgateway.autoconfigure.event.ShardLifecycleEvent;
import io.github.discordgateway.core.protocol.BotActivity;
import io.github.discordgateway.core.protocol.PresenceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

@SpringBootApplication
public class PingBot {

  public static void main(String[] args) {
    SpringApplication.run(PingBot.class, args);
  }

  @Component
  static class Ping {
    private static final Logger log = LoggerFactory.getLogger(Ping.class);

    private final DiscordGateway gateway;

    Ping(DiscordGateway gateway) {
      this.gateway = gateway;
    }

    @EventListener(condition = "#event.message.content == '!ping'")
    void onPing(MessageCreateEvent event) {
      log.info("!ping from {} in guild {}", event.message().author().username(), event.guildId());
      gateway.updatePresence(PresenceStatus.ONLINE, BotActivity.playing("pong"));
    }

    @EventListener
    void onShard(ShardLifecycleEvent<?> event) {
      log.info("{}", event);
    }
  }
}
