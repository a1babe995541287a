/**
 * Lazy views of the large payload records of the hot events, generated from the model by {@code
 * tools/generate_events.py}: {@link io.github.discordgateway.autoconfigure.event.view.MessageView}
 * (the message of {@code MESSAGE_CREATE} and {@code MESSAGE_UPDATE}), {@link
 * io.github.discordgateway.autoconfigure.event.view.PresenceView} ({@code PRESENCE_UPDATE}) and
 * {@link io.github.discordgateway.autoconfigure.event.view.InteractionView} ({@code
 * INTERACTION_CREATE}).
 *
 * <p>A view has the accessors of its record, with the same names and types; each decodes only its
 * own field of the raw JSON, once, and returns exactly what the record's accessor returns ({@link
 * io.github.discordgateway.core.codec.LazyRecord} says how, and how invalid input differs). So
 * {@code event.message().content()} costs one field's decode instead of the whole message's. A
 * view's {@code to<Record>()} method returns the whole record; {@code equals}, {@code hashCode} and
 * {@code toString} are the whole record's. The derived methods of a record ({@code messageType()},
 * {@code invoker()}, ...) are offered too: computed from the fields they need where the generator
 * knows how, else taken from the whole record (each says which).
 */
package io.github.discordgateway.autoconfigure.event.view;
