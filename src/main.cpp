#include "cli/commands.hpp"

int main(int argc, char** argv) { return complaints::cli::run(argc, argv); }
