// CvodeIntegrator: SUNDIALS CVODE (BDF with Newton iteration) behind a C++
// interface. An OdeSystem supplies the right-hand side, optionally an analytic
// Jacobian and root (event) functions; the integrator owns every SUNDIALS
// object (context, vectors, matrix, linear solver, CVODE memory) with RAII and
// frees them in reverse order. The C callbacks are trampolines that never let
// an exception through: an exception inside a callback becomes a SUNDIALS
// return code (+1 recoverable, -1 fatal), its message is kept, and it is
// re-thrown as an IntegrationError once CVode has returned. Every CVODE failure
// becomes an IntegrationError naming the CVODE flag, the time reached and the
// components with the largest weighted local error. Dense, banded and sparse
// (SuiteSparse KLU, compressed-sparse-row) linear solvers are offered; for the
// sparse one the system declares its Jacobian's pattern once and CVODE's
// matrix keeps that pattern for the whole run.
#pragma once

#include <cstddef>
#include <exception>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace filmtherm {

/// A write-only view of the Jacobian matrix that CVODE passes to
/// OdeSystem::jacobian; hides whether it is stored dense, banded or sparse.
class JacobianMatrix {
 public:
  explicit JacobianMatrix(void* sundials_matrix) noexcept : matrix_(sundials_matrix) {}
  /// Sets d f_row / d y_column. For a banded matrix the entry must lie in the
  /// band, for a sparse one in the pattern the system declared
  /// (OdeSystem::jacobian_pattern); otherwise throws std::out_of_range.
  void set(std::size_t row, std::size_t column, double value);
  std::size_t size() const;

 private:
  void* matrix_;  // SUNMatrix
};

/// Thrown inside an OdeSystem callback to ask CVODE for a smaller step
/// (for example a trial state with a negative temperature). CVODE retries;
/// std::domain_error is treated the same way. Any other exception is fatal.
class RecoverableOdeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// dy/dt = f(t, y), with optional Jacobian and root functions g(t, y).
class OdeSystem {
 public:
  virtual ~OdeSystem() = default;

  /// Number of state components.
  virtual std::size_t size() const = 0;
  /// Name of component i for messages ("T_e"); the default is "y[i]".
  virtual std::string component_name(std::size_t index) const;

  /// Writes f(t, y) into `derivative`.
  virtual void right_hand_side(double time_s, std::span<const double> state,
                               std::span<double> derivative) = 0;

  /// True when jacobian() is implemented; otherwise CVODE uses finite differences.
  virtual bool has_jacobian() const { return false; }
  /// Fills J_ij = d f_i / d y_j; entries not set are zero. `derivative` is f(t, y).
  virtual void jacobian(double time_s, std::span<const double> state,
                        std::span<const double> derivative, JacobianMatrix& jacobian);
  /// For LinearSolverKind::sparse: the columns j of each row i where J_ij may
  /// be nonzero (any order, repeats allowed; the diagonal is always added).
  /// Read once, when the integrator is built; jacobian() may set only these
  /// entries. The default throws std::logic_error.
  virtual std::vector<std::vector<std::size_t>> jacobian_pattern() const;

  /// Number of root functions; CVode stops where one changes sign.
  virtual std::size_t root_count() const { return 0; }
  /// Writes g_k(t, y), k < root_count().
  virtual void roots(double time_s, std::span<const double> state, std::span<double> values);
  /// Direction per root function: +1 rising only, -1 falling only, 0 both (the default).
  virtual std::vector<int> root_directions() const;
};

/// dense: SUNDIALS' own dense LU; banded: band LU with the bandwidths
/// below; sparse: SuiteSparse KLU on a compressed-sparse-row matrix with the
/// system's jacobian_pattern() (needs an analytic Jacobian, since CVODE's
/// difference quotients do not fill sparse matrices).
enum class LinearSolverKind { dense, banded, sparse };

/// The system's own analytic Jacobian d f_i/d y_j at (t, y), row-major
/// (n x n), filled through OdeSystem::jacobian as CVODE would; `derivative`
/// is f(t, y). For checking an analytic Jacobian against difference
/// quotients. Throws what the system throws.
std::vector<double> dense_jacobian(OdeSystem& system, double time_s, std::span<const double> state,
                                   std::span<const double> derivative);

struct LinearSolverOptions {
  LinearSolverKind kind = LinearSolverKind::dense;
  std::size_t upper_bandwidth = 0;  ///< banded only
  std::size_t lower_bandwidth = 0;  ///< banded only
};

