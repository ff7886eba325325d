/**
 * The learned stage ("score"): a linear-chain CRF over the normaliser's syllables that marks offensive
 * spans (harassment and profanity, as ViHOS annotates them), its hashed features, its training from
 * ViHOS-format CSV files, the findings it adds and the per-category scores of a verdict. See
 * {@code docs/MODEL.md}.
 */
package vn.lanhmanh.model;
