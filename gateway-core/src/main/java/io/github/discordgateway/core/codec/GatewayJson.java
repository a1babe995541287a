package io.github.discordgateway.core.codec;

import io.github.discordgateway.core.codec.internal.RecordDeserializer;
import io.github.discordgateway.core.codec.internal.TimestampDeserializer;
import java.time.OffsetDateTime;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Holds the shared, immutable {@link JsonMapper} of the library. It is lenient: unknown properties
 * are ignored, {@code null} for a primitive gives its default, unknown enum values become the
 * enum's {@code @JsonEnumDefaultValue} (or {@code null}). Records are decoded with their own
 * Jackson annotations ({@code @JsonProperty} names, creators, custom deserializers).
 */
public final class GatewayJson {

  private static final String MODEL_PACKAGE = "io.github.discordgateway.core.model";

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES)
          .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
          .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
          .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .addModule(fastModelModule())
          .build();

  private GatewayJson() {}

  // Model records bound in one pass with a plain constructor call, Discord timestamps without
  // DateTimeFormatter; both hand everything else to Jackson's own deserializers.
  private static SimpleModule fastModelModule() {
    SimpleModule module = new SimpleModule("discord-gateway-model");
    module.addDeserializer(OffsetDateTime.class, new TimestampDeserializer());
    module.setDeserializerModifier(
        new ValueDeserializerModifier() {
          @Override
          public ValueDeserializer<?> modifyDeserializer(
              DeserializationConfig config,
              BeanDescription.Supplier description,
              ValueDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            return type.isRecord() && type.getPackageName().startsWith(MODEL_PACKAGE)
                ? new RecordDeserializer(deserializer, type)
                : deserializer;
          }
        });
    return module;
  }

  /** Returns the shared mapper. It is immutable and safe to use from any thread. */
  public static JsonMapper mapper() {
    return MAPPER;
  }

  /** Returns the shared streaming factory of the mapper. */
  public static JsonFactory factory() {
    return MAPPER.tokenStreamFactory();
  }
}
