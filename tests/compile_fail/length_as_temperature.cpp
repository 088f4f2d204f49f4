// A film thickness passed where a temperature is expected must not compile.
#include "filmtherm/units.h"

namespace {
double kelvin(filmtherm::Temperature temperature) {
  return temperature.value();
}
}  // namespace

double compile_fail_probe() {
  using namespace filmtherm::literals;
#ifdef FILMTHERM_COMPILE_FAIL_CONTROL
  return kelvin(5.0_K);
#else
  return kelvin(6.0_nm);
#endif
}
