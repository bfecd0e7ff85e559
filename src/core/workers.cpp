// share_among_cores (register_files.hpp): one set of threads for the whole command, started
// when first needed and kept until it ends. A thread per batch would be started and stopped
// for every 2,048 complaints, and each stop gives its stack back to the system, which costs a
// virtual machine more than the reading it helped with.
#include "register_files.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <sched.h>
#include <system_error>
#include <thread>
#include <vector>

namespace complaints {

namespace {

/// Threads that read complaint files together: one per core, none for a handful of files. A
/// thread is woken in tens of microseconds and a file takes several to read and work out, so
/// 64 files are worth a thread: a batch of 2,048 with most of it finished, and left out,
/// still has a few hundred to read.
std::size_t readers_for(std::size_t files) {
    constexpr std::size_t files_per_reader = 64;
    return std::clamp<std::size_t>(files / files_per_reader, 1,
                                   std::max<std::size_t>(1, cores_to_use()));
}

/// Runs of items each thread takes, on average, from a share: enough that one thread woken
/// late is made up for by the others, few enough that the counter is rarely contended.
constexpr std::size_t runs_per_reader = 16;

/// The threads besides the caller's, each waiting for its part of the next job.
class Workers {
  public:
    explicit Workers(std::size_t count) {
        try {
            for (std::size_t part = 1; part <= count; ++part)
                threads_.emplace_back([this, part] { serve(part); });
        } catch (const std::system_error&) {
            // No more threads to be had (ulimit -u): with fewer, `run` does the rest itself.
        }
    }
    Workers(const Workers&) = delete;
    Workers& operator=(const Workers&) = delete;
    ~Workers() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        wake_.notify_all();
        for (auto& thread : threads_)
            thread.join();
    }

    /// Runs `job(part)` for every part below `parts`: part 0 on the caller, the others on the
    /// workers; returns when every part is done. One job at a time: a caller that finds the
    /// workers busy runs every part itself.
    void run(std::size_t parts, const std::function<void(std::size_t)>& job) {
        std::unique_lock one_job(running_, std::try_to_lock);
        if (!one_job || parts - 1 > threads_.size()) {
            for (std::size_t part = 0; part < parts; ++part)
                job(part);
            return;
        }
        {
            std::lock_guard lock(mutex_);
            job_ = &job, parts_ = parts, done_ = 0, ++generation_;
        }
        wake_.notify_all();
        job(0);
        std::unique_lock lock(mutex_);
        finished_.wait(lock, [&] { return done_ == parts_ - 1; });
        job_ = nullptr;
    }

  private:
    void serve(std::size_t part) {
        std::size_t seen = 0;
        std::unique_lock lock(mutex_);
        for (;;) {
            wake_.wait(lock, [&] { return stopping_ || generation_ != seen; });
            if (stopping_) return;
            seen = generation_;
            if (part >= parts_) continue;
            const auto* job = job_;
            lock.unlock();
            (*job)(part);
            lock.lock();
            if (++done_ == parts_ - 1) finished_.notify_one();
        }
    }

    std::mutex running_; ///< held while a job runs
    std::mutex mutex_;
    std::condition_variable wake_, finished_;
    const std::function<void(std::size_t)>* job_ = nullptr;
    std::size_t parts_ = 0, done_ = 0, generation_ = 0;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

} // namespace

std::size_t cores_to_use() {
    // The cores this process may run on (taskset, a container's cpuset), not every core the
    // machine has: threads beyond them would only take turns.
    cpu_set_t allowed;
    CPU_ZERO(&allowed);
    const int cores = ::sched_getaffinity(0, sizeof allowed, &allowed) == 0
                          ? CPU_COUNT(&allowed)
                          : static_cast<int>(std::thread::hardware_concurrency());
    return std::clamp<std::size_t>(static_cast<std::size_t>(std::max(cores, 1)), 1, 8);
}

void share_among_cores(std::size_t items, const std::function<void(std::size_t)>& work) {
    const std::size_t readers = readers_for(items);
    // Items are handed out in runs from one counter, not as a fixed share per thread: a thread
    // woken late, or slowed by the rest of the machine, takes fewer runs and the others more,
    // so no core sits waiting for the slowest one's share.
    const std::size_t run = std::max<std::size_t>(1, items / (readers * runs_per_reader));
    std::atomic<std::size_t> next{0};
    std::vector<std::exception_ptr> failures(readers);
    auto share = [&](std::size_t part) {
        try {
            for (std::size_t from; (from = next.fetch_add(run)) < items;)
                for (std::size_t i = from; i < std::min(items, from + run); ++i)
                    work(i);
        } catch (...) {
            failures[part] = std::current_exception();
            next = items; // the others stop at the end of their run
        }
    };
    if (readers == 1) {
        share(0);
    } else {
        static Workers workers(cores_to_use() - 1);
        workers.run(readers, share);
    }
    for (const auto& failure : failures)
        if (failure) std::rethrow_exception(failure);
}

} // namespace complaints
