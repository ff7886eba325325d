package vn.lanhmanh.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks the labelled message corpus ({@code labelled/<part>/<category>.tsv}, format in
 * docs/ANNOTATION.md): one problem string per broken rule, so that a test can show every problem of a file
 * at once, and a near-duplicate key so that copies differing only by a name, a number, diacritics or
 * punctuation are found.
 */
final class LabelledCorpus {

  /** The parts and the letter their ids start with. */
  static final Map<String, Character> PARTS = Map.of("train", 'r', "dev", 'd', "test", 't');

  /** The styles of docs/ANNOTATION.md. */
  static final Set<String> STYLES =
      Set.of("chat", "comment", "game_chat", "sms", "ad", "news", "textbook", "forum");

  /** Messages with fewer words than this are compared only as a whole, not for near-duplicates. */
  static final int NEAR_MIN_WORDS = 5;

  private static final Pattern ID = Pattern.compile("([rdt])(\\d+[a-z]?)-([a-z_]+)-(\\d{3,})");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_LETTER = Pattern.compile("[^a-z]+");

  /** One message of a file. */
  record Message(String part, String category, int line, String id, int label, String style, String text) {

    /** The words of the text once folded (see {@link LabelledCorpus#words}). */
    List<String> words() {
      return LabelledCorpus.words(text);
    }
  }

  /** A file read: its messages and the problems found in it. */
  record Parsed(List<Message> messages, List<String> problems) {}

  private LabelledCorpus() {}

  /** Reads a file strictly as UTF-8 (a malformed byte is a problem, not a replacement character). */
  static Parsed read(Path file, String part, String category) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String content;
    try {
      content = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return new Parsed(List.of(), List.of(file.getFileName() + ": not valid UTF-8"));
    }
    return parse(content, part, category);
  }

  /** Parses and checks the content of the file {@code <part>/<category>.tsv}. */
  static Parsed parse(String content, String part, String category) {
    List<Message> messages = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    String where = part + "/" + category + ".tsv";
    Character letter = PARTS.get(part);
    if (letter == null) {
      problems.add(where + ": unknown part '" + part + "'");
      return new Parsed(messages, problems);
    }
    if (content.startsWith("\uFEFF")) {
      problems.add(where + ": starts with a byte order mark");
    }
    if (content.indexOf('\r') >= 0) {
      problems.add(where + ": has carriage returns (lines must end with LF only)");
    }
    Set<String> ids = new HashSet<>();
    String[] lines = content.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].replace("\r", "");
      int n = i + 1;
      if (line.isEmpty() && i == lines.length - 1) {
        continue;
      }
      if (line.startsWith("#")) {
        continue;
      }
      String at = where + " line " + n + ": ";
      if (line.isBlank()) {
        problems.add(at + "blank line");
        continue;
      }
      String[] c = line.split("\t", -1);
      if (c.length != 4) {
        problems.add(at + "has " + c.length + " columns, not 4 (id, label, style, text)");
        continue;
      }
      String id = c[0];
      var m = ID.matcher(id);
      if (!m.matches()) {
        problems.add(at + "id '" + id + "' is not <part><round>-<category>-<nnn>");
      } else {
        if (m.group(1).charAt(0) != letter) {
          problems.add(at + "id '" + id + "' does not start with '" + letter + "' for part " + part);
        }
        if (!m.group(3).equals(category)) {
          problems.add(at + "id '" + id + "' names another category than " + category);
        }
      }
      if (!ids.add(id)) {
        problems.add(at + "id '" + id + "' repeated in the file");
      }
      int label = -1;
      if (c[1].equals("1")) {
        label = 1;
      } else if (c[1].equals("0")) {
        label = 0;
      } else {
        problems.add(at + "label '" + c[1] + "' is neither 1 nor 0");
      }
      if (!STYLES.contains(c[2])) {
        problems.add(at + "style '" + c[2] + "' is not one of " + STYLES);
      }
      String text = c[3];
      if (text.isBlank()) {
        problems.add(at + "empty text");
      } else if (!text.equals(text.strip())) {
        problems.add(at + "text starts or ends with white space");
      }
      if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
        problems.add(at + "text is not NFC");
      }
      if (text.chars().anyMatch(ch -> Character.isISOControl(ch))) {
        problems.add(at + "text holds a control character");
      }
      messages.add(new Message(part, category, n, id, label, c[2], text));
    }
    if (messages.isEmpty()) {
      problems.add(where + ": no messages");
    }
    return new Parsed(messages, problems);
  }

  /**
   * The folded words of a text: decomposed, marks removed, {@code đ} as {@code d}, lower case, digits
   * dropped, any run of other characters as one separator. Two messages with the same words differ only
   * by diacritics, case, numbers, emoji or punctuation.
   */
  static List<String> words(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFD);
    s = MARKS.matcher(s).replaceAll("");
    s = s.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
    s = NOT_LETTER.matcher(s).replaceAll(" ").strip();
    return s.isEmpty() ? List.of() : Arrays.asList(s.split(" "));
  }

  /**
   * The keys under which a message collides with its near-duplicates: its whole folded text, and (from
   * {@link #NEAR_MIN_WORDS} words) the text with one word replaced by a wildcard (another word in its
   * place: a changed name) and with one word left out (a word added or removed). Two messages are
   * near-duplicates when the first key of one equals any key of the other, or they share a wildcard key.
   */
  static List<String> nearKeys(List<String> words) {
    List<String> keys = new ArrayList<>();
    keys.add(String.join(" ", words));
    if (words.size() >= NEAR_MIN_WORDS) {
      for (int i = 0; i < words.size(); i++) {
        List<String> w = new ArrayList<>(words);
        w.set(i, "*");
        keys.add("~" + String.join(" ", w));
        w.remove(i);
        keys.add(String.join(" ", w));
      }
    }
    return keys;
  }

  /**
   * Index of messages by their near-duplicate keys. {@link #clashes} answers which indexed messages a
   * message repeats or nearly repeats.
   */
  static final class NearIndex {
    private final Map<String, List<Message>> whole = new HashMap<>();
    private final Map<String, List<Message>> variants = new HashMap<>();

    void add(Message m) {
      List<String> keys = nearKeys(m.words());
      whole.computeIfAbsent(keys.get(0), k -> new ArrayList<>()).add(m);
      for (String k : keys.subList(1, keys.size())) {
        variants.computeIfAbsent(k, x -> new ArrayList<>()).add(m);
      }
    }

    /** The indexed messages, other than {@code m} itself, that {@code m} repeats or nearly repeats. */
    Set<Message> clashes(Message m) {
      List<String> keys = nearKeys(m.words());
      Set<Message> out = new java.util.LinkedHashSet<>();
      out.addAll(whole.getOrDefault(keys.get(0), List.of()));
      out.addAll(variants.getOrDefault(keys.get(0), List.of()));
      for (String k : keys.subList(1, keys.size())) {
        out.addAll(whole.getOrDefault(k, List.of()));
        if (k.startsWith("~")) {
          out.addAll(variants.getOrDefault(k, List.of()));
        }
      }
      out.remove(m);
      return out;
    }
  }
}