struct CvodeSettings {
  double relative_tolerance = 1e-8;
  /// One per component, or a single value for all.
  std::vector<double> absolute_tolerances{1e-12};
  long max_steps = 100000;      ///< in total, over the integrator's life
  double max_step_s = 0.0;      ///< 0: unlimited
  double initial_step_s = 0.0;  ///< 0: CVODE's estimate
  LinearSolverOptions linear_solver;
};

/// Counters from CVODE, cumulative since construction (across reinitialisations).
struct SolverStatistics {
  long steps = 0;
  long rhs_evaluations = 0;  ///< including those for finite-difference Jacobians
  long jacobian_evaluations = 0;
  long linear_solver_setups = 0;
  long error_test_failures = 0;
  long nonlinear_iterations = 0;
  long nonlinear_convergence_failures = 0;
  long root_evaluations = 0;
  int last_order = 0;
  double last_step_s = 0.0;
};

/// One component's share in a failed step: its estimated local error divided
/// by its error weight (1 / (rtol |y| + atol)); CVODE needs this below 1.
struct ComponentError {
  std::size_t index = 0;
  std::string name;
  double value = 0.0;           ///< the component's value when CVODE stopped
  double weighted_error = 0.0;  ///< |local error| * weight
};

/// CVODE could not continue. The message names the CVODE flag, the time
/// reached, and the components with the largest weighted local error; when a
/// callback threw, it also carries that exception's message (and the
/// exception itself as the nested one).
class IntegrationError : public std::runtime_error {
 public:
  IntegrationError(const std::string& message, int flag, std::string flag_name,
                   double time_reached_s, std::vector<ComponentError> worst_components);
  int flag() const noexcept { return flag_; }
  const std::string& flag_name() const noexcept { return flag_name_; }
  double time_reached_s() const noexcept { return time_reached_s_; }
  /// Largest weighted local errors first.
  const std::vector<ComponentError>& worst_components() const noexcept { return worst_; }

 private:
  int flag_;
  std::string flag_name_;
  double time_reached_s_;
  std::vector<ComponentError> worst_;
};

/// How a call of advance_to ended.
struct AdvanceResult {
  double time_s = 0.0;
  bool root_found = false;
  /// Per root function: +1 rising through zero, -1 falling, 0 not at a root.
  std::vector<int> roots;
};

class CvodeIntegrator {
 public:
  /// Creates CVODE for `system` starting at (initial_time_s, initial_state).
  /// `system` must outlive the integrator. Throws std::invalid_argument for
  /// bad settings and std::runtime_error when SUNDIALS refuses a setup call.
  CvodeIntegrator(OdeSystem& system, double initial_time_s, std::span<const double> initial_state,
                  const CvodeSettings& settings);
  ~CvodeIntegrator();
  CvodeIntegrator(const CvodeIntegrator&) = delete;
  CvodeIntegrator& operator=(const CvodeIntegrator&) = delete;

  /// Integrates towards `time_s`; returns early at a root (call again to go on).
  /// Throws IntegrationError on failure.
  AdvanceResult advance_to(double time_s);

  /// CVODE never steps past `time_s` (for a discontinuity or a pulse edge).
  void set_stop_time(double time_s);
  /// Upper bound on the step size; 0 removes it.
  void set_max_step(double max_step_s);
  /// Restarts from a new state (after a jump or at a discontinuity of the
  /// right-hand side), keeping all settings, the statistics and the step budget.
  void reinitialize(double time_s, std::span<const double> state);

  double time_s() const noexcept { return time_s_; }
  /// The state at time_s().
  std::span<const double> state() const noexcept;
  SolverStatistics statistics() const;

 private:
  struct Sundials;
  friend struct CvodeCallbacks;

  [[noreturn]] void throw_failure(int flag, double time_reached_s);
  void build_sparse_pattern(std::vector<std::vector<std::size_t>> columns_of_row, std::size_t size);
  void check(int flag, const char* function) const;

  OdeSystem& system_;
  std::unique_ptr<Sundials> sundials_;
  long max_steps_ = 0;
  SolverStatistics counted_before_restart_;
  double time_s_ = 0.0;
  // A callback's exception and message, kept until CVode returns.
  std::exception_ptr callback_exception_;
  std::string callback_message_;
  std::string cvode_message_;  // the last message CVODE's error handler gave
};

}  // namespace filmtherm
