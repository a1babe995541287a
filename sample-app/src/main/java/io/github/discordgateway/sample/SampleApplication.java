package io.github.discordgateway.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A Discord bot built on the gateway starter. Without a token it runs on an embedded simulator (a
 * fake Discord with a few guilds on two shards and a steady stream of events); with {@code
 * DISCORD_TOKEN} set it connects to Discord.
 *
 * <pre>{@code
 * java -jar sample-app/target/sample-app.jar                          # simulator
 * DISCORD_TOKEN=... java -jar sample-app/target/sample-app.jar        # Discord
 * }</pre>
 */
@SpringBootApplication
@EnableScheduling
public class SampleApplication {

  /**
   * Starts the bot.
   *
   * @param args Spring Boot arguments, such as {@code --server.port=9090}
   */
  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }
}
