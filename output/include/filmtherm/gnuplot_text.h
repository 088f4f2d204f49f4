// Text helpers shared by the writers that drive gnuplot: quoting for gnuplot
// strings and for the shell, escaping for enhanced-text titles, and reading a
// small file (gnuplot's log) back.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace filmtherm {

/// A gnuplot single-quoted string literal ('' escapes a quote).
inline std::string gnuplot_string(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) {
    quoted += c;
    if (c == '\'') quoted += '\'';
  }
  return quoted + "'";
}

/// A POSIX shell single-quoted word.
inline std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

/// Model names in enhanced-text titles: underscores would become subscripts.
inline std::string enhanced_safe(const std::string& text) {
  std::string safe;
  for (char c : text) {
    if (c == '_' || c == '^' || c == '{' || c == '}' || c == '@' || c == '&' || c == '~') {
      safe += "\\\\";
    }
    safe += c;
  }
  return safe;
}

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace filmtherm
