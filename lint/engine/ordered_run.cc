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
  std::size_t next = 0;     // the next input a worker takes
  std::size_t emitted = 0;  // results handed to emit so far
  bool emitting = false;    // a worker is handing results over
  // Input i goes to slot i % window, free once input i - window is emitted.
  // No thread of its own hands results over: the worker that leaves the
  // next result in line does, with any that follow it, while the others
  // go on linting. --jobs 2 is then two threads on two cores, not three,
  // and no thread sleeps and wakes once per file.
  auto worker = [&](unsigned w) {
    std::unique_lock lock(mutex);
    for (;;) {
      slot_free.wait(lock, [&] { return next >= run.count || next < emitted + window; });
      if (next >= run.count) return;
      const std::size_t i = next++;
      lock.unlock();
      FileReport report = run.lint(i, w);
      lock.lock();
      ring[i % window] = std::move(report);
      if (emitting) continue;  // the worker handing over takes this one too
      emitting = true;
      while (ring[emitted % window].has_value()) {
        FileReport ready = std::move(*ring[emitted % window]);
        ring[emitted % window].reset();
        ++emitted;
        lock.unlock();
        slot_free.notify_all();
        run.emit(std::move(ready));
        lock.lock();
      }
      emitting = false;
    }
  };
  std::vector<std::thread> threads;
  for (unsigned w = 1; w < run.jobs; ++w)
    threads.emplace_back(worker, w);
  worker(0);  // the calling thread is a worker too
  for (std::thread& t : threads)
    t.join();
}

}  // namespace digestlint
