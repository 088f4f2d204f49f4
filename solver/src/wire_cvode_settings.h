// The CVODE settings of a wire run, shared by ElectrothermalWire and
// DrivenWire so that a co-simulated wire resolves its cells exactly as
// `filmtherm run` does.
#pragma once

#include "filmtherm/cvode_integrator.h"
#include "filmtherm/device.h"
#include "filmtherm/wire_model.h"

namespace filmtherm {

/// The device's tolerance for the temperatures; the current, the bias-tee
/// voltage and the energy integrals are controlled mostly by the relative
/// tolerance, with absolute floors a thousandth of rtol times their natural
/// scales (I_b, R_L I_b, L_k I_b^2 / 2). Throws std::invalid_argument for the
/// banded solver, which the wire's pattern does not fit.
CvodeSettings wire_cvode_settings(const Device& device, const ElectrothermalWireSystem& system,
                                  LinearSolverKind kind);

}  // namespace filmtherm
