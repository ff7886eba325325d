package vn.lanhmanh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lanhmanh train} for the classifiers, with a labelled table among the training data. */
class TrainCommandTest {

  private static final String[] LURES = {"nộp phí nhận thưởng", "gửi mã OTP để nhận quà", "chuyển khoản gấp cho cô",
      "đăng nhập link nhận skin free", "phí xử lý hồ sơ trúng giải", "cho mình mượn tài khoản ngân hàng"};
  private static final String[] PLAIN = {"mai cả lớp đi tham quan bảo tàng", "mẹ nấu canh chua ngon lắm",
      "chiều nay đội bóng tập lúc bốn giờ", "cô giao bài tập toán về nhà", "con mèo nhà em rất lười",
      "trời mưa to nên em ở nhà đọc sách"};

  @TempDir
  Path dir;

  @Test
  void trainsWithATableAndRecordsItInTheCommand() throws IOException {
    Path train = corpus("train", 0);
    Path dev = corpus("dev", 3);
    Path table = dir.resolve("round.tsv");
    Files.writeString(table, "id\texpect\tcategory\tmin_action_age10\tc_tier\tstyle\ttext\n"
        + "sc001\tharm\tscam\tBLOCK\tyes\tsms\tbấm link xác minh tài khoản kẻo bị khoá\n"
        + "in001\tinnocent\t-\tALLOW\tno\tchat\tbấm chuông cửa giúp tớ nhé\n", StandardCharsets.UTF_8);
    Path out = dir.resolve("classifiers.bin");
    Cli.Result r = Cli.run("", "train", "--corpus-train", train.toString(), "--corpus-dev", dev.toString(),
        "--corpus-table", table.toString(), "--epochs", "3", "--bits", "12", "--classifiers-out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.size(out)).isPositive();
    assertThat(r.out()).contains("wrote");
  }

  /**
   * Thresholds judged out of sample: two tables are two sources, dealt into two folds; the options are recorded in
   * the file's command, and without any table or chat folder they are refused as a usage error.
   */
  @Test
  void foldsNeedTablesAndAreRecorded() throws IOException {
    Path train = corpus("train", 0);
    Path dev = corpus("dev", 3);
    Path a = table("a.tsv", 1, "bấm link xác minh tài khoản kẻo bị khoá", "bấm chuông cửa giúp tớ nhé");
    Path b = table("b.tsv", 2, "nạp thẻ cào để nhận thưởng ngay", "thẻ thư viện của tớ hết hạn rồi");
    Path out = dir.resolve("folds.bin");
    Cli.Result r = Cli.run("", "train", "--corpus-train", train.toString(), "--corpus-dev", dev.toString(),
        "--corpus-table", a.toString(), "--corpus-table", b.toString(), "--epochs", "3", "--bits", "12",
        "--folds", "2", "--max-innocent-flagged", "0.1", "--classifiers-out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("fold 1 of 2").contains("fold 2 of 2").contains("out of fold");
    assertThat(vn.lanhmanh.model.ClassifierModel.read(out).properties().get("command"))
        .contains("--folds 2 --max-innocent-flagged 0.1");
    Cli.Result none = Cli.run("", "train", "--corpus-train", train.toString(), "--corpus-dev", dev.toString(),
        "--folds", "2", "--classifiers-out", dir.resolve("none.bin").toString());
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("--folds needs");
  }

  /**
   * Built posts need ordinary comments to build from: with them they are trained and recorded in the file's command;
   * without them (clean sentences are not filler), or with a share outside [0, 1], a usage error says why.
   */
  @Test
  void builtPostsAreRecordedAndNeedOrdinaryComments() throws IOException {
    Path train = corpus("train", 0);
    Path dev = corpus("dev", 3);
    Path ordinary = comments("ordinary.csv", 1);
    Path ordinaryDev = comments("ordinary-dev.csv", 7);
    Path sentences = dir.resolve("sentences.txt");
    Files.writeString(sentences, "Hà Nội là thủ đô của Việt Nam.\nSông Hồng chảy qua nhiều tỉnh.\n",
        StandardCharsets.UTF_8);
    Path out = dir.resolve("built.bin");
    Cli.Result r = Cli.run("", "train", "--corpus-train", train.toString(), "--corpus-dev", dev.toString(),
        "--corpus-ordinary", ordinary.toString(), "--corpus-ordinary-dev", ordinaryDev.toString(),
        "--built-posts", "0.5", "--epochs", "3", "--bits", "12", "--classifiers-out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(vn.lanhmanh.model.ClassifierModel.read(out).properties().get("command")).contains("--built-posts 0.5");
    Cli.Result none = Cli.run("", "train", "--corpus-train", train.toString(), "--corpus-dev", dev.toString(),
        "--corpus-sentences", sentences.toString(), "--corpus-ordinary-dev", ordinaryDev.toString(),
        "--built-posts", "0.5", "--classifiers-out", dir.resolve("none.bin").toString());
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("ordinary comments");
    Cli.Result noDev = Cli.run("", "train", "--corpus-train", train.toString(), "--corpus-dev", dev.toString(),
        "--corpus-ordinary", ordinary.toString(), "--built-posts", "0.5",
        "--classifiers-out", dir.resolve("nodev.bin").toString());
    assertThat(noDev.exit()).isEqualTo(2);
    assertThat(noDev.err()).contains("--corpus-ordinary-dev");
    Cli.Result share = Cli.run("", "train", "--corpus-train", train.toString(), "--corpus-dev", dev.toString(),
        "--corpus-ordinary", ordinary.toString(), "--corpus-ordinary-dev", ordinaryDev.toString(),
        "--built-posts", "1.5", "--classifiers-out", dir.resolve("share.bin").toString());
    assertThat(share.exit()).isEqualTo(2);
    assertThat(share.err()).contains("between 0 and 1");
  }

  /**
   * A bound of its own for each clean-sentence file: kept by the out-of-sample thresholds over every line of the
   * file, reported and recorded in the file's command; one value a file, 0 or more, and only with --folds and
   * --corpus-ordinary-dev, or a usage error says why.
   */
  @Test
  void sentencesMaxIsReportedRecordedAndChecked() throws IOException {
    Folded f = folded();
    Path train = f.train();
    Path dev = f.dev();
    Path ordinaryDev = f.ordinaryDev();
    Path a = f.a();
    Path b = f.b();
    Path sentences = dir.resolve("sentences.txt");
    Files.writeString(sentences, "Hà Nội là thủ đô của Việt Nam.\nSông Hồng chảy qua nhiều tỉnh.\n\n"
        + "Ngân hàng nhà nước điều chỉnh lãi suất.\nĐội tuyển thắng trận chung kết.\n"
        + "Mùa lúa chín vàng trên cánh đồng.\n", StandardCharsets.UTF_8);
    Path out = dir.resolve("max.bin");
    Cli.Result r = Cli.run("", "train", "--corpus-train", train.toString(), "--corpus-dev", dev.toString(),
        "--corpus-table", a.toString(), "--corpus-table", b.toString(), "--corpus-ordinary-dev",
        ordinaryDev.toString(), "--corpus-sentences", sentences.toString(), "--sentences-max", "2", "--epochs", "3",
        "--bits", "12", "--folds", "2", "--classifiers-out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    // every line but the blank one is counted, not only the three that training leaves out
    assertThat(r.err()).containsPattern("all clean sentences flagged at age 10 by the whole filter \\(sentences.txt\\): "
        + "\\d+ of 5 .* bound 2 \\(--sentences-max\\)");
    assertThat(vn.lanhmanh.model.ClassifierModel.read(out).properties().get("command")).contains("--sentences-max 2");
    Cli.Result held = Cli.run("", "train", "--corpus-train", train.toString(), "--corpus-dev", dev.toString(),
        "--corpus-table", a.toString(), "--corpus-table", b.toString(), "--corpus-ordinary-dev",
        ordinaryDev.toString(), "--corpus-sentences", sentences.toString(), "--epochs", "3", "--bits", "12",
        "--folds", "2", "--classifiers-out", dir.resolve("held.bin").toString());
    assertThat(held.exit()).as(held.err()).isZero();
    assertThat(held.err()).containsPattern("held clean sentences flagged .* \\d+ of 3 at");
    Cli.Result count = Cli.run("", "train", "--corpus-train", train.toString(), "--corpus-dev", dev.toString(),
        "--corpus-table", a.toString(), "--corpus-ordinary-dev", ordinaryDev.toString(), "--corpus-sentences",
        sentences.toString(), "--sentences-max", "2", "--sentences-max", "3", "--folds", "2",
        "--classifiers-out", dir.resolve("count.bin").toString());
    assertThat(count.exit()).isEqualTo(2);
    assertThat(count.err()).contains("one value for each --corpus-sentences file").contains("2 given for 1 files");
    Cli.Result negative = Cli.run("", "train", "--corpus-train", train.toString(), "--corpus-dev", dev.toString(),
        "--corpus-table", a.toString(), "--corpus-ordinary-dev", ordinaryDev.toString(), "--corpus-sentences",
        sentences.toString(), "--sentences-max", "-1", "--folds", "2",
        "--classifiers-out", dir.resolve("negative.bin").toString());
    assertThat(negative.exit()).isEqualTo(2);
    assertThat(negative.err()).contains("0 or more");
    Cli.Result noFolds = Cli.run("", "train", "--corpus-train", train.toString(), "--corpus-dev", dev.toString(),
        "--corpus-ordinary-dev", ordinaryDev.toString(), "--corpus-sentences", sentences.toString(),
        "--sentences-max", "2", "--classifiers-out", dir.resolve("nofolds.bin").toString());
    assertThat(noFolds.exit()).isEqualTo(2);
    assertThat(noFolds.err()).contains("--sentences-max needs --folds and --corpus-ordinary-dev");
  }

  /**
   * The case-table gate: its rows that expect ALLOW are counted and reported, the table is recorded in the file's
   * command; a row of another shape is a usage error naming its line, and the gate needs --folds and
   * --corpus-ordinary-dev.
   */
  @Test
  void caseGateIsReportedRecordedAndChecked() throws IOException {
    Folded f = folded();
    Path cases = dir.resolve("cases.tsv");
    Files.writeString(cases, "# a comment line\n10\tALLOW\t-\t-\tChiều nay lớp mình đi tham quan bảo tàng.\n"
        + "18\tBLOCK\tscam\tchuyển khoản\tChuyển khoản ngay để nhận quà.\n"
        + "13\tALLOW\t-\t-\tMẹ nhắc con mang áo mưa.\n", StandardCharsets.UTF_8);
    Path out = dir.resolve("gate.bin");
    Cli.Result r = Cli.run("", "train", "--corpus-train", f.train().toString(), "--corpus-dev", f.dev().toString(),
        "--corpus-table", f.a().toString(), "--corpus-table", f.b().toString(), "--corpus-ordinary-dev",
        f.ordinaryDev().toString(), "--case-gate", cases.toString(), "--epochs", "3", "--bits", "12", "--folds", "2",
        "--classifiers-out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).containsPattern("case rows that expect ALLOW failed by the whole filter \\(--case-gate\\): "
        + "\\d+ of 2 at the development thresholds");
    assertThat(vn.lanhmanh.model.ClassifierModel.read(out).properties()).containsKey("data.gate.cases.tsv")
        .extractingByKey("command").asString().contains("--case-gate cases.tsv");
    // the gate's lift added to a file trained before: written, and refused without a gate
    Cli.Result lift = Cli.run("", "train", "--lift", out.toString(), "--case-gate", cases.toString(),
        "--classifiers-out", dir.resolve("lifted.bin").toString());
    assertThat(lift.exit()).as(lift.err()).isZero();
    assertThat(lift.out()).contains("lifted.bin");
    assertThat(vn.lanhmanh.model.ClassifierModel.read(dir.resolve("lifted.bin")).categories())
        .isEqualTo(vn.lanhmanh.model.ClassifierModel.read(out).categories());
    Cli.Result noGate = Cli.run("", "train", "--lift", out.toString(), "--classifiers-out",
        dir.resolve("nogate.bin").toString());
    assertThat(noGate.exit()).isEqualTo(2);
    assertThat(noGate.err()).contains("--lift needs --case-gate and --classifiers-out");
    Path bad = dir.resolve("bad.tsv");
    Files.writeString(bad, "10\tALLOW\t-\t-\tmột dòng tốt\nmười\tALLOW\t-\t-\tmột dòng xấu\n",
        StandardCharsets.UTF_8);
    Cli.Result shape = Cli.run("", "train", "--corpus-train", f.train().toString(), "--corpus-dev",
        f.dev().toString(), "--corpus-table", f.a().toString(), "--corpus-ordinary-dev", f.ordinaryDev().toString(),
        "--case-gate", bad.toString(), "--folds", "2", "--classifiers-out", dir.resolve("bad.bin").toString());
    assertThat(shape.exit()).isEqualTo(2);
    assertThat(shape.err()).contains("--case-gate bad.tsv line 2").contains("5 tab-separated columns");
    Cli.Result noFolds = Cli.run("", "train", "--corpus-train", f.train().toString(), "--corpus-dev",
        f.dev().toString(), "--corpus-ordinary-dev", f.ordinaryDev().toString(), "--case-gate", cases.toString(),
        "--classifiers-out", dir.resolve("nofolds-gate.bin").toString());
    assertThat(noFolds.exit()).isEqualTo(2);
    assertThat(noFolds.err()).contains("--case-gate needs --folds and --corpus-ordinary-dev");
  }

  /**
   * The cap on the out-of-sample raise: a valid value trains, is stated in the training log and recorded in the
   * file's command; a value outside 0..40, or one given without --folds and --corpus-ordinary-dev, is a usage error
   * that says why.
   */
  @Test
  void maxRaiseIsLoggedRecordedAndChecked() throws IOException {
    Folded f = folded();
    Path out = dir.resolve("raise.bin");
    Cli.Result r = Cli.run("", "train", "--corpus-train", f.train().toString(), "--corpus-dev", f.dev().toString(),
        "--corpus-table", f.a().toString(), "--corpus-table", f.b().toString(), "--corpus-ordinary-dev",
        f.ordinaryDev().toString(), "--max-raise", "2", "--epochs", "3", "--bits", "12", "--folds", "2",
        "--classifiers-out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("a raise goes at most 2 steps (0.050) above a development threshold (--max-raise; "
        + "default 4)");
    assertThat(vn.lanhmanh.model.ClassifierModel.read(out).properties().get("command")).contains("--max-raise 2");
    for (String bad : new String[] {"-1", "41"}) {
      Cli.Result refused = Cli.run("", "train", "--corpus-train", f.train().toString(), "--corpus-dev",
          f.dev().toString(), "--corpus-table", f.a().toString(), "--corpus-ordinary-dev",
          f.ordinaryDev().toString(), "--max-raise", bad, "--folds", "2", "--classifiers-out",
          dir.resolve("bad.bin").toString());
      assertThat(refused.exit()).as(bad).isEqualTo(2);
      assertThat(refused.err()).contains("--max-raise must be 0 to 40 steps, was " + bad);
      assertThat(Files.exists(dir.resolve("bad.bin"))).isFalse();
    }
    Cli.Result noFolds = Cli.run("", "train", "--corpus-train", f.train().toString(), "--corpus-dev",
        f.dev().toString(), "--corpus-ordinary-dev", f.ordinaryDev().toString(), "--max-raise", "2",
        "--classifiers-out", dir.resolve("nofolds.bin").toString());
    assertThat(noFolds.exit()).isEqualTo(2);
    assertThat(noFolds.err()).contains("--max-raise needs --folds and --corpus-ordinary-dev");
  }

  /** A held-out-layout table of one scam line ({@code sc00N}) and one innocent line ({@code in00N}). */
  private Path table(String name, int n, String scam, String innocent) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, "id\texpect\tcategory\tmin_action_age10\tc_tier\tstyle\ttext\n"
        + "sc00" + n + "\tharm\tscam\tBLOCK\tyes\tsms\t" + scam + "\n"
        + "in00" + n + "\tinnocent\t-\tALLOW\tno\tchat\t" + innocent + "\n", StandardCharsets.UTF_8);
    return p;
  }

  /** A ViHOS-format file of twelve comments without a span. */
  private Path comments(String name, int hour) throws IOException {
    StringBuilder csv = new StringBuilder(",content,index_spans\n");
    for (int i = 0; i < 12; i++) {
      csv.append(i).append(',').append(PLAIN[i % PLAIN.length]).append(" lúc ").append(hour + i).append(" giờ,[]\n");
    }
    Path p = dir.resolve(name);
    Files.writeString(p, csv, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void aMissingTableIsNamed() throws IOException {
    Path train = corpus("train", 0);
    Path dev = corpus("dev", 3);
    Cli.Result r = Cli.run("", "train", "--corpus-train", train.toString(), "--corpus-dev", dev.toString(),
        "--corpus-table", dir.resolve("none.tsv").toString(), "--classifiers-out", dir.resolve("x.bin").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("not a file").contains("none.tsv");
  }

  /** A folder with one category file, scam: lures as positives and everyday lines as hard negatives. */
  private Path corpus(String name, int shift) throws IOException {
    Path d = Files.createDirectories(dir.resolve(name));
    StringBuilder b = new StringBuilder();
    int n = 0;
    for (int i = 0; i < LURES.length; i++) {
      for (int k = 0; k < 3; k++) {
        String num = Integer.toString(10 * (i + shift) + k);
        b.append(name).append("-scam-").append(n++).append("\t1\tsms\t").append(LURES[i]).append(' ')
            .append(num).append("k\n");
        b.append(name).append("-scam-").append(n++).append("\t0\tchat\t").append(PLAIN[i]).append(" lần ")
            .append(num).append('\n');
      }
    }
    Files.writeString(d.resolve("scam.tsv"), b.toString(), StandardCharsets.UTF_8);
    return d;
  }

  /** A small corpus for training with folds: training and development parts, ordinary comments, two tables. */
  private record Folded(Path train, Path dev, Path ordinaryDev, Path a, Path b) {}

  private Folded folded() throws IOException {
    return new Folded(corpus("train", 0), corpus("dev", 3), comments("ordinary-dev.csv", 7),
        table("a.tsv", 1, "bấm link xác minh tài khoản kẻo bị khoá", "bấm chuông cửa giúp tớ nhé"),
        table("b.tsv", 2, "nạp thẻ cào để nhận thưởng ngay", "thẻ thư viện của tớ hết hạn rồi"));
  }
}
