#include "cli/app.hpp"

#include <sys/stat.h>

int main(int argc, char** argv) {
    ::umask(077); // complaint files hold personal data: new files and folders are private
    return complaints::cli::run(argc, argv);
}
