// `filmtherm sweep` as an MPI job (`mpirun -n N filmtherm sweep STUDY.yaml`):
// rank 0 reads the journals, hands out point indices one at a time to the
// ranks that ask (a rank that finishes a point sends its record and asks for
// the next), appends every record to the journal, runs points on its own
// worker threads as well (--jobs, default 1) and writes the table at the end.
// Every rank reads the study itself, so it must be on a file system all nodes
// see; a record whose parameter hash differs from rank 0's point (a study
// edited between the ranks' reads) is refused.
//
// Two executables implement run_sweep_across_ranks: filmtherm-mpi links MPI
// (sweep_mpi.cpp); filmtherm does not, and hands the process over to its
// sibling filmtherm-mpi with execv (sweep_mpi_handover.cpp), so that no other
// command pays for loading MPI. MPI is optional at build time: without
// filmtherm-mpi the hand-over says so.
#pragma once

#include <optional>

#include "filmtherm/sweep.h"

namespace filmtherm {

/// The number of ranks an MPI launcher (mpirun, srun with PMI) started, read
/// from the environment: 1 when not started by one, 0 when started by one
/// that does not say how many.
int mpi_ranks_from_environment();

/// Runs this process's part of an MPI job of `ranks` ranks (as
/// mpi_ranks_from_environment gives it, never 1) and returns its exit code
/// (rank 0's is the job's, as for run_sweep). std::nullopt: this build has no
/// MPI and the launcher did not say it started more than one rank, so the
/// caller runs the study locally. Throws SweepRequestError when more than one rank
/// was started and there is no MPI to share the work with.
std::optional<int> run_sweep_across_ranks(const SweepOptions& options, int ranks);

}  // namespace filmtherm
