#include "cli/app.hpp"

#include <csignal>
#include <malloc.h>
#include <sys/stat.h>

int main(int argc, char** argv) {
    ::umask(077); // complaint files hold personal data: new files and folders are private
    // Past `ulimit -f`, write() then fails with EFBIG and the write's own error path removes
    // its temporary file, instead of the signal killing us with the file left behind.
    ::signal(SIGXFSZ, SIG_IGN);
    // A command reads the register in batches, freeing each before the next: keep the freed
    // memory for the next batch rather than give it back and fault it in again (a third of
    // list-overdue's time over 10,000 complaints; docs/PERFORMANCE.md). Peak memory is as it
    // was: only memory already used is kept.
    ::mallopt(M_TRIM_THRESHOLD, 256 << 20);
    ::mallopt(M_TOP_PAD, 64 << 20);
    return complaints::cli::run(argc, argv);
}
