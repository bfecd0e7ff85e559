#include "complaints/report.hpp"

#include "complaints/personal.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace complaints {

std::optional<double> MilestoneFigures::rate() const {
    if (measured() == 0) return std::nullopt;
    return static_cast<double>(on_time) / static_cast<double>(measured());
}

std::optional<double> percentile(std::vector<double> values, double p) {
    if (values.empty()) return std::nullopt;
    std::sort(values.begin(), values.end());
    const double rank = p * static_cast<double>(values.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(rank));
    const std::size_t above = std::min(below + 1, values.size() - 1);
    return values[below] + (rank - static_cast<double>(below)) * (values[above] - values[below]);
}

Unit measured_in(const Period& period) {
    if (period.unit == Unit::hours || period.unit == Unit::working_days) return period.unit;
    return Unit::days;
}

double time_taken(const Deadline& deadline, const WorkingCalendar& calendar) {
    if (!deadline.met_at || *deadline.met_at < deadline.anchor_at) return 0;
    const Milestone& milestone = *deadline.milestone;
    const Unit unit = measured_in(milestone.period);
    if (unit == Unit::hours)
        return std::chrono::duration<double>(*deadline.met_at - deadline.anchor_at).count() /
               3600.0;
    Day from = local_day(deadline.anchor_at, calendar.zone());
    if (milestone.counting.from_working_day) from = calendar.next_working_day_on_or_after(from);
    const Instant start = std::max(deadline.anchor_at, start_of_day(from, calendar.zone()));
    long count = elapsed(start, *deadline.met_at, unit, calendar).count;
    // "Beginning with" the anchor day: that day is day 1 (for working days, when it is one),
    // as the deadline counts it.
    const bool first_counts = unit == Unit::days || calendar.is_working_day(from);
    if (milestone.counting.beginning_with && first_counts && *deadline.met_at >= start) ++count;
    return static_cast<double>(count);
}

namespace {

constexpr const char* not_recorded = "(not recorded)";

std::string month_key(date::year_month ym) {
    return fmt::format("{:04}-{:02}", static_cast<int>(ym.year()),
                       static_cast<unsigned>(ym.month()));
}

std::string quarter_key(date::year_month ym) {
    return fmt::format("{:04}-Q{}", static_cast<int>(ym.year()),
                       (static_cast<unsigned>(ym.month()) - 1) / 3 + 1);
}

date::year_month month_of(Day day) {
    const date::year_month_day ymd{day};
    return ymd.year() / ymd.month();
}

/// Most frequent first, then by key.
std::vector<Tally> by_count(const std::map<std::string, long>& counts, long at_least = 1) {
    std::vector<Tally> out;
    for (const auto& [key, count] : counts)
        if (count >= at_least) out.push_back({key, count});
    std::stable_sort(out.begin(), out.end(),
                     [](const Tally& a, const Tally& b) { return a.count > b.count; });
    return out;
}

/// Every month (or quarter) from the first to the last with a count, gaps as zero.
std::vector<Tally> timeline(const std::map<std::string, long>& counts, date::year_month first,
                            date::year_month last, bool quarters) {
    std::vector<Tally> out;
    for (date::year_month ym = first; ym <= last; ym += date::months{1}) {
        const std::string key = quarters ? quarter_key(ym) : month_key(ym);
        if (!out.empty() && out.back().key == key) continue;
        const auto found = counts.find(key);
        out.push_back({key, found == counts.end() ? 0 : found->second});
    }
    return out;
}

/// The stage a complaint moves to with `escalation` from stage `current` (both indexes), as
/// the lifecycle applies it: the named stage, else the next; unchanged when there is none.
int stage_after(const Event& escalation, int current, const Policy& policy) {
    const int to = escalation.stage.empty() ? current + 1 : policy.stage_index(escalation.stage);
    return to >= 0 && to < static_cast<int>(policy.stages.size()) ? to : current;
}

/// Calls `visit(stage index, event)` for each event up to `as_of`, with the stage the
/// complaint was in when it was recorded (an escalation: the stage it entered).
template <typename Visit>
void walk_stages(const Complaint& c, const Policy& policy, Instant as_of, Visit visit) {
    int stage = policy.stage_index(policy.first_stage_for(c.severity, c.category).id);
    for (const Event& e : c.events) {
        if (e.at > as_of) break;
        if (e.type == event_type::escalated) stage = stage_after(e, stage, policy);
        visit(stage, e);
    }
}

/// The furthest stage (by index) the complaint was in by `as_of`.
int stage_reached(const Complaint& c, const Policy& policy, Instant as_of) {
    int reached = -1;
    walk_stages(c, policy, as_of,
                [&](int stage, const Event&) { reached = std::max(reached, stage); });
    return std::max(reached, policy.stage_index(policy.first_stage_for(c.severity, c.category).id));
}

/// Keys `m` apart from the same milestone of other policies, and of versions of its policy
/// that set another limit or count it differently.
std::string milestone_key(const Policy& policy, const Deadline& d) {
    const Milestone& m = *d.milestone;
    return fmt::format("{}\n{}/{}\n{}\n{}\n{}{}{}", policy.id, d.stage, m.id, describe(m.period),
                       anchor_name(m), m.counting.beginning_with, m.counting.from_working_day,
                       m.counting.roll_forward);
}

/// The local day of `as_of` where `policy` is (UTC when its zone is unknown).
Day today_for(const Policy& policy, Instant as_of) {
    auto zone = find_zone(policy.calendar.zone_name);
    return local_day(as_of, zone ? *zone : date::locate_zone("UTC"));
}

Spread spread_of(const std::vector<double>& values) {
    return {static_cast<long>(values.size()), percentile(values, 0.5), percentile(values, 0.9)};
}

} // namespace

