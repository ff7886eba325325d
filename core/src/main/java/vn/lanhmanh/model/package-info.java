/**
 * The learned stage ("score"): a linear-chain CRF over the normaliser's syllables that marks offensive
 * spans (harassment and profanity, as ViHOS annotates them), per-category message classifiers (logistic
 * regressions over hashed syllables, character trigrams, concepts and findings), their training from
 * ViHOS-format CSV files and from the labelled message corpus, the findings they add and the per-category
 * scores of a verdict. See {@code docs/MODEL.md}.
 */
package vn.lanhmanh.model;
