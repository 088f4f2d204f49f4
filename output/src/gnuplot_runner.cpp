#include "filmtherm/gnuplot_runner.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "filmtherm/gnuplot_text.h"

namespace filmtherm {

std::optional<std::string> run_gnuplot(const std::string& script,
                                       const std::filesystem::path& partial,
                                       const std::filesystem::path& target) {
  std::string temporary =
      (std::filesystem::temp_directory_path() / "filmtherm-plot-XXXXXX").string();
  if (mkdtemp(temporary.data()) == nullptr) return "cannot create a temporary folder for gnuplot";
  const std::filesystem::path work(temporary);
  std::ofstream(work / "plot.gp") << script;
  const std::string command = "gnuplot " + shell_quote((work / "plot.gp").string()) + " > " +
                              shell_quote((work / "gnuplot.log").string()) + " 2>&1";
  const int status = std::system(command.c_str());
  const std::string log = read_text(work / "gnuplot.log");
  std::error_code ignored;
  std::filesystem::remove_all(work, ignored);
  if (status != 0 || !std::filesystem::exists(partial)) {
    std::filesystem::remove(partial, ignored);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
      return "gnuplot was not found (install Debian's gnuplot-nox); no plot written";
    }
    return "gnuplot failed; no plot written: " + log;
  }
  std::filesystem::rename(partial, target, ignored);
  if (ignored) return "cannot rename the plot into place: " + ignored.message();
  return std::nullopt;
}

}  // namespace filmtherm