ReportBuilder::ReportBuilder(const ReportScope& scope, const Policy& register_policy)
    : scope_(scope), register_policy_id_(register_policy.id) {
    report_.from = scope.from;
    report_.to = scope.to;
    report_.organisation = register_policy.organisation;
    cover(register_policy, true);
}

void ReportBuilder::cover(const Policy& policy, bool current) {
    auto [entry, added] = policies_.try_emplace({policy.id, policy.version});
    if (current) entry->second.current = true;
    if (!added) return;
    entry->second.id = policy.id;
    entry->second.version = policy.version;
    entry->second.title = policy.title;
    entry->second.organisation = policy.organisation;
    auto& review = reviews_[policy.id];
    if (review.first.empty() || policy.version > review.first)
        review = {policy.version, review_overdue(policy, today_for(policy, scope_.as_of))};
    for (const std::string& finding : policy.findings)
        if (std::find(policy_findings_.begin(), policy_findings_.end(), finding) ==
            policy_findings_.end())
            policy_findings_.push_back(finding);
    for (std::size_t i = 0; i < policy.stages.size(); ++i) {
        stage_order_.emplace(policy.stages[i].id, static_cast<int>(i));
        stage_title_.emplace(policy.stages[i].id, policy.stages[i].title);
    }
}

void ReportBuilder::add(const Complaint& c, const ComplaintState& state, const Policy& policy,
                        const WorkingCalendar& calendar) {
    const Day received = local_day(c.received, calendar.zone());
    if ((scope_.from && received < *scope_.from) || (scope_.to && received > *scope_.to)) return;
    cover(policy, false);
    ++policies_[{policy.id, policy.version}].complaints;
    ++report_.total;
    if (state.status == ComplaintStatus::open) ++report_.open;
    ++month_[month_key(month_of(received))];
    ++quarter_[quarter_key(month_of(received))];
    ++channel_[c.channel.empty() ? not_recorded : c.channel];
    ++category_[c.category.empty() ? not_recorded : c.category];
    ++severity_[c.severity.empty() ? not_recorded : c.severity];
    ++status_[status_name(state.status)];
    const int reached =
        std::max(stage_reached(c, policy, scope_.as_of), policy.stage_index(state.stage));
    if (reached >= 0) ++stage_[policy.stages[static_cast<std::size_t>(reached)].id];
    // An anonymised value names no one: counting it would make every anonymised complaint
    // about one and the same person.
    for (const auto& person : c.people)
        if (person != anonymised_marker) ++people_[person];
    const std::string& who = c.contact.empty() ? c.name : c.contact;
    if (!who.empty() && who != anonymised_marker) ++complainants_[who];
    const std::optional<Instant> outcome = count_resolutions(c, policy);
    // Only a complaint no longer open has had its last outcome.
    if (outcome &&
        (state.status == ComplaintStatus::resolved || state.status == ComplaintStatus::closed))
        last_outcome_.push_back(
            static_cast<double>(elapsed(c.received, *outcome, Unit::days, calendar).count));
    count_milestones(state, policy, calendar);
}

std::optional<Instant> ReportBuilder::count_resolutions(const Complaint& c, const Policy& policy) {
    std::optional<Instant> last_outcome;
    walk_stages(c, policy, scope_.as_of, [&](int stage, const Event& e) {
        if (e.type != event_type::resolved) return;
        last_outcome = e.at;
        const std::string& id = policy.stages[static_cast<std::size_t>(stage)].id;
        const std::string finding = e.finding.empty() ? not_recorded : e.finding;
        ++stage_resolutions_[id];
        ++stage_findings_[{id, finding}];
        FindingTally& tally = finding_remedies_[finding];
        ++tally.resolutions;
        if (e.remedies.empty()) ++tally.remedies["(none)"];
        for (const auto& remedy : e.remedies) {
            ++tally.remedies[remedy];
            ++remedy_[remedy];
        }
    });
    return last_outcome;
}

