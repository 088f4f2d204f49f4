// Private to the CVODE wrapper: our own builds of the SUNDIALS operations that CVODE calls at
// every step (the serial N_Vector's linear sum, scale, norms, ...) and at every linear-solver
// setup (the sparse SUNMatrix's zero, copy and scale-add-identity), installed into the
// objects' operation tables. Debian's SUNDIALS 6.4.1 is built at -O0, which made these loops a
// third of a 500-cell wire run (docs/performance.md, wire section); compiled with our flags
// they perform the arithmetic of nvector_serial.c and sunmatrix_sparse.c in the same order, so
// CVODE's results stay bit for bit those of the library's own operations
// (tests/solver/test_sundials_kernels.cpp checks this against the library).
#pragma once

#include <sundials/sundials_matrix.h>
#include <sundials/sundials_nvector.h>

namespace filmtherm::detail {

/// Replaces the hot operations of a serial N_Vector (NVECTOR_SERIAL, from N_VNew_Serial) in
/// its operation table: linear sum, constant, product, quotient, scale, abs, inverse, add
/// constant, max norm, WRMS norm, weighted square sum and min (their "local" variants
/// included). The others (dot products, masks, constraints, fused operations) stay the
/// library's. N_VClone copies the table, so install before CVODE clones the vector.
void install_optimised_vector_operations(N_Vector vector);

/// Replaces zero, copy, scale-add-identity and clone of a sparse SUNMatrix (SUNMATRIX_SPARSE)
/// in its operation table; a clone gets the same operations. Cases the replacements do not
/// cover (another shape or type, too little storage, a missing diagonal entry) go to the
/// library's functions.
void install_optimised_sparse_operations(SUNMatrix matrix);

}  // namespace filmtherm::detail
