package vn.lanhmanh.bench;

import java.io.IOException;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;

/**
 * A driver for instruction counts of text checks with and without the message classifiers, meant to run
 * under {@code valgrind --tool=callgrind --instr-atstart=no} (see {@code scripts/callgrind-check.sh}): it
 * checks the benchmark's texts ({@link Corpus#texts}: ViHOS train comments, or the generated lines when the
 * data folder is absent) for a 10-year-old, first {@code warm} characters uninstrumented, then prints
 * {@code READY}, waits for a line on standard input (the script switches collection on meanwhile), checks
 * the next {@code count} characters, prints {@code DONE} with the number of checks and characters, and waits
 * for a second line (collection switched off) before it exits.
 *
 * <p>Arguments: {@code lexicon|classifiers chat|paragraph warmChars countChars}.
 */
public final class ClassifierCost {

  private ClassifierCost() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: ClassifierCost lexicon|classifiers chat|paragraph warmChars countChars");
      System.exit(2);
    }
    ContentFilter.Builder builder = ContentFilter.builder();
    switch (args[0]) {
      case "lexicon" -> builder.withoutClassifiers();
      case "classifiers" -> builder.withClassifiers();
      default -> throw new IllegalArgumentException("unknown pipeline " + args[0]);
    }
    ContentFilter filter = builder.build();
    Policy policy = Policy.forAge(10);
    String[] texts = Corpus.texts(args[1]);
    long warm = Long.parseLong(args[2]);
    long count = Long.parseLong(args[3]);
    System.out.println("texts: " + Corpus.chatSource() + ", " + texts.length + " " + args[1] + " texts");

    Run warmed = run(filter, policy, texts, 0, warm);
    report("WARM", warmed);   // the same printing as after the counted loop, so nothing in it is new then
    CallgrindGate gate = new CallgrindGate();
    gate.awaitStart();
    Run counted = run(filter, policy, texts, warmed.next, count);
    report("DONE", counted);
    gate.awaitEnd();
  }

  private record Run(int next, long checks, long chars, long sink) {}

  private static void report(String tag, Run r) {
    System.out.println(tag + " checks=" + r.checks + " chars=" + r.chars + " sink=" + r.sink);
    System.out.flush();
  }

  /** Checks texts from {@code from} on (wrapping around) until at least {@code chars} characters. */
  private static Run run(ContentFilter filter, Policy policy, String[] texts, int from, long chars) {
    long done = 0;
    long checks = 0;
    long sink = 0;
    int i = from;
    while (done < chars) {
      String t = texts[i];
      Verdict v = filter.checkText(t, policy);
      sink += v.action().ordinal() + v.findings().size();
      done += t.length();
      checks++;
      i = (i + 1) % texts.length;
    }
    return new Run(i, checks, done, sink);
  }
}
