/**
 * Internals of {@link vn.lanhmanh.Conversation}: the grooming stage phrases ({@code stages.tsv}) and stage
 * concepts ({@code concept/stages.tsv}), compiled into the filter's lexicon and read by
 * {@link vn.lanhmanh.conversation.StageMatcher} from the message's own text match, the per-conversation window and
 * the risk model, and the bounded cache of windows ({@link vn.lanhmanh.conversation.ConversationMonitor}).
 * Not part of the public API.
 *
 * <p>{@code stages.tsv} columns: {@code phrase, stage, weight (0..1), sender (other|child|any), fold
 * (always|plain|never), note}; phrases are written like lexicon phrases, with {@code (a|b|)} groups.
 */
package vn.lanhmanh.conversation;
