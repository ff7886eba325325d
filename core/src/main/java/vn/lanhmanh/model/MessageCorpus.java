package vn.lanhmanh.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.lanhmanh.Category;

/**
 * One part (train, dev or test) of the labelled message corpus: a folder of {@code <category>.tsv} files,
 * each line {@code id TAB label TAB style TAB text} ({@code 1} a positive for the file's category, {@code 0}
 * a hard negative), {@code #} lines are comments (docs/ANNOTATION.md).
 */
@vn.lanhmanh.internal.JvmOnly("training corpus reader: java.nio.file")
public final class MessageCorpus {

  /**
   * One labelled message of a category's file. {@code only}: the source gives the message this one label and
   * no other (a line of a held-out text round or a case table names a single expected category), so a
   * positive says it is not a positive of another category; a positive of a category's file may share its
   * message with another category (docs/ANNOTATION.md), and says nothing about it.
   */
  public record Message(String id, Category category, boolean positive, String style, String text, boolean only) {
    /** A message whose source may give it other labels too. */
    public Message(String id, Category category, boolean positive, String style, String text) {
      this(id, category, positive, style, text, false);
    }
  }

  private MessageCorpus() {}

  /**
   * Reads every {@code <category>.tsv} of a folder, files in name order.
   *
   * @throws IOException if the folder or a file cannot be read
   * @throws IllegalArgumentException naming the file and line of a malformed line or an unknown category
   */
  public static List<Message> read(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException("not a folder: " + dir);
    }
    TreeSet<Path> files = new TreeSet<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.tsv")) {
      ds.forEach(files::add);
    }
    List<Message> out = new ArrayList<>();
    for (Path f : files) {
      String name = f.getFileName().toString();
      Category c = Category.fromJsonName(name.substring(0, name.length() - 4));
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        if (cols.length != 4 || !(cols[1].equals("0") || cols[1].equals("1")) || cols[3].isBlank()) {
          throw new IllegalArgumentException(name + ":" + (i + 1) + ": expected id, label 0/1, style, text");
        }
        out.add(new Message(cols[0], c, cols[1].equals("1"), cols[2],
            Normalizer.normalize(cols[3], Normalizer.Form.NFC)));
      }
    }
    if (out.isEmpty()) {
      throw new IOException("no labelled messages in " + dir);
    }
    return out;
  }

  /**
   * Reads a labelled table of lines that were written to judge the filter, as training messages. Two
   * layouts are read:
   *
   * <ul>
   *   <li>the held-out text layout, whose first line that is not a comment is the header
   *       {@code id TAB expect TAB category TAB ... TAB text}: a line expected {@code harm} is a positive of
   *       its category, a line expected {@code innocent} is an ordinary message;
   *   <li>the case-table layout, five columns {@code age TAB expect TAB category TAB span TAB text}: a line
   *       expected {@code WARN}, {@code BLOCK} or {@code FLAG} with a category is a positive of it, a line
   *       expected {@code ALLOW} with category {@code -}, or allowed with a category for a viewer of 13 or
   *       younger (a bare mention in its context), is an ordinary message, and any other line (allowed with a
   *       category for an older viewer, or personal information) is left out.
   * </ul>
   *
   * <p>Ordinary messages are negatives of every category and carry the category {@code ordinary}. A harmful
   * line is a message with that one label ({@link Message#only}). A text
   * that appears twice is read once; a text given two different labels is left out.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException naming the file and line of a malformed line or an unknown category
   */
  public static List<Message> readTable(Path file, Category ordinary) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String name = file.getFileName().toString();
    int expectCol = -1;
    int categoryCol = -1;
    int textCol = -1;
    int styleCol = -1;
    boolean header = false;
    Unique unique = new Unique();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (textCol < 0) {
        header = cols.length > 2 && cols[0].equals("id") && cols[1].equals("expect");
        if (header) {
          List<String> names = List.of(cols);
          expectCol = names.indexOf("expect");
          categoryCol = names.indexOf("category");
          styleCol = names.indexOf("style");
          textCol = names.indexOf("text");
          if (categoryCol < 0 || textCol < 0) {
            throw new IllegalArgumentException(name + ":" + (i + 1) + ": the header needs category and text");
          }
          continue;
        }
        expectCol = 1;
        categoryCol = 2;
        textCol = 4;
      }
      if (cols.length <= textCol || cols[textCol].isBlank()) {
        throw new IllegalArgumentException(name + ":" + (i + 1) + ": expected " + (textCol + 1) + " columns");
      }
      String expect = cols[expectCol];
      String cat = cols[categoryCol];
      Message m;
      String text = Normalizer.normalize(cols[textCol], Normalizer.Form.NFC);
      String style = styleCol >= 0 ? cols[styleCol] : "table";
      String id = name + ":" + (i + 1);
      if (header ? expect.equals("innocent") : expect.equals("ALLOW") && (cat.equals("-") || childAge(cols[0]))) {
        m = new Message(id, ordinary, false, style, text);
      } else if (header ? expect.equals("harm")
          : (expect.equals("WARN") || expect.equals("BLOCK") || expect.equals("FLAG")) && !cat.equals("-")) {
        Category c = Category.fromJsonName(cat);
        if (c == Category.PII) {
          continue;
        }
        m = new Message(id, c, true, style, text, true);
      } else if (header) {
        throw new IllegalArgumentException(name + ":" + (i + 1) + ": expect must be harm or innocent");
      } else {
        continue;
      }
      unique.add(m);
    }
    return unique.messages();
  }

  /**
   * Reads a folder of labelled chats (the held-out chat layout, docs/MODEL.md) as training messages. A chat
   * file starts with {@code # expect: grooming} or {@code # expect: innocent}; each other line that is not a
   * comment is {@code sender TAB text}, with a third column (any mark, such as {@code intent}) on the message of
   * a grooming chat that makes its intent clear. That marked message is a positive of {@code grooming}; the
   * other messages of a grooming chat are left out (a question about school or a compliment is grooming only
   * in its chat). Every message of an innocent chat is an ordinary message. A text read twice is read once; a
   * text given two labels is left out.
   *
   * @throws IOException if the folder or a file cannot be read, or the folder holds no chat
   * @throws IllegalArgumentException naming the file and line of a malformed line or label
   */
  public static List<Message> readChats(Path dir, Category ordinary) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException("not a folder: " + dir);
    }
    TreeSet<Path> files = new TreeSet<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.tsv")) {
      ds.forEach(files::add);
    }
    Unique unique = new Unique();
    for (Path f : files) {
      String name = f.getFileName().toString();
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      Boolean grooming = null;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.startsWith("# expect:")) {
          String expect = line.substring("# expect:".length()).strip();
          if (!expect.equals("grooming") && !expect.equals("innocent")) {
            throw new IllegalArgumentException(name + ":" + (i + 1) + ": expect must be grooming or innocent");
          }
          grooming = expect.equals("grooming");
          continue;
        }
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        if (grooming == null || cols.length < 2 || cols.length > 3 || cols[1].isBlank()
            || !(cols[0].equals("child") || cols[0].equals("other"))) {
          throw new IllegalArgumentException(name + ":" + (i + 1)
              + ": expected '# expect: grooming|innocent' first, then sender (child or other), text and an "
              + "optional mark");
        }
        boolean marked = cols.length == 3 && !cols[2].isBlank();
        if (grooming && !marked) {
          continue;
        }
        String text = Normalizer.normalize(cols[1], Normalizer.Form.NFC);
        Message m = grooming
            ? new Message(name + ":" + (i + 1), Category.GROOMING, true, "chat", text)
            : new Message(name + ":" + (i + 1), ordinary, false, "chat", text);
        unique.add(m);
      }
    }
    List<Message> out = unique.messages();
    if (out.isEmpty()) {
      throw new IOException("no labelled chats in " + dir);
    }
    return out;
  }

  /** Messages in first-seen order, each text once; a text given two different labels is left out. */
  private static final class Unique {
    private final Map<String, Message> byText = new HashMap<>();
    private final List<String> order = new ArrayList<>();
    private final Set<String> conflicting = new HashSet<>();

    void add(Message m) {
      Message before = byText.putIfAbsent(m.text(), m);
      if (before == null) {
        order.add(m.text());
      } else if (before.category() != m.category() || before.positive() != m.positive()) {
        conflicting.add(m.text());
      }
    }

    List<Message> messages() {
      List<Message> out = new ArrayList<>();
      for (String t : order) {
        if (!conflicting.contains(t)) {
          out.add(byText.get(t));
        }
      }
      return out;
    }
  }

  private static boolean childAge(String age) {
    try {
      return Integer.parseInt(age.trim()) <= 13;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
