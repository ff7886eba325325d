package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import vn.lanhmanh.fuzz.FuzzInput;

/**
 * Coverage-guided fuzzing of whole text checks with the default lexicon. A plain {@code mvn test} runs
 * each target on its seeds in {@code FilterFuzzTestInputs/}; {@code scripts/fuzz.sh} fuzzes them.
 */
class FilterFuzzTest {

  static final ContentFilter FILTER = ContentFilter.builder().urlCacheSize(0).build();

  /** Presets, a custom-phrase policy (its own compiled matcher) and one that redacts what it allows. */
  static final List<Policy> POLICIES = List.of(
      Policy.forAge(8), Policy.forAge(14), Policy.tier(Rating.T18),
      Policy.forAge(12).allow("ma túy").deny(Category.VIOLENCE, Rating.T13, "đánh nhau", "kẹo ke"),
      Policy.forAge(18).redact(Category.PROFANITY).personalInformation("phone", Action.BLOCK));

  /** Any text under every policy: a verdict, no internal error, findings and redaction consistent. */
  @FuzzTest(maxDuration = "60s")
  void anyText(byte[] data) {
    String text = FuzzInput.text(data);
    for (Policy p : POLICIES) {
      checkVerdict(text, p, FILTER.checkText(text, p));
    }
  }

  /**
   * A verdict for {@code text} is sound: no error (a checkText that fails closed would hide a crash
   * here), offsets inside the text with {@code start < end}, each match its span, {@code redacted} the
   * same length as the text and differing only by {@code *} over non-space characters of findings, every
   * non-space character of a finding that is not allowed masked.
   */
  static void checkVerdict(String text, Policy policy, Verdict v) {
    assertThat(v).isNotNull();
    assertThat(v.errors()).as("errors").isEmpty();
    assertThat(v.redacted()).hasSameSizeAs(text);
    boolean[] inFinding = new boolean[text.length()];
    for (Finding f : v.findings()) {
      assertThat(f.start()).isBetween(0, text.length() - 1);
      assertThat(f.end()).isBetween(f.start() + 1, text.length());
      assertThat(f.match()).isEqualTo(text.substring(f.start(), f.end()));
      for (int i = f.start(); i < f.end(); i++) {
        inFinding[i] = true;
        if (policy.actionFor(f) != Action.ALLOW && !Character.isWhitespace(text.charAt(i))) {
          assertThat(v.redacted().charAt(i)).as("masked at %d", i).isEqualTo('*');
        }
      }
    }
    for (int i = 0; i < text.length(); i++) {
      char r = v.redacted().charAt(i);
      char o = text.charAt(i);
      if (r != o) {
        assertThat(r).as("redacted at %d", i).isEqualTo('*');
        assertThat(inFinding[i]).as("redacted outside a finding at %d", i).isTrue();
        assertThat(Character.isWhitespace(o)).as("whitespace masked at %d", i).isFalse();
      }
    }
  }

  // ---- evasion: a known phrase disguised in ways the normaliser claims to undo (docs/ENGINE.md) ----

  /** A phrase of the default lexicon, and whether its rule matches the folded view always or only plain. */
  private record Phrase(String text, boolean foldAlways) {}

  private static final List<Phrase> PHRASES = List.of(
      new Phrase("địt mẹ", true), new Phrase("ma túy", true), new Phrase("đồ ngu", false));
  private static final String BEFORE = "hôm nay ";
  private static final String AFTER = " nhé";
  private static final Policy CHILD = Policy.forAge(10);
  private static final String[] INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"};
  /** Separators between split letters; a different one separates the syllables. */
  private static final String[] SEPARATORS = {".", "-", "*", "_", " ", "..", "+", "/", "~", ". "};

  /**
   * Disguises a known phrase with choices taken from the input: zero-width and format characters anywhere,
   * upper case, NFD, Cyrillic/Greek/full-width/mathematical look-alikes (combining marks after them),
   * letters split by a separator, letter runs, leetspeak, and diacritics dropped (each letter for a rule
   * that always matches folded, all or none for one that matches folded only plain text). The disguised
   * phrase must still give the rules that the plain phrase gives, at least as strict an action.
   */
  @FuzzTest(maxDuration = "60s")
  void disguisedPhraseIsStillFound(byte[] data) {
    FuzzInput in = new FuzzInput(data);
    Phrase phrase = PHRASES.get(in.choose(PHRASES.size()));
    String disguised = disguise(phrase, in);
    String plainText = BEFORE + phrase.text() + AFTER;
    Verdict plain = FILTER.checkText(plainText, CHILD);
    Set<String> expected = rulesWithin(plain, BEFORE.length(), BEFORE.length() + phrase.text().length());
    assertThat(expected).as("rules of the plain phrase").isNotEmpty();

    String text = BEFORE + disguised + AFTER;
    Verdict v = FILTER.checkText(text, CHILD);
    checkVerdict(text, CHILD, v);
    assertThat(rulesWithin(v, BEFORE.length(), BEFORE.length() + disguised.length()))
        .as("rules for %s", escape(disguised)).containsAll(expected);
    assertThat(v.action().max(plain.action())).as("action for %s", escape(disguised)).isEqualTo(v.action());
  }

