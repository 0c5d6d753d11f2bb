// Lints many files on worker threads and hands the results over in input
// order, as soon as each is next in line: a bounded reorder window keeps
// at most `window` results waiting, so memory does not grow with the
// number of files however uneven their sizes.
#pragma once

#include <cstddef>
#include <functional>

#include "output/report.h"

namespace digestlint {

struct OrderedRun {
  std::size_t count = 0;   // inputs, indexed 0..count-1
  unsigned jobs = 1;       // workers, the calling thread one of them (1: it alone)
  std::size_t window = 0;  // results waiting at most; 0: four per job
  // Lints input `index` on worker `worker` (0..jobs-1), for a per-worker
  // buffer; runs on the workers.
  std::function<FileReport(std::size_t index, unsigned worker)> lint;
  // Receives the results in index order, one at a time, on whichever
  // worker hands them over (the calling thread is one).
  std::function<void(FileReport&&)> emit;
};

void run_in_order(const OrderedRun& run);

}  // namespace digestlint
