/**
 * Detectors for a child's private information in Vietnamese text (Decree 56/2017/NĐ-CP Art. 36;
 * Law on Personal Data Protection 2025 Art. 24). Internal: not part of the public API; the text filter
 * turns {@link vn.lanhmanh.pii.PiiMatch}es into {@code pii} findings.
 *
 * <p>Entry point: {@link vn.lanhmanh.pii.PiiDetector#detect(String)}. The scanners are hand-written and
 * linear; none uses {@code java.util.regex}.
 */
package vn.lanhmanh.pii;
