#pragma once
/// The entry point every fuzz target defines: libFuzzer calls it, and replay_main.cpp calls it
/// for each saved input in ordinary builds.

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
