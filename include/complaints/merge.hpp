#pragma once
/// The three-way merge of one complaint file, for git's merge driver (`complaints merge-file`,
/// docs/FORMAT.md "Merges"). Events merge as a set by identity (time, type and author): an
/// event added on either side is kept once, one edited on one side replaces its old version,
/// one deleted on one side and untouched on the other goes. Intake fields merge three-way. A
/// true conflict (both sides changed the same thing differently) keeps this side's value and
/// records the other's in `Complaint::conflicts`, which `check` reports and `edit` settles.

#include "complaints/complaint.hpp"

namespace complaints {

/// `ours` and `theirs` merged against their common ancestor `base` (an empty complaint when
/// the file is new on both sides). Pure; never fails.
Complaint merge_complaints(const Complaint& base, const Complaint& ours, const Complaint& theirs);

} // namespace complaints
