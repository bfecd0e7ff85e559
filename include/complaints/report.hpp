#pragma once
/// Counts and trends for the annual review: complaints by month, quarter, channel, category,
/// stage reached, outcome and remedy; findings per stage and remedies per finding (what the
/// Housing Ombudsman's and LGSCO's codes ask of a self-assessment); for each milestone, how
/// often it was met in time and how long meeting it took, in the procedure's own terms; repeat
/// themes. It names the organisation and the policy versions it reports on, and no person
/// unless asked. Pure: fed one complaint at a time, no files, no clock.

#include "complaints/lifecycle.hpp"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace complaints {

/// One labelled count, e.g. {"2026-03", 4}.
struct Tally {
    std::string key;
    long count = 0;
};

/// Median and 90th percentile of a set of measurements (in the unit their owner states).
struct Spread {
    long count = 0;
    std::optional<double> median;
    std::optional<double> p90;
};

/// A policy version the report covers: one that counted complaints are pinned to, or the
/// register's own policy for new complaints.
struct PolicyCovered {
    std::string id;
    std::string version;
    std::string title;
    std::string organisation;
    long complaints = 0;  ///< counted complaints pinned to this version
    bool current = false; ///< the register's policy for new complaints
};

/// How the resolutions recorded in one stage were found.
struct StageFindings {
    std::string stage; ///< stage id
    std::string title;
    long resolutions = 0;
    std::vector<Tally> findings; ///< one per entry of `Report::findings`, in that order
};

/// The remedies of the resolutions with one finding.
struct FindingRemedies {
    std::string finding;
    long resolutions = 0;
    /// Most frequent first, then by name; "(none)" counts resolutions that gave no remedy.
    std::vector<Tally> remedies;
};

/// One staff milestone of one policy (its versions with the same limit together): how often
/// it was met in time, and how long meeting it took, measured from the milestone's own anchor
/// and counted as its deadline counts.
struct MilestoneFigures {
    std::string policy;                ///< policy id
    std::vector<std::string> versions; ///< the policy versions with this limit, in order
    std::string milestone;             ///< "stage/milestone"
    std::string title;
    std::string from; ///< what the limit counts from, as the policy names it ("receipt", ...)
    Period limit;     ///< the milestone's period, e.g. 10 working days
    /// What times are counted in: hours (elapsed), working days, or days for calendar days,
    /// weeks and months.
    Unit unit = Unit::days;
    bool repeats = false; ///< the milestone recurs (`every`): each occurrence is measured
    long on_time = 0;     ///< met by the due moment
    long late = 0;        ///< met after it
    long missed = 0;      ///< still overdue, or the stage ended without it after it was due
    Spread taken;         ///< from the anchor to the meeting event, in `unit`, over met deadlines
    long measured() const { return on_time + late + missed; }
    /// on_time / measured, or nothing when nothing was measured.
    std::optional<double> rate() const;
};

struct Report {
    std::optional<Day> from, to; ///< the received-date range asked for (inclusive)
    std::string organisation;    ///< the organisation of the register's policy
    /// The register's policy first, then every other version complaints are pinned to (by id
    /// and version).
    std::vector<PolicyCovered> policies;
    /// The latest covered version of each policy that is overdue for its own review as of the
    /// report's day (`review_overdue`).
    std::vector<std::string> review_warnings;
    long total = 0;
    long open = 0;
    std::vector<Tally> by_month;   ///< "YYYY-MM", every month from the first to the last
    std::vector<Tally> by_quarter; ///< "YYYY-Qn", likewise
    std::vector<Tally> by_channel, by_category, by_severity, by_stage_reached, by_status,
        by_remedy; ///< each most frequent first, then by key
    /// What resolutions found: the policies' findings in their order, then any others recorded
    /// (by name), then "(not recorded)" when a resolution gave none.
    std::vector<std::string> findings;
    /// Per stage (in policy order; every stage of the policies counted), the findings of the
    /// resolutions recorded while the complaint was in it.
    std::vector<StageFindings> findings_by_stage;
    std::vector<FindingRemedies> remedies_by_finding; ///< one per entry of `findings`
    std::vector<MilestoneFigures> milestones;         ///< by policy, then stage and milestone order
    /// From receipt to the last outcome of complaints no longer open, in calendar days: the
    /// complainant's whole wait across stages, which no one milestone's clock measures.
    Spread days_to_last_outcome;
    std::vector<Tally> repeat_categories; ///< categories of two or more complaints
    long repeat_people = 0;               ///< how many people are named in two or more
    /// Who they are, with how many complaints name them: only when names were asked for.
    std::vector<Tally> repeat_people_names;
    long repeat_complainants = 0; ///< complainants (by contact, else name) with two or more
};

