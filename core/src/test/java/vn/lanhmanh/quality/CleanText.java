package vn.lanhmanh.quality;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.lanhmanh.Action;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;

/**
 * False positives on clean Vietnamese text (news and Wikipedia sentences, one a line): the share of
 * sentences that findings other than personal information make non-ALLOW for a given age. Personal
 * information is left out because an address or a name in the news is reported on purpose.
 */
public final class CleanText {

  /** One flagged sentence: its 1-based line number, text and the findings that made it non-ALLOW. */
  record Flagged(int line, String text, Action action, List<Finding> findings) {}

  /** The figures for one file and age. */
  record Figures(String file, int age, int sentences, List<Flagged> flagged) {
    double rate() {
      return sentences == 0 ? 0 : (double) flagged.size() / sentences;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%-24s age %2d: %d of %d sentences non-ALLOW without pii (%.2f%%)",
          file, age, flagged.size(), sentences, 100 * rate());
    }
  }

  private CleanText() {}

  static List<String> read(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  static Figures evaluate(ContentFilter filter, String name, List<String> sentences, int age) {
    Policy policy = Policy.forAge(age);
    List<Flagged> flagged = new ArrayList<>();
    int counted = 0;
    for (int i = 0; i < sentences.size(); i++) {
      String s = sentences.get(i);
      if (s.isBlank()) {
        continue;
      }
      counted++;
      Verdict v = filter.checkText(s, policy);
      Action action = Action.ALLOW;
      List<Finding> why = new ArrayList<>();
      for (Finding f : v.findings()) {
        if (f.category() == Category.PII) {
          continue;
        }
        Action a = policy.actionFor(f);
        if (a != Action.ALLOW) {
          why.add(f);
        }
        action = action.max(a);
      }
      if (action != Action.ALLOW) {
        flagged.add(new Flagged(i + 1, s, action, why));
      }
    }
    return new Figures(name, age, counted, flagged);
  }

  /** Writes every flagged sentence with its findings (rule, category, tier, matched text), tab-separated. */
  static void write(Path out, List<Figures> figures) throws IOException {
    Files.createDirectories(out.getParent());
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      w.println("# file\tage\tline\taction\tfindings (rule category/tier 'match')\tsentence");
      for (Figures f : figures) {
        for (Flagged g : f.flagged()) {
          StringBuilder why = new StringBuilder();
          for (Finding x : g.findings()) {
            why.append(why.length() == 0 ? "" : "; ").append(x.rule()).append(' ')
                .append(x.category().jsonName()).append('/').append(x.rating()).append(" '")
                .append(x.match()).append('\'');
          }
          w.println(f.file() + "\t" + f.age() + "\t" + g.line() + "\t" + g.action() + "\t" + why + "\t"
              + g.text());
        }
      }
    }
  }

  /** Runs the report from the command line: {@code CleanText [data/clean folder] [output file]}. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/clean");
    Path out = Path.of(args.length > 1 ? args[1] : "target/clean-text-flagged.tsv");
    try (ContentFilter filter = ContentFilter.builder().build()) {
      List<Figures> all = run(filter, dir);
      all.forEach(System.out::println);
      write(out, all);
    }
  }

  static final String[] FILES = {"ud_vtb_sentences.txt", "viwiki_sentences.txt"};
  static final int[] AGES = {10, 13};

  /** The name of a file's figures on its sentences written without diacritics ({@link #stripped}). */
  static final String STRIPPED = " (no diacritics)";

  static List<Figures> run(ContentFilter filter, Path dir) throws IOException {
    List<Figures> all = new ArrayList<>();
    for (String file : FILES) {
      List<String> sentences = read(dir.resolve(file));
      for (int age : AGES) {
        all.add(evaluate(filter, file, sentences, age));
      }
      // the same sentences as a child types them without diacritics (fifty-fifth round), at the younger age
      List<String> plain = new ArrayList<>(sentences.size());
      for (String s : sentences) {
        plain.add(stripped(s));
      }
      all.add(evaluate(filter, file + STRIPPED, plain, AGES[0]));
    }
    return all;
  }

  /** {@code s} without its diacritics, {@code đ} written {@code d}: the sentence as typed on a bare keyboard. */
  static String stripped(String s) {
    String d = java.text.Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), java.text.Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        b.append(c);
      }
    }
    return b.toString();
  }
}
