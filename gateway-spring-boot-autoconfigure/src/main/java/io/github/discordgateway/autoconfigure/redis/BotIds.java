package io.github.discordgateway.autoconfigure.redis;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Reads the bot's user id from its token, so processes of one bot agree without configuration. */
final class BotIds {

  private BotIds() {}

  /**
   * Returns the bot id that a Discord bot token starts with (the base64 of the id before the first
   * dot), or empty when the token does not have that shape. Nothing else of the token is read.
   */
  static Optional<String> fromToken(String token) {
    if (token == null) {
      return Optional.empty();
    }
    String bare = token.trim();
    if (bare.regionMatches(true, 0, "Bot ", 0, 4)) {
      bare = bare.substring(4).trim();
    }
    int dot = bare.indexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    String head = bare.substring(0, dot);
    String decoded;
    try {
      decoded =
          new String(Base64.getUrlDecoder().decode(toUrlAlphabet(head)), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException ex) {
      return Optional.empty();
    }
    if (decoded.length() < 5
        || decoded.length() > 20
        || !decoded.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(decoded);
  }

  private static String toUrlAlphabet(String text) {
    return text.replace('+', '-').replace('/', '_').replace("=", "");
  }
}
