/**
 * Annotations for the build's own checks, and small helpers the library's packages share. <b>Internal, not API.</b>
 */
package vn.lanhmanh.internal;
