/**
 * Annotations for the build's own checks. <b>Internal, not API.</b>
 */
package vn.lanhmanh.internal;