void ReportBuilder::count_milestones(const ComplaintState& state, const Policy& policy,
                                     const WorkingCalendar& calendar) {
    for (const Deadline& d : state.deadlines) {
        if (d.party != Party::staff) continue;
        auto [slot, added] = milestones_.try_emplace(milestone_key(policy, d));
        MilestoneTally& tally = slot->second;
        MilestoneFigures& figures = tally.figures;
        if (added) {
            const Milestone& m = *d.milestone;
            figures.policy = policy.id;
            figures.milestone = d.stage + "/" + m.id;
            figures.title = m.title;
            figures.from = anchor_name(m);
            figures.limit = m.period;
            figures.unit = measured_in(m.period);
            figures.repeats = m.every.has_value();
            const Stage* stage = policy.find_stage(d.stage);
            const auto place = stage ? d.milestone - stage->milestones.data() : 0;
            tally.order = policy.stage_index(d.stage) * 1000 + static_cast<int>(place);
        }
        auto& versions = figures.versions;
        if (std::find(versions.begin(), versions.end(), policy.version) == versions.end())
            versions.insert(std::upper_bound(versions.begin(), versions.end(), policy.version),
                            policy.version);
        if (d.state == DeadlineState::met) {
            ++(d.late ? figures.late : figures.on_time);
            tally.taken.push_back(time_taken(d, calendar));
        } else if (d.state == DeadlineState::overdue || d.state == DeadlineState::missed)
            ++figures.missed;
    }
}

void ReportBuilder::finish_findings(Report& r) const {
    r.findings = policy_findings_;
    for (const auto& [finding, tally] : finding_remedies_)
        if (finding != not_recorded &&
            std::find(r.findings.begin(), r.findings.end(), finding) == r.findings.end())
            r.findings.push_back(finding);
    if (finding_remedies_.count(not_recorded)) r.findings.push_back(not_recorded);
    std::vector<std::pair<int, std::string>> stages;
    for (const auto& [stage, order] : stage_order_)
        stages.emplace_back(order, stage);
    std::stable_sort(stages.begin(), stages.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    auto count_of = [](const auto& counts, const auto& key) {
        const auto found = counts.find(key);
        return found == counts.end() ? 0L : found->second;
    };
    for (const auto& [order, stage] : stages) {
        StageFindings row{stage, stage_title_.at(stage), count_of(stage_resolutions_, stage), {}};
        for (const std::string& finding : r.findings)
            row.findings.push_back({finding, count_of(stage_findings_, std::pair{stage, finding})});
        r.findings_by_stage.push_back(std::move(row));
    }
    for (const std::string& finding : r.findings) {
        const auto found = finding_remedies_.find(finding);
        if (found == finding_remedies_.end())
            r.remedies_by_finding.push_back({finding, 0, {}});
        else
            r.remedies_by_finding.push_back(
                {finding, found->second.resolutions, by_count(found->second.remedies)});
    }
}

void ReportBuilder::finish_milestones(Report& r) const {
    std::vector<const MilestoneTally*> tallies;
    for (const auto& entry : milestones_)
        tallies.push_back(&entry.second);
    auto rank = [&](const MilestoneTally* t) {
        return std::tuple(t->figures.policy != register_policy_id_, t->figures.policy, t->order,
                          t->figures.versions.front());
    };
    std::stable_sort(tallies.begin(), tallies.end(),
                     [&](const auto* a, const auto* b) { return rank(a) < rank(b); });
    for (const MilestoneTally* t : tallies) {
        r.milestones.push_back(t->figures);
        r.milestones.back().taken = spread_of(t->taken);
    }
}

Report ReportBuilder::finish() const {
    Report r = report_;
    for (const auto& [key, covered] : policies_)
        if (covered.current || covered.complaints > 0) r.policies.push_back(covered);
    std::stable_partition(r.policies.begin(), r.policies.end(),
                          [](const PolicyCovered& p) { return p.current; });
    for (const auto& [id, review] : reviews_)
        if (review.second) r.review_warnings.push_back(*review.second);
    if (!month_.empty()) {
        auto parse = [](const std::string& key) {
            return date::year{std::stoi(key.substr(0, 4))} /
                   date::month{static_cast<unsigned>(std::stoi(key.substr(5, 2)))};
        };
        const date::year_month first = r.from ? month_of(*r.from) : parse(month_.begin()->first);
        const date::year_month last = r.to ? month_of(*r.to) : parse(month_.rbegin()->first);
        r.by_month = timeline(month_, first, last, false);
        r.by_quarter = timeline(quarter_, first, last, true);
    }
    r.by_channel = by_count(channel_);
    r.by_category = by_count(category_);
    r.by_severity = by_count(severity_);
    r.by_status = by_count(status_);
    r.by_remedy = by_count(remedy_);
    for (const auto& [stage, count] : stage_)
        r.by_stage_reached.push_back({stage, count});
    std::stable_sort(r.by_stage_reached.begin(), r.by_stage_reached.end(),
                     [&](const Tally& a, const Tally& b) {
                         return stage_order_.at(a.key) < stage_order_.at(b.key);
                     });
    finish_findings(r);
    finish_milestones(r);
    r.days_to_last_outcome = spread_of(last_outcome_);
    std::map<std::string, long> categories = category_;
    categories.erase(not_recorded);
    r.repeat_categories = by_count(categories, 2);
    const std::vector<Tally> repeated = by_count(people_, 2);
    r.repeat_people = static_cast<long>(repeated.size());
    if (scope_.names) r.repeat_people_names = repeated;
    r.repeat_complainants = std::count_if(complainants_.begin(), complainants_.end(),
                                          [](const auto& entry) { return entry.second >= 2; });
    return r;
}

} // namespace complaints