  private static Set<String> rulesWithin(Verdict v, int from, int to) {
    return v.findings().stream().filter(f -> f.start() >= from && f.end() <= to).map(Finding::rule)
        .collect(Collectors.toSet());
  }

  static String disguise(Phrase phrase, FuzzInput in) {
    boolean stripAll = !phrase.foldAlways() && in.choose(3) == 0;
    String inner = SEPARATORS[in.choose(SEPARATORS.length)];
    String between = " ";
    if (inner.charAt(0) == ' ' && inner.length() == 1) {
      between = "  ";   // "Đ Ị T  M Ẹ": the separator used most inside a run splits letters
    }
    StringBuilder out = new StringBuilder();
    String[] syllables = phrase.text().split(" ");
    for (int s = 0; s < syllables.length; s++) {
      if (s > 0) {
        out.append(between);
      }
      String syllable = syllables[s];
      boolean split = in.choose(3) == 0;
      for (int k = 0; k < syllable.length(); k++) {
        if (split && k > 0) {
          out.append(inner);
        }
        boolean strip = stripAll || (phrase.foldAlways() && in.choose(4) == 0);
        String nfd = Normalizer.normalize(syllable.substring(k, k + 1), Normalizer.Form.NFD);
        char base = strip && nfd.charAt(0) == '\u0111' ? 'd' : nfd.charAt(0);
        // Leetspeak where the normaliser reads it as a letter: not first in a word, '!' not last, no runs.
        String leet = strip && k > 0 && in.choose(4) == 0 ? leet(base, k == syllable.length() - 1, split) : null;
        if (leet != null) {
          out.append(leet);
        } else {
          String letter = disguiseLetter(base, strip ? "" : nfd.substring(1), in);
          int copies = split ? 1 : 1 + (in.choose(8) == 0 ? in.choose(4) : 0);
          for (int c = 0; c < copies; c++) {
            out.append(letter);
          }
        }
        if (in.choose(6) == 0) {
          out.append(INVISIBLE[in.choose(INVISIBLE.length)]);
        }
      }
    }
    return out.toString();
  }

  /** One letter: its base letter in some shape and case, then its marks, composed or not. */
  private static String disguiseLetter(char base, String marks, FuzzInput in) {
    boolean upper = in.choose(2) == 0;
    String shape;
    switch (in.choose(6)) {
      case 0:
        shape = lookAlike(base, in);
        break;
      case 1:
        shape = base >= 'a' && base <= 'z' ? String.valueOf((char) (base - 'a' + '\uff41')) : String.valueOf(base);
        break;
      case 2:
        shape = base >= 'a' && base <= 'z' ? new String(Character.toChars(0x1D41A + base - 'a')) : String.valueOf(base);
        upper = false;   // mathematical letters have no case mapping
        break;
      default:
        shape = String.valueOf(base);
        break;
    }
    StringBuilder sb = new StringBuilder(upper ? shape.toUpperCase(Locale.ROOT) : shape);
    for (int m = 0; m < marks.length(); m++) {
      if (in.choose(8) == 0) {
        sb.append(INVISIBLE[in.choose(INVISIBLE.length)]);
      }
      sb.append(marks.charAt(m));
    }
    return in.choose(2) == 0 ? Normalizer.normalize(sb, Normalizer.Form.NFC) : sb.toString();
  }

  private static String leet(char base, boolean last, boolean split) {
    switch (base) {
      case 'o': return "0";
      case 'i': return last && !split ? "1" : "!";
      case 'e': return "3";
      case 'a': return "4";
      case 's': return "5";
      default: return null;
    }
  }

  private static String lookAlike(char base, FuzzInput in) {
    String options;
    switch (base) {
      case 'a': options = "аα"; break;
      case 'e': options = "еε"; break;
      case 'o': options = "оο"; break;
      case 'i': options = "іι"; break;
      case 't': options = "тτ"; break;
      case 'm': options = "м"; break;
      case 'u': options = "υ"; break;
      case 'y': options = "у"; break;
      case 'n': options = "η"; break;
      case 'g': options = "ɡ"; break;
      case 'đ': options = "ðɖ"; break;
      case 'd': options = "ԁ"; break;
      default: options = String.valueOf(base); break;
    }
    return String.valueOf(options.charAt(in.choose(options.length())));
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(c -> sb.append(c < 128 && c >= 32 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
    return sb + " (" + s + ")";
  }
}
