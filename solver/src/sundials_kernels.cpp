#include "sundials_kernels.h"

#include <nvector/nvector_serial.h>
#include <sunmatrix/sunmatrix_sparse.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>

namespace filmtherm::detail {

namespace {

// Each function performs the arithmetic of nvector_serial.c in the same order, the special
// cases of N_VLinearSum included, so that CVODE's results are bit for bit those of the
// library's own operations: the WRMS norm keeps its sequential sum, and the build targets
// baseline x86-64, where a * x + y cannot be contracted into an FMA (with -march=x86-64-v3 it
// is, and test_sundials_kernels fails).
namespace serial_kernels {

using Data = std::span<double>;
Data data(N_Vector v) {
  return {NV_DATA_S(v), static_cast<std::size_t>(NV_LENGTH_S(v))};
}

// y <- a x + y
void axpy(sunrealtype a, N_Vector x, N_Vector y) {
  const Data xd = data(x), yd = data(y);
  if (a == 1.0) {
    for (std::size_t i = 0; i < xd.size(); ++i) yd[i] += xd[i];
  } else if (a == -1.0) {
    for (std::size_t i = 0; i < xd.size(); ++i) yd[i] -= xd[i];
  } else {
    for (std::size_t i = 0; i < xd.size(); ++i) yd[i] += a * xd[i];
  }
}

template <class Op>
void elementwise(N_Vector x, N_Vector y, N_Vector z, Op op) {
  const Data xd = data(x), yd = data(y), zd = data(z);
  for (std::size_t i = 0; i < xd.size(); ++i) zd[i] = op(xd[i], yd[i]);
}

template <class Op>
void elementwise(N_Vector x, N_Vector z, Op op) {
  const Data xd = data(x), zd = data(z);
  for (std::size_t i = 0; i < xd.size(); ++i) zd[i] = op(xd[i]);
}

void linear_sum(sunrealtype a, N_Vector x, sunrealtype b, N_Vector y, N_Vector z) {
  if (b == 1.0 && z == y) return axpy(a, x, y);
  if (a == 1.0 && z == x) return axpy(b, y, x);
  if (a == 1.0 && b == 1.0) return elementwise(x, y, z, [](double u, double v) { return u + v; });
  if (a == 1.0 && b == -1.0) return elementwise(x, y, z, [](double u, double v) { return u - v; });
  if (a == -1.0 && b == 1.0) return elementwise(y, x, z, [](double u, double v) { return u - v; });
  if (a == 1.0) return elementwise(y, x, z, [b](double u, double v) { return (b * u) + v; });
  if (b == 1.0) return elementwise(x, y, z, [a](double u, double v) { return (a * u) + v; });
  if (a == -1.0) return elementwise(y, x, z, [b](double u, double v) { return (b * u) - v; });
  if (b == -1.0) return elementwise(x, y, z, [a](double u, double v) { return (a * u) - v; });
  if (a == b) return elementwise(x, y, z, [a](double u, double v) { return a * (u + v); });
  if (a == -b) return elementwise(x, y, z, [a](double u, double v) { return a * (u - v); });
  elementwise(x, y, z, [a, b](double u, double v) { return (a * u) + (b * v); });
}

void scale(sunrealtype c, N_Vector x, N_Vector z) {
  if (z == x) {
    for (double& v : data(x)) v *= c;
  } else if (c == 1.0) {
    elementwise(x, z, [](double u) { return u; });
  } else if (c == -1.0) {
    elementwise(x, z, [](double u) { return -u; });
  } else {
    elementwise(x, z, [c](double u) { return c * u; });
  }
}

void set_constant(sunrealtype c, N_Vector z) {
  for (double& v : data(z)) v = c;
}
void product(N_Vector x, N_Vector y, N_Vector z) {
  elementwise(x, y, z, [](double u, double v) { return u * v; });
}
void quotient(N_Vector x, N_Vector y, N_Vector z) {
  elementwise(x, y, z, [](double u, double v) { return u / v; });
}
void absolute(N_Vector x, N_Vector z) {
  elementwise(x, z, [](double u) { return std::abs(u); });
}
void inverse(N_Vector x, N_Vector z) {
  elementwise(x, z, [](double u) { return 1.0 / u; });
}
void add_constant(N_Vector x, sunrealtype b, N_Vector z) {
  elementwise(x, z, [b](double u) { return u + b; });
}

sunrealtype weighted_square_sum(N_Vector x, N_Vector w) {
  const Data xd = data(x), wd = data(w);
  double sum = 0.0;
  for (std::size_t i = 0; i < xd.size(); ++i) {
    const double product = xd[i] * wd[i];
    sum += product * product;
  }
  return sum;
}
sunrealtype weighted_rms_norm(N_Vector x, N_Vector w) {
  const double mean_square = weighted_square_sum(x, w) / static_cast<double>(NV_LENGTH_S(x));
  return mean_square <= 0.0 ? 0.0 : std::sqrt(mean_square);
}
sunrealtype max_norm(N_Vector x) {
  double max = 0.0;
  for (const double v : data(x)) {
    if (std::abs(v) > max) max = std::abs(v);
  }
  return max;
}
sunrealtype minimum(N_Vector x) {
  const Data xd = data(x);
  double min = xd[0];
  for (std::size_t i = 1; i < xd.size(); ++i) {
    if (xd[i] < min) min = xd[i];
  }
  return min;
}

}  // namespace serial_kernels

// The sparse-matrix operations that CVODE's linear-solver interface calls at every setup
// (restore the saved Jacobian, then A = I - gamma J), with the arithmetic of
// sunmatrix_sparse.c. A case they do not cover (another shape, too little storage, a missing
// diagonal entry) goes to the library's function.
namespace sparse_kernels {

int zero(SUNMatrix a) {
  std::fill_n(SM_DATA_S(a), SM_NNZ_S(a), 0.0);
  std::fill_n(SM_INDEXVALS_S(a), SM_NNZ_S(a), sunindextype{0});
  std::fill_n(SM_INDEXPTRS_S(a), SM_NP_S(a) + 1, sunindextype{0});
  return SUNMAT_SUCCESS;
}

int copy(SUNMatrix a, SUNMatrix b) {
  const sunindextype used = SM_INDEXPTRS_S(a)[SM_NP_S(a)];
  if (SUNMatGetID(b) != SUNMATRIX_SPARSE || SM_ROWS_S(a) != SM_ROWS_S(b) ||
      SM_COLUMNS_S(a) != SM_COLUMNS_S(b) || SM_SPARSETYPE_S(a) != SM_SPARSETYPE_S(b) ||
      SM_NNZ_S(b) < used) {
    return SUNMatCopy_Sparse(a, b);
  }
  std::copy_n(SM_DATA_S(a), used, SM_DATA_S(b));
  std::fill(SM_DATA_S(b) + used, SM_DATA_S(b) + SM_NNZ_S(b), 0.0);
  std::copy_n(SM_INDEXVALS_S(a), used, SM_INDEXVALS_S(b));
  std::fill(SM_INDEXVALS_S(b) + used, SM_INDEXVALS_S(b) + SM_NNZ_S(b), sunindextype{0});
  std::copy_n(SM_INDEXPTRS_S(a), SM_NP_S(a) + 1, SM_INDEXPTRS_S(b));
  return SUNMAT_SUCCESS;
}

int scale_add_identity(sunrealtype c, SUNMatrix a) {
  const sunindextype* starts = SM_INDEXPTRS_S(a);
  const sunindextype* inner = SM_INDEXVALS_S(a);
  double* values = SM_DATA_S(a);
  const sunindextype diagonal = std::min(SM_ROWS_S(a), SM_COLUMNS_S(a));
  for (sunindextype j = 0; j < diagonal; ++j) {
    if (std::find(inner + starts[j], inner + starts[j + 1], j) == inner + starts[j + 1]) {
      return SUNMatScaleAddI_Sparse(c, a);
    }
  }
  for (sunindextype j = 0; j < diagonal; ++j) {
    for (sunindextype k = starts[j]; k < starts[j + 1]; ++k) {
      values[k] = inner[k] == j ? 1.0 + c * values[k] : c * values[k];
    }
  }
  return SUNMAT_SUCCESS;
}

// CVODE keeps the saved Jacobian in a clone, which the library would give its own operations.
SUNMatrix clone(SUNMatrix a) {
  SUNMatrix cloned = SUNMatClone_Sparse(a);
  if (cloned != nullptr) install_optimised_sparse_operations(cloned);
  return cloned;
}

}  // namespace sparse_kernels

}  // namespace

void install_optimised_vector_operations(N_Vector vector) {
  N_Vector_Ops ops = vector->ops;
  ops->nvlinearsum = &serial_kernels::linear_sum;
  ops->nvconst = &serial_kernels::set_constant;
  ops->nvprod = &serial_kernels::product;
  ops->nvdiv = &serial_kernels::quotient;
  ops->nvscale = &serial_kernels::scale;
  ops->nvabs = &serial_kernels::absolute;
  ops->nvinv = &serial_kernels::inverse;
  ops->nvaddconst = &serial_kernels::add_constant;
  ops->nvmaxnorm = &serial_kernels::max_norm;
  ops->nvmaxnormlocal = &serial_kernels::max_norm;
  ops->nvwrmsnorm = &serial_kernels::weighted_rms_norm;
  ops->nvwsqrsumlocal = &serial_kernels::weighted_square_sum;
  ops->nvmin = &serial_kernels::minimum;
  ops->nvminlocal = &serial_kernels::minimum;
}

void install_optimised_sparse_operations(SUNMatrix matrix) {
  matrix->ops->zero = &sparse_kernels::zero;
  matrix->ops->copy = &sparse_kernels::copy;
  matrix->ops->scaleaddi = &sparse_kernels::scale_add_identity;
  matrix->ops->clone = &sparse_kernels::clone;
}

}  // namespace filmtherm::detail
