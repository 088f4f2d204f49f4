#include "filmtherm/cvode_integrator.h"

#include <cvode/cvode.h>
#include <cvode/cvode_ls.h>
#include <fmt/format.h>
#include <nvector/nvector_serial.h>
#include <sundials/sundials_context.h>
#include <sunlinsol/sunlinsol_band.h>
#include <sunlinsol/sunlinsol_dense.h>
#include <sunlinsol/sunlinsol_klu.h>
#include <sunmatrix/sunmatrix_band.h>
#include <sunmatrix/sunmatrix_dense.h>
#include <sunmatrix/sunmatrix_sparse.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <type_traits>

#include "sundials_kernels.h"

namespace filmtherm {

// ---------------------------------------------------------------------------
// RAII owners of the SUNDIALS objects

namespace {

struct ContextDeleter {
  void operator()(SUNContext context) const noexcept { SUNContext_Free(&context); }
};
struct VectorDeleter {
  void operator()(N_Vector vector) const noexcept { N_VDestroy(vector); }
};
struct MatrixDeleter {
  void operator()(SUNMatrix matrix) const noexcept { SUNMatDestroy(matrix); }
};
struct LinearSolverDeleter {
  void operator()(SUNLinearSolver solver) const noexcept { SUNLinSolFree(solver); }
};
struct CvodeDeleter {
  void operator()(void* memory) const noexcept { CVodeFree(&memory); }
};

template <class Handle, class Deleter>
using Owner = std::unique_ptr<std::remove_pointer_t<Handle>, Deleter>;

std::string flag_name(int flag) {
  char* name = CVodeGetReturnFlagName(flag);
  std::string text = name != nullptr ? name : fmt::format("flag {}", flag);
  std::free(name);
  return text;
}

std::span<double> view(N_Vector vector) {
  return {N_VGetArrayPointer(vector), static_cast<std::size_t>(N_VGetLength(vector))};
}

}  // namespace

// Members are destroyed in reverse order: CVODE memory first, the context last,
// the order of the SUNDIALS examples' frees.
struct CvodeIntegrator::Sundials {
  Owner<SUNContext, ContextDeleter> context;
  Owner<N_Vector, VectorDeleter> state;
  Owner<N_Vector, VectorDeleter> absolute_tolerances;
  Owner<SUNMatrix, MatrixDeleter> matrix;
  Owner<SUNLinearSolver, LinearSolverDeleter> linear_solver;
  Owner<void*, CvodeDeleter> cvode;
  // The sparse Jacobian's CSR pattern. CVODE zeroes the whole sparse matrix,
  // pattern included, before each Jacobian evaluation; it is written back then.
  std::vector<sunindextype> pattern_row_starts;
  std::vector<sunindextype> pattern_columns;

  void restore_pattern(SUNMatrix matrix) const {
    if (SUNMatGetID(matrix) != SUNMATRIX_SPARSE) return;
    std::copy(pattern_row_starts.begin(), pattern_row_starts.end(), SM_INDEXPTRS_S(matrix));
    std::copy(pattern_columns.begin(), pattern_columns.end(), SM_INDEXVALS_S(matrix));
    std::fill_n(SM_DATA_S(matrix), pattern_columns.size(), 0.0);
  }
};

// ---------------------------------------------------------------------------
// C trampolines: no exception crosses them.

struct CvodeCallbacks {
  template <class Body>
  static int guarded(void* user_data, const char* what, double time_s, bool recoverable_allowed,
                     Body&& body) noexcept {
    auto& integrator = *static_cast<CvodeIntegrator*>(user_data);
    try {
      body(integrator.system_);
      return 0;
    } catch (const RecoverableOdeError& e) {
      if (recoverable_allowed) return keep(integrator, what, time_s, e.what(), 1);
      return keep(integrator, what, time_s, e.what(), -1);
    } catch (const std::domain_error& e) {
      if (recoverable_allowed) return keep(integrator, what, time_s, e.what(), 1);
      return keep(integrator, what, time_s, e.what(), -1);
    } catch (const std::exception& e) {
      return keep(integrator, what, time_s, e.what(), -1);
    } catch (...) {
      return keep(integrator, what, time_s, "unknown exception", -1);
    }
  }

