/**
 * Stage 5 of a check: the decision. The action for one viewer from the findings and scores, the
 * redacted text, the help line, and the cap on the findings a verdict lists.
 *
 * <p><b>Internal, not API:</b> public only so the library's own packages can reach it. It may change in
 * any release without notice; applications use {@link vn.lanhmanh.ContentFilter} and the other types of
 * the package {@code vn.lanhmanh}.
 */
package vn.lanhmanh.decide;
