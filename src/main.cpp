#include "cli/app.hpp"

#include <csignal>
#include <sys/stat.h>

int main(int argc, char** argv) {
    ::umask(077); // complaint files hold personal data: new files and folders are private
    // Past `ulimit -f`, write() then fails with EFBIG and the write's own error path removes
    // its temporary file, instead of the signal killing us with the file left behind.
    ::signal(SIGXFSZ, SIG_IGN);
    return complaints::cli::run(argc, argv);
}
