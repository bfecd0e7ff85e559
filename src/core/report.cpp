#include "complaints/report.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace complaints {

std::optional<double> OnTime::rate() const {
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

ReportBuilder::ReportBuilder(std::optional<Day> from, std::optional<Day> to) {
    report_.from = from;
    report_.to = to;
}

namespace {

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

const Event* first_event(const Complaint& c, std::string_view type) {
    for (const Event& e : c.events)
        if (e.type == type) return &e;
    return nullptr;
}

double days_between(Instant from, Instant to) {
    return std::chrono::duration<double>(to - from).count() / 86400.0;
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

int stage_reached(const Complaint& c, const ComplaintState& state, const Policy& policy) {
    int reached = policy.stage_index(policy.first_stage_for(c.severity, c.category).id);
    reached = std::max(reached, policy.stage_index(state.stage));
    for (const Event& e : c.events)
        if (e.type == event_type::escalated)
            reached = std::max(reached, policy.stage_index(e.stage));
    return reached;
}

} // namespace

void ReportBuilder::add(const Complaint& c, const ComplaintState& state, const Policy& policy,
                        const date::time_zone* zone) {
    const Day received = local_day(c.received, zone);
    if ((report_.from && received < *report_.from) || (report_.to && received > *report_.to))
        return;
    ++report_.total;
    if (state.status == ComplaintStatus::open) ++report_.open;
    ++month_[month_key(month_of(received))];
    ++quarter_[quarter_key(month_of(received))];
    ++channel_[c.channel.empty() ? "(not recorded)" : c.channel];
    ++category_[c.category.empty() ? "(not recorded)" : c.category];
    ++severity_[c.severity.empty() ? "(not recorded)" : c.severity];
    ++status_[status_name(state.status)];
    const int reached = stage_reached(c, state, policy);
    if (reached >= 0) {
        const std::string& stage = policy.stages[static_cast<std::size_t>(reached)].id;
        ++stage_[stage];
        stage_order_.emplace(stage, reached);
    }
    for (const Event& e : c.events)
        if (e.type == event_type::resolved)
            for (const auto& remedy : e.remedies)
                ++remedy_[remedy];
    for (const auto& person : c.people)
        ++people_[person];
    const std::string& who = c.contact.empty() ? c.name : c.contact;
    if (!who.empty()) ++complainants_[who];
    count_deadlines(state, policy);
    count_times(c);
}

void ReportBuilder::count_deadlines(const ComplaintState& state, const Policy& policy) {
    for (const Deadline& d : state.deadlines) {
        if (d.party != Party::staff) continue;
        const std::string name = d.stage + "/" + d.milestone->id;
        auto [slot, added] = on_time_index_.emplace(name, report_.on_time.size());
        if (added) {
            report_.on_time.push_back({name, d.milestone->title});
            const Stage* stage = policy.find_stage(d.stage);
            const auto place = stage ? d.milestone - stage->milestones.data() : 0;
            milestone_order_[name] = policy.stage_index(d.stage) * 1000 + static_cast<int>(place);
        }
        OnTime& tally = report_.on_time[slot->second];
        if (d.state == DeadlineState::met)
            ++(d.late ? tally.late : tally.on_time);
        else if (d.state == DeadlineState::overdue || d.state == DeadlineState::missed)
            ++tally.missed;
    }
}

void ReportBuilder::count_times(const Complaint& c) {
    if (const Event* ack = first_event(c, event_type::acknowledged))
        acknowledge_.push_back(days_between(c.received, ack->at));
    if (const Event* resolved = first_event(c, event_type::resolved))
        resolve_.push_back(days_between(c.received, resolved->at));
}

Report ReportBuilder::finish() const {
    Report r = report_;
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
    std::stable_sort(r.on_time.begin(), r.on_time.end(), [&](const OnTime& a, const OnTime& b) {
        return milestone_order_.at(a.milestone) < milestone_order_.at(b.milestone);
    });
    r.days_to_acknowledge = {static_cast<long>(acknowledge_.size()), percentile(acknowledge_, 0.5),
                             percentile(acknowledge_, 0.9)};
    r.days_to_resolve = {static_cast<long>(resolve_.size()), percentile(resolve_, 0.5),
                         percentile(resolve_, 0.9)};
    std::map<std::string, long> categories = category_;
    categories.erase("(not recorded)");
    r.repeat_categories = by_count(categories, 2);
    r.repeat_people = by_count(people_, 2);
    r.repeat_complainants = std::count_if(complainants_.begin(), complainants_.end(),
                                          [](const auto& entry) { return entry.second >= 2; });
    return r;
}

} // namespace complaints
