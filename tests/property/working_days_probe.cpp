// Reads "YYYY-MM-DD N" lines on stdin and prints, for each, the day that is N working days
// after that day in the England and Wales calendar (bank holidays; Monday to Friday, or the
// week given as a numpy weekmask such as 1111110 for Monday to Saturday), as
// WorkingCalendar::add_working_days counts them. Used by working_days_property.py, which
// compares the answers with an independent oracle.
//
// Usage: working_days_probe [WEEKMASK]

#include "complaints/calendar.hpp"

#include <iostream>
#include <sstream>
#include <string>

namespace {

using namespace complaints;

/// One answer line: the day, or "error: ..." for a line the probe cannot read.
std::string answer(const WorkingCalendar& calendar, const std::string& line) {
    std::istringstream words(line);
    std::string start_text;
    int count = 0;
    if (!(words >> start_text >> count)) return "error: expected 'YYYY-MM-DD N'";
    auto start = parse_day(start_text);
    if (!start) return "error: " + start.error().message;
    return format_day(calendar.add_working_days(*start, count));
}

} // namespace

int main(int argc, char** argv) {
    CalendarSpec spec;
    spec.division = Division::england_and_wales;
    if (argc > 1) {
        const std::string mask = argv[1];
        if (mask.size() != 7 || mask.find_first_not_of("01") != std::string::npos) {
            std::cerr << "working_days_probe: WEEKMASK is seven 0s and 1s, Monday first\n";
            return 2;
        }
        for (std::size_t i = 0; i < 7; ++i)
            spec.working_week[i] = mask[i] == '1';
    }
    auto calendar = WorkingCalendar::make(spec);
    if (!calendar) {
        std::cerr << calendar.error().message << '\n';
        return 3;
    }
    std::string line;
    while (std::getline(std::cin, line))
        std::cout << answer(*calendar, line) << '\n';
    return 0;
}
