// Our builds of SUNDIALS' serial N_Vector and sparse SUNMatrix operations
// (solver/src/sundials_kernels.h) against the library's own functions: the same inputs go to a
// vector (matrix) with the optimised operations installed and to one with the library's, and
// every result must be the same bit pattern.
//
// Why bitwise equality is the tolerance: the kernels promise the arithmetic of
// nvector_serial.c and sunmatrix_sparse.c in the same order. Each step is one IEEE-754 double
// operation (+, -, *, /, sqrt), correctly rounded, so the same operands in the same order give
// the same bits; a difference can only come from a reordered sum, an FMA contraction
// (impossible on the baseline x86-64 target, which has no FMA; this test catches it if the
// build ever enables FMA via -march) or a different special-case branch. Any looser tolerance
// would hide exactly those, and CVODE's step-size and order decisions would then drift from
// the library's (docs/performance.md: traces byte-identical before and after the kernels).
#include <gtest/gtest.h>

#include <nvector/nvector_serial.h>
#include <sundials/sundials_context.h>
#include <sunmatrix/sunmatrix_sparse.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <ostream>
#include <random>
#include <span>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "sundials_kernels.h"

namespace filmtherm {
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
using Context = std::unique_ptr<std::remove_pointer_t<SUNContext>, ContextDeleter>;
using Vector = std::unique_ptr<std::remove_pointer_t<N_Vector>, VectorDeleter>;
using Matrix = std::unique_ptr<std::remove_pointer_t<SUNMatrix>, MatrixDeleter>;

Context make_context() {
  SUNContext context = nullptr;
  if (SUNContext_Create(nullptr, &context) != 0) throw std::runtime_error("SUNContext_Create");
  return Context(context);
}

std::uint64_t bits(double value) {
  return std::bit_cast<std::uint64_t>(value);
}

::testing::AssertionResult same_bits(double optimised, double library) {
  if (bits(optimised) == bits(library)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << std::hexfloat << optimised << " (optimised) vs " << library << " (library)";
}

::testing::AssertionResult same_bits(std::span<const double> optimised,
                                     std::span<const double> library) {
  if (optimised.size() != library.size()) {
    return ::testing::AssertionFailure()
           << "lengths " << optimised.size() << " and " << library.size();
  }
  std::size_t differing = 0;
  std::size_t first = 0;
  for (std::size_t i = 0; i < optimised.size(); ++i) {
    if (bits(optimised[i]) != bits(library[i]) && differing++ == 0) first = i;
  }
  if (differing == 0) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << differing << " of " << optimised.size() << " elements differ, first [" << first
         << "]: " << std::hexfloat << optimised[first] << " (optimised) vs " << library[first]
         << " (library)";
}

// Zeros of both signs, +-1 and m 10^k of both signs with m in [1, 10) and k in
// [-max_exponent, max_exponent): all normal numbers for max_exponent <= 300.
std::vector<double> sample(std::size_t n, int max_exponent, std::uint64_t seed,
                           bool with_zeros = true) {
  std::mt19937_64 engine(seed);
  std::uniform_int_distribution<int> kind(0, 99);
  std::uniform_int_distribution<int> exponent(-max_exponent, max_exponent - 1);
  std::uniform_real_distribution<double> mantissa(1.0, 10.0);
  std::vector<double> values(n);
  for (double& v : values) {
    const int k = kind(engine);
    const double sign = (engine() & 1U) != 0 ? -1.0 : 1.0;
    if (with_zeros && k < 8) {
      v = sign * 0.0;
    } else if (k < 11) {
      v = sign;
    } else {
      v = sign * mantissa(engine) * std::pow(10.0, exponent(engine));
    }
  }
  return values;
}

// Uniform in [low, high): terms of one size, so every addition of a sum rounds and the
// order of the sum shows in the last bits.
std::vector<double> uniform(std::size_t n, double low, double high, std::uint64_t seed) {
  std::mt19937_64 engine(seed);
  std::uniform_real_distribution<double> distribution(low, high);
  std::vector<double> values(n);
  for (double& v : values) v = distribution(engine);
  return values;
}

std::vector<double> absolute(std::vector<double> values) {
  for (double& v : values) v = std::abs(v);
  return values;
}

std::span<double> values(N_Vector vector) {
  return {N_VGetArrayPointer(vector), static_cast<std::size_t>(N_VGetLength(vector))};
}

// ---------------------------------------------------------------------------
// Serial vectors

// An odd length, so vectorised loops also run their remainder.
constexpr std::size_t vector_length = 1001;

class SerialKernels : public ::testing::Test {
 protected:
  // The operands of one side: all with the optimised operations, or all with the library's.
  struct Side {
    Vector x, y, z;
  };

  Side make_side(bool optimised) {
    Side side;
    for (Vector* v : {&side.x, &side.y, &side.z}) {
      v->reset(N_VNew_Serial(vector_length, context_.get()));
      if (optimised) detail::install_optimised_vector_operations(v->get());
    }
    return side;
  }

  void set(Vector Side::*operand, std::span<const double> data) {
    std::copy(data.begin(), data.end(), values((optimised_.*operand).get()).begin());
    std::copy(data.begin(), data.end(), values((library_.*operand).get()).begin());
  }

  template <class Operation>
  void on_both_sides(Operation operation) {
    operation(optimised_);
    operation(library_);
  }

  ::testing::AssertionResult same(Vector Side::*operand) {
    return same_bits(values((optimised_.*operand).get()), values((library_.*operand).get()));
  }

  // Runs `operation(side, output)` into z, then in place into x, comparing each output.
  template <class Operation>
  void expect_same_out_of_place_and_in_place(Operation operation) {
    on_both_sides([&](Side& side) { operation(side, side.z.get()); });
    EXPECT_TRUE(same(&Side::z));
    on_both_sides([&](Side& side) { operation(side, side.x.get()); });
    EXPECT_TRUE(same(&Side::x));
  }

  Context context_ = make_context();
  Side optimised_ = make_side(true);
  Side library_ = make_side(false);
};

// The entries of a vector's operation table that the kernels replace.
auto replaced_operations(N_Vector vector) {
  const N_Vector_Ops o = vector->ops;
  return std::tuple(o->nvlinearsum, o->nvconst, o->nvprod, o->nvdiv, o->nvscale, o->nvabs, o->nvinv,
                    o->nvaddconst, o->nvmaxnorm, o->nvmaxnormlocal, o->nvwrmsnorm,
                    o->nvwsqrsumlocal, o->nvmin, o->nvminlocal);
}
constexpr std::size_t replaced_count = std::tuple_size_v<decltype(replaced_operations(nullptr))>;

// How many entries of two such tables are the same function.
template <class Table, std::size_t... i>
std::size_t equal_entries(const Table& a, const Table& b, std::index_sequence<i...>) {
  return ((std::get<i>(a) == std::get<i>(b) ? std::size_t{1} : std::size_t{0}) + ...);
}
std::size_t equal_entries(N_Vector a, N_Vector b) {
  return equal_entries(replaced_operations(a), replaced_operations(b),
                       std::make_index_sequence<replaced_count>{});
}

TEST_F(SerialKernels, InstallReplacesTheHotOperationsAndLeavesTheOthers) {
  const N_Vector optimised = optimised_.x.get();
  const N_Vector library = library_.x.get();
  EXPECT_EQ(library->ops->nvlinearsum, &N_VLinearSum_Serial);
  EXPECT_EQ(equal_entries(optimised, library), 0U);
  EXPECT_EQ(optimised->ops->nvdotprod, library->ops->nvdotprod);
  EXPECT_EQ(optimised->ops->nvwrmsnormmask, library->ops->nvwrmsnormmask);
  EXPECT_EQ(optimised->ops->nvlinearcombination, library->ops->nvlinearcombination);
  EXPECT_EQ(optimised->ops->nvclone, library->ops->nvclone);
}

TEST_F(SerialKernels, CloneCarriesTheOptimisedOperations) {
  const Vector clone(N_VClone(optimised_.x.get()));
  const Vector clone_of_clone(N_VClone(clone.get()));
  EXPECT_EQ(equal_entries(clone.get(), optimised_.x.get()), replaced_count);
  EXPECT_EQ(equal_entries(clone_of_clone.get(), optimised_.x.get()), replaced_count);
}

TEST_F(SerialKernels, LinearSumMatchesInEveryBranchAndAliasing) {
  enum class Aliasing { distinct, z_is_x, z_is_y, y_is_x };
  // 1 and -1 select the axpy, sum, difference and lin1/lin2 branches; equal and opposite
  // coefficients the scale-sum and scale-difference ones; 0.3 with 2.5 the general one.
  const std::vector<double> coefficients{1.0, -1.0, 2.5, -2.5, 0.3, 0.0};
  const std::vector<double> x = sample(vector_length, 300, 11);
  const std::vector<double> y = sample(vector_length, 300, 12);
  const std::vector<double> z = sample(vector_length, 300, 13);
  for (const double a : coefficients) {
    for (const double b : coefficients) {
      for (const Aliasing aliasing :
           {Aliasing::distinct, Aliasing::z_is_x, Aliasing::z_is_y, Aliasing::y_is_x}) {
        SCOPED_TRACE(::testing::Message() << "a = " << a << ", b = " << b << ", aliasing "
                                          << static_cast<int>(aliasing));
        set(&Side::x, x);
        set(&Side::y, y);
        set(&Side::z, z);
        on_both_sides([&](Side& side) {
          N_Vector vx = side.x.get(), vy = side.y.get(), vz = side.z.get();
          if (aliasing == Aliasing::z_is_x) vz = vx;
          if (aliasing == Aliasing::z_is_y) vz = vy;
          if (aliasing == Aliasing::y_is_x) vy = vx;
          N_VLinearSum(a, vx, b, vy, vz);
        });
        EXPECT_TRUE(same(&Side::x));
        EXPECT_TRUE(same(&Side::y));
        EXPECT_TRUE(same(&Side::z));
      }
    }
  }
}

TEST_F(SerialKernels, ConstMatches) {
  for (const double c : {0.0, -0.0, 1.0, -2.5e-300, 7.25e299}) {
    SCOPED_TRACE(c);
    set(&Side::z, sample(vector_length, 300, 21));
    on_both_sides([&](Side& side) { N_VConst(c, side.z.get()); });
    EXPECT_TRUE(same(&Side::z));
  }
}

TEST_F(SerialKernels, ProductMatches) {
  // Exponents within +-150: every product is a normal number.
  set(&Side::x, sample(vector_length, 150, 31));
  set(&Side::y, sample(vector_length, 150, 32));
  expect_same_out_of_place_and_in_place(
      [](Side& side, N_Vector z) { N_VProd(side.x.get(), side.y.get(), z); });
}

TEST_F(SerialKernels, QuotientMatches) {
  // Divisors without zeros, exponents within +-150: every quotient is a normal number.
  set(&Side::x, sample(vector_length, 150, 41));
  set(&Side::y, sample(vector_length, 150, 42, false));
  expect_same_out_of_place_and_in_place(
      [](Side& side, N_Vector z) { N_VDiv(side.x.get(), side.y.get(), z); });
}

TEST_F(SerialKernels, ScaleMatchesInPlaceAndOutOfPlace) {
  const std::vector<double> x = sample(vector_length, 300, 51);
  for (const double c : {1.0, -1.0, 0.37, 0.0}) {
    SCOPED_TRACE(c);
    set(&Side::x, x);
    set(&Side::z, sample(vector_length, 300, 52));
    expect_same_out_of_place_and_in_place(
        [&](Side& side, N_Vector z) { N_VScale(c, side.x.get(), z); });
  }
}

TEST_F(SerialKernels, AbsoluteValueMatches) {
  set(&Side::x, sample(vector_length, 300, 61));
  expect_same_out_of_place_and_in_place([](Side& side, N_Vector z) { N_VAbs(side.x.get(), z); });
}

TEST_F(SerialKernels, InverseMatches) {
  // No zeros; |x| in [1e-300, 1e300): every inverse is a normal number.
  set(&Side::x, sample(vector_length, 300, 71, false));
  expect_same_out_of_place_and_in_place([](Side& side, N_Vector z) { N_VInv(side.x.get(), z); });
}

TEST_F(SerialKernels, AddConstantMatches) {
  const std::vector<double> x = sample(vector_length, 300, 81);
  for (const double b : {0.0, 1.0, -2.5, 1e-300, 3e299}) {
    SCOPED_TRACE(b);
    set(&Side::x, x);
    expect_same_out_of_place_and_in_place(
        [&](Side& side, N_Vector z) { N_VAddConst(side.x.get(), b, z); });
  }
}

TEST_F(SerialKernels, MaxNormAndMinMatch) {
  const std::vector<std::vector<double>> cases{
      sample(vector_length, 300, 91), absolute(sample(vector_length, 300, 92)),
      std::vector<double>(vector_length, -0.0), std::vector<double>(vector_length, -3.0)};
  for (std::size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE(i);
    set(&Side::x, cases[i]);
    N_Vector o = optimised_.x.get(), l = library_.x.get();
    EXPECT_TRUE(same_bits(N_VMaxNorm(o), N_VMaxNorm(l)));
    EXPECT_TRUE(same_bits(N_VMaxNormLocal(o), N_VMaxNormLocal(l)));
    EXPECT_TRUE(same_bits(N_VMin(o), N_VMin(l)));
    EXPECT_TRUE(same_bits(N_VMinLocal(o), N_VMinLocal(l)));
  }
}

TEST_F(SerialKernels, WeightedNormsMatch) {
  struct Case {
    std::vector<double> x, w;
  };
  // Wide: |x w| <= 1e150, so the squares and their sum stay finite. Narrow: terms of one
  // size, where a sum in another order would differ in the last bits. Zero: the norm's
  // zero branch.
  const std::vector<Case> cases{
      {sample(vector_length, 100, 101), absolute(sample(vector_length, 50, 102, false))},
      {uniform(vector_length, -1.0, 1.0, 103), uniform(vector_length, 0.5, 2.0, 104)},
      {std::vector<double>(vector_length, 0.0), uniform(vector_length, 0.5, 2.0, 105)}};
  for (std::size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE(i);
    set(&Side::x, cases[i].x);
    set(&Side::y, cases[i].w);
    N_Vector ox = optimised_.x.get(), ow = optimised_.y.get();
    N_Vector lx = library_.x.get(), lw = library_.y.get();
    EXPECT_TRUE(same_bits(N_VWrmsNorm(ox, ow), N_VWrmsNorm(lx, lw)));
    EXPECT_TRUE(same_bits(N_VWSqrSumLocal(ox, ow), N_VWSqrSumLocal(lx, lw)));
  }
}

// ---------------------------------------------------------------------------
// Sparse matrices

constexpr sunindextype matrix_size = 40;

// The wire's arrow: tridiagonal plus the last row and column (the bias current couples
// every cell), CSR, optionally without the diagonal entry of one row.
struct Pattern {
  std::vector<sunindextype> row_starts{0};
  std::vector<sunindextype> columns;
};

Pattern arrow(sunindextype n, bool missing_diagonal) {
  Pattern pattern;
  for (sunindextype row = 0; row < n; ++row) {
    for (sunindextype column = 0; column < n; ++column) {
      const bool band = column + 1 >= row && column <= row + 1;
      const bool arrow_entry = row == n - 1 || column == n - 1;
      const bool removed = missing_diagonal && row == n / 2 && column == row;
      if ((band || arrow_entry) && !removed) pattern.columns.push_back(column);
    }
    pattern.row_starts.push_back(static_cast<sunindextype>(pattern.columns.size()));
  }
  return pattern;
}

// Unused storage (beyond the last row's end) holds marker values, the same on both sides, so
// that what an operation leaves there is compared too.
void fill_storage(SUNMatrix matrix) {
  std::fill_n(SM_DATA_S(matrix), SM_NNZ_S(matrix), 7.0);
  std::fill_n(SM_INDEXVALS_S(matrix), SM_NNZ_S(matrix), sunindextype{3});
  std::fill_n(SM_INDEXPTRS_S(matrix), SM_NP_S(matrix) + 1, sunindextype{0});
}

Matrix arrow_matrix(const Pattern& pattern, sunindextype spare, SUNContext context) {
  const auto used = static_cast<sunindextype>(pattern.columns.size());
  Matrix matrix(SUNSparseMatrix(matrix_size, matrix_size, used + spare, CSR_MAT, context));
  fill_storage(matrix.get());
  std::copy(pattern.row_starts.begin(), pattern.row_starts.end(), SM_INDEXPTRS_S(matrix.get()));
  std::copy(pattern.columns.begin(), pattern.columns.end(), SM_INDEXVALS_S(matrix.get()));
  const std::vector<double> entries = sample(pattern.columns.size(), 300, 201);
  std::copy(entries.begin(), entries.end(), SM_DATA_S(matrix.get()));
  return matrix;
}

::testing::AssertionResult same_matrix(SUNMatrix optimised, SUNMatrix library) {
  if (SM_ROWS_S(optimised) != SM_ROWS_S(library) ||
      SM_COLUMNS_S(optimised) != SM_COLUMNS_S(library) ||
      SM_SPARSETYPE_S(optimised) != SM_SPARSETYPE_S(library) ||
      SM_NP_S(optimised) != SM_NP_S(library) || SM_NNZ_S(optimised) != SM_NNZ_S(library)) {
    return ::testing::AssertionFailure() << "shapes or storage differ: NNZ " << SM_NNZ_S(optimised)
                                         << " vs " << SM_NNZ_S(library);
  }
  const auto nnz = static_cast<std::size_t>(SM_NNZ_S(optimised));
  const auto np = static_cast<std::size_t>(SM_NP_S(optimised));
  if (std::memcmp(SM_INDEXPTRS_S(optimised), SM_INDEXPTRS_S(library),
                  (np + 1) * sizeof(sunindextype)) != 0) {
    return ::testing::AssertionFailure() << "row starts differ";
  }
  if (std::memcmp(SM_INDEXVALS_S(optimised), SM_INDEXVALS_S(library), nnz * sizeof(sunindextype)) !=
      0) {
    return ::testing::AssertionFailure() << "column indices differ";
  }
  return same_bits({SM_DATA_S(optimised), nnz}, {SM_DATA_S(library), nnz});
}

struct SparseCase {
  bool missing_diagonal;
  sunindextype spare;
};

void PrintTo(const SparseCase& sparse_case, std::ostream* os) {
  *os << (sparse_case.missing_diagonal ? "one diagonal entry missing" : "full diagonal") << ", "
      << sparse_case.spare << " spare entries";
}

class SparseKernels : public ::testing::TestWithParam<SparseCase> {
 protected:
  Context context_ = make_context();
};

// The sequence of CVODE's linear-solver setup: save the Jacobian in a clone, then
// repeatedly restore it and form A = I + c J, then zero for the next Jacobian. A missing
// diagonal entry sends scale-add-identity to the library (in the spare storage, or with a
// reallocation when there is none), and the restores then copy into a matrix whose storage
// exceeds the pattern.
TEST_P(SparseKernels, CvodeSetupSequenceMatches) {
  const Pattern pattern = arrow(matrix_size, GetParam().missing_diagonal);
  const Matrix optimised = arrow_matrix(pattern, GetParam().spare, context_.get());
  const Matrix library = arrow_matrix(pattern, GetParam().spare, context_.get());
  detail::install_optimised_sparse_operations(optimised.get());

  const Matrix saved_optimised(SUNMatClone(optimised.get()));
  const Matrix saved_library(SUNMatClone(library.get()));
  fill_storage(saved_optimised.get());
  fill_storage(saved_library.get());
  EXPECT_EQ(saved_optimised->ops->copy, optimised->ops->copy);
  EXPECT_EQ(SUNMatCopy(optimised.get(), saved_optimised.get()),
            SUNMatCopy(library.get(), saved_library.get()));
  EXPECT_TRUE(same_matrix(saved_optimised.get(), saved_library.get()));

  for (const double c : {-0.37, -1.0, 1.0, 0.0, -2.5e-3}) {
    SCOPED_TRACE(c);
    EXPECT_EQ(SUNMatCopy(saved_optimised.get(), optimised.get()),
              SUNMatCopy(saved_library.get(), library.get()));
    EXPECT_TRUE(same_matrix(optimised.get(), library.get()));
    EXPECT_EQ(SUNMatScaleAddI(c, optimised.get()), SUNMatScaleAddI(c, library.get()));
    EXPECT_TRUE(same_matrix(optimised.get(), library.get()));
  }
  EXPECT_EQ(SUNMatZero(optimised.get()), SUNMatZero(library.get()));
  EXPECT_TRUE(same_matrix(optimised.get(), library.get()));
  EXPECT_EQ(SUNMatZero(saved_optimised.get()), SUNMatZero(saved_library.get()));
  EXPECT_TRUE(same_matrix(saved_optimised.get(), saved_library.get()));
}

INSTANTIATE_TEST_SUITE_P(ArrowPatterns, SparseKernels,
                         ::testing::Values(SparseCase{false, 0}, SparseCase{false, 5},
                                           SparseCase{true, 0}, SparseCase{true, 5}),
                         [](const ::testing::TestParamInfo<SparseCase>& info) {
                           return std::string(info.param.missing_diagonal ? "MissingDiagonal"
                                                                          : "FullDiagonal") +
                                  (info.param.spare > 0 ? "SpareStorage" : "ExactStorage");
                         });

class SparseCopy : public ::testing::Test {
 protected:
  void SetUp() override { detail::install_optimised_sparse_operations(optimised_.get()); }

  // Copies into a fresh target of each side made by `make_target`, and compares the return
  // codes and the targets.
  template <class MakeTarget>
  void expect_same_copy(MakeTarget make_target) {
    const Matrix target_optimised = make_target();
    const Matrix target_library = make_target();
    fill_storage(target_optimised.get());
    fill_storage(target_library.get());
    EXPECT_EQ(SUNMatCopy(optimised_.get(), target_optimised.get()),
              SUNMatCopy(library_.get(), target_library.get()));
    EXPECT_TRUE(same_matrix(target_optimised.get(), target_library.get()));
  }

  Context context_ = make_context();
  Pattern pattern_ = arrow(matrix_size, false);
  sunindextype used_ = static_cast<sunindextype>(pattern_.columns.size());
  Matrix optimised_ = arrow_matrix(pattern_, 0, context_.get());
  Matrix library_ = arrow_matrix(pattern_, 0, context_.get());
};

TEST_F(SparseCopy, IntoLargerStorageZeroesTheRest) {
  expect_same_copy([&] {
    return Matrix(SUNSparseMatrix(matrix_size, matrix_size, used_ + 7, CSR_MAT, context_.get()));
  });
}

TEST_F(SparseCopy, IntoSmallerStorageReallocatesLikeTheLibrary) {
  expect_same_copy([&] {
    return Matrix(SUNSparseMatrix(matrix_size, matrix_size, used_ - 3, CSR_MAT, context_.get()));
  });
}

TEST_F(SparseCopy, IntoAnotherShapeOrTypeFailsLikeTheLibrary) {
  expect_same_copy([&] {
    return Matrix(SUNSparseMatrix(matrix_size + 1, matrix_size, used_, CSR_MAT, context_.get()));
  });
  expect_same_copy([&] {
    return Matrix(SUNSparseMatrix(matrix_size, matrix_size, used_, CSC_MAT, context_.get()));
  });
}

TEST_F(SparseCopy, CloneCarriesTheOptimisedOperations) {
  const Matrix clone(SUNMatClone(optimised_.get()));
  const Matrix clone_of_clone(SUNMatClone(clone.get()));
  const Matrix library_clone(SUNMatClone(library_.get()));
  for (const SUNMatrix m : {clone.get(), clone_of_clone.get()}) {
    EXPECT_EQ(m->ops->zero, optimised_->ops->zero);
    EXPECT_EQ(m->ops->copy, optimised_->ops->copy);
    EXPECT_EQ(m->ops->scaleaddi, optimised_->ops->scaleaddi);
    EXPECT_EQ(m->ops->clone, optimised_->ops->clone);
  }
  EXPECT_EQ(library_->ops->copy, &SUNMatCopy_Sparse);
  EXPECT_EQ(library_clone->ops->copy, &SUNMatCopy_Sparse);
  EXPECT_NE(optimised_->ops->zero, library_->ops->zero);
  EXPECT_NE(optimised_->ops->copy, library_->ops->copy);
  EXPECT_NE(optimised_->ops->scaleaddi, library_->ops->scaleaddi);
  EXPECT_NE(optimised_->ops->clone, library_->ops->clone);
  EXPECT_EQ(optimised_->ops->matvec, library_->ops->matvec);
}

}  // namespace
}  // namespace filmtherm
