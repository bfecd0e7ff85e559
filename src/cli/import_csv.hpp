#pragma once
/// Reading a spreadsheet register (CSV) for `complaints import --format csv`: cells by libcsv,
/// headings matched to intake fields, dates in ISO or UK forms, each row checked against the
/// policy before anything is written. Errors are at `FILE:ROW:COLUMN`, rows and columns
/// numbered as a spreadsheet numbers them (the heading row is row 1).

#include "complaints/complaint.hpp"
#include "complaints/policy.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace complaints::cli {

using SheetRow = std::vector<std::string>;

/// The rows of `text` as RFC 4180 reads them, heading row first; a leading UTF-8 byte-order
/// mark (Excel's) is dropped and blank lines are skipped. A quote out of place is an error at
/// `path:ROW:COLUMN`.
Result<std::vector<SheetRow>> parse_csv(std::string_view text, std::string_view path);

/// The intake fields a column may fill, as headings and `--map` name them.
const std::vector<std::string>& sheet_fields();

/// Which intake field each column fills ("" for a column left out). A heading matches a field
/// whatever its case and with spaces or dashes for underscores ("Received", "person");
/// `maps` ("HEADING=FIELD", "HEADING=" to leave the column out) name the rest. A heading that
/// matches nothing, or two columns for one field, is an error at `path:1:COLUMN`; a map that
/// names no field or no heading is a usage error.
Result<std::vector<std::string>> match_headings(const SheetRow& headings,
                                                const std::vector<std::string>& maps,
                                                std::string_view path);

/// A moment as spreadsheets write one: ISO (`2026-03-27`, `2026-03-27T10:00`, `2026-03-27
/// 10:00`) or UK (`27/03/2026`, `27/03/2026 10:00`), local to `zone`; a day alone is its start.
Result<Instant> parse_sheet_moment(std::string_view text, const date::time_zone* zone);

/// A day, `2026-03-27` or `27/03/2026`.
Result<Day> parse_sheet_day(std::string_view text);

/// What every row is checked against.
struct SheetContext {
    std::string path;
    const Policy* policy = nullptr;
    const date::time_zone* zone = nullptr; ///< the policy's
    Instant now{};                         ///< no complaint may be received after it
};

/// Row `row` (numbered as in the sheet) as a new complaint's intake: policy, received, the
/// fields its columns fill (`person` and `evidence` split at `;`); no ID and no events yet.
/// The received date is required and not after "now"; a severity must be the policy's
/// (any case); the row must say something (a summary or details). Every bad cell of the row
/// is an error at `path:ROW:COLUMN`.
std::vector<Error> check_row(const std::vector<std::string>& fields, const SheetRow& cells, int row,
                             const SheetContext& context, Complaint& complaint);

} // namespace complaints::cli
