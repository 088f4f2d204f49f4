// OdeSystem's defaults, the JacobianMatrix view on a SUNDIALS dense or band
// matrix, and IntegrationError: the parts of cvode_integrator.h that do not
// drive CVODE.
#include <fmt/format.h>
#include <sunmatrix/sunmatrix_band.h>
#include <sunmatrix/sunmatrix_dense.h>

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
  if (i >= SM_ROWS_B(matrix) || j >= SM_COLUMNS_B(matrix) || i - j > SM_LBAND_B(matrix) ||
      j - i > SM_UBAND_B(matrix)) {
    throw std::out_of_range(fmt::format("Jacobian entry ({}, {}) outside the band", row, column));
  }
  SM_ELEMENT_B(matrix, i, j) = value;
}

std::size_t JacobianMatrix::size() const {
  SUNMatrix matrix = static_cast<SUNMatrix>(matrix_);
  return static_cast<std::size_t>(SUNMatGetID(matrix) == SUNMATRIX_DENSE ? SM_ROWS_D(matrix)
                                                                         : SM_ROWS_B(matrix));
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
