#pragma once
/// Enums and the words people write for them: one table of {value, name} pairs per enum, read
/// both ways. Parsing looks a name up and naming looks a value up in the same table, so
/// inserting an enumerator cannot silently shift what a name means (as indexing a list of
/// names by position could).

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace complaints {

/// One enumerator and the name files and output use for it.
template <class Enum> struct Named {
    Enum value;
    std::string_view name;
};

/// A table of every enumerator of `Enum` that has a name, in the order messages list them.
template <class Enum, std::size_t N> using NameTable = std::array<Named<Enum>, N>;

/// The value named exactly `name` in `table`, if any.
template <class Enum, std::size_t N>
constexpr std::optional<Enum> value_named(const NameTable<Enum, N>& table, std::string_view name) {
    for (const Named<Enum>& entry : table)
        if (entry.name == name) return entry.value;
    return std::nullopt;
}

/// The name of `value` in `table`; empty when the table does not list it (each table's unit
/// test proves it lists every enumerator).
template <class Enum, std::size_t N>
constexpr std::string_view name_of(const NameTable<Enum, N>& table, Enum value) {
    for (const Named<Enum>& entry : table)
        if (entry.value == value) return entry.name;
    return {};
}

/// The names of `table` in its order, e.g. for "use one of: ..." and "did you mean ...?".
template <class Enum, std::size_t N>
std::vector<std::string_view> names_in(const NameTable<Enum, N>& table) {
    std::vector<std::string_view> out;
    for (const Named<Enum>& entry : table)
        out.push_back(entry.name);
    return out;
}

} // namespace complaints
