// The FreeFEM plugin filmtherm.so: `load "filmtherm"` in a FreeFEM script adds
// functions that load a filmtherm material (filmthermMaterial, filmthermDevice,
// filmthermEscape, filmthermPhonons) and evaluate its properties with their
// slopes in SI units (ftCph, ftCe, ftPep, ftPesc, ftkappa, ...), the same set
// as the COMSOL library (docs/comsol.md); docs/fem.md is the user's side.
// FreeFEM identifiers cannot hold '_', hence the camel-case names. The
// registration idiom is FreeFEM's own (Global.Add with OneOperator*_ and
// LOADFUNC; FreeFEM documentation, "Developers: plugins"). A failure becomes
// ExecError with filmtherm's message, which FreeFEM reports as an execution
// error of the script (exit code 1) instead of crashing.
#include <ff++.hpp>

#include <string>

#include "freefem_material.h"

namespace {

using filmtherm::freefem::FreeFemMaterial;
using filmtherm::freefem::MaterialFunction;

// FreeFEM runs one script per process: one material for the process.
FreeFemMaterial& material() {
  static FreeFemMaterial loaded;
  return loaded;
}

void raise_if(const std::string& message, const char* function) {
  if (!message.empty()) ExecError(std::string("filmtherm: ") + function + ": " + message);
}

long material_from_library(string* const& library, string* const& name) {
  raise_if(material().load_library_material(*library, *name), "filmthermMaterial");
  return 0;
}

long material_from_device(string* const& device) {
  raise_if(material().load_device(*device), "filmthermDevice");
  return 0;
}

long escape_law(string* const& model, string* const& parameters) {
  raise_if(material().set_escape(*model, *parameters), "filmthermEscape");
  return 0;
}

long phonon_model(string* const& model) {
  raise_if(material().set_phonons(*model), "filmthermPhonons");
  return 0;
}

// One registered function per MaterialFunction; the name is the script's.
template <MaterialFunction F>
struct Function {
  static const char* name;
  static double at(double a, double b, double c) {
    double result = 0.0;
    raise_if(material().evaluate(F, a, b, c, &result), name);
    return result;
  }
  static double one(const double& t) { return at(t, 0.0, 0.0); }
  static double two(const double& a, const double& b) { return at(a, b, 0.0); }
  static double three(const double& a, const double& b, const double& c) { return at(a, b, c); }
};

#define FILMTHERM_NAME(F, text) \
  template <>                   \
  const char* Function<MaterialFunction::F>::name = text;
FILMTHERM_NAME(phonon_heat_capacity, "ftCph")
FILMTHERM_NAME(phonon_heat_capacity_slope, "ftdCphdT")
FILMTHERM_NAME(electron_heat_capacity, "ftCe")
FILMTHERM_NAME(electron_heat_capacity_slope, "ftdCedT")
FILMTHERM_NAME(electron_phonon_power, "ftPep")
FILMTHERM_NAME(electron_phonon_power_slope_electron, "ftdPepdTe")
FILMTHERM_NAME(electron_phonon_power_slope_phonon, "ftdPepdTph")
FILMTHERM_NAME(escape_power, "ftPesc")
FILMTHERM_NAME(escape_power_slope_phonon, "ftdPescdT")
FILMTHERM_NAME(escape_power_slope_bath, "ftdPescdTb")
FILMTHERM_NAME(thermal_conductivity, "ftkappa")
FILMTHERM_NAME(thermal_conductivity_slope, "ftdkappadT")
#undef FILMTHERM_NAME

template <MaterialFunction F>
void add_one() {
  Global.Add(Function<F>::name, "(", new OneOperator1_<double, double>(Function<F>::one));
}
template <MaterialFunction F>
void add_two() {
  Global.Add(Function<F>::name, "(", new OneOperator2_<double, double, double>(Function<F>::two));
}
template <MaterialFunction F>
void add_three() {
  Global.Add(Function<F>::name, "(",
             new OneOperator3_<double, double, double, double>(Function<F>::three));
}

void load_init() {
  using M = MaterialFunction;
  Global.Add("filmthermMaterial", "(",
             new OneOperator2_<long, string*, string*>(material_from_library));
  Global.Add("filmthermDevice", "(", new OneOperator1_<long, string*>(material_from_device));
  Global.Add("filmthermEscape", "(", new OneOperator2_<long, string*, string*>(escape_law));
  Global.Add("filmthermPhonons", "(", new OneOperator1_<long, string*>(phonon_model));
  add_two<M::phonon_heat_capacity>();
  add_two<M::phonon_heat_capacity_slope>();
  add_one<M::electron_heat_capacity>();
  add_one<M::electron_heat_capacity_slope>();
  add_two<M::electron_phonon_power>();
  add_two<M::electron_phonon_power_slope_electron>();
  add_two<M::electron_phonon_power_slope_phonon>();
  add_three<M::escape_power>();
  add_three<M::escape_power_slope_phonon>();
  add_three<M::escape_power_slope_bath>();
  add_one<M::thermal_conductivity>();
  add_one<M::thermal_conductivity_slope>();
}

}  // namespace

LOADFUNC(load_init)
