#include "engine/ordered_run.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace digestlint {

void run_in_order(const OrderedRun& run) {
  if (run.jobs <= 1 || run.count <= 1) {
    for (std::size_t i = 0; i < run.count; ++i)
      run.emit(run.lint(i, 0));
    return;
  }
  const std::size_t window = run.window > 0 ? run.window : std::size_t{4} * run.jobs;
  std::vector<std::optional<FileReport>> ring(window);
  std::mutex mutex;
  std::condition_variable slot_free;
  std::condition_variable ready;
  std::size_t next = 0;     // the next input a worker takes
  std::size_t emitted = 0;  // results handed to emit so far
  // Input i goes to slot i % window, free once input i - window is emitted.
  auto worker = [&](unsigned w) {
    for (;;) {
      std::size_t i = 0;
      {
        std::unique_lock lock(mutex);
        slot_free.wait(lock, [&] { return next >= run.count || next < emitted + window; });
        if (next >= run.count) return;
        i = next++;
      }
      FileReport report = run.lint(i, w);
      {
        const std::lock_guard lock(mutex);
        ring[i % window] = std::move(report);
      }
      ready.notify_one();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned w = 0; w < run.jobs; ++w)
    threads.emplace_back(worker, w);
  for (std::size_t e = 0; e < run.count; ++e) {
    std::optional<FileReport> report;
    {
      std::unique_lock lock(mutex);
      ready.wait(lock, [&] { return ring[e % window].has_value(); });
      report = std::move(ring[e % window]);
      ring[e % window].reset();
      emitted = e + 1;
    }
    slot_free.notify_all();
    run.emit(std::move(*report));
  }
  for (std::thread& t : threads)
    t.join();
}

}  // namespace digestlint
