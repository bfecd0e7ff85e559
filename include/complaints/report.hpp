#pragma once
/// Counts and trends for the annual review: complaints by month, quarter, channel, category,
/// stage reached, outcome and remedy; on-time rate per milestone; how long acknowledging and
/// resolving took; repeat themes. Pure: fed one complaint at a time, no files, no clock.

#include "complaints/lifecycle.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace complaints {

/// One labelled count, e.g. {"2026-03", 4}.
struct Tally {
    std::string key;
    long count = 0;
};

/// How often staff met one milestone (by "stage/milestone") in time.
struct OnTime {
    std::string milestone; ///< "stage/milestone"
    std::string title;
    long on_time = 0; ///< met by the due moment
    long late = 0;    ///< met after it
    long missed = 0;  ///< still overdue, or the stage ended without it after it was due
    long measured() const { return on_time + late + missed; }
    /// on_time / measured, or nothing when nothing was measured.
    std::optional<double> rate() const;
};

/// Median and 90th percentile of a set of durations in days.
struct Spread {
    long count = 0;
    std::optional<double> median;
    std::optional<double> p90;
};

struct Report {
    std::optional<Day> from, to; ///< the received-date range asked for (inclusive)
    long total = 0;
    long open = 0;
    std::vector<Tally> by_month;   ///< "YYYY-MM", every month from the first to the last
    std::vector<Tally> by_quarter; ///< "YYYY-Qn", likewise
    std::vector<Tally> by_channel, by_category, by_severity, by_stage_reached, by_status,
        by_remedy;               ///< each most frequent first, then by key
    std::vector<OnTime> on_time; ///< in policy order (stage, then milestone)
    Spread days_to_acknowledge, days_to_resolve;
    std::vector<Tally> repeat_categories; ///< categories of two or more complaints
    std::vector<Tally> repeat_people;     ///< people named in two or more complaints
    long repeat_complainants = 0;         ///< complainants (by contact, else name) with two or more
};

/// The value below which `p` (0..1) of `values` fall, interpolating linearly between the
/// nearest ranks (as spreadsheets' PERCENTILE does); nothing for no values.
std::optional<double> percentile(std::vector<double> values, double p);

/// Builds a report one complaint at a time; memory grows only with the number of distinct
/// keys and durations, not with the complaints' text.
class ReportBuilder {
  public:
    ReportBuilder(std::optional<Day> from, std::optional<Day> to);

    /// Counts `complaint` (with its derived `state` under `policy`) if it was received in the
    /// range; `zone` decides the local day of receipt.
    void add(const Complaint& complaint, const ComplaintState& state, const Policy& policy,
             const date::time_zone* zone);

    Report finish() const;

  private:
    Report report_;
    std::map<std::string, long> month_, quarter_, channel_, category_, severity_, stage_, status_,
        remedy_, people_, complainants_;
    std::vector<double> acknowledge_, resolve_;
    std::map<std::string, std::size_t> on_time_index_;
    std::map<std::string, int> stage_order_; ///< stage id -> its place in its policy

    std::map<std::string, int> milestone_order_; ///< "stage/milestone" -> policy order
    void count_deadlines(const ComplaintState& state, const Policy& policy);
    void count_times(const Complaint& complaint);
};

} // namespace complaints
