#pragma once
/// Complaint IDs: eight lowercase Crockford base-32 characters. The first three encode the
/// day of receipt (days since 2020-01-01), the last five are random, so two clones that add
/// complaints while apart do not collide and IDs sort roughly by date.

#include "complaints/result.hpp"
#include "complaints/time.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace complaints {

/// Makes a new ID for a complaint received on `day`; `random` supplies randomness.
std::string make_complaint_id(date::sys_days day, const std::function<std::uint32_t()>& random);

/// True when `text` is a well-formed ID or ID fragment (only ID characters, 1-8 long).
bool is_id_fragment(std::string_view text);

/// The ID `text` names when it is a whole one (eight characters, any case, look-alike letters
/// read as match_id reads them), else nothing.
std::optional<std::string> whole_id(std::string_view text);

/// Picks the ID that `fragment` names among `ids`: an exact match, else the only ID with it as
/// prefix or suffix. Unknown: not_found. Ambiguous: not_found listing the candidates.
Result<std::string> match_id(std::string_view fragment, const std::vector<std::string>& ids);

} // namespace complaints