  static int keep(CvodeIntegrator& integrator, const char* what, double time_s, const char* message,
                  int code) noexcept {
    try {
      integrator.callback_message_ =
          fmt::format("the {} failed at t = {:.6g} s: {}", what, time_s, message);
      integrator.callback_exception_ = std::current_exception();
    } catch (...) {
      // Out of memory while keeping the message: the code still tells CVODE.
    }
    return code;
  }

  static int right_hand_side(sunrealtype time_s, N_Vector state, N_Vector derivative,
                             void* user_data) noexcept {
    return guarded(user_data, "right-hand side", time_s, true, [&](OdeSystem& system) {
      system.right_hand_side(time_s, view(state), view(derivative));
    });
  }

  static int jacobian(sunrealtype time_s, N_Vector state, N_Vector derivative, SUNMatrix matrix,
                      void* user_data, N_Vector, N_Vector, N_Vector) noexcept {
    auto& integrator = *static_cast<CvodeIntegrator*>(user_data);
    return guarded(user_data, "Jacobian", time_s, true, [&](OdeSystem& system) {
      SUNMatZero(matrix);
      integrator.sundials_->restore_pattern(matrix);
      JacobianMatrix jacobian(matrix);
      system.jacobian(time_s, view(state), view(derivative), jacobian);
    });
  }

  static int roots(sunrealtype time_s, N_Vector state, sunrealtype* values,
                   void* user_data) noexcept {
    auto& integrator = *static_cast<CvodeIntegrator*>(user_data);
    const std::size_t count = integrator.system_.root_count();
    return guarded(user_data, "root function", time_s, false, [&](OdeSystem& system) {
      system.roots(time_s, view(state), std::span<double>(values, count));
    });
  }

