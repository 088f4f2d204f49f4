// OdeSystem's defaults, the JacobianMatrix view on a SUNDIALS dense, band or
// sparse (CSR) matrix, and IntegrationError: the parts of cvode_integrator.h that do not
// drive CVODE.
#include <fmt/format.h>
#include <sundials/sundials_context.h>
#include <sunmatrix/sunmatrix_band.h>
#include <sunmatrix/sunmatrix_dense.h>
#include <sunmatrix/sunmatrix_sparse.h>

#include <algorithm>

#include "filmtherm/cvode_integrator.h"

namespace filmtherm {

// ---------------------------------------------------------------------------
// OdeSystem defaults

std::string OdeSystem::component_name(std::size_t index) const {
  return fmt::format("y[{}]", index);
}

void OdeSystem::jacobian(double, std::span<const double>, std::span<const double>,
                         JacobianMatrix&) {
  throw std::logic_error("OdeSystem::jacobian called but has_jacobian() is false");
}

void OdeSystem::roots(double, std::span<const double>, std::span<double>) {}

std::vector<std::vector<std::size_t>> OdeSystem::jacobian_pattern() const {
  throw std::logic_error(
      "the sparse linear solver needs OdeSystem::jacobian_pattern, which this system lacks");
}

std::vector<int> OdeSystem::root_directions() const {
  return std::vector<int>(root_count(), 0);
}

// ---------------------------------------------------------------------------
// JacobianMatrix

void JacobianMatrix::set(std::size_t row, std::size_t column, double value) {
  SUNMatrix matrix = static_cast<SUNMatrix>(matrix_);
  const auto i = static_cast<sunindextype>(row);
  const auto j = static_cast<sunindextype>(column);
  if (SUNMatGetID(matrix) == SUNMATRIX_DENSE) {
    if (i >= SM_ROWS_D(matrix) || j >= SM_COLUMNS_D(matrix)) {
      throw std::out_of_range(
          fmt::format("Jacobian entry ({}, {}) outside the matrix", row, column));
    }
    SM_ELEMENT_D(matrix, i, j) = value;
    return;
  }
  if (SUNMatGetID(matrix) == SUNMATRIX_SPARSE) {
    // CSR with sorted columns per row: the entry is found by bisection.
    if (i < SM_ROWS_S(matrix)) {
      const sunindextype* first = SM_INDEXVALS_S(matrix) + SM_INDEXPTRS_S(matrix)[i];
      const sunindextype* last = SM_INDEXVALS_S(matrix) + SM_INDEXPTRS_S(matrix)[i + 1];
      const sunindextype* found = std::lower_bound(first, last, j);
      if (found != last && *found == j) {
        SM_DATA_S(matrix)[found - SM_INDEXVALS_S(matrix)] = value;
        return;
      }
    }
    throw std::out_of_range(fmt::format(
        "Jacobian entry ({}, {}) outside the sparsity pattern the system declared", row, column));
  }
  if (i >= SM_ROWS_B(matrix) || j >= SM_COLUMNS_B(matrix) || i - j > SM_LBAND_B(matrix) ||
      j - i > SM_UBAND_B(matrix)) {
    throw std::out_of_range(fmt::format("Jacobian entry ({}, {}) outside the band", row, column));
  }
  SM_ELEMENT_B(matrix, i, j) = value;
}

std::size_t JacobianMatrix::size() const {
  SUNMatrix matrix = static_cast<SUNMatrix>(matrix_);
  switch (SUNMatGetID(matrix)) {
    case SUNMATRIX_DENSE:
      return static_cast<std::size_t>(SM_ROWS_D(matrix));
    case SUNMATRIX_SPARSE:
      return static_cast<std::size_t>(SM_ROWS_S(matrix));
    default:
      return static_cast<std::size_t>(SM_ROWS_B(matrix));
  }
}

std::vector<double> dense_jacobian(OdeSystem& system, double time_s, std::span<const double> state,
                                   std::span<const double> derivative) {
  const std::size_t n = system.size();
  SUNContext context = nullptr;
  if (SUNContext_Create(nullptr, &context) != 0) {
    throw std::runtime_error("SUNDIALS: SUNContext_Create failed");
  }
  SUNMatrix matrix =
      SUNDenseMatrix(static_cast<sunindextype>(n), static_cast<sunindextype>(n), context);
  std::vector<double> values(n * n, 0.0);
  try {
    if (matrix == nullptr) throw std::bad_alloc();
    SUNMatZero(matrix);
    JacobianMatrix jacobian(matrix);
    system.jacobian(time_s, state, derivative, jacobian);
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < n; ++j) {
        values[i * n + j] =
            SM_ELEMENT_D(matrix, static_cast<sunindextype>(i), static_cast<sunindextype>(j));
      }
    }
  } catch (...) {
    if (matrix != nullptr) SUNMatDestroy(matrix);
    SUNContext_Free(&context);
    throw;
  }
  SUNMatDestroy(matrix);
  SUNContext_Free(&context);
  return values;
}

// ---------------------------------------------------------------------------
// IntegrationError

IntegrationError::IntegrationError(const std::string& message, int flag, std::string flag_name,
                                   double time_reached_s, std::vector<ComponentError> worst)
    : std::runtime_error(message),
      flag_(flag),
      flag_name_(std::move(flag_name)),
      time_reached_s_(time_reached_s),
      worst_(std::move(worst)) {}

}  // namespace filmtherm
