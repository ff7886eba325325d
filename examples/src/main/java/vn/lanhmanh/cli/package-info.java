/**
 * The {@code lanhmanh} command-line tool.
 *
 * <pre>
 * lanhmanh check --age 10 đm thằng ngu          # the verdict for a person to read
 * lanhmanh check --age 10 --json -  &lt; msg.txt    # the same as one JSON line
 * lanhmanh batch --age 10 &lt; in.jsonl &gt; out.jsonl  # one JSON verdict per JSON line, in order
 * lanhmanh conversation --age 11 &lt; chat.jsonl    # per-message verdicts with the grooming risk
 * lanhmanh index build --out lists --ut1 ut1 --hosts gambling-hosts --category gambling
 * lanhmanh index info lists                      # generation, entries per category and source
 * lanhmanh batch --age 10 --index lists &lt; urls.jsonl
 * lanhmanh lexicon search lon                   # which entries mention lồn, lớn, lon
 * </pre>
 *
 * <p>{@code --lexicon DIR} (before or after the command) replaces the embedded lexicon with a folder in
 * the format of {@code docs/LEXICON.md}; {@code --index DIR} adds a URL list index written by
 * {@code index build}. The commands are described in {@code docs/CLI.md}. The batch line contract is in {@link vn.lanhmanh.cli.JsonOutput}
 * and {@link vn.lanhmanh.cli.BatchLineParser}; the entry point is {@link vn.lanhmanh.cli.Main}.
 */
package vn.lanhmanh.cli;
