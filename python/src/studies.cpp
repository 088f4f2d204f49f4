// Studies from Python: the engine of `filmtherm sweep` (run_study: worker
// threads, journal, resume, results tables) on a study file, with the GIL
// released. The caller reads the table the engine wrote (results.jsonl), so
// Python's records are the command line's table by construction.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <csignal>
#include <sstream>

#include "bindings.h"
#include "filmtherm/study.h"
#include "filmtherm/sweep.h"

namespace filmtherm::python {

namespace {

// The engine installs its own SIGINT/SIGTERM handlers (stop handing out
// points, let the running ones finish); the interpreter's handlers come back
// when it returns, so Ctrl-C raises KeyboardInterrupt again afterwards.
class SignalHandlersRestored {
 public:
  SignalHandlersRestored() {
    sigaction(SIGINT, nullptr, &interrupt_);
    sigaction(SIGTERM, nullptr, &terminate_);
  }
  ~SignalHandlersRestored() {
    sigaction(SIGINT, &interrupt_, nullptr);
    sigaction(SIGTERM, &terminate_, nullptr);
  }
  SignalHandlersRestored(const SignalHandlersRestored&) = delete;
  SignalHandlersRestored& operator=(const SignalHandlersRestored&) = delete;

 private:
  struct sigaction interrupt_ {};
  struct sigaction terminate_ {};
};

py::dict sweep(const std::filesystem::path& study_file, const std::string& output, unsigned jobs,
               bool plot) {
  const auto registry = registry_snapshot();
  const Study study = load_study(study_file, *registry);  // InputError, located
  SweepOptions options;
  options.study_file = study_file.string();
  options.output_folder = output;
  options.jobs = jobs;
  options.plot = plot;
  std::ostringstream out;
  std::ostringstream err;
  int status = 0;
  {
    py::gil_scoped_release release;
    const SignalHandlersRestored restored;
    status = run_study(study, *registry, options, out, err);
  }
  py::dict result;
  result["status"] = status;
  result["folder"] = output.empty() ? study.output_folder : std::filesystem::path(output);
  result["out"] = out.str();
  result["err"] = err.str();
  return result;
}

}  // namespace

void register_studies(py::module_& module) {
  module.def("sweep", &sweep, py::arg("study"), py::arg("output"), py::arg("jobs"),
             py::arg("plot"));
  module.attr("exit_usage_error") = exit_usage_error;
}

}  // namespace filmtherm::python
