package vn.lanhmanh.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import vn.lanhmanh.Category;

/**
 * One part (train, dev or test) of the labelled message corpus: a folder of {@code <category>.tsv} files,
 * each line {@code id TAB label TAB style TAB text} ({@code 1} a positive for the file's category, {@code 0}
 * a hard negative), {@code #} lines are comments (docs/ANNOTATION.md).
 */
@vn.lanhmanh.internal.JvmOnly("training corpus reader: java.nio.file")
public final class MessageCorpus {

  /** One labelled message of a category's file. */
  public record Message(String id, Category category, boolean positive, String style, String text) {}

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
}