/// The value below which `p` (0..1) of `values` fall, interpolating linearly between the
/// nearest ranks (as spreadsheets' PERCENTILE does); nothing for no values.
std::optional<double> percentile(std::vector<double> values, double p);

/// How long `deadline` (met) took, from its anchor to its meeting event, counted as its
/// milestone counts its period: elapsed hours (fractional) for hours; for working days, the
/// working days after the anchor's day up to and including the day it was met; for calendar
/// days, weeks and months, calendar days likewise. Where the milestone counts "beginning with"
/// the anchor day, that day is day 1; where it counts from the next working day, so does this.
/// Zero when it was met before its anchor.
double time_taken(const Deadline& deadline, const WorkingCalendar& calendar);

/// The unit `time_taken` measures a milestone of `period` in.
Unit measured_in(const Period& period);

/// What a report covers and what it may say.
struct ReportScope {
    std::optional<Day> from, to; ///< received on or after / on or before (both included)
    /// The report's moment: events after it are left out, and a policy whose review date is
    /// before its day is overdue for review.
    Instant as_of{};
    /// Whether the report may name the people named in more than one complaint; by default
    /// it says only how many there are (a report is shared more widely than the register).
    bool names = false;
};

/// Builds a report one complaint at a time; memory grows only with the number of distinct
/// keys and measurements, not with the complaints' text.
class ReportBuilder {
  public:
    /// `register_policy` is the register's policy for new complaints: the report names its
    /// organisation and it, even when no complaint is counted.
    ReportBuilder(const ReportScope& scope, const Policy& register_policy);

    /// Counts `complaint` (with its derived `state` under `policy`, whose calendar is
    /// `calendar`) if it was received in the range.
    void add(const Complaint& complaint, const ComplaintState& state, const Policy& policy,
             const WorkingCalendar& calendar);

    Report finish() const;

  private:
    /// A milestone's figures while counting, with every time taken.
    struct MilestoneTally {
        MilestoneFigures figures;
        std::vector<double> taken;
        int order = 0; ///< stage index * 1000 + milestone index, in its policy
    };
    /// What resolutions with one finding gave.
    struct FindingTally {
        long resolutions = 0;
        std::map<std::string, long> remedies;
    };

    ReportScope scope_;
    std::string register_policy_id_;
    Report report_;
    std::map<std::string, long> month_, quarter_, channel_, category_, severity_, stage_, status_,
        remedy_, people_, complainants_;
    std::vector<double> last_outcome_;
    std::map<std::pair<std::string, std::string>, PolicyCovered> policies_; ///< by id, version
    /// Per policy id: its latest version seen, and that version's review warning if overdue.
    std::map<std::string, std::pair<std::string, std::optional<std::string>>> reviews_;
    std::map<std::string, int> stage_order_;         ///< stage id -> its place in its policy
    std::map<std::string, std::string> stage_title_; ///< stage id -> its title
    std::vector<std::string> policy_findings_;       ///< the policies' findings, first seen first
    std::map<std::pair<std::string, std::string>, long> stage_findings_; ///< (stage, finding)
    std::map<std::string, long> stage_resolutions_;
    std::map<std::string, FindingTally> finding_remedies_;
    std::map<std::string, MilestoneTally> milestones_; ///< by policy, milestone and limit

    void cover(const Policy& policy, bool current);
    /// Counts the findings and remedies of every resolution; returns when the last one was.
    std::optional<Instant> count_resolutions(const Complaint& complaint, const Policy& policy);
    void count_milestones(const ComplaintState& state, const Policy& policy,
                          const WorkingCalendar& calendar);
    void finish_findings(Report& report) const;
    void finish_milestones(Report& report) const;
};

} // namespace complaints
