// share_among_cores (src/core/workers.cpp): every item is done once, on whichever core takes
// it, whatever the number of items, and a failure is raised where the caller can see it.
#include "core/register_files.hpp"

#include <atomic>
#include <doctest/doctest.h>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace complaints;

namespace {

/// How many times `share_among_cores` did each of `items`.
std::vector<int> times_done(std::size_t items) {
    std::vector<std::atomic<int>> done(items);
    share_among_cores(items, [&](std::size_t i) { done[i].fetch_add(1); });
    return {done.begin(), done.end()};
}

} // namespace

TEST_SUITE_BEGIN("core::workers");

TEST_CASE("every item is done exactly once, for any number of items") {
    // Around the sizes where a second thread joins (128) and the runs handed out change length.
    for (std::size_t items : {0, 1, 2, 63, 127, 128, 129, 255, 1000, 2048, 10007}) {
        INFO(items);
        CHECK(times_done(items) == std::vector<int>(items, 1));
    }
}

TEST_CASE("a failure in one item is raised to the caller, and the cores serve the next call") {
    auto failing = [](std::size_t i) {
        if (i == 700) throw std::runtime_error("item 700 cannot be read");
    };
    CHECK_THROWS_WITH_AS(share_among_cores(5000, failing), "item 700 cannot be read",
                         std::runtime_error);
    CHECK(times_done(5000) == std::vector<int>(5000, 1));
}

TEST_CASE("two threads sharing at once each get every one of their items done") {
    // A second caller finds the cores busy and does its items itself: nothing is lost or
    // done twice, and neither waits for the other forever.
    std::vector<int> first, second;
    std::thread other([&] { first = times_done(20000); });
    second = times_done(20000);
    other.join();
    CHECK(first == std::vector<int>(20000, 1));
    CHECK(second == std::vector<int>(20000, 1));
}

TEST_SUITE_END();
