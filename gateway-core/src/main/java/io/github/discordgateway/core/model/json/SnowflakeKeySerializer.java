package io.github.discordgateway.core.model.json;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/** Writes a snowflake map key as its unsigned decimal string. */
public final class SnowflakeKeySerializer extends ValueSerializer<Long> {

  @Override
  public void serialize(Long value, JsonGenerator gen, SerializationContext ctxt) {
    gen.writeName(Long.toUnsignedString(value));
  }

  @Override
  public Class<?> handledType() {
    return Long.class;
  }
}
