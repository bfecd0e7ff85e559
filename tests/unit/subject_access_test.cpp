#include "complaints/subject_access.hpp"

#include <doctest/doctest.h>

using namespace complaints;

namespace {

Complaint from(const char* name, const char* contact) {
    Complaint c;
    c.name = name;
    c.contact = contact;
    return c;
}

SubjectMatch match(const Complaint& c, const char* who) {
    return find_subject(c, who).match;
}

} // namespace

TEST_SUITE_BEGIN("core::subject_access");

TEST_CASE("a parent asking by name or email finds their complaints, any case or spacing") {
    const Complaint c = from("Jo Bloggs", "Jo.Bloggs@Example.org");
    CHECK(find_subject(c, "jo bloggs").why == "name");
    CHECK(match(c, "  JO   BLOGGS ") == SubjectMatch::match);
    CHECK(find_subject(c, "jo.bloggs@example.org").why == "contact");
}

TEST_CASE("a close spelling is a near miss: left out, and listed for staff") {
    CHECK(find_subject(from("Jo Blogs", ""), "jo bloggs").why == "name is close");
    CHECK(find_subject(from("Mrs Jo Bloggs", ""), "Jo Bloggs").why == "name is close");
    CHECK(find_subject(from("", "jo.bloggs@example.org (evenings)"), "jo.bloggs@example.org").why ==
          "contact is close");
    Complaint about = from("Sam Smith", "sam@example.org");
    about.people = {"Jo Bloggs (parent)"};
    CHECK(find_subject(about, "Jo Bloggs").why == "named among the people involved");
}

TEST_CASE("someone else's complaint is neither") {
    CHECK(match(from("Priya Shah", "07700 900123"), "Jo Bloggs") == SubjectMatch::none);
    CHECK(match(from("Jo Bloggs", ""), "") == SubjectMatch::none);
    CHECK(match(from("", ""), "jo") == SubjectMatch::none);
}

TEST_SUITE_END();