  static void error_handler(int, const char*, const char* function, char* message,
                            void* user_data) noexcept {
    try {
      static_cast<CvodeIntegrator*>(user_data)->cvode_message_ =
          fmt::format("{}: {}", function, message);
    } catch (...) {
    }
  }
};

// ---------------------------------------------------------------------------
// CvodeIntegrator

void CvodeIntegrator::check(int flag, const char* function) const {
  if (flag < 0) {
    throw std::runtime_error(fmt::format("SUNDIALS setup failed: {} returned {} ({})", function,
                                         flag_name(flag), cvode_message_));
  }
}

CvodeIntegrator::CvodeIntegrator(OdeSystem& system, double initial_time_s,
                                 std::span<const double> initial_state,
                                 const CvodeSettings& settings)
    : system_(system), sundials_(std::make_unique<Sundials>()), time_s_(initial_time_s) {
  const std::size_t n = system.size();
  if (n == 0 || initial_state.size() != n) {
    throw std::invalid_argument(
        fmt::format("CvodeIntegrator: the system has {} components but the initial state {}", n,
                    initial_state.size()));
  }
  if (!(settings.relative_tolerance > 0.0) || settings.absolute_tolerances.empty() ||
      (settings.absolute_tolerances.size() != 1 && settings.absolute_tolerances.size() != n) ||
      std::any_of(settings.absolute_tolerances.begin(), settings.absolute_tolerances.end(),
                  [](double a) { return !(a >= 0.0); })) {
    throw std::invalid_argument(
        "CvodeIntegrator: relative tolerance must be positive and absolute tolerances "
        "non-negative, one for all components or one per component");
  }
  if (settings.max_steps <= 0) {
    throw std::invalid_argument(
        fmt::format("CvodeIntegrator: max_steps must be positive, got {}", settings.max_steps));
  }

  Sundials& s = *sundials_;
  SUNContext context = nullptr;
  if (SUNContext_Create(nullptr, &context) != 0) {
    throw std::runtime_error("SUNDIALS: SUNContext_Create failed");
  }
  s.context.reset(context);

  const auto length = static_cast<sunindextype>(n);
  s.state.reset(N_VNew_Serial(length, context));
  s.absolute_tolerances.reset(N_VNew_Serial(length, context));
  if (!s.state || !s.absolute_tolerances) throw std::bad_alloc();
  // Before CVodeInit: CVODE's own vectors are clones of the state and inherit its operations.
  detail::install_optimised_vector_operations(s.state.get());
  detail::install_optimised_vector_operations(s.absolute_tolerances.get());
  std::copy(initial_state.begin(), initial_state.end(), view(s.state.get()).begin());
  auto tolerances = view(s.absolute_tolerances.get());
  for (std::size_t i = 0; i < n; ++i) {
    tolerances[i] = settings.absolute_tolerances[settings.absolute_tolerances.size() == 1 ? 0 : i];
  }

  s.cvode.reset(CVodeCreate(CV_BDF, context));
  if (!s.cvode) throw std::runtime_error("SUNDIALS: CVodeCreate failed");
  void* cvode = s.cvode.get();
  check(CVodeSetErrHandlerFn(cvode, &CvodeCallbacks::error_handler, this), "CVodeSetErrHandlerFn");
  check(CVodeInit(cvode, &CvodeCallbacks::right_hand_side, initial_time_s, s.state.get()),
        "CVodeInit");
  check(CVodeSetUserData(cvode, this), "CVodeSetUserData");
  check(CVodeSVtolerances(cvode, settings.relative_tolerance, s.absolute_tolerances.get()),
        "CVodeSVtolerances");
  max_steps_ = settings.max_steps;
  if (settings.max_step_s > 0.0) set_max_step(settings.max_step_s);
  if (settings.initial_step_s > 0.0) {
    check(CVodeSetInitStep(cvode, settings.initial_step_s), "CVodeSetInitStep");
  }

  if (system.root_count() > 0) {
    check(CVodeRootInit(cvode, static_cast<int>(system.root_count()), &CvodeCallbacks::roots),
          "CVodeRootInit");
    std::vector<int> directions = system.root_directions();
    if (directions.size() != system.root_count()) {
      throw std::invalid_argument("OdeSystem::root_directions: one direction per root function");
    }
    check(CVodeSetRootDirection(cvode, directions.data()), "CVodeSetRootDirection");
    check(CVodeSetNoInactiveRootWarn(cvode), "CVodeSetNoInactiveRootWarn");
  }

  const LinearSolverOptions& ls = settings.linear_solver;
  if (ls.kind == LinearSolverKind::dense) {
    s.matrix.reset(SUNDenseMatrix(length, length, context));
    if (!s.matrix) throw std::bad_alloc();
    s.linear_solver.reset(SUNLinSol_Dense(s.state.get(), s.matrix.get(), context));
  } else if (ls.kind == LinearSolverKind::sparse) {
    if (!system.has_jacobian()) {
      throw std::invalid_argument(
          "CvodeIntegrator: the sparse (KLU) linear solver needs the system's analytic Jacobian");
    }
    build_sparse_pattern(system.jacobian_pattern(), n);
    const auto nonzeros = static_cast<sunindextype>(s.pattern_columns.size());
    s.matrix.reset(SUNSparseMatrix(length, length, nonzeros, CSR_MAT, context));
    if (!s.matrix) throw std::bad_alloc();
    s.restore_pattern(s.matrix.get());
    detail::install_optimised_sparse_operations(s.matrix.get());
    s.linear_solver.reset(SUNLinSol_KLU(s.state.get(), s.matrix.get(), context));
  } else {
    if (ls.upper_bandwidth >= n || ls.lower_bandwidth >= n) {
      throw std::invalid_argument("CvodeIntegrator: bandwidths must be below the system size");
    }
    s.matrix.reset(SUNBandMatrix(length, static_cast<sunindextype>(ls.upper_bandwidth),
                                 static_cast<sunindextype>(ls.lower_bandwidth), context));
    if (!s.matrix) throw std::bad_alloc();
    s.linear_solver.reset(SUNLinSol_Band(s.state.get(), s.matrix.get(), context));
  }
  if (!s.linear_solver) throw std::runtime_error("SUNDIALS: could not create the linear solver");
  check(CVodeSetLinearSolver(cvode, s.linear_solver.get(), s.matrix.get()), "CVodeSetLinearSolver");
  if (system.has_jacobian()) {
    check(CVodeSetJacFn(cvode, &CvodeCallbacks::jacobian), "CVodeSetJacFn");
  }
}

CvodeIntegrator::~CvodeIntegrator() = default;

void CvodeIntegrator::build_sparse_pattern(std::vector<std::vector<std::size_t>> columns_of_row,
                                           std::size_t size) {
  if (columns_of_row.size() != size) {
    throw std::invalid_argument(
        fmt::format("OdeSystem::jacobian_pattern: {} rows for a system of {} components",
                    columns_of_row.size(), size));
  }
  Sundials& s = *sundials_;
  s.pattern_row_starts.assign(1, 0);
  s.pattern_columns.clear();
  for (std::size_t row = 0; row < size; ++row) {
    std::vector<std::size_t>& columns = columns_of_row[row];
    // SUNMatScaleAddI keeps the pattern only when every diagonal entry is in it.
    columns.push_back(row);
    std::sort(columns.begin(), columns.end());
    columns.erase(std::unique(columns.begin(), columns.end()), columns.end());
    if (columns.back() >= size) {
      throw std::invalid_argument(fmt::format(
          "OdeSystem::jacobian_pattern: row {} names column {} of {}", row, columns.back(), size));
    }
    for (const std::size_t column : columns) {
      s.pattern_columns.push_back(static_cast<sunindextype>(column));
    }
    s.pattern_row_starts.push_back(static_cast<sunindextype>(s.pattern_columns.size()));
  }
}

std::span<const double> CvodeIntegrator::state() const noexcept {
  return view(sundials_->state.get());
}

void CvodeIntegrator::set_stop_time(double time_s) {
  check(CVodeSetStopTime(sundials_->cvode.get(), time_s), "CVodeSetStopTime");
}

void CvodeIntegrator::set_max_step(double max_step_s) {
  if (!(max_step_s >= 0.0)) {
    throw std::invalid_argument(fmt::format("CvodeIntegrator: max step {} s", max_step_s));
  }
  // CVODE reads a zero as "no limit".
  check(CVodeSetMaxStep(sundials_->cvode.get(), max_step_s), "CVodeSetMaxStep");
}

void CvodeIntegrator::reinitialize(double time_s, std::span<const double> state) {
  if (state.size() != system_.size()) {
    throw std::invalid_argument("CvodeIntegrator::reinitialize: state has the wrong size");
  }
  // CVodeReInit zeroes CVODE's counters; the integrator's statistics and step
  // budget go on counting.
  counted_before_restart_ = statistics();
  std::copy(state.begin(), state.end(), view(sundials_->state.get()).begin());
  check(CVodeReInit(sundials_->cvode.get(), time_s, sundials_->state.get()), "CVodeReInit");
  time_s_ = time_s;
}

AdvanceResult CvodeIntegrator::advance_to(double time_s) {
  callback_exception_ = nullptr;
  callback_message_.clear();
  cvode_message_.clear();
  void* cvode = sundials_->cvode.get();
  // CVODE's mxstep counts per call; the budget is for the whole run.
  const long steps = statistics().steps;
  if (steps >= max_steps_) {
    cvode_message_ = fmt::format("the budget of {} steps (max_steps) is used up", max_steps_);
    throw_failure(CV_TOO_MUCH_WORK, time_s_);
  }
  check(CVodeSetMaxNumSteps(cvode, max_steps_ - steps), "CVodeSetMaxNumSteps");
  sunrealtype reached_s = time_s_;
  const int flag = CVode(cvode, time_s, sundials_->state.get(), &reached_s, CV_NORMAL);
  if (flag < 0) throw_failure(flag, reached_s);
  time_s_ = reached_s;

  AdvanceResult result;
  result.time_s = reached_s;
  if (flag == CV_ROOT_RETURN) {
    result.root_found = true;
    result.roots.assign(system_.root_count(), 0);
    check(CVodeGetRootInfo(cvode, result.roots.data()), "CVodeGetRootInfo");
  }
  return result;
}

void CvodeIntegrator::throw_failure(int flag, double time_reached_s) {
  void* cvode = sundials_->cvode.get();
  const std::size_t n = system_.size();
  std::vector<ComponentError> components;
  Owner<N_Vector, VectorDeleter> weights(N_VClone(sundials_->state.get()));
  Owner<N_Vector, VectorDeleter> errors(N_VClone(sundials_->state.get()));
  if (weights && errors && CVodeGetErrWeights(cvode, weights.get()) == CV_SUCCESS &&
      CVodeGetEstLocalErrors(cvode, errors.get()) == CV_SUCCESS) {
    const auto w = view(weights.get());
    const auto e = view(errors.get());
    const auto y = view(sundials_->state.get());
    for (std::size_t i = 0; i < n; ++i) {
      components.push_back({i, system_.component_name(i), y[i], std::abs(e[i] * w[i])});
    }
    std::sort(components.begin(), components.end(),
              [](const ComponentError& a, const ComponentError& b) {
                return a.weighted_error > b.weighted_error;
              });
    components.resize(std::min<std::size_t>(components.size(), 3));
  }

  const long steps = statistics().steps;
  std::string message = fmt::format("CVODE failed with {} at t = {:.6g} s after {} steps",
                                    flag_name(flag), time_reached_s, steps);
  if (flag == CV_TOO_MUCH_WORK) {
    message += fmt::format(" (max_steps = {} in total)", max_steps_);
  }
  if (!callback_message_.empty()) {
    message += "; " + callback_message_;
  } else if (!cvode_message_.empty()) {
    message += ": " + cvode_message_;
  }
  if (!components.empty()) {
    message += "; largest weighted local errors (error / tolerance):";
    for (std::size_t i = 0; i < components.size(); ++i) {
      const ComponentError& c = components[i];
      message += fmt::format("{} {} = {:.6g} ({:.3g})", i == 0 ? "" : ",", c.name, c.value,
                             c.weighted_error);
    }
  }
  time_s_ = time_reached_s;
  IntegrationError error(message, flag, flag_name(flag), time_reached_s, std::move(components));
  if (callback_exception_) {
    // Keeps the original exception reachable through std::rethrow_if_nested.
    try {
      std::rethrow_exception(callback_exception_);
    } catch (...) {
      std::throw_with_nested(error);
    }
  }
  throw error;
}

SolverStatistics CvodeIntegrator::statistics() const {
  void* cvode = sundials_->cvode.get();
  SolverStatistics s;
  CVodeGetNumSteps(cvode, &s.steps);
  CVodeGetNumRhsEvals(cvode, &s.rhs_evaluations);
  long fd_rhs = 0;
  CVodeGetNumLinRhsEvals(cvode, &fd_rhs);
  s.rhs_evaluations += fd_rhs;
  CVodeGetNumJacEvals(cvode, &s.jacobian_evaluations);
  CVodeGetNumLinSolvSetups(cvode, &s.linear_solver_setups);
  CVodeGetNumErrTestFails(cvode, &s.error_test_failures);
  CVodeGetNumNonlinSolvIters(cvode, &s.nonlinear_iterations);
  CVodeGetNumNonlinSolvConvFails(cvode, &s.nonlinear_convergence_failures);
  if (system_.root_count() > 0) CVodeGetNumGEvals(cvode, &s.root_evaluations);
  CVodeGetLastOrder(cvode, &s.last_order);
  CVodeGetLastStep(cvode, &s.last_step_s);
  const SolverStatistics& b = counted_before_restart_;
  s.steps += b.steps;
  s.rhs_evaluations += b.rhs_evaluations;
  s.jacobian_evaluations += b.jacobian_evaluations;
  s.linear_solver_setups += b.linear_solver_setups;
  s.error_test_failures += b.error_test_failures;
  s.nonlinear_iterations += b.nonlinear_iterations;
  s.nonlinear_convergence_failures += b.nonlinear_convergence_failures;
  s.root_evaluations += b.root_evaluations;
  if (s.steps == b.steps) {
    s.last_order = b.last_order;
    s.last_step_s = b.last_step_s;
  }
  return s;
}

}  // namespace filmtherm
